from django.apps import AppConfig


class LocalesConfig(AppConfig):
    name = "locales"
    verbose_name = "Locales"

    def ready(self):
        from .languages import register_extra_languages

        register_extra_languages()
