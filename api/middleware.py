"""Kept answers of the API, served before anything else runs (no view, no REST framework)."""

from django.conf import settings
from django.db import InterfaceError, OperationalError

from api.caching import SAFE_METHODS, kept_answer
from api.stored_pages import stored_answer

API_PREFIX = "/api/v2/"


class KeptAnswerMiddleware:
    """A public read of the API whose answer is kept, and still true, is answered here: one cache
    round trip (with Redis; with the per-process cache, one query of the content versions), no
    view, no serialiser, no throttle (it costs the server next to nothing: a CDN would answer it
    the same way). So is a page's detail stored for today's versions (api/stored_pages.py): one
    query. A request with a session or credentials goes on to the view, as do all others.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method in SAFE_METHODS
            and request.path.startswith(API_PREFIX)
            and "HTTP_AUTHORIZATION" not in request.META
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        ):
            try:
                response = kept_answer(request) or stored_answer(request)
            except (OperationalError, InterfaceError):
                response = None  # the database is out of reach: the view answers 503
            if response is not None:
                return response
        return self.get_response(request)
