"""Search endpoints of the API.

``/api/v2/search/?q=liberté de la presse&locale=fr&type=publication,news&country=RWA``: one ranked
list of the live, public pages, publications (with the text of their PDFs), training videos,
events and UPR recommendations, with facet counts and excerpts.
``/api/v2/autocomplete/?q=rwan&locale=fr``: titles as a reader types, and the states, themes
and index words that match (``suggestions``).
"""

from rest_framework.response import Response

from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Locale, Page, get_page_models

from api import versions
from api.api import ListingAPIViewSet
from api.api_fields import page_summary
from api.contract import (
    only_fields,
    page_window,
    request_language,
    selected_fields,
    whole_number,
)
from api.openapi import extend_schema_actions
from search import api_schema
from search.autocomplete import suggestions
from search.hits import serialise_hits
from search.labels import facet_items
from search.query import FILTERS, InvalidSearch, Search, facet_names, parse_filters
from search.query import VERSIONS as QUERY_VERSIONS

SUGGESTIONS = 10
PAGE_SIZE = 20
MAX_PAGE_SIZE = api_schema.MAX_PAGE_SIZE


@extend_schema_actions(listing_view=api_schema.SEARCH)
class SearchAPIViewSet(ListingAPIViewSet):
    """One search over every kind of public item, ranked, filtered and counted by facets."""

    model = Page
    name = "search"
    content_versions = QUERY_VERSIONS
    known_query_parameters = frozenset(
        {"q", "locale", "order", "facets", "offset", "limit", "fields", *FILTERS}
    )
    # What ?fields= may name: the fields of an item (a page hit has page, detail_url and, for a
    # publication, documents; a recommendation hit has recommendation).
    item_fields = (
        "type",
        "title",
        "date",
        "language",
        "excerpt",
        "page",
        "detail_url",
        "documents",
        "recommendation",
    )

    def listing_view(self, request):
        self.check_query_parameters()
        language = request_language(request)
        offset, limit = page_window(request, PAGE_SIZE, MAX_PAGE_SIZE)
        fields = selected_fields(request, self.item_fields)
        try:
            search = Search(
                language,
                text=request.GET.get("q", ""),
                filters=parse_filters(request.GET),
                order=request.GET.get("order", "relevance"),
            )
            names = facet_names(request.GET.get("facets", "all"))
        except InvalidSearch as error:
            raise BadRequestError(str(error)) from None
        facets = search.facets(names)
        total = all_words = self._total(search, facets)
        if search.widen_if_few(total):
            facets = search.facets(names)
            total = self._total(search, facets)
        hits = search.hits(offset, limit) if total > offset else []
        return Response(
            {
                "meta": {
                    "total_count": total,
                    "all_words_count": all_words,
                    "query": search.query.text,
                    "locale": language,
                    "order": search.order,
                    "suggestion": search.suggestion(),
                    "facets": facet_items({name: facets[name] for name in names}, search.filters, language),
                },
                "items": [only_fields(item, fields) for item in serialise_hits(hits, search, request)],
            }
        )

    @staticmethod
    def _total(search, facets):
        # The types are counted without their own filter: the total is the count of the chosen ones.
        chosen = search.filters.get("type")
        return sum(count for kind, count in facets["type"].items() if not chosen or kind in chosen)


@extend_schema_actions(
    listing_view=api_schema.autocomplete(sorted(model._meta.label for model in get_page_models()))
)
class AutocompleteAPIViewSet(ListingAPIViewSet):
    """The titles of live, public pages in one language that start with what the reader typed
    (``items``, as before), and the states, themes and index words that match (``suggestions``)."""

    model = Page
    name = "autocomplete"
    # Titles, addresses and types of public pages, as their summaries show them, found in the
    # pages' search entries (written after the page's commit); the names of states and themes;
    # the index words, counted as the entries are written.
    content_versions = (versions.SUMMARIES, versions.SEARCH, versions.VOCABULARIES)
    known_query_parameters = frozenset({"q", "locale", "limit", "type", "fields"})
    item_fields = ("id", "title", "url", "type")

    def listing_view(self, request):
        self.check_query_parameters()
        query = request.GET.get("q", "").strip()
        if not query:
            raise BadRequestError("q: type at least one letter")
        limit = whole_number(request, "limit", SUGGESTIONS, MAX_PAGE_SIZE)
        fields = selected_fields(request, self.item_fields)
        language = request_language(request)
        locale = Locale.objects.filter(language_code=language).first()
        pages = Page.objects.live().public().filter(locale=locale, depth__gt=1)
        page_type = request.GET.get("type")
        if page_type:
            pages = pages.type(self._page_model(page_type))
        results = pages.specific().autocomplete(query, fields=["title"])[:limit]
        items = [only_fields(page_summary(page), fields) for page in results]
        # Only pages of one type were asked for: no states, themes or words.
        more = [] if page_type else suggestions(query, language, limit)
        every = [{"kind": "page", **page_summary(page)} for page in results] + more
        return Response({"meta": {"total_count": len(items)}, "items": items, "suggestions": every})

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
