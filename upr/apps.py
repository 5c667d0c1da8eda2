from django.apps import AppConfig


class UprConfig(AppConfig):
    name = "upr"
    verbose_name = "UPR recommendations"

    def ready(self):
        from . import caching, labels

        labels.connect_signals()
        caching.connect_signals()
