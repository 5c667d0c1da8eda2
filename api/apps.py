from django.apps import AppConfig


class APIConfig(AppConfig):
    name = "api"
    label = "api"
    verbose_name = "API"
    default_auto_field = "django.db.models.BigAutoField"
    # Its own table of versions moves none.
    api_versions = ()

    def ready(self):
        from api import stored_pages
        from api.caching import connect_signals

        connect_signals()
        stored_pages.connect_signals()
