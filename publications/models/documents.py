from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.documents.models import AbstractDocument, Document

from home.uploads import clean_upload, guard_upload


class ReportDocument(AbstractDocument):
    """A document (most often a report PDF) with what a reader needs to know before opening it.

    ``is_pdf``, ``page_count`` and ``cover`` are filled in by a background
    task after each upload (see publications.tasks), never in the request.
    """

    language = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        help_text=_("The language the document is written in."),
    )
    description = models.TextField(_("description"), blank=True)
    is_pdf = models.BooleanField(_("is PDF"), default=False, editable=False)
    page_count = models.PositiveIntegerField(_("page count"), null=True, blank=True, editable=False)
    cover = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("cover"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text=_("The first page of the PDF, rendered after upload."),
    )

    described_file = models.CharField(_("described file"), max_length=255, blank=True, editable=False)

    admin_form_fields = (*Document.admin_form_fields, "language", "description")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    @property
    def page_count_text(self):
        """The page count as "12 pages", for the admin; empty until the PDF was read (or if not a PDF)."""
        if self.page_count is None:
            return ""
        return ngettext("%(count)s page", "%(count)s pages", self.page_count) % {"count": self.page_count}

    def clean(self):
        super().clean()  # the extension is one of WAGTAILDOCS_EXTENSIONS
        clean_upload(self.file)  # and the bytes are what it says

    def save(self, *args, **kwargs):
        guard_upload(self.file)
        return super().save(*args, **kwargs)
