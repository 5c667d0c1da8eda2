from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from api.api_fields import ChoiceLabelField, RelatedPagesField
from api.filters import APIFilter
from home.blocks import BodyStreamBlock
from home.models import BasePage
from legal_aid.api_fields import FAQsField, RequestFormField
from legal_aid.blocks import FAQStreamBlock
from upr.api_fields import VocabularyField
from upr.models import source_rows

from .choices import Topic


class LegalAidIndexPage(BasePage):
    """The legal-assistance section: what we offer media practitioners, whom to call, where to ask for help."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences on the legal help offered to journalists and other media workers."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    request_form_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("request form page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page with the form to ask for legal assistance."),
    )
    request_form_url = models.URLField(
        _("request form address"),
        blank=True,
        help_text=_("An external form (e.g. https://…), used when no live form page is chosen above."),
    )

    max_count_per_parent = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["legal_aid.LegalInformationPage", "legal_aid.LegalAidRequestPage"]

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("intro"),
        TranslatableField("body"),
        TranslatableField("hotlines"),
        SynchronizedField("request_form_page"),
        SynchronizedField("request_form_url"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("intro"),
        APIField("body"),
        APIField("hotlines"),
        APIField(
            "request_form",
            serializer=RequestFormField(page_attribute="request_form_page", url_attribute="request_form_url"),
        ),
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel(
            "hotlines",
            heading=_("Hotlines"),
            label=_("Hotline contact"),
            help_text=_("The numbers and addresses to reach in an emergency, the most important first."),
        ),
        MultiFieldPanel(
            [FieldPanel("request_form_page"), FieldPanel("request_form_url")],
            heading=_("Request form"),
            help_text=_("Where a journalist asks for legal assistance: a form page, or an external address."),
        ),
    ]

    class Meta:
        verbose_name = _("legal assistance index page")
        verbose_name_plural = _("legal assistance index pages")


class LegalInformationPage(BasePage):
    """What a media practitioner should know about one legal question, with its FAQs."""

    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences that answer the question in short.")
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    topic = models.CharField(_("topic"), max_length=32, choices=Topic.choices)
    faqs = StreamField(
        FAQStreamBlock(),
        blank=True,
        verbose_name=_("frequently asked questions"),
        help_text=_("Short questions and answers, each readable on its own."),
    )
    countries = ParentalManyToManyField(
        "upr.Country",
        verbose_name=_("countries"),
        blank=True,
        related_name="legal_information_pages",
        limit_choices_to=source_rows,
        help_text=_("The countries whose law this page describes. Leave empty if it applies everywhere."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        help_text=_(
            "When a lawyer last checked that this page is still right. Laws and practice change: "
            "review it at least once a year, and update this date when you do."
        ),
    )

    parent_page_types = ["legal_aid.LegalAidIndexPage"]
    subpage_types = []

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("faqs"),
        SynchronizedField("topic"),
        SynchronizedField("countries"),
        SynchronizedField("last_reviewed"),
        SynchronizedField("related_pages"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("faqs"),
        index.FilterField("topic"),
        index.FilterField("countries"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("summary"),
        APIField("topic"),
        APIField("topic_label", serializer=ChoiceLabelField(Topic, source="topic")),
        APIField("last_reviewed"),
        APIField("countries", serializer=VocabularyField("countries")),
        APIField("body"),
        APIField("faqs", serializer=FAQsField()),
        APIField("related_pages", serializer=RelatedPagesField(attribute="page")),
    ]
    api_related_rows = {"related_pages": ("page",)}
    api_filters = [
        APIFilter("country", "countries__iso3", kind=APIFilter.CODE),
        APIFilter("topic", "topic"),
    ]
    search_result_kind = "legal_information"
    search_result_date = "last_reviewed"
    search_result_summary = ("search_description", "summary")

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("topic"), FieldPanel("countries"), FieldPanel("last_reviewed")],
            heading=_("Scope and review"),
        ),
        FieldPanel("body"),
        FieldPanel("faqs"),
        MultipleChooserPanel(
            "related_pages", chooser_field_name="page", heading=_("Related pages"), label=_("Page")
        ),
    ]

    class Meta:
        verbose_name = _("legal information page")
        verbose_name_plural = _("legal information pages")


class LegalInformationRelatedPage(Orderable):
    """A page a reader of a legal information page may want next."""

    source = ParentalKey(LegalInformationPage, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
