"""The generic endpoints of the API: pages (with the filters page types declare), the preview of
a draft, images, documents, redirects; and :class:`ListingAPIViewSet`, the base of endpoints that
only list (search, autocomplete, vocabularies).
"""

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse

from wagtail.api.v2.serializers import PageParentField, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet
from wagtail.contrib.redirects.api.v2 import RedirectsAPIViewSet as WagtailRedirectsAPIViewSet
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.api.v2.views import DocumentsAPIViewSet as WagtailDocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet as WagtailImagesAPIViewSet
from wagtail.models import Page, Site, get_page_models

from api import stored_pages, versions
from api.caching import listings
from api.contract import APIContractMixin, VersionsByAddressMixin
from api.filters import InvalidFilter, declared_filters
from api.openapi import extend_schema_actions
from api.page_versions import answer_versions
from api.public import is_public, public_pages, with_rows_to_read


def with_parent_and_translations(page):
    """``page``, with its parent and its translations read in one query (its detail shows both)."""
    parent_path = page.path[: -page.steplen] if page.depth > 1 else None
    found = Q(translation_key=page.translation_key)
    if parent_path:
        found |= Q(path=parent_path)
    rows = Page.objects.filter(found).select_related("locale").order_by("locale__language_code")
    translations = []
    for row in rows:
        if row.path == parent_path:
            page._cached_parent_obj = row  # what page.get_parent() answers
        if row.translation_key == page.translation_key:
            translations.append(row)  # those the public may see are chosen where they are shown
    page._api_translations = translations
    return page


class DeclaredFilters(BaseFilterBackend):
    """The filters the requested page type declares (``api_filters``, api/filters.py)."""

    def filter_queryset(self, request, queryset, view):
        model = queryset.model
        declared = declared_filters(model)
        for name in sorted(page_filter_names()):
            if name not in request.GET:
                continue
            api_filter = declared.get(name)
            if api_filter is None:
                raise BadRequestError(
                    f"{name}: pages of type {model._meta.app_label}.{model.__name__} cannot be filtered "
                    f"by {name}; give a type that can, e.g. type={_a_type_with(name)}"
                )
            try:
                values = api_filter.values(request.GET[name])
            except InvalidFilter as error:
                raise BadRequestError(str(error)) from None
            queryset = api_filter.apply(queryset, values)
        return queryset


def page_filters():
    """``{name: [APIFilter, …]}`` of every page type."""
    found = {}
    for model in get_page_models():
        for name, api_filter in declared_filters(model).items():
            found.setdefault(name, []).append(api_filter)
    return found


def page_filter_names():
    return frozenset(page_filters())


def _a_type_with(name):
    return next(model._meta.label for model in get_page_models() if name in declared_filters(model))


class PublicParentField(PageParentField):
    """``meta.parent``: the parent page when the public may see it (checked without a query)."""

    def get_attribute(self, instance):
        parent = instance.get_parent()
        return parent if is_public(parent, self.context.get("request")) else None


class PublicPageSerializer(PageSerializer):
    parent = PublicParentField(read_only=True)


