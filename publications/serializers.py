from rest_framework import serializers


class PublicationFilesField(serializers.Field):
    """The PDFs of a publication: language, title, download URL, size and page count.

    With ``languages_only``, the list of the languages the publication exists in.
    """

    def __init__(self, *, languages_only=False, **kwargs):
        self.languages_only = languages_only
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def openapi_schema(self):
        from home.openapi import INTEGER, LANGUAGE, STRING, URL, array, nullable, obj

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
        files = list(files.all().select_related("document"))
        if self.languages_only:
            return list(dict.fromkeys(file.language for file in files))
        from wagtail.api.v2.utils import get_full_url  # loads the Page model: not at import time

        request = self.context.get("request")
        return [
            {
                "id": file.document.pk,
                "title": file.document.title,
                "language": file.language,
                "download_url": get_full_url(request, file.document.url) if request else file.document.url,
                "file_size": file.document.file_size,
                "page_count": file.document.page_count,
            }
            for file in files
        ]
