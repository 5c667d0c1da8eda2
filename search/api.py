"""Search endpoints of the API. ``/api/v2/autocomplete/?q=rwan&locale=fr``: titles as a reader types."""

from rest_framework.response import Response

from django.urls import path

from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Locale, Page

from home.serializers import page_summary
from upr.api import request_language

SUGGESTIONS = 10


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
