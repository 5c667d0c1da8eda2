"""API fields of publications and events."""

from api.api_fields import ReadOnlyAPIField
from api.openapi import DATE, DATETIME, INTEGER, LANGUAGE, STRING, URL, array, nullable, obj
from api.public import related_rows
from upr.deadlines import COMING_DAYS, coming_deadlines


class PublicationFilesField(ReadOnlyAPIField):
    """The PDFs of a publication: language, title, download URL, size and page count.

    With ``languages_only``, the list of the languages the publication exists in.
    """

    def __init__(self, *, languages_only=False, **kwargs):
        self.languages_only = languages_only
        super().__init__(**kwargs)

    def openapi_schema(self):
        if self.languages_only:
            return array(LANGUAGE)
        return array(
            obj(
                {
                    "id": INTEGER,
                    "title": STRING,
                    "language": LANGUAGE,
                    "download_url": URL,
                    "file_size": nullable(INTEGER),
                    "page_count": nullable(INTEGER),
                }
            )
        )

    def to_representation(self, files):
        files = related_rows(files, "document")
        if self.languages_only:
            return list(dict.fromkeys(file.language for file in files))
        return [
            {
                "id": file.document.pk,
                "title": file.document.title,
                "language": file.language,
                "download_url": self.full_url(file.document.url),
                "file_size": file.document.file_size,
                "page_count": file.document.page_count,
            }
            for file in files
        ]


class LocalDateTimeField(ReadOnlyAPIField):
    """An aware datetime given in the event's own time zone, with its offset (2026-03-02T09:00:00+02:00)."""

    schema = nullable(DATETIME)

    def get_attribute(self, instance):
        self._zone = instance.zone
        return super().get_attribute(instance)

    def to_representation(self, value):
        return value.astimezone(self._zone).isoformat() if value else None


class ComingDeadlinesField(ReadOnlyAPIField):
    """The UPR calendar's deadlines in the weeks after a newsletter issue's date, with their sources:
    ``[{"session", "kind", "title", "date", "source"}]``, titles in the page's language."""

    schema = {
        **array(
            obj(
                {
                    "session": INTEGER,
                    "kind": {
                        "type": "string",
                        "enum": [
                            "national_report_deadline",
                            "un_compilation_deadline",
                            "stakeholder_deadline",
                            "mid_term_report_due",
                        ],
                    },
                    "title": STRING,
                    "date": DATE,
                    "source": {"type": "string", "description": "The document that states the date."},
                }
            )
        ),
        "description": f"The UPR deadlines in the {COMING_DAYS} days after the issue's date.",
    }

    def to_representation(self, day):
        return [
            {**deadline, "date": deadline["date"].isoformat()}
            for deadline in coming_deadlines(day, language=self.language)
        ]
