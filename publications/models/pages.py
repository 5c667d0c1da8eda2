from rest_framework import serializers

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from api.api_fields import ChoiceLabelField, ImageField
from api.filters import APIFilter
from home.blocks import BodyStreamBlock
from home.models import BasePage, IndexPage
from publications.api_fields import PublicationFilesField
from publications.choices import PublicationType
from publications.panels import CoverFallbackPanel, DocumentFactsPanel
from publications.validators import validate_report_pdf
from upr.api_fields import RecommendationSummaryField, SessionField, VocabularyField
from upr.models import original_recommendations, source_rows


class PublicationIndexPage(IndexPage):
    """Publications, newest first, with the filters of the API."""

    intro = RichTextField(_("intro"), blank=True, features=["bold", "italic", "link"])

    subpage_types = ["publications.PublicationPage"]

    class Meta:
        verbose_name = _("publication index")
        verbose_name_plural = _("publication indexes")


class PublicationPage(BasePage):
    """A report, assessment, plan, newsletter or manual: its PDF(s) and what it is about."""

    publication_type = models.CharField(_("type"), max_length=32, choices=PublicationType.choices)
    publication_date = models.DateField(
        _("publication date"), help_text=_("The date printed on the publication.")
    )
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("Two or three sentences shown in listings and search results."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, use_json_field=True, verbose_name=_("body"))
    cover_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to use the first page of the PDF."),
    )
    countries = ParentalManyToManyField(
        "upr.Country",
        verbose_name=_("countries"),
        blank=True,
        related_name="publications",
        limit_choices_to=source_rows,
    )
    themes = ParentalManyToManyField(
        "upr.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="publications",
        limit_choices_to=source_rows,
    )
    cycle = models.ForeignKey(
        "upr.Cycle",
        verbose_name=_("cycle"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="publications",
    )
    session = models.ForeignKey(
        "upr.Session",
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="publications",
    )
    recommendations = ParentalManyToManyField(
        "upr.Recommendation",
        verbose_name=_("recommendations"),
        blank=True,
        related_name="publications",
        help_text=_("The recommendations this publication covers or assesses."),
        limit_choices_to=original_recommendations,
    )

    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types = []

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("publication_type"),
        SynchronizedField("publication_date"),
        SynchronizedField("cover_image"),
        SynchronizedField("countries"),
        SynchronizedField("themes"),
        SynchronizedField("cycle"),
        SynchronizedField("session"),
        SynchronizedField("recommendations"),
        SynchronizedField("files"),
        TranslatableField("authors"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("publication_type"),
        index.FilterField("publication_date"),
        index.FilterField("countries"),
        index.FilterField("themes"),
        index.FilterField("cycle"),
        index.FilterField("session"),
        index.RelatedFields("authors", [index.SearchField("name"), index.SearchField("organisation")]),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("publication_type"),
        APIField(
            "publication_type_label", serializer=ChoiceLabelField(PublicationType, source="publication_type")
        ),
        APIField("publication_date"),
        APIField("summary"),
        APIField("body"),
        APIField("cover", serializer=ImageField(source="cover_or_first_page")),
        APIField("files", serializer=PublicationFilesField()),
        APIField("languages", serializer=PublicationFilesField(source="files", languages_only=True)),
        APIField("authors"),
        APIField("countries", serializer=VocabularyField("countries")),
        APIField("themes", serializer=VocabularyField("themes")),
        APIField("cycle", serializer=serializers.IntegerField(source="cycle.number", read_only=True)),
        APIField("session", serializer=SessionField()),
        APIField("recommendations", serializer=RecommendationSummaryField()),
    ]
    # What the API fields read of each related row (api/public.py).
    api_related_rows = {
        "files": ("document__cover",),
        "session": ("cycle",),
        "recommendations": ("state_under_review", "session"),
        "cover_image": (),
    }
    api_filters = [
        APIFilter("country", "countries__iso3", kind=APIFilter.CODE),
        APIFilter("theme", "themes__slug"),
        APIFilter("cycle", "cycle__number", kind=APIFilter.NUMBER),
        APIFilter("session", "session__number", kind=APIFilter.NUMBER),
        APIFilter("year", "publication_date__year", kind=APIFilter.NUMBER),
        APIFilter("language", "files__language"),
    ]
    search_result_kind = "publication"
    search_result_date = "publication_date"
    search_result_summary = ("search_description", "summary")

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("publication_type"), FieldPanel("publication_date"), FieldPanel("summary")],
            heading=_("Publication"),
        ),
        InlinePanel("files", heading=_("PDF files"), label=_("file"), min_num=1),
        FieldPanel("cover_image"),
        CoverFallbackPanel(heading=_("Cover used when none is chosen")),
        InlinePanel("authors", heading=_("Authors and organisations"), label=_("author")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("countries"),
                FieldPanel("cycle"),
                FieldPanel("session"),
                FieldPanel("themes"),
                FieldPanel("recommendations"),
            ],
            heading=_("UPR"),
        ),
    ]

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    @property
    def cover_or_first_page(self):
        if self.cover_image_id:
            return self.cover_image
        for file in self.files.all():
            if file.document.cover_id:
                return file.document.cover
        return None

    def clean(self):
        super().clean()
        if self.session_id and self.cycle_id and self.session.cycle_id != self.cycle_id:
            raise ValidationError(
                {
                    "session": _("Session %(session)s belongs to cycle %(cycle)s.")
                    % {"session": self.session.number, "cycle": self.session.cycle.number}
                }
            )


class PublicationFile(Orderable):
    """One PDF of a publication: the same report may come in several languages."""

    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="publication_files",
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.WAGTAIL_CONTENT_LANGUAGES)

    panels = [
        FieldPanel("document"),
        DocumentFactsPanel(heading=_("What was read from the file")),
        FieldPanel("language"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("PDF file")
        verbose_name_plural = _("PDF files")

    def clean(self):
        super().clean()
        if self.document_id:
            with self.document.open_file() as file:
                try:
                    validate_report_pdf(file, self.document.filename)
                except ValidationError as error:
                    raise ValidationError({"document": error.messages}) from None


class PublicationAuthor(Orderable):
    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="authors")
    name = models.CharField(
        _("name"), max_length=255, blank=True, help_text=_("A person; leave empty for an organisation.")
    )
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)

    panels = [FieldPanel("name"), FieldPanel("organisation")]
    api_fields = [APIField("name"), APIField("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def clean(self):
        super().clean()
        if not self.name and not self.organisation:
            raise ValidationError(_("Give a name, an organisation, or both."))
