"""API fields of programme and training video pages (exposed with ``APIField(..., serializer=...)``)."""

from django.conf import settings

from api import versions
from api.api_fields import ReadOnlyAPIField, image_representation
from api.openapi import IMAGE, INTEGER, STRING, URL, array, nullable, obj
from api.public import related_rows
from programmes.embeds import UnsupportedVideoURL, parse_video_url


class ProgrammeKindField(ReadOnlyAPIField):
    """``{"id", "slug", "name", "description"}`` in the page's language; the id is the source row's.

    Every translation of a programme points to the same (default-locale)
    kind, so ``?kind=<id>`` filters programmes in any locale.
    """

    def openapi_schema(self):
        return nullable(obj({"id": INTEGER, "slug": STRING, "name": STRING, "description": STRING}))

    def to_representation(self, kind):
        name, description = kind.name, kind.description
        if kind.locale_id != self.locale.pk:
            name, description = _kinds(type(kind), self.locale.pk).get(
                kind.translation_key, (name, description)
            )
        return {"id": kind.pk, "slug": kind.slug, "name": name, "description": description}


def _kinds(model, locale_pk):
    """``{translation_key: (name, description)}`` of the programme kinds in a locale, read once per
    change of content."""

    def read():
        rows = model.objects.filter(locale_id=locale_pk)
        return {row.translation_key: (row.name, row.description) for row in rows}

    return versions.cached([versions.CONTENT], "programme-kinds", (locale_pk,), read)


class PartnersField(ReadOnlyAPIField):
    """``[{"name", "url", "logo"}]``, the logo as an image with renditions."""

    def openapi_schema(self):
        return array(obj({"name": STRING, "url": STRING, "logo": nullable(IMAGE)}))

    def to_representation(self, partners):
        return [
            {
                "name": partner.name,
                "url": partner.url,
                "logo": image_representation(partner.logo, self.context.get("request")),
            }
            for partner in related_rows(partners, "logo")
        ]


class ContactField(ReadOnlyAPIField):
    """``{"name", "email", "phone"}`` of the programme's contact person, or null. Use with ``source="*"``."""

    def openapi_schema(self):
        return nullable(obj({"name": STRING, "email": STRING, "phone": STRING}))

    def to_representation(self, page):
        contact = {"name": page.contact_name, "email": page.contact_email, "phone": page.contact_phone}
        return contact if any(contact.values()) else None


class EmbedField(ReadOnlyAPIField):
    """``{"provider", "id", "url", "embed_url"}`` of a YouTube or Vimeo address, worked out without network."""

    def openapi_schema(self):
        provider = {"type": "string", "enum": ["youtube", "vimeo"]}
        return nullable(obj({"provider": provider, "id": STRING, "url": URL, "embed_url": URL}))

    def to_representation(self, url):
        if not url:
            return None
        try:
            embed = parse_video_url(url)
        except UnsupportedVideoURL:
            return None
        return {
            "provider": embed.provider,
            "id": embed.video_id,
            "url": embed.url,
            "embed_url": embed.embed_url,
        }


class DocumentField(ReadOnlyAPIField):
    """``{"id", "title", "url", "content_type", "file_size"}`` of a document; the URL goes through Wagtail's serve view."""

    def openapi_schema(self):
        return nullable(
            obj(
                {
                    "id": INTEGER,
                    "title": STRING,
                    "url": URL,
                    "content_type": STRING,
                    "file_size": nullable(INTEGER),
                }
            )
        )

    def to_representation(self, document):
        return {
            "id": document.pk,
            "title": document.title,
            "url": self.full_url(document.url),
            "content_type": document.content_type,
            "file_size": document.file_size,
        }


class SubtitlesField(ReadOnlyAPIField):
    """``[{"language", "label", "url"}]``: one WebVTT file per language, for ``<track>`` elements."""

    def openapi_schema(self):
        return array(obj({"language": STRING, "label": STRING, "url": URL}))

    def to_representation(self, subtitles):
        labels = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
        return [
            {
                "language": subtitle.language,
                "label": labels.get(subtitle.language, subtitle.language),
                "url": self.full_url(subtitle.file.url),
            }
            for subtitle in related_rows(subtitles, "file")
        ]


class DurationSecondsField(ReadOnlyAPIField):
    """A duration as a whole number of seconds."""

    def openapi_schema(self):
        return nullable({"type": "integer", "minimum": 0, "description": "seconds"})

    def to_representation(self, duration):
        return int(duration.total_seconds())
