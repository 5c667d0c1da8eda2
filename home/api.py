"""The pages endpoint of the API, with the filters every listing of content shares.

``?type=publications.PublicationPage&country=RWA,BDI&cycle=3&year=2024&theme=justice&language=fr``:
each filter takes one value or several separated by commas, and applies to
the page types that have the matching field (a publication's countries, an
event's country…); asking it of a type that has none is an error, not an
empty list.
"""

from rest_framework.filters import BaseFilterBackend

from django.core.exceptions import FieldDoesNotExist
from django.http import Http404

from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet
from wagtail.contrib.redirects.api.v2 import RedirectsAPIViewSet as WagtailRedirectsAPIViewSet
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.images.api.v2.views import ImagesAPIViewSet as WagtailImagesAPIViewSet

from home.api_contract import APIContractMixin, is_whole_number

# parameter -> the lookups it may mean, the first one the page type has wins
VOCABULARY_FILTERS = {
    "country": ("countries__iso3", "country__iso3"),
    "theme": ("themes__slug", "topic__slug"),
    "cycle": ("cycle__number", "session__cycle__number"),
    "session": ("session__number",),
    "year": ("publication_date__year", "date__year", "starts_at__year"),
    "language": ("files__language", "language"),
}
NUMERIC = {"cycle", "session", "year"}


def _has_path(model, lookup):
    """Whether ``lookup`` (e.g. countries__iso3, date__year) names fields that ``model`` has."""
    for name in lookup.split("__"):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return False
        if field.related_model is None:
            return True  # a plain field: what follows is a transform such as __year
        model = field.related_model
    return True


class VocabularyFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        model = queryset.model
        for parameter, lookups in VOCABULARY_FILTERS.items():
            if parameter not in request.GET:
                continue
            values = [value.strip() for value in request.GET[parameter].split(",") if value.strip()]
            if parameter in NUMERIC:
                if not all(is_whole_number(value) for value in values):
                    raise BadRequestError(f"{parameter}: give whole numbers, e.g. {parameter}=2")
                values = [int(value) for value in values]
            elif parameter == "country":
                values = [value.upper() for value in values]
            if not values:
                raise BadRequestError(f"{parameter}: give at least one value")
            lookup = next((lookup for lookup in lookups if _has_path(model, lookup)), None)
            if lookup is None:
                raise BadRequestError(
                    f"{parameter}: pages of type {model._meta.app_label}.{model.__name__} cannot be filtered "
                    f"by {parameter}; give a type that can, e.g. type=publications.PublicationPage"
                )
            # Through the primary key, so that a text search can still follow.
            matching = model.objects.filter(**{f"{lookup}__in": values}).values("pk")
            queryset = queryset.filter(pk__in=matching)
        return queryset


class PagesAPIViewSet(APIContractMixin, WagtailPagesAPIViewSet):
    filter_backends = [VocabularyFilter, *WagtailPagesAPIViewSet.filter_backends]
    known_query_parameters = WagtailPagesAPIViewSet.known_query_parameters.union(VOCABULARY_FILTERS)

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        """The fields of a page; those filtered by VocabularyFilter are left out of Wagtail's own filters."""
        fields = super().get_available_fields(model, db_fields_only=db_fields_only)
        if db_fields_only:
            fields = [name for name in fields if name not in VOCABULARY_FILTERS]
        return fields


class ImagesAPIViewSet(APIContractMixin, WagtailImagesAPIViewSet):
    """Wagtail's images endpoint; ``?locale=`` is accepted as everywhere (images are not translated)."""

    known_query_parameters = WagtailImagesAPIViewSet.known_query_parameters.union({"locale"})


class RedirectsAPIViewSet(APIContractMixin, WagtailRedirectsAPIViewSet):
    """Wagtail's redirects endpoint, finding ``?html_path=`` however it is written (trailing slash, query)."""

    def find_object(self, queryset, request):
        if "html_path" in request.GET:
            redirect = get_redirect(
                request, Redirect.normalise_path(request.GET["html_path"], decode_unicode=False)
            )
            if redirect is None:
                raise Http404
            return redirect
        return super().find_object(queryset, request)
