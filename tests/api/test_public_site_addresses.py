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


def test_the_sitemap_names_every_language_with_its_alternates(
    client, publication, locales, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_SITE_URL = PUBLIC
    with django_capture_on_commit_callbacks(execute=True):
        translate(publication.get_parent(), locales["fr"])
        translate(publication, locales["fr"], {"Rwanda mid-term report": "Rapport à mi-parcours"})
        translate(publication, locales["rw"], publish=False)  # a draft: not in the sitemap
    sitemap = ElementTree.fromstring(client.get("/sitemap.xml").content)  # noqa: S314
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = {
        url.find("s:loc", namespace).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", namespace)
        }
        for url in sitemap.findall("s:url", namespace)
    }
    english, french = (
        f"{PUBLIC}/en/publications/rwanda-mid-term/",
        f"{PUBLIC}/fr/publications/rwanda-mid-term/",
    )
    assert english in entries and french in entries
    assert f"{PUBLIC}/fr/" in entries and f"{PUBLIC}/rw/" in entries
    assert entries[english] == entries[french] == {"en": english, "fr": french}
    assert f"{PUBLIC}/rw/publications/rwanda-mid-term/" not in entries


def test_a_page_is_found_by_the_path_the_site_shows_with_its_language(
    client, publication, locales, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate(publication.get_parent(), locales["fr"])
    with django_capture_on_commit_callbacks(execute=True):
        french = translate(publication, locales["fr"], {"Rwanda mid-term report": "Rapport à mi-parcours"})

    def found(html_path):
        response = client.get(reverse("wagtailapi:pages:find"), {"html_path": html_path}, follow=True)
        return response.json()["id"] if response.status_code == 200 else response.status_code

    assert found("/en/publications/rwanda-mid-term/") == publication.pk
    assert found("/fr/publications/rwanda-mid-term/") == french.pk
    assert found("fr/publications/rwanda-mid-term") == french.pk
    assert found("/fr/") == publication.get_parent().get_parent().get_translation(locales["fr"]).pk
    assert found("/rw/publications/rwanda-mid-term/") == 404  # not translated into Kinyarwanda
    assert found("/en/publications/no-such-report/") == 404
    french.refresh_from_db()  # published when its translation committed
    french.unpublish()
    assert found("/fr/publications/rwanda-mid-term/") == 404


def test_a_choice_is_given_with_its_label_in_the_pages_language(
    client, publication, locales, django_capture_on_commit_callbacks
):
    publication.publication_type = "annual_report"
    publication.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        french = translate(publication, locales["fr"], {"Rwanda mid-term report": "Rapport à mi-parcours"})

    def detail(page):
        return client.get(reverse("wagtailapi:pages:detail", args=[page.pk])).json()

    assert (detail(publication)["publication_type"], detail(publication)["publication_type_label"]) == (
        "annual_report",
        "Annual report",
    )
    assert detail(french)["publication_type_label"] == "Rapport annuel"
