"""The public site's addresses: the CMS's page paths under /en/, /fr/ and /rw/, and its own views."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path, re_path

from frontend.views import errors, files, legal_aid, newsletter, pages, recommendations, search, sitemap

urlpatterns = [
    path("media/<path:path>", files.cms_file, {"prefix": "media"}),
    path("documents/<path:path>", files.cms_file, {"prefix": "documents"}),
    # Images of a private bucket, at the CMS's addresses that redirect to a signed URL.
    path("images/<path:path>", files.cms_file, {"prefix": "images"}),
    path("preview/", pages.preview, name="preview"),
    path("sitemap.xml", sitemap.sitemap, name="sitemap"),
    # The pages of the newsletter mails' links (NEWSLETTER_LINKS_URL of the CMS pointed here).
    path("newsletter/confirm/<str:token>/", newsletter.confirm, name="newsletter_confirm"),
    path("newsletter/unsubscribe/<str:token>/", newsletter.unsubscribe, name="newsletter_unsubscribe"),
]
urlpatterns += i18n_patterns(
    path("search/", search.search, name="search"),
    path("search/suggestions/", search.suggest, name="suggest"),
    path("recommendations/", recommendations.browse, name="recommendations"),
    path("recommendations/statistics/", recommendations.stats, name="recommendation_stats"),
    path("recommendations/<int:pk>/", recommendations.detail, name="recommendation"),
    re_path(r"^recommendations/export\.(?P<extension>csv|xlsx)$", recommendations.export, name="export"),
    path("request-status/", legal_aid.request_status, name="request_status"),
    path("newsletter/subscribe/", newsletter.subscribe, name="newsletter"),
    re_path(r"^(?P<path>.+)/calendar\.ics$", pages.event_calendar, name="event_calendar"),
    # Any other path is a page's; not the CMS's files (a 404 there is not redirected to /en/…).
    re_path(r"^(?!(?:documents|images|media|static|preview)/)(?P<path>.*)$", pages.page_view, name="page"),
)

handler400 = errors.bad_request
handler404 = errors.not_found
handler500 = errors.server_error
