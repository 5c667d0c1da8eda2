"""Read-only API fields: the base every field of ours builds on, and the fields every page type shares.

A field of ours says what its JSON looks like with ``openapi_schema()`` (built with the blocks of
:mod:`api.openapi`), and reads what it needs of the object being serialised (its locale) in
``get_attribute``. Related pages and images are given as a front end needs them.
"""

from rest_framework import serializers

from django.db.models import prefetch_related_objects
from django.utils import translation

from wagtail.api.utils import get_full_url
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.views.serve import generate_image_url
from wagtail.models import Page

from api.openapi import ANY, IMAGE, INTEGER, LANGUAGE, PAGE_SUMMARY, STREAM, STRING, array, nullable, obj
from api.public import public_tree, related_rows

# The renditions every image comes with in the API.
IMAGE_RENDITIONS = {"thumbnail": "fill-400x300", "medium": "max-1200x800", "large": "max-2400x1600"}


class ReadOnlyAPIField(serializers.Field):
    """A field that is only read (``APIField("x", serializer=SomeField())``).

    While serialising, ``self.locale`` is the locale of the object being serialised (for
    objects that have one), so that related items can be given in the reader's language.
    Subclasses describe their JSON with ``openapi_schema()``.
    """

    schema = ANY

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        self.locale = getattr(instance, "locale", None)
        return super().get_attribute(instance)

    @property
    def language(self):
        return self.locale.language_code if self.locale is not None else None

    def openapi_schema(self):
        return self.schema

    def full_url(self, url):
        """``url`` made absolute from the request (or ``WAGTAILAPI_BASE_URL``)."""
        request = self.context.get("request")
        return get_full_url(request, url) if request else url


def localised_page(page, locale=None):
    """The page's live translation in ``locale`` if there is one, else the page itself."""
    page = page.specific_deferred if hasattr(page, "specific_deferred") else page
    if locale is not None and page.locale_id != locale.pk:
        translated = page.get_translation_or_none(locale)
        if translated is not None and translated.live:
            return translated.specific_deferred
    return page


def page_summary(page, locale=None):
    """``{"id", "title", "url", "type"}`` of a page, in ``locale`` when it has a live translation there."""
    page = localised_page(page, locale)
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_url(),
        "type": f"{page._meta.app_label}.{page.__class__.__name__}",
    }


def localised_summaries(pages, locale=None):
    """:func:`page_summary` of each page the public may see, in ``locale`` where it has a live
    translation there: one query for all the translations, none for the checks."""
    tree = public_tree()
    pages = [page for page in pages if tree.is_public(page)]
    keys = [page.translation_key for page in pages if locale is not None and page.locale_id != locale.pk]
    translated = {}
    if keys:
        for translation in Page.objects.filter(translation_key__in=keys, locale=locale, live=True):
            if tree.is_public(translation):
                translated[translation.translation_key] = translation
    return [page_summary(translated.get(page.translation_key, page)) for page in pages]


class RelatedPagesField(ReadOnlyAPIField):
    """Live, public pages of a relation (a queryset, a list, or an orderable with ``attribute``).

    Each page is given in the locale of the page being serialised when a
    translation exists there, so a French page lists French related pages.
    """

    schema = array(PAGE_SUMMARY)

    def __init__(self, *, attribute=None, **kwargs):
        self.page_attribute = attribute
        super().__init__(**kwargs)

    def to_representation(self, value):
        if hasattr(value, "all"):
            items = related_rows(value, self.page_attribute) if self.page_attribute else related_rows(value)
        else:
            items = value
        pages = [getattr(item, self.page_attribute) if self.page_attribute else item for item in items]
        return localised_summaries([page for page in pages if page is not None], self.locale)


class RelatedPageField(RelatedPagesField):
    """One related page (a ForeignKey), or null."""

    schema = nullable(PAGE_SUMMARY)

    def to_representation(self, value):
        summaries = super().to_representation([value] if value is not None else [])
        return summaries[0] if summaries else None


