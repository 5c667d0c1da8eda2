"""The text inside documents, page by page, and what happened when it was read."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin


class DocumentText(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be read")
        EXTRACTED = "extracted", _("Text extracted")
        NO_TEXT = "no_text", _("No text layer (a scan?)")
        ENCRYPTED = "encrypted", _("Protected by a password")
        DAMAGED = "damaged", _("Damaged or truncated PDF")
        TOO_LARGE = "too_large", _("Too large to read")
        NOT_PDF = "not_pdf", _("Not a PDF")
        FAILED = "failed", _("Reading failed; will be retried")

    document = models.OneToOneField(
        settings.WAGTAILDOCS_DOCUMENT_MODEL, on_delete=models.CASCADE, related_name="text"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    detail = models.TextField(blank=True, help_text=_("What went wrong, for the technical team."))
    page_count = models.PositiveIntegerField(null=True, blank=True)
    language = models.CharField(
        max_length=8,
        blank=True,
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        help_text=_("The language the text was found to be in (en, fr or rw); empty when it could not tell."),
    )
    characters = models.PositiveIntegerField(default=0)
    extractor = models.CharField(max_length=50, blank=True)
    extracted_file = models.CharField(
        max_length=255, blank=True, help_text=_("The stored file the text was read from.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("document text")
        verbose_name_plural = _("document texts")

    def __str__(self):
        return f"{self.document} ({self.get_status_display()})"

    def full_text(self):
        """The text of every page, in order; empty unless it was read."""
        if self.status != self.Status.EXTRACTED:
            return ""
        return "\n".join(self.pages.order_by("number").values_list("text", flat=True))


class DocumentPageQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class DocumentPage(index.Indexed, models.Model):
    """The text of one page: a search hit can say on which page it is."""

    document_text = models.ForeignKey(DocumentText, on_delete=models.CASCADE, related_name="pages")
    number = models.PositiveIntegerField()
    text = models.TextField()
    terms = models.TextField(
        blank=True, editable=False, help_text=_("The words of the text as the search matches them.")
    )

    objects = DocumentPageQuerySet.as_manager()

    search_fields = [
        index.SearchField("terms"),
        index.FilterField("document_text"),
        index.FilterField("number"),
    ]

    class Meta:
        ordering = ["document_text", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document_text", "number"], name="search_document_page_unique")
        ]

    def __str__(self):
        return f"{self.document_text.document} p. {self.number}"
