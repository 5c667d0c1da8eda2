"""API fields shared by every page type: related pages and images as a front end needs them."""

from rest_framework import serializers

from wagtail.images.api.fields import ImageRenditionField

# The renditions every image comes with in the API.
IMAGE_RENDITIONS = {"thumbnail": "fill-400x300", "medium": "max-1200x800", "large": "max-2400x1600"}


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


class RelatedPagesField(serializers.Field):
    """Live, public pages of a relation (a queryset, a list, or an orderable with ``attribute``).

    Each page is given in the locale of the page being serialised when a
    translation exists there, so a French page lists French related pages.
    """

    def __init__(self, *, attribute=None, **kwargs):
        self.page_attribute = attribute
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        self._locale = instance.locale
        return super().get_attribute(instance)

    def openapi_schema(self):
        from home.openapi import PAGE_SUMMARY, array

        return array(PAGE_SUMMARY)

    def to_representation(self, value):
        items = value.all() if hasattr(value, "all") else value
        pages = [getattr(item, self.page_attribute) if self.page_attribute else item for item in items]
        return [
            page_summary(page, self._locale)
            for page in pages
            if page is not None and page.live and not page.get_view_restrictions().exists()
        ]


class RelatedPageField(RelatedPagesField):
    """One related page (a ForeignKey), or null."""

    def openapi_schema(self):
        from home.openapi import PAGE_SUMMARY, nullable

        return nullable(PAGE_SUMMARY)

    def to_representation(self, value):
        summaries = super().to_representation([value] if value is not None else [])
        return summaries[0] if summaries else None


class ImageField(serializers.Field):
    """An image with its id, title, alt text, credit and a few renditions (url, width, height)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def openapi_schema(self):
        from home.openapi import IMAGE, nullable

        return nullable(IMAGE)

    def to_representation(self, image):
        if image is None:
            return None
        return {
            "id": image.pk,
            "title": image.title,
            "alt": getattr(image, "alt_text", ""),
            "credit": getattr(image, "credit", ""),
            "renditions": {
                name: ImageRenditionField(spec).to_representation(image)
                for name, spec in IMAGE_RENDITIONS.items()
            },
        }


class LocalisedStreamField(serializers.Field):
    """A StreamField's API representation, with the page's locale in the blocks' context.

    wagtail-localize keeps page choosers in a translation pointing at the
    source page (pages are localised at runtime); ``PageLinkBlock`` reads the
    locale from this context to give the page in the reader's language.
    """

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        self._locale = instance.locale
        return super().get_attribute(instance)

    def openapi_schema(self):
        from home.openapi import STREAM

        return STREAM

    def to_representation(self, value):
        return value.stream_block.get_api_representation(value, {**self.context, "locale": self._locale})