def image_representation(image, request=None):
    """An image as the API gives it: id, title, alt text, credit and a few renditions.

    From a private bucket, a rendition's own URL is signed and soon expires: each is then given
    at an address of the CMS that redirects to a freshly signed one (home/views.py)."""
    if image is None:
        return None
    if "renditions" not in getattr(image, "_prefetched_objects_cache", {}):
        prefetch_related_objects([image], "renditions")  # every rendition in one query
    renditions = {
        name: ImageRenditionField(spec).to_representation(image) for name, spec in IMAGE_RENDITIONS.items()
    }
    if getattr(image.file.storage, "querystring_auth", False):
        for name, spec in IMAGE_RENDITIONS.items():
            if "url" in renditions[name]:
                url = generate_image_url(image, spec)
                full_url = request.build_absolute_uri(url) if request is not None else get_full_url(None, url)
                renditions[name] = {**renditions[name], "url": url, "full_url": full_url}
    return {
        "id": image.pk,
        "title": image.title,
        "alt": getattr(image, "alt_text", ""),
        "credit": getattr(image, "credit", ""),
        "renditions": renditions,
    }


class ImageField(ReadOnlyAPIField):
    """An image with its id, title, alt text, credit and a few renditions (url, width, height)."""

    schema = nullable(IMAGE)

    def to_representation(self, image):
        return image_representation(image, self.context.get("request"))


class TranslationsField(ReadOnlyAPIField):
    """The page in the other languages it is published in, for a language switch:
    ``[{"locale": "fr", "id": 12, "title": "…", "url": "/fr/…/"}]``."""

    schema = array(
        obj(
            {
                "locale": LANGUAGE,
                "id": INTEGER,
                "title": STRING,
                "url": nullable({"type": "string", "description": "The translation's address on the site."}),
            }
        )
    )

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, page):
        translations = self._translations_of(page)
        return [
            {
                "locale": translation.locale.language_code,
                "id": translation.pk,
                "title": translation.title,
                "url": translation.get_url(),
            }
            for translation in translations.get(page.translation_key, ())
            if translation.pk != page.pk
        ]

    def _translations_of(self, page):
        """``{translation_key: [live, public pages]}`` for the page, or for every page of the
        listing it is part of: one query for the whole listing (none for a page read with its
        translations: ``_api_translations``)."""
        read = getattr(page, "_api_translations", None)
        if read is not None:
            tree = public_tree()  # live, and under no restriction
            return {page.translation_key: [row for row in read if tree.is_public(row)]}
        listing = getattr(getattr(self.parent, "parent", None), "instance", None)
        pages = getattr(listing, "_result_cache", listing) if listing is not None else None
        memo = getattr(self, "_memo", None)
        if isinstance(pages, list) and memo is not None and memo[0] is pages and page.pk in memo[1]:
            return memo[2]
        if not isinstance(pages, list) or page.pk not in {item.pk for item in pages}:
            pages = [page]
        tree = public_tree()
        found = {}
        rows = (
            Page.objects.filter(translation_key__in={item.translation_key for item in pages})
            .live()
            .select_related("locale")
            .order_by("locale__language_code")
        )
        for row in rows:
            if tree.is_public(row):
                found.setdefault(row.translation_key, []).append(row)
        self._memo = (pages, {item.pk for item in pages}, found)
        return found


class LocalisedStreamField(ReadOnlyAPIField):
    """A StreamField's API representation, with the page's locale in the blocks' context.

    wagtail-localize keeps page choosers in a translation pointing at the
    source page (pages are localised at runtime); ``PageLinkBlock`` reads the
    locale from this context to give the page in the reader's language.
    """

    schema = STREAM

    def to_representation(self, value):
        return value.stream_block.get_api_representation(value, {**self.context, "locale": self.locale})


class ChoiceLabelField(ReadOnlyAPIField):
    """The label of a choice in the language of the page, e.g. "Arrest and detention" for ``arrest_and_detention``."""

    def __init__(self, choices, **kwargs):
        self.labels = dict(choices.choices)
        super().__init__(**kwargs)

    def openapi_schema(self):
        return nullable(STRING)

    def to_representation(self, value):
        label = self.labels.get(value)
        if label is None:
            return None
        with translation.override(self.language):
            return str(label)
