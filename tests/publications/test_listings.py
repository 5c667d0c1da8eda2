"""Listings with filters: the pages API (country, cycle, session, year, theme, language) and the admin."""

import datetime

import pytest

from django.urls import reverse

from publications.factories import (
    EventPageFactory,
    PublicationFileFactory,
    PublicationPageFactory,
    pdf_document,
)
from tests.support.files import shared_pdf
from upr.models import Country, Session, Theme

pytestmark = pytest.mark.django_db

LISTING = reverse("wagtailapi:pages:listing")


def publish(page):
    page.save_revision().publish()
    return page


def source(model, **lookup):
    return model.objects.get(locale__language_code="en", **lookup)


@pytest.fixture
def shelf(sections):
    """Three publications: Rwanda 2011 (en), Burundi 2018 (fr), Rwanda 2021 (en and fr)."""
    theme = Theme.objects.filter(locale__language_code="en").order_by("slug").first()

    def publication(title, country, session, date, languages):
        page = PublicationPageFactory(
            parent=sections["publications"],
            title=title,
            publication_date=date,
            session=Session.objects.get(number=session),
            cycle=Session.objects.get(number=session).cycle,
        )
        for language in languages:
            PublicationFileFactory(
                page=page, language=language, document=pdf_document(shared_pdf("g2505828.pdf"))
            )
        page.countries.set([source(Country, iso3=country)])
        if country == "RWA":
            page.themes.set([theme])
        return publish(page)

    return {
        "rwanda-2011": publication("Rwanda 2011", "RWA", 10, datetime.date(2011, 6, 1), ["en"]),
        "burundi-2018": publication("Burundi 2018", "BDI", 30, datetime.date(2018, 5, 1), ["fr"]),
        "rwanda-2021": publication("Rwanda 2021", "RWA", 37, datetime.date(2021, 2, 1), ["en", "fr"]),
        "theme": theme,
    }


def titles(client, **params):
    response = client.get(LISTING, {"type": "publications.PublicationPage", **params})
    assert response.status_code == 200, response.content
    return sorted(item["title"] for item in response.json()["items"])


def test_publications_filter_by_country_cycle_session_year_theme_and_language(client, shelf):
    assert titles(client, country="RWA") == ["Rwanda 2011", "Rwanda 2021"]
    assert titles(client, country="rwa,bdi") == ["Burundi 2018", "Rwanda 2011", "Rwanda 2021"]
    assert titles(client, cycle="1") == ["Rwanda 2011"]
    assert titles(client, session="30,37") == ["Burundi 2018", "Rwanda 2021"]
    assert titles(client, year="2021") == ["Rwanda 2021"]
    assert titles(client, theme=shelf["theme"].slug) == ["Rwanda 2011", "Rwanda 2021"]
    assert titles(client, language="fr") == ["Burundi 2018", "Rwanda 2021"]
    assert titles(client, country="RWA", language="fr") == ["Rwanda 2021"]


def test_filters_and_a_text_search_combine(client, shelf):
    assert titles(client, country="RWA", search="Rwanda 2021") == ["Rwanda 2021"]


def test_events_filter_by_their_own_fields(client, sections):
    starts = datetime.datetime(2026, 3, 2, 7, 0, tzinfo=datetime.UTC)
    publish(
        EventPageFactory(
            parent=sections["events"], title="Kigali", starts_at=starts, country=source(Country, iso3="RWA")
        )
    )
    publish(EventPageFactory(parent=sections["events"], title="Geneva", starts_at=starts.replace(year=2025)))

    response = client.get(LISTING, {"type": "publications.EventPage", "country": "RWA"})
    assert [item["title"] for item in response.json()["items"]] == ["Kigali"]
    response = client.get(LISTING, {"type": "publications.EventPage", "year": "2025"})
    assert [item["title"] for item in response.json()["items"]] == ["Geneva"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"country": "RWA"}, "pages of type wagtailcore.Page cannot be filtered by country"),
        ({"type": "publications.NewsPage", "cycle": "2"}, "cannot be filtered by cycle"),
        ({"type": "publications.PublicationPage", "year": "last"}, "year: give whole numbers"),
    ],
)
def test_a_filter_that_does_not_apply_is_an_error_not_an_empty_list(client, sections, params, message):
    response = client.get(LISTING, params)
    assert response.status_code == 400
    assert message in response.json()["message"]


def test_editors_filter_the_admin_listing_of_publications(editor_client, shelf):
    url = reverse("publication_pages:index")

    everything = editor_client.get(url).content.decode()
    burundi = editor_client.get(url, {"country": source(Country, iso3="BDI").pk}).content.decode()
    in_french = editor_client.get(url, {"language": "fr", "year": "2021"}).content.decode()

    assert all(title in everything for title in ("Rwanda 2011", "Burundi 2018", "Rwanda 2021"))
    assert "Burundi 2018" in burundi and "Rwanda 2011" not in burundi
    assert "Rwanda 2021" in in_french and "Burundi 2018" not in in_french


def test_a_renamed_page_leaves_a_redirect_the_front_end_can_find(
    client, shelf, django_capture_on_commit_callbacks
):
    page = shelf["rwanda-2011"]
    old_path = page.get_url()
    with django_capture_on_commit_callbacks(execute=True):
        page.slug = "rwanda-first-review"
        publish(page)

    found = client.get(reverse("wagtailapi:redirects:find"), {"html_path": old_path}, follow=True)

    assert found.status_code == 200
    assert (
        found.json()["location"]
        == type(page).objects.get(pk=page.pk).get_url()
        == "/en/publications/rwanda-first-review/"
    )
    assert client.get(reverse("wagtailapi:redirects:find"), {"html_path": "/nowhere/"}).status_code == 404
