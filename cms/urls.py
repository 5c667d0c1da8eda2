from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from api.api import APIIndexView
from cms.api import api_router
from home.sitemaps import SiteSitemap
from home.views import ImageServeView

# The API answers its errors with its own error body; the site with HTML pages.
handler404 = "api.contract.page_not_found"
handler500 = "api.contract.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", APIIndexView.as_view(), name="api-index"),
    path("api/v2/", api_router.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # Its script from its own address, not inline: the page works under the Content-Security-Policy.
    path("api/schema/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/schema/redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
    path("feeds/", include("publications.urls")),
    path("feeds/", include("upr.urls")),
    # The pages of the newsletter mails' links (confirm, unsubscribe; RFC 8058 one-click POST).
    path("newsletter/", include("newsletter.urls")),
    re_path(r"^images/([^/]*)/(\d*)/([^/]*)/[^/]*$", ImageServeView.as_view(), name="wagtailimages_serve"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": SiteSitemap}}, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    # Images only: documents always go through Wagtail's serve view and its privacy check.
    urlpatterns += static(settings.MEDIA_URL + "images/", document_root=settings.MEDIA_ROOT / "images")
    urlpatterns += static(
        settings.MEDIA_URL + "original_images/", document_root=settings.MEDIA_ROOT / "original_images"
    )

urlpatterns += i18n_patterns(
    path("", include(wagtail_urls)),
)
