from django.conf import settings
from django.db import models

from wagtail.documents.models import AbstractDocument, Document


class ReportDocument(AbstractDocument):
    """A document (most often a report PDF) with what a reader needs to know before opening it."""

    language = models.CharField(
        max_length=8,
        blank=True,
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        help_text="The language the document is written in.",
    )
    description = models.TextField(blank=True)

    admin_form_fields = (*Document.admin_form_fields, "language", "description")

    class Meta(AbstractDocument.Meta):
        verbose_name = "document"
        verbose_name_plural = "documents"
