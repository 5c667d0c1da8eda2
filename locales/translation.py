"""Create locales and translations through wagtail-localize, the way an editor's "Translate" action does.

Everything here goes through wagtail-localize's own objects (translation
sources, translations, string translations imported as a PO file), so that
a page or snippet translated here stays synchronised with its source and
can be edited in the admin's translation editor afterwards.
"""

from collections.abc import Mapping

from django.conf import settings
from django.db import transaction

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationLog, TranslationSource


class UnknownSourceStrings(ValueError):
    """Translations were given for text that the source does not contain (any more)."""

    def __init__(self, instance, strings):
        self.strings = sorted(strings)
        listed = "; ".join(repr(text[:80]) for text in self.strings)
        super().__init__(f"{instance!r} has no source text {listed}")


def content_language_codes():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def ensure_locales():
    """Create a Locale for every content language; return them in settings order."""
    return [Locale.objects.get_or_create(language_code=code)[0] for code in content_language_codes()]


@transaction.atomic
def translate(instance, locale, strings: Mapping[str, str] | None = None, *, user=None, publish=True):
    """Translate ``instance`` into ``locale`` and return the translated instance.

    ``strings`` maps source segments (as wagtail-localize extracts them:
    titles, paragraphs, list items...) to their translation. Segments left
    out keep the source text until someone translates them; a string that
    the source does not contain raises UnknownSourceStrings. Nothing is saved
    when the translation already says exactly that, so calling this twice
    changes nothing.
    """
    # The source is what the database holds, not what an unsaved object says.
    instance = type(instance).objects.get(pk=instance.pk)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )

    po = translation.export_po()
    strings = dict(strings or {})
    unknown = set(strings) - {entry.msgid for entry in po if not entry.obsolete}
    if unknown:
        raise UnknownSourceStrings(instance, unknown)
    strings_changed = False
    for entry in po:
        wanted = strings.get(entry.msgid)
        if wanted is not None and entry.msgstr != wanted:
            entry.msgstr = wanted
            strings_changed = True
    if strings_changed:
        translation.import_po(po, user=user)

    # The source is shared by every target locale: whether this target is up to
    # date is told by its own log of syncs, not by the source alone.
    last_sync = (
        TranslationLog.objects.filter(source=source, locale=locale)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    source_changed = last_sync is None or last_sync < source.last_updated_at
    if strings_changed or source_changed or instance.get_translation_or_none(locale) is None:
        translation.save_target(user=user, publish=publish)
    return instance.get_translation(locale)


def ensure_site_root_translations(site_root: Page, *, user=None):
    """Give the site's root page a translation in every content language."""
    translated = {}
    for locale in ensure_locales():
        if locale.pk == site_root.locale_id:
            translated[locale.language_code] = site_root.specific
            continue
        existing = site_root.get_translation_or_none(locale)
        translated[locale.language_code] = (
            existing.specific if existing else translate(site_root, locale, user=user)
        )
    return translated
