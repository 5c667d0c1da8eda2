"""Filters of the recommendations listing (and of the repeated recommendations) in the admin (django-filter, as Wagtail's listings use)."""

import django_filters

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.models import Locale

from upr.models import (
    ActionCategory,
    Country,
    ImplementationStatus,
    Recommendation,
    RepeatedRecommendation,
    Response,
    Session,
    Theme,
)


def _default_locale_rows(model):
    def queryset(request):
        return model.objects.filter(locale=Locale.get_default())

    return queryset


class RecommendationFilterSet(WagtailFilterSet):
    state_under_review = django_filters.ModelChoiceFilter(
        queryset=_default_locale_rows(Country), label=_("State under review")
    )
    recommending_states = django_filters.ModelChoiceFilter(
        queryset=_default_locale_rows(Country), label=_("Recommending state")
    )
    response = django_filters.ChoiceFilter(choices=Response.choices)
    action_category = django_filters.ChoiceFilter(choices=ActionCategory.choices)
    themes = django_filters.ModelChoiceFilter(queryset=_default_locale_rows(Theme), label=_("Theme"))
    implementation_status = django_filters.ChoiceFilter(
        choices=[*ImplementationStatus.choices, ("", _("Not assessed"))], empty_label=_("Any")
    )

    class Meta:
        model = Recommendation
        fields = ["locale", "state_under_review", "recommending_states", "cycle", "session", "response"]


class RepeatedRecommendationFilterSet(WagtailFilterSet):
    state = django_filters.ModelChoiceFilter(
        field_name="recommendation__state_under_review",
        queryset=_default_locale_rows(Country),
        label=_("State under review"),
    )
    session = django_filters.ModelChoiceFilter(
        field_name="recommendation__session", queryset=Session.objects.all(), label=_("Session")
    )
    status = django_filters.ChoiceFilter(choices=RepeatedRecommendation.Status.choices, label=_("Status"))

    class Meta:
        model = RepeatedRecommendation
        fields = ["state", "session", "status", "method"]
