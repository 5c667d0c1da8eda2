"""The pages endpoint of the API, with the filters every listing of content shares.

``?type=publications.PublicationPage&country=RWA,BDI&cycle=3&year=2024&theme=justice&language=fr``:
each filter takes one value or several separated by commas, and applies to
the page types that have the matching field (a publication's countries, an
event's country…); asking it of a type that has none is an error, not an
empty list.
"""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.signing import BadSignature
from django.http import Http404
from django.urls import path

from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet
from wagtail.contrib.redirects.api.v2 import RedirectsAPIViewSet as WagtailRedirectsAPIViewSet
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.images.api.v2.views import ImagesAPIViewSet as WagtailImagesAPIViewSet

from home.api_contract import APIContractMixin, is_whole_number
from home.openapi import extend_schema_actions

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


@extend_schema_actions(
    detail_view=extend_schema(
        summary="The draft an editor previews (headless preview)",
        parameters=[
            OpenApiParameter(
                "content_type", str, required=True, description="app_label.model, from the preview URL."
            ),
            OpenApiParameter("token", str, required=True, description="The token from the preview URL."),
        ],
    )
)
class PagePreviewAPIViewSet(PagesAPIViewSet):
    """``/api/v2/page-preview/?content_type=app.model&token=…``: the page as the editor previews it.

    The front end at ``HEADLESS_PREVIEW_URL`` is opened with these two parameters; the token
    is signed and names a preview that lives a day at most. Never cached.
    """

    cacheable = False
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union({"content_type", "token"})

    def detail_view(self, request, pk=None):
        return Response(self.get_serializer(self.get_object()).data)

    def get_object(self):
        if not hasattr(self, "_preview"):
            self._preview = self._find_preview()
        return self._preview

    def _find_preview(self):
        label = self.request.GET.get("content_type", "")
        token = self.request.GET.get("token", "")
        app_label, _dot, model = label.partition(".")
        try:
            content_type = ContentType.objects.get_by_natural_key(app_label, model.lower())
            HeadlessPreviewMixin.get_preview_signer().unsign(token)
            preview = PagePreview.objects.get(content_type=content_type, token=token)
        except (ContentType.DoesNotExist, BadSignature, PagePreview.DoesNotExist):
            raise Http404 from None
        page = preview.as_page()
        if page.pk is None:  # a page not saved yet
            page.pk = 0
        return page

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "detail_view"}), name="detail")]


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
