"""Vocabulary labels in the reader's language, falling back to English until translated.

Recommendations point to the source (English) rows of the vocabularies;
their labels in another locale come from the translations of those rows.
Each vocabulary declares how the API names one of its rows (``api_label`` on the model).
The tables are small (a few hundred rows): they are built once per locale and kept in the
cache under the vocabularies' content version (api/versions.py), so a table built before a
vocabulary changed is never read again, in any process.
"""

from wagtail.models import Locale

from api import versions
from upr.models import AffectedGroup, Country, Cycle, SDGGoal, Session, Theme

# table -> the vocabulary whose labels it holds
TRANSLATABLE = {
    "countries": Country,
    "themes": Theme,
    "sdgs": SDGGoal,
    "affected_groups": AffectedGroup,
}


def label_schema(table):
    """The OpenAPI schema of one label of ``table``, as its vocabulary declares it."""
    return TRANSLATABLE[table].api_label_schema


class Labels:
    """``labels.countries[pk] == {"code": "RWA", "name": "U Rwanda"}`` for the source row ``pk``."""

    def __init__(self, tables):
        self.__dict__.update(tables)

    @classmethod
    def for_language(cls, language_code):
        tables = versions.cached(
            (versions.VOCABULARIES,), "upr-labels", language_code, lambda: cls._build(language_code)
        )
        return cls(tables)

    @staticmethod
    def _build(language_code):
        default = Locale.get_default()
        locale = Locale.objects.filter(language_code=language_code).first() or default
        tables = {}
        for name, model in TRANSLATABLE.items():
            (code_key, code_field), (label_key, label_field) = model.api_label.items()
            translated = dict(model.objects.filter(locale=locale).values_list("translation_key", label_field))
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
