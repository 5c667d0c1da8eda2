"""Search endpoints of the API.

``/api/v2/search/?q=liberté de la presse&locale=fr&type=publication,news&country=RWA``: one ranked
list of the live, public pages, publications (with the text of their PDFs), training videos,
events and UPR recommendations, with facet counts and excerpts.
``/api/v2/autocomplete/?q=rwan&locale=fr``: titles as a reader types.
"""

from rest_framework.response import Response

from django.urls import path

from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Locale, Page

from home.serializers import page_summary
from search.hits import serialise_hits
from search.labels import facet_items
from search.query import FILTERS, InvalidSearch, Search, parse_filters
from upr.api import request_language

SUGGESTIONS = 10
PAGE_SIZE = 20
MAX_PAGE_SIZE = 50


def _whole_number(request, name, default, maximum=None):
    raw = request.GET.get(name, default)
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise BadRequestError(f"{name}: give a whole number") from None
    if value < 0:
        raise BadRequestError(f"{name}: give a number of 0 or more")
    if maximum is not None and value > maximum:
        raise BadRequestError(f"{name}: at most {maximum}")
    return value


class SearchAPIViewSet(BaseAPIViewSet):
    """One search over every kind of public item, ranked, filtered and counted by facets."""

    model = Page
    name = "search"
    known_query_parameters = frozenset({"q", "locale", "order", "offset", "limit", *FILTERS})

    def listing_view(self, request):
        unknown = set(request.GET) - self.known_query_parameters
        if unknown:
            raise BadRequestError("query parameter is not recognised: " + ", ".join(sorted(unknown)))
        language = request_language(request)
        offset = _whole_number(request, "offset", 0)
        limit = _whole_number(request, "limit", PAGE_SIZE, MAX_PAGE_SIZE)
        try:
            search = Search(
                language,
                text=request.GET.get("q", ""),
                filters=parse_filters(request.GET),
                order=request.GET.get("order", "relevance"),
            )
        except InvalidSearch as error:
            raise BadRequestError(str(error)) from None
        facets = search.facets()
        # The types are counted without their own filter: the total is the count of the chosen ones.
        chosen = search.filters.get("type")
        total = sum(count for kind, count in facets["type"].items() if not chosen or kind in chosen)
        hits = list(search.results()[offset : offset + limit]) if total > offset else []
        return Response(
            {
                "meta": {
                    "total_count": total,
                    "query": search.query.text,
                    "locale": language,
                    "order": search.order,
                    "facets": facet_items(facets, search.filters, language),
                },
                "items": serialise_hits(hits, search, request),
            }
        )

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]


class AutocompleteAPIViewSet(BaseAPIViewSet):
    """The titles of live, public pages in one language that start with what the reader typed."""

    model = Page
    name = "autocomplete"
    known_query_parameters = frozenset({"q", "locale", "limit", "type"})

    def listing_view(self, request):
        unknown = set(request.GET) - self.known_query_parameters
        if unknown:
            raise BadRequestError("query parameter is not recognised: " + ", ".join(sorted(unknown)))
        query = request.GET.get("q", "").strip()
        if not query:
            raise BadRequestError("q: type at least one letter")
        try:
            limit = min(int(request.GET.get("limit", SUGGESTIONS)), 50)
        except ValueError:
            raise BadRequestError("limit: give a whole number") from None
        locale = Locale.objects.filter(language_code=request_language(request)).first()
        pages = Page.objects.live().public().filter(locale=locale, depth__gt=1)
        if page_type := request.GET.get("type"):
            pages = pages.type(self._page_model(page_type))
        results = pages.specific().autocomplete(query, fields=["title"])[:limit]
        items = [page_summary(page) for page in results]
        return Response({"meta": {"total_count": len(items)}, "items": items})

    @staticmethod
    def _page_model(label):
        from django.apps import apps

        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            raise BadRequestError(f"type: “{label}” is not a page type") from None
        if not issubclass(model, Page):
            raise BadRequestError(f"type: “{label}” is not a page type")
        return model

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]