class PagesAPIViewSet(VersionsByAddressMixin, APIContractMixin, WagtailPagesAPIViewSet):
    """Wagtail's pages endpoint, reading what the public may see once per change of content
    (api/public.py), and a page with the rows its fields show in a few queries."""

    base_serializer_class = PublicPageSerializer
    filter_backends = [DeclaredFilters, *WagtailPagesAPIViewSet.filter_backends]

    @classmethod
    def versions_of_request(cls, request, url_name, kwargs):
        """A detail is built on its page's own version, a listing on its types'; both on what
        they show of other pages, images, snippets, vocabulary labels and recommendations
        (api/page_versions.py)."""
        return answer_versions(request.GET, url_name, kwargs)

    def dispatch(self, request, *args, **kwargs):
        """A page's detail at its plain address is stored for its next readers (api/stored_pages.py)."""
        response = super().dispatch(request, *args, **kwargs)
        if self.cacheable and getattr(self, "action", None) == "detail_view":
            stored_pages.store(request, response, getattr(self, "_cached_object", None))
        return response

    def get_base_queryset(self):
        if not hasattr(self, "_base_queryset"):
            try:
                self._base_queryset = public_pages(self.request)
            except ValueError as error:
                raise BadRequestError(str(error)) from error
        return self._base_queryset.all()

    def get_queryset(self):
        queryset = super().get_queryset()
        if queryset.model is not Page:  # one type asked for: its fields' rows, fetched together
            queryset = with_rows_to_read(queryset)
        return queryset

    def find_object(self, queryset, request):
        """``pages/find/?html_path=/fr/publications/x/``: the path as the site shows it, with its
        language prefix (the page is routed from the home page of that language)."""
        if "html_path" not in request.GET:
            return super().find_object(queryset, request)
        components = [part for part in request.GET["html_path"].split("/") if part]
        languages = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
        if not components or components[0] not in languages:
            return super().find_object(queryset, request)
        site = Site.find_for_request(request)
        if site is None:
            return None
        root = site.root_page
        if root.locale.language_code != components[0]:
            root = root.get_translations().filter(locale__language_code=components[0]).first()
            if root is None:
                return None
        try:
            page, _args, _kwargs = root.specific.route(request, components[1:])
        except Http404:
            return None
        return page if queryset.filter(pk=page.pk).exists() else None

    def get_object(self):
        """The page (of its own type) with the rows its fields read: a query for the page's
        type, one for the page itself, one for each relation its fields show."""
        if not hasattr(self, "_cached_object"):
            queryset = self.filter_queryset(super().get_queryset())
            lookup = self.kwargs[self.lookup_url_kwarg or self.lookup_field]
            page = get_object_or_404(queryset, pk=lookup)
            model = page.specific_class
            if model is None or isinstance(page, model):
                page = page.specific
            else:
                page = get_object_or_404(with_rows_to_read(model._default_manager), pk=page.pk)
            self._cached_object = with_parent_and_translations(page)
        return self._cached_object

    @property
    def known_query_parameters(self):
        return WagtailPagesAPIViewSet.known_query_parameters.union(page_filter_names())

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        """The fields of a page; those filtered by DeclaredFilters are left out of Wagtail's own filters."""
        fields = super().get_available_fields(model, db_fields_only=db_fields_only)
        if db_fields_only:
            names = page_filter_names()
            fields = [name for name in fields if name not in names]
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

    @property
    def known_query_parameters(self):
        return super().known_query_parameters.union({"content_type", "token"})

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
    content_versions = (versions.ASSETS,)


class DocumentsAPIViewSet(APIContractMixin, WagtailDocumentsAPIViewSet):
    """``/api/v2/documents/``; ``?locale=`` is accepted as everywhere (documents are not translated)."""

    known_query_parameters = WagtailDocumentsAPIViewSet.known_query_parameters.union({"locale"})
    content_versions = (versions.ASSETS,)


class RedirectsAPIViewSet(APIContractMixin, WagtailRedirectsAPIViewSet):
    """Wagtail's redirects endpoint, finding ``?html_path=`` however it is written (trailing slash, query)."""

    # A redirect to a page gives the page's address.
    content_versions = (versions.ASSETS, versions.SUMMARIES)

    def find_object(self, queryset, request):
        if "html_path" in request.GET:
            redirect = get_redirect(
                request, Redirect.normalise_path(request.GET["html_path"], decode_unicode=False)
            )
            if redirect is None:
                raise Http404
            return redirect
        return super().find_object(queryset, request)


class ListingAPIViewSet(APIContractMixin, BaseAPIViewSet):
    """An endpoint that only lists, at ``/api/v2/<name>/``, and takes only ``known_query_parameters``.

    Subclasses write ``listing_view(request)``.
    """

    known_query_parameters = frozenset({"locale", "fields", "format"})

    def check_query_parameters(self, queryset=None):
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown:
            raise BadRequestError("query parameter is not recognised: " + ", ".join(sorted(unknown)))

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]


class APIIndexSerializer(serializers.Serializer):
    endpoints = serializers.DictField(
        child=serializers.URLField(),
        help_text="Each endpoint of the API by name, with the address of its listing.",
    )
    schema = serializers.URLField(help_text="The OpenAPI description of the API.")
    documentation = serializers.URLField(help_text="The description as a page to read and try.")


class APIIndexView(APIView):
    """``/api/v2/``: the endpoints of the API, and where it is described."""

    @extend_schema(
        operation_id="api_index",
        summary="What the API holds, and where it is described",
        tags=["index"],
        responses={
            200: APIIndexSerializer,
            400: OpenApiResponse(
                {"$ref": "#/components/schemas/Error"}, description="A query parameter is not recognised."
            ),
            429: OpenApiResponse(
                {"$ref": "#/components/schemas/Error"},
                description="Too many requests: wait for the number of seconds in `Retry-After`.",
            ),
        },
    )
    def get(self, request):
        unknown = sorted(set(request.GET) - {"format"})
        if unknown:
            raise BadRequestError("query parameter is not recognised: " + ", ".join(unknown))
        endpoints = {
            name: request.build_absolute_uri(reverse(f"wagtailapi:{name}:listing")) for name in listings()
        }
        answer = {
            "endpoints": endpoints,
            "schema": request.build_absolute_uri(reverse("api-schema")),
            "documentation": request.build_absolute_uri(reverse("api-docs")),
        }
        return Response(APIIndexSerializer(answer).data)
