from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from api.api_fields import ImageField, LocalisedStreamField
from api.filters import APIFilter
from home.blocks import BodyStreamBlock
from home.models import BasePage, IndexPage
from publications.api_fields import ComingDeadlinesField
from publications.blocks import NewsletterItemsBlock
from upr.api_fields import VocabularyField
from upr.models import source_rows


class NewsIndexPage(IndexPage):
    """News and newsletter issues, newest first."""

    subpage_types = ["publications.NewsPage", "publications.NewsletterPage"]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")


class NewsPage(BasePage):
    date = models.DateField(_("date"), default=timezone.localdate, help_text=_("The date the news is dated."))
    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("Shown in listings, feeds and search results.")
    )
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyStreamBlock(), blank=True, use_json_field=True, verbose_name=_("body"))
    office = models.CharField(
        _("regional office"),
        max_length=120,
        blank=True,
        help_text=_("The office the news comes from, if any."),
    )
    countries = ParentalManyToManyField(
        "upr.Country",
        verbose_name=_("countries"),
        blank=True,
        related_name="news",
        limit_choices_to=source_rows,
    )
    themes = ParentalManyToManyField(
        "upr.Theme", verbose_name=_("themes"), blank=True, related_name="news", limit_choices_to=source_rows
    )

    parent_page_types = ["publications.NewsIndexPage"]
    subpage_types = []

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("office"),
        SynchronizedField("date"),
        SynchronizedField("image"),
        SynchronizedField("countries"),
        SynchronizedField("themes"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("countries"),
        index.FilterField("themes"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("date"),
        APIField("summary"),
        APIField("image", serializer=ImageField()),
        APIField("body"),
        APIField("office"),
        APIField("countries", serializer=VocabularyField("countries")),
        APIField("themes", serializer=VocabularyField("themes")),
    ]
    api_filters = [
        APIFilter("country", "countries__iso3", kind=APIFilter.CODE),
        APIFilter("theme", "themes__slug"),
        APIFilter("year", "date__year", kind=APIFilter.NUMBER),
    ]
    search_result_kind = "news"
    search_result_date = "date"
    search_result_summary = ("search_description", "summary")
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("date"), FieldPanel("office"), FieldPanel("summary")], heading=_("News")),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("countries"), FieldPanel("themes")], heading=_("About")),
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")


class NewsletterPage(BasePage):
    """An issue of the newsletter: it gathers events, news from the regional offices, deadlines and a video."""

    issue_number = models.PositiveIntegerField(
        _("issue number"), help_text=_("The number printed on the issue.")
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("intro"), blank=True, help_text=_("The editorial, a few sentences."))
    items = StreamField(NewsletterItemsBlock(), blank=True, use_json_field=True, verbose_name=_("items"))

    parent_page_types = ["publications.NewsIndexPage"]
    subpage_types = []

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("intro"),
        TranslatableField("items"),
        SynchronizedField("issue_number"),
        SynchronizedField("date"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("items"),
        index.FilterField("date"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("issue_number"),
        APIField("date"),
        APIField("intro"),
        APIField("items", serializer=LocalisedStreamField()),
        APIField("coming_deadlines", serializer=ComingDeadlinesField(source="date")),
    ]
    api_filters = [
        APIFilter("year", "date__year", kind=APIFilter.NUMBER),
    ]
    search_result_kind = "newsletter"
    search_result_date = "date"
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("issue_number"), FieldPanel("date"), FieldPanel("intro")], heading=_("Issue")
        ),
        FieldPanel("items"),
    ]

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
