from django.apps import AppConfig


class UprConfig(AppConfig):
    name = "upr"
    verbose_name = "UPR recommendations"

    def ready(self):
        from .labels import connect_signals

        connect_signals()
