"""Headless preview: an editor's preview opens the front end, which reads the draft from the API."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from django.test import RequestFactory
from django.urls import reverse

from publications.factories import PublicationIndexPageFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db

PREVIEW = reverse("wagtailapi:page-preview:detail")
FRONT_END = "https://www.example.org/preview"


@pytest.fixture
def headless(settings):
    settings.HEADLESS_PREVIEW_URL = FRONT_END
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {"default": FRONT_END},
        "ENFORCE_TRAILING_SLASH": True,
    }


@pytest.fixture
def draft(home_pages, site):
    index = PublicationIndexPageFactory(parent=home_pages["en"])
    page = PublicationPageFactory(parent=index, title="Published title")
    page.save_revision().publish()
    page.title = "Draft title, not published"
    return page


def preview_url(page, site):
    request = RequestFactory().get("/", HTTP_HOST=site.hostname)
    response = page.serve_preview(request, page.default_preview_mode)
    if hasattr(response, "render"):
        response.render()
    return re.search(r'src="([^"]+)"', response.content.decode()).group(1).replace("&amp;", "&")


def test_the_preview_opens_the_front_end_which_reads_the_draft(client, headless, draft, site):
    url = preview_url(draft, site)
    assert url.startswith(f"{FRONT_END}/?")
    query = parse_qs(urlsplit(url).query)
    assert query["content_type"] == ["publications.publicationpage"]

    response = client.get(PREVIEW, {"content_type": query["content_type"][0], "token": query["token"][0]})
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["title"] == "Draft title, not published"
    assert data["meta"]["type"] == "publications.PublicationPage"
    assert "no-store" in response["Cache-Control"]
    assert "ETag" not in response
    # The published page is unchanged.
    detail = client.get(reverse("wagtailapi:pages:detail", args=[draft.pk])).json()
    assert detail["title"] == "Published title"


@pytest.mark.parametrize(
    "params",
    [
        {"content_type": "publications.publicationpage", "token": "forged"},
        {"content_type": "nothing.here", "token": "forged"},
        {},
    ],
)
def test_a_wrong_token_finds_nothing(client, headless, params):
    response = client.get(PREVIEW, params)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_without_a_preview_address_wagtail_previews_as_usual(draft, site, settings):
    settings.HEADLESS_PREVIEW_URL = ""
    request = RequestFactory().get("/", HTTP_HOST=site.hostname)
    response = draft.serve_preview(request, draft.default_preview_mode)
    # Wagtail's own preview: the page's template, not a frame around the front end.
    assert response.template_name == draft.get_template(request)
