"""Filters of the admin listings of publications, news and events: what an editor looks for."""

import django_filters

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.pages.listing import PageFilterSet

from publications.choices import EventType, PublicationType
from publications.models import EventPage, NewsPage, PublicationPage
from upr.models import Country, Cycle, Session, Theme, source_rows


def _source(model):
    return model.objects.filter(source_rows())


class PublicationFilterSet(PageFilterSet):
    publication_type = django_filters.ChoiceFilter(label=_("Type"), choices=PublicationType.choices)
    country = django_filters.ModelChoiceFilter(
        label=_("State"), field_name="countries", queryset=_source(Country), distinct=True
    )
    cycle = django_filters.ModelChoiceFilter(label=_("UPR cycle"), queryset=Cycle.objects.all())
    session = django_filters.ModelChoiceFilter(label=_("UPR session"), queryset=Session.objects.all())
    year = django_filters.NumberFilter(label=_("Year"), field_name="publication_date", lookup_expr="year")
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="themes", queryset=_source(Theme), distinct=True
    )
    language = django_filters.ChoiceFilter(
        label=_("Language of a PDF"),
        field_name="files__language",
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        distinct=True,
    )

    class Meta:
        model = PublicationPage
        fields = []


class NewsFilterSet(PageFilterSet):
    country = django_filters.ModelChoiceFilter(
        label=_("State"), field_name="countries", queryset=_source(Country), distinct=True
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="themes", queryset=_source(Theme), distinct=True
    )
    year = django_filters.NumberFilter(label=_("Year"), field_name="date", lookup_expr="year")

    class Meta:
        model = NewsPage
        fields = []


class EventFilterSet(PageFilterSet):
    event_type = django_filters.ChoiceFilter(label=_("Type"), choices=EventType.choices)
    country = django_filters.ModelChoiceFilter(label=_("State"), queryset=_source(Country))
    session = django_filters.ModelChoiceFilter(label=_("UPR session"), queryset=Session.objects.all())
    year = django_filters.NumberFilter(label=_("Year"), field_name="starts_at", lookup_expr="year")
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="themes", queryset=_source(Theme), distinct=True
    )

    class Meta:
        model = EventPage
        fields = []
