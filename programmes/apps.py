from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = "Programmes"
    api_versions = ("content",)

    def ready(self):
        from .kinds import create_programme_kinds

        post_migrate.connect(create_programme_kinds, sender=self, dispatch_uid="programmes-kinds")
