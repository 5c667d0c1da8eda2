import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from api.api_fields import ChoiceLabelField, ImageField, RelatedPageField
from api.filters import APIFilter
from home.blocks import BodyStreamBlock
from home.models import BasePage, IndexPage
from publications.api_fields import LocalDateTimeField
from publications.blocks import AgendaStreamBlock, SpeakerBlock
from publications.choices import COMMON_TIME_ZONES, EventType
from upr.api_fields import SessionField, VocabularyField
from upr.models import source_rows


def time_zone_choices():
    others = sorted(zoneinfo.available_timezones() - set(COMMON_TIME_ZONES))
    return [(name, name.replace("_", " ")) for name in (*COMMON_TIME_ZONES, *others)]


class EventIndexPage(IndexPage):
    """Events, coming ones first."""

    subpage_types = ["publications.EventPage"]

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")


class EventPageForm(WagtailAdminPageForm):
    """Start and end are typed as the wall-clock time of the event's own time zone.

    A workshop "from 9:00" in Kigali is 9:00 in Kigali, whatever the time zone
    of the editor typing it in Geneva.
    """

    wall_clock_fields = ("starts_at", "ends_at")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = zoneinfo.ZoneInfo(self.instance.time_zone)
        for name in self.wall_clock_fields:
            value = getattr(self.instance, name)
            if value and name in self.fields:
                wall = value.astimezone(zone).replace(tzinfo=None)
                self.initial[name] = timezone.make_aware(wall, timezone.get_current_timezone())

    def clean(self):
        cleaned = super().clean()
        try:
            zone = zoneinfo.ZoneInfo(cleaned.get("time_zone") or self.instance.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return cleaned
        for name in self.wall_clock_fields:
            if value := cleaned.get(name):
                wall = timezone.localtime(value).replace(tzinfo=None)
                cleaned[name] = timezone.make_aware(wall, zone)
        return cleaned


class EventPage(BasePage):
    """A workshop, training or conference: when and where (in its own time zone), its agenda and outcome."""

    event_type = models.CharField(
        _("type"), max_length=16, choices=EventType.choices, default=EventType.WORKSHOP
    )
    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("Shown in listings, feeds and calendars.")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=time_zone_choices,
        default="Africa/Kigali",
        help_text=_("Where the event takes place: start and end are typed, and shown, in this time zone."),
    )
    venue = models.CharField(_("venue"), max_length=255, blank=True, help_text=_("e.g. Serena Hotel, Kigali"))
    address = models.TextField(_("address"), blank=True)
    country = models.ForeignKey(
        "upr.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        limit_choices_to=source_rows,
    )
    online_url = models.URLField(_("online link"), blank=True, help_text=_("Video call or stream, if any."))
    registration_url = models.URLField(_("registration link"), blank=True)
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyStreamBlock(), blank=True, use_json_field=True, verbose_name=_("body"))
    agenda = StreamField(AgendaStreamBlock(), blank=True, use_json_field=True, verbose_name=_("agenda"))
    speakers = StreamField(
        [("speaker", SpeakerBlock())], blank=True, use_json_field=True, verbose_name=_("speakers")
    )
    session = models.ForeignKey(
        "upr.Session",
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("The UPR session the event prepares or follows."),
    )
    themes = ParentalManyToManyField(
        "upr.Theme", verbose_name=_("themes"), blank=True, related_name="events", limit_choices_to=source_rows
    )
    outcome_report = models.ForeignKey(
        "publications.PublicationPage",
        verbose_name=_("outcome report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The report of the event, once published."),
    )

    parent_page_types = ["publications.EventIndexPage"]
    subpage_types = []
    base_form_class = EventPageForm

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("agenda"),
        TranslatableField("speakers"),
        TranslatableField("venue"),
        TranslatableField("address"),
        SynchronizedField("event_type"),
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
        SynchronizedField("time_zone"),
        SynchronizedField("country"),
        SynchronizedField("online_url"),
        SynchronizedField("registration_url"),
        SynchronizedField("image"),
        SynchronizedField("session"),
        SynchronizedField("themes"),
        SynchronizedField("outcome_report"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("agenda"),
        index.SearchField("venue"),
        index.FilterField("event_type"),
        index.FilterField("starts_at"),
        index.FilterField("country"),
        index.FilterField("session"),
        index.FilterField("themes"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("event_type"),
        APIField("event_type_label", serializer=ChoiceLabelField(EventType, source="event_type")),
        APIField("summary"),
        APIField("starts_at", serializer=LocalDateTimeField()),
        APIField("ends_at", serializer=LocalDateTimeField()),
        APIField("time_zone"),
        APIField("venue"),
        APIField("address"),
        APIField("country", serializer=VocabularyField("countries", many=False)),
        APIField("online_url"),
        APIField("registration_url"),
        APIField("image", serializer=ImageField()),
        APIField("body"),
        APIField("agenda"),
        APIField("speakers"),
        APIField("session", serializer=SessionField()),
        APIField("themes", serializer=VocabularyField("themes")),
        APIField("outcome_report", serializer=RelatedPageField()),
    ]
    api_filters = [
        APIFilter("country", "country__iso3", kind=APIFilter.CODE),
        APIFilter("theme", "themes__slug"),
        APIFilter("cycle", "session__cycle__number", kind=APIFilter.NUMBER),
        APIFilter("session", "session__number", kind=APIFilter.NUMBER),
        APIFilter("year", "starts_at__year", kind=APIFilter.NUMBER),
    ]
    search_result_kind = "event"
    search_result_date = "starts_at"
    search_result_summary = ("search_description", "summary")
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("event_type"),
                FieldPanel("summary"),
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("time_zone"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("country"),
                FieldPanel("online_url"),
                FieldPanel("registration_url"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("agenda"),
        FieldPanel("speakers"),
        MultiFieldPanel(
            [FieldPanel("session"), FieldPanel("themes"), FieldPanel("outcome_report")], heading=_("UPR")
        ),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The event must end after it starts.")})
