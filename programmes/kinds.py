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


def ensure_programme_kinds(using=DEFAULT_DB_ALIAS):
    """Create the default kinds that are missing, in the default locale; return how many were created.

    Does nothing when the default locale does not exist yet (``locales`` or
    the site setup creates it, then calls this again). Kinds that an editor
    renamed or described are left alone: a kind is found by its slug.
    """
    Locale = global_apps.get_model("wagtailcore", "Locale")
    ProgrammeKind = global_apps.get_model("programmes", "ProgrammeKind")
    language_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    locale = Locale.objects.using(using).filter(language_code=language_code).first()
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


def create_programme_kinds(sender, *, apps=global_apps, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate handler: seed the kinds once the programmes tables exist."""
    try:
        apps.get_model("programmes", "ProgrammeKind")
        apps.get_model("wagtailcore", "Locale")
    except LookupError:
        # Migrated only part of the way: the tables are not there yet.
        return
    ensure_programme_kinds(using=using)
