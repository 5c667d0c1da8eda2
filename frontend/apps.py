from django.apps import AppConfig
from django.conf.locale import LANG_INFO

# Django ships no Kinyarwanda; described here the way Django describes its own languages.
KINYARWANDA = {"bidi": False, "code": "rw", "name": "Kinyarwanda", "name_local": "Ikinyarwanda"}


class FrontendConfig(AppConfig):
    name = "frontend"
    verbose_name = "Public site"

    def ready(self):
        LANG_INFO.setdefault("rw", KINYARWANDA)
