"""The public read API, mounted at /api/v2/. Each app registers its own endpoints here."""

from wagtail.api.v2.router import WagtailAPIRouter

from api.api import (
    DocumentsAPIViewSet,
    ImagesAPIViewSet,
    PagePreviewAPIViewSet,
    PagesAPIViewSet,
    RedirectsAPIViewSet,
)
from legal_aid.api import LegalAidAPIViewSet
from newsletter.api import NewsletterAPIViewSet
from programmes.api import ProgrammeKindsAPIViewSet
from search.api import AutocompleteAPIViewSet, SearchAPIViewSet
from upr.api import (
    AffectedGroupsAPIViewSet,
    CountriesAPIViewSet,
    RecommendationsAPIViewSet,
    SDGsAPIViewSet,
    SessionsAPIViewSet,
    ThemesAPIViewSet,
)

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
# Old addresses (moved pages, the Plone site's paths): /api/v2/redirects/find/?html_path=/old/path
api_router.register_endpoint("redirects", RedirectsAPIViewSet)
api_router.register_endpoint("recommendations", RecommendationsAPIViewSet)
api_router.register_endpoint("countries", CountriesAPIViewSet)
api_router.register_endpoint("sessions", SessionsAPIViewSet)
api_router.register_endpoint("themes", ThemesAPIViewSet)
api_router.register_endpoint("sdgs", SDGsAPIViewSet)
api_router.register_endpoint("affected-groups", AffectedGroupsAPIViewSet)
api_router.register_endpoint("programme-kinds", ProgrammeKindsAPIViewSet)
api_router.register_endpoint("autocomplete", AutocompleteAPIViewSet)
api_router.register_endpoint("search", SearchAPIViewSet)
# The draft an editor previews on the front end (HEADLESS_PREVIEW_URL).
api_router.register_endpoint("page-preview", PagePreviewAPIViewSet)
# The legal-assistance request form: its schema, submissions and status checks (no model is served).
api_router.register_endpoint("legal-aid", LegalAidAPIViewSet)
# The newsletter: subscriptions (double opt-in), confirmations, unsubscriptions.
api_router.register_endpoint("newsletter", NewsletterAPIViewSet)
