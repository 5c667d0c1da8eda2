"""Glue between drf-spectacular and the API router (the descriptions themselves: api/openapi.py)."""

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


# The feeds are Django views, not REST framework ones: listed here so that the description
# names every public address of the API (their bodies are RSS, Atom and iCalendar).
FEEDS = [
    ("/feeds/{language}/publications.rss", "application/rss+xml", "New publications (RSS 2.0)"),
    ("/feeds/{language}/publications.atom", "application/atom+xml", "New publications (Atom)"),
    ("/feeds/{language}/news.rss", "application/rss+xml", "News (RSS 2.0)"),
    ("/feeds/{language}/news.atom", "application/atom+xml", "News (Atom)"),
    ("/feeds/{language}/events.ics", "text/calendar", "Events and UPR deadlines (iCalendar)"),
]


def add_feeds(result, generator, request, public):
    """POSTPROCESSING_HOOKS: the feeds, one operation each."""
    from api.openapi import language_codes

    for path, media_type, summary in FEEDS:
        name = path.rsplit("/", 1)[1].replace(".", "_")
        result["paths"][path] = {
            "get": {
                "operationId": f"feeds_{name}",
                "summary": summary,
                "tags": ["feeds"],
                "parameters": [
                    {
                        "in": "path",
                        "name": "language",
                        "required": True,
                        "schema": {"type": "string", "enum": language_codes()},
                    }
                ],
                "responses": {
                    "200": {"content": {media_type: {"schema": {"type": "string"}}}, "description": summary},
                    "404": {
                        "content": {"text/html": {"schema": {"type": "string"}}},
                        "description": "No such feed.",
                    },
                },
            }
        }
    return result
