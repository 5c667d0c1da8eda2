"""The CMS and the public site: page addresses point there, the CMS serves no page itself, and the
API gives what a public site needs (the translations of a page, an index of the endpoints)."""

import xml.etree.ElementTree as ElementTree

import pytest

from django.urls import reverse

from locales.translation import translate
from publications.factories import PublicationIndexPageFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db

PUBLIC = "https://www.example.org"


@pytest.fixture
def publication(home_pages, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        index = PublicationIndexPageFactory(parent=home_pages["en"])
        index.save_revision().publish()
        page = PublicationPageFactory(parent=index, title="Rwanda mid-term report", slug="rwanda-mid-term")
        page.save_revision().publish()
    return page


def test_with_a_public_site_every_address_of_a_page_points_there(client, publication, settings):
    settings.PUBLIC_SITE_URL = PUBLIC
    detail = client.get(reverse("wagtailapi:pages:detail", args=[publication.pk])).json()
    assert detail["meta"]["html_url"] == f"{PUBLIC}/en/publications/rwanda-mid-term/"

    sitemap = ElementTree.fromstring(client.get("/sitemap.xml").content)  # noqa: S314
    locations = [element.text for element in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert f"{PUBLIC}/en/publications/rwanda-mid-term/" in locations
    assert all(location.startswith(PUBLIC + "/") for location in locations)

    feed = client.get("/feeds/en/publications.rss").content.decode()
    assert f"<link>{PUBLIC}/en/publications/rwanda-mid-term/</link>" in feed


def test_the_cms_sends_a_reader_to_the_public_site(client, publication, settings):
    settings.PUBLIC_SITE_URL = PUBLIC
    response = client.get("/en/publications/rwanda-mid-term/")
    assert response.status_code == 302
    assert response["Location"] == f"{PUBLIC}/en/publications/rwanda-mid-term/"


def test_without_a_public_site_a_page_with_no_template_is_not_found_not_an_error(client, publication):
    assert client.get("/en/publications/rwanda-mid-term/").status_code == 404
    assert client.get("/en/publications/").status_code == 404


def test_a_page_lists_its_published_translations_for_a_language_switch(
    client, publication, locales, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        french = translate(publication, locales["fr"], {"Rwanda mid-term report": "Rapport à mi-parcours"})
    detail = client.get(reverse("wagtailapi:pages:detail", args=[publication.pk])).json()
    assert detail["translations"] == [
        {"locale": "fr", "id": french.pk, "title": "Rapport à mi-parcours", "url": french.get_url()}
    ]
    back = client.get(reverse("wagtailapi:pages:detail", args=[french.pk])).json()
    assert [item["locale"] for item in back["translations"]] == ["en"]
    # A translation still in draft is not offered.
    with django_capture_on_commit_callbacks(execute=True):
        draft = translate(publication, locales["rw"], publish=False)
    assert not draft.live
    detail = client.get(reverse("wagtailapi:pages:detail", args=[publication.pk])).json()
    assert [item["locale"] for item in detail["translations"]] == ["fr"]


def test_the_api_index_names_every_endpoint_and_its_description(client, home_pages):
    index = client.get("/api/v2/").json()
    assert index["endpoints"]["pages"] == "http://testserver/api/v2/pages/"
    assert {"recommendations", "search", "documents", "countries"} <= set(index["endpoints"])
    assert index["documentation"] == "http://testserver/api/schema/docs/"
    assert client.get(index["schema"]).status_code == 200
