"""The public site's own middleware: answers served stale are marked; every client is throttled."""

from django_ratelimit.core import is_ratelimited

from django.conf import settings
from django.utils.cache import add_never_cache_headers

from frontend import api_client
from frontend.clients import client_address


class StaleAnswerMiddleware:
    """``X-Served-Stale: 1`` on a page made from stored answers while the CMS was unreachable.

    Such a page is not to be kept by a proxy: the next reader should get the fresh one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        api_client.reset_stale()
        response = self.get_response(request)
        if api_client.served_stale():
            response["X-Served-Stale"] = "1"
            add_never_cache_headers(response)
        return response


class ThrottleMiddleware:
    """At most ``FRONTEND_RATE`` requests per client address (static files aside): then a 429 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(settings.STATIC_URL) and is_ratelimited(
            request,
            group="frontend",
            key=lambda _group, request: client_address(request),
            rate=settings.FRONTEND_RATE,
            increment=True,
        ):
            from frontend.views.errors import too_many_requests

            return too_many_requests(request)
        return self.get_response(request)


class APIErrorMiddleware:
    """The API's errors as pages: not found (404), a bad request (400), the CMS unreachable (503)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from frontend.views import errors

        if isinstance(exception, api_client.NotFound):
            return errors.not_found(request)
        if isinstance(exception, api_client.CMSUnavailable):
            return errors.unavailable(request)
        if isinstance(exception, api_client.APIError):
            return errors.bad_request(request, message=exception.message)
        return None


class PermissionsPolicyMiddleware:
    """``Permissions-Policy`` (FRONTEND_PERMISSIONS_POLICY) on every page: the browser features no
    page of the site uses are refused to it and to every frame (the videos keep full screen and
    playback)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.FRONTEND_PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.FRONTEND_PERMISSIONS_POLICY)
        return response
