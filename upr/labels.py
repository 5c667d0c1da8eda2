"""Vocabulary labels in the reader's language, falling back to English until translated.

Recommendations point to the source (English) rows of the vocabularies;
their labels in another locale come from the translations of those rows.
The tables are small (a few hundred rows): they are built once per locale
and kept in the cache until a vocabulary changes.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from wagtail.models import Locale

from upr.caching import CacheVersion
from upr.models import AffectedGroup, Country, Cycle, SDGGoal, Session, Theme

VOCABULARY_VERSION = CacheVersion("upr:labels:version")
vocabulary_changed = VOCABULARY_VERSION.bump
TRANSLATABLE = {
    "countries": (Country, "iso3", "name"),
    "themes": (Theme, "slug", "name"),
    "sdgs": (SDGGoal, "number", "title"),
    "affected_groups": (AffectedGroup, "slug", "name"),
}


def connect_signals():
    for model in (Country, Theme, SDGGoal, AffectedGroup, Cycle, Session):
        post_save.connect(vocabulary_changed, sender=model, dispatch_uid=f"upr-labels-{model.__name__}")
        post_delete.connect(vocabulary_changed, sender=model, dispatch_uid=f"upr-labels-del-{model.__name__}")


class Labels:
    """``labels.countries[pk] == {"code": "RWA", "name": "U Rwanda"}`` for the source row ``pk``."""

    def __init__(self, tables):
        self.__dict__.update(tables)

    @classmethod
    def for_language(cls, language_code):
        key = f"upr:labels:v2:{language_code}:{VOCABULARY_VERSION.get()}"
        tables = cache.get(key)
        if tables is None:
            tables = cls._build(language_code)
            cache.set(key, tables, timeout=60 * 60)
        return cls(tables)

    @staticmethod
    def _build(language_code):
        default = Locale.get_default()
        locale = Locale.objects.filter(language_code=language_code).first() or default
        tables = {}
        for name, (model, code_field, label_field) in TRANSLATABLE.items():
            translated = dict(model.objects.filter(locale=locale).values_list("translation_key", label_field))
            code_key = "number" if code_field == "number" else ("code" if code_field == "iso3" else "slug")
            label_key = "title" if label_field == "title" else "name"
            tables[name] = {
                pk: {code_key: code, label_key: translated.get(translation_key, label)}
                for pk, code, label, translation_key in model.objects.filter(locale=default).values_list(
                    "pk", code_field, label_field, "translation_key"
                )
            }
        tables["regional_groups"] = dict(
            Country.objects.filter(locale=default).values_list("pk", "regional_group")
        )
        tables["cycles"] = dict(Cycle.objects.values_list("pk", "number"))
        tables["sessions"] = dict(Session.objects.values_list("pk", "number"))
        return tables
