from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from api.api_fields import ImageField, RelatedPagesField
from api.filters import APIFilter
from api.public import public_tree
from home.blocks import BodyStreamBlock
from home.models import BasePage, IndexPage
from programmes.api_fields import ContactField, PartnersField, ProgrammeKindField
from upr.api_fields import RecommendationSummaryField, VocabularyField
from upr.models import original_recommendations, source_rows

from .choices import RELATED_PAGE_TYPES


class ProgrammeIndexPage(IndexPage):
    """The list of the organisation's programmes (one per site language)."""

    subpage_types = ["programmes.ProgrammePage", "programmes.TrainingVideoIndexPage"]

    class Meta:
        verbose_name = _("programme index")
        verbose_name_plural = _("programme indexes")


class ProgrammePage(BasePage):
    """A programme: what the organisation does, where, with whom, and what came out of it."""

    kind = models.ForeignKey(
        "programmes.ProgrammeKind",
        verbose_name=_("kind"),
        on_delete=models.PROTECT,
        related_name="programmes",
        limit_choices_to=source_rows,
        help_text=_(
            "What sort of work this is. Snippets › Programme kinds lists them; you can add one there."
        ),
    )
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("Two or three sentences shown in listings (300 characters at most)."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, use_json_field=True, verbose_name=_("body"))
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide photograph shown at the top of the page."),
    )
    countries = ParentalManyToManyField(
        "upr.Country",
        verbose_name=_("states"),
        blank=True,
        related_name="programmes",
        limit_choices_to=source_rows,
        help_text=_("The states the programme works in or on."),
    )
    themes = ParentalManyToManyField(
        "upr.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="programmes",
        limit_choices_to=source_rows,
    )
    contact_name = models.CharField(_("contact name"), max_length=255, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(
        _("contact phone"),
        max_length=40,
        blank=True,
        help_text=_("With the country code, e.g. +250 788 000 000."),
    )
    related_recommendations = ParentalManyToManyField(
        "upr.Recommendation",
        verbose_name=_("related recommendations"),
        blank=True,
        related_name="programmes",
        limit_choices_to=original_recommendations,
        help_text=_("The UPR recommendations this programme works to see implemented."),
    )

    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types = []

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("partners"),
        *(
            SynchronizedField(name)
            for name in (
                "kind",
                "hero_image",
                "countries",
                "themes",
                "contact_name",
                "contact_email",
                "contact_phone",
                "related_pages",
                "related_recommendations",
            )
        ),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        # Many-to-many relations filter through RelatedFields: .filter(countries__iso3="RWA").search(...)
        index.RelatedFields("kind", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("countries", [index.SearchField("name"), index.FilterField("iso3")]),
        index.RelatedFields("themes", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("partners", [index.SearchField("name")]),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("kind", serializer=ProgrammeKindField()),
        APIField("summary"),
        APIField("hero_image", serializer=ImageField()),
        APIField("body"),
        APIField("countries", serializer=VocabularyField("countries")),
        APIField("themes", serializer=VocabularyField("themes")),
        APIField("partners", serializer=PartnersField()),
        APIField("contact", serializer=ContactField(source="*")),
        APIField("related_pages", serializer=RelatedPagesField(attribute="page")),
        APIField("related_recommendations", serializer=RecommendationSummaryField()),
        APIField("training_videos", serializer=RelatedPagesField()),
    ]
    # What the API fields read of each related row (api/public.py).
    api_related_rows = {
        "partners": ("logo",),
        "related_pages": ("page",),
        "related_recommendations": ("state_under_review", "session"),
    }
    api_filters = [
        APIFilter("country", "countries__iso3", kind=APIFilter.CODE),
        APIFilter("theme", "themes__slug"),
    ]
    search_result_kind = "programme"
    search_result_summary = ("search_description", "summary")

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary", widget=forms.Textarea(attrs={"rows": 3})),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("countries"), FieldPanel("themes")], heading=_("Where and on what")),
        InlinePanel("partners", heading=_("Partners"), label=_("partner")),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact"),
            help_text=_("Optional: who a journalist or a partner should write to about this programme."),
        ),
        MultiFieldPanel(
            [
                InlinePanel("related_pages", label=_("related page")),
                FieldPanel("related_recommendations"),
            ],
            heading=_("Related content"),
        ),
    ]

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    @property
    def training_videos(self):
        """Live training videos about this programme, one per video whatever the locale they point from."""
        from .videos import TrainingVideoPage

        videos = (
            TrainingVideoPage.objects.live()
            .filter(programme__translation_key=self.translation_key)
            .order_by("-first_published_at", "pk")
        )
        # A video and its translations all point to the programme: keep one of
        # each; RelatedPagesField then gives it in the programme's locale.
        tree = public_tree()
        by_video = {}
        for video in videos:
            if tree.is_public(video):
                by_video.setdefault(video.translation_key, video)
        return list(by_video.values())


class ProgrammePartner(TranslatableMixin, Orderable):
    """An organisation the programme works with; its name is translated with the page."""

    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("name"), max_length=255)
    url = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    translatable_fields = [TranslatableField("name"), SynchronizedField("url"), SynchronizedField("logo")]
    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("logo")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["sort_order"]

    def __str__(self):
        return self.name


def related_page_type_names():
    """Verbose names of the page types related content may link to (the ones that exist)."""
    names = []
    for label in RELATED_PAGE_TYPES:
        try:
            names.append(str(apps.get_model(label)._meta.verbose_name))
        except LookupError:
            continue
    return names


class ProgrammeRelatedPage(Orderable):
    """A publication, event, news item or training video shown with the programme."""

    programme = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A publication, an event, a news item or a training video."),
    )

    # The chooser offers every page; clean() keeps the allowed types (see RELATED_PAGE_TYPES).
    panels = [PageChooserPanel("page", page_type=list(RELATED_PAGE_TYPES))]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")

    def clean(self):
        super().clean()
        if self.page_id is None:
            return
        page_class = self.page.specific_class
        label = f"{page_class._meta.app_label}.{page_class.__name__}".lower() if page_class else ""
        if label not in {allowed.lower() for allowed in RELATED_PAGE_TYPES}:
            raise ValidationError(
                {
                    "page": _("“%(title)s” is a %(type)s. Related content can be: %(allowed)s.")
                    % {
                        "title": self.page.title,
                        "type": page_class._meta.verbose_name if page_class else _("page"),
                        "allowed": ", ".join(capfirst(name) for name in related_page_type_names()),
                    }
                }
            )
