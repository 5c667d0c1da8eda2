from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

# Paths outside the language-prefixed site: their 404s are final.
UNPREFIXED_PATHS = ("/api/", "/feeds/", "/documents/", "/admin/", "/sitemap.xml")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 of the API, feeds or documents stays a 404.

    Django redirects a 404 to the same path under the language prefix when that
    path resolves, and Wagtail's page view resolves every path: an API client
    asking for a page that was unpublished would get a redirect to /en/api/….
    """

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED_PATHS):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
