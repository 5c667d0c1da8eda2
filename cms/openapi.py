"""Glue between drf-spectacular and the API router (the descriptions themselves: home/openapi.py)."""

from drf_spectacular.plumbing import build_mock_request


def api_endpoints_only(endpoints, **kwargs):
    """PREPROCESSING_HOOKS: the public API only, not the admin's own API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]


def mock_request(method, path, view, original_request, **kwargs):
    """GET_MOCK_REQUEST: a request as the router hands it to its endpoints (with ``wagtailapi_router``)."""
    from cms.api import api_router

    request = build_mock_request(method, path, view, original_request, **kwargs)
    request.wagtailapi_router = api_router
    if original_request is None:
        # The command line: the site's address, as the API gives absolute URLs.
        request.META.setdefault("SERVER_NAME", "localhost")
    return request
