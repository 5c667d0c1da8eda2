"""The programme kinds every site starts with; editors add more under Snippets › Programme kinds."""

from django.apps import apps as global_apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS
from django.utils.text import slugify

from wagtail.coreutils import get_supported_content_language_variant

DEFAULT_KINDS = (
    "Policy and advocacy",
    "In-country",
    "Stakeholders",
    "Capacity building",
    "Legal protection of journalists",
)

# language code -> {default name: its translation}
TRANSLATIONS = {
    "fr": {
        "Policy and advocacy": "Politiques et plaidoyer",
        "In-country": "Dans le pays",
        "Stakeholders": "Parties prenantes",
        "Capacity building": "Renforcement des capacités",
        "Legal protection of journalists": "Protection juridique des journalistes",
    },
    "rw": {
        "Policy and advocacy": "Politiki n’ubuvugizi",
        "In-country": "Mu gihugu imbere",
        "Stakeholders": "Abafatanyabikorwa",
        "Capacity building": "Kongerera ubushobozi",
        "Legal protection of journalists": "Kurengera abanyamakuru mu by’amategeko",
    },
}


def _default_locale(Locale, using):
    language_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return Locale.objects.using(using).filter(language_code=language_code).first()


def ensure_programme_kinds(using=DEFAULT_DB_ALIAS):
    """Create the default kinds that are missing, in the default locale; return how many were created.

    Does nothing when the default locale does not exist yet (``locales`` or
    the site setup creates it, then calls this again). Kinds that an editor
    renamed or described are left alone: a kind is found by its slug.
    """
    Locale = global_apps.get_model("wagtailcore", "Locale")
    ProgrammeKind = global_apps.get_model("programmes", "ProgrammeKind")
    locale = _default_locale(Locale, using)
    if locale is None:
        return 0
    existing = set(ProgrammeKind.objects.using(using).filter(locale=locale).values_list("slug", flat=True))
    created = 0
    for name in DEFAULT_KINDS:
        slug = slugify(name)
        if slug not in existing:
            ProgrammeKind(name=name, slug=slug, locale=locale).save(using=using)
            created += 1
    return created


def translate_programme_kinds(strings=None):
    """Translate the default kinds into the other content languages; return how many translations were made.

    ``strings`` adds, by language code, translations of other texts of the
    kinds (their descriptions) to those of the default names. This goes
    through wagtail-localize, like an editor's "Translate" action, so the
    translations stay synchronised with their kind and can be edited in the
    admin. Only texts that still say what is known are translated, and only
    into a language the kind has no translation in yet: a kind an editor
    translated is left alone, and running this again changes nothing.
    """
    from locales.translation import translate
    from programmes.models import ProgrammeKind

    Locale = global_apps.get_model("wagtailcore", "Locale")
    default = _default_locale(Locale, DEFAULT_DB_ALIAS)
    if default is None:
        return 0
    made = 0
    kinds = ProgrammeKind.objects.filter(locale=default, slug__in=[slugify(name) for name in DEFAULT_KINDS])
    for kind in kinds.order_by("pk"):
        for locale in Locale.objects.filter(language_code__in=TRANSLATIONS).order_by("pk"):
            if kind.get_translation_or_none(locale) is not None:
                continue
            known = {**TRANSLATIONS[locale.language_code], **(strings or {}).get(locale.language_code, {})}
            wanted = {text: known[text] for text in (kind.name, kind.description) if text in known}
            if wanted:
                translate(kind, locale, wanted)
                made += 1
    return made


def create_programme_kinds(sender, *, apps=global_apps, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate handler: seed the kinds once the programmes tables exist."""
    try:
        apps.get_model("programmes", "ProgrammeKind")
        apps.get_model("wagtailcore", "Locale")
    except LookupError:
        # Migrated only part of the way: the tables are not there yet.
        return
    ensure_programme_kinds(using=using)
