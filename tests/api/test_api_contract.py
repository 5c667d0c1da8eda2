"""What every endpoint of the API promises: one error body, bounded pages, ?fields= and ?locale=."""

import pytest

from django.urls import reverse

from publications.factories import PublicationIndexPageFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db

# Every listing of the API, by the name of its endpoint.
LISTINGS = [
    "pages",
    "images",
    "documents",
    "recommendations",
    "countries",
    "sessions",
    "themes",
    "sdgs",
    "affected-groups",
    "programme-kinds",
    "search",
    "autocomplete",
]
PAGED = ["pages", "images", "documents", "recommendations", "search"]
# A parameter that some endpoints need to answer at all.
REQUIRED = {"autocomplete": {"q": "rw"}}


def listing(name):
    return reverse(f"wagtailapi:{name}:listing")


def error(response, status):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"status", "code", "message", "errors"}, body
    assert body["status"] == status
    return body


@pytest.fixture
def publication(home_pages):
    index = PublicationIndexPageFactory(parent=home_pages["en"])
    page = PublicationPageFactory(parent=index, title="Rwanda: mid-term assessment")
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("name", LISTINGS)
def test_an_unknown_locale_is_the_same_error_everywhere(client, site, upr_vocabularies, name):
    body = error(client.get(listing(name), {**REQUIRED.get(name, {}), "locale": "de"}), 400)
    assert body["code"] == "invalid_parameter"
    assert body["message"] == "locale: “de” is not one of en, fr, rw"
    assert body["errors"] == {"locale": ["“de” is not one of en, fr, rw"]}


@pytest.mark.parametrize("name", LISTINGS)
def test_every_listing_takes_a_known_locale(client, site, upr_vocabularies, name):
    response = client.get(listing(name), {**REQUIRED.get(name, {}), "locale": "fr"})
    assert response.status_code == 200, response.content
    assert "items" in response.json()


@pytest.mark.parametrize("name", PAGED)
def test_a_page_of_results_has_a_maximum_size(client, site, upr_vocabularies, settings, name):
    maximum = 50 if name == "search" else settings.WAGTAILAPI_LIMIT_MAX
    assert client.get(listing(name), {"limit": maximum}).status_code == 200
    body = error(client.get(listing(name), {"limit": maximum + 1}), 400)
    assert body["errors"] == {"limit": [f"at most {maximum}"]}
    for bad in ("-1", "many"):
        assert error(client.get(listing(name), {"limit": bad}), 400)["errors"].keys() == {"limit"}
        assert error(client.get(listing(name), {"offset": bad}), 400)["errors"].keys() == {"offset"}


def test_autocomplete_has_a_maximum_too(client, site):
    error(client.get(listing("autocomplete"), {"q": "rw", "limit": 51}), 400)
    error(client.get(listing("autocomplete"), {"q": "rw", "limit": -1}), 400)


@pytest.mark.parametrize("name", LISTINGS)
def test_an_unknown_field_is_the_same_error_everywhere(client, site, upr_vocabularies, name):
    body = error(client.get(listing(name), {**REQUIRED.get(name, {}), "fields": "colour"}), 400)
    assert body["message"] == "unknown fields: colour"
    assert body["errors"] == {"fields": ["unknown fields: colour"]}


def test_fields_choose_what_items_show(client, publication, upr_vocabularies):
    countries = client.get(listing("countries"), {"fields": "_,name"}).json()["items"]
    assert countries and all(set(item) == {"name"} for item in countries)
    countries = client.get(listing("countries"), {"fields": "-memberships"}).json()["items"]
    assert all("memberships" not in item and "regional_group" in item for item in countries)
    suggestions = client.get(listing("autocomplete"), {"q": "rwanda", "fields": "_,title"}).json()["items"]
    assert suggestions == [{"title": "Rwanda: mid-term assessment"}]
    pages = client.get(listing("pages"), {"type": "publications.PublicationPage", "fields": "_,title"})
    assert pages.json()["items"] == [{"title": "Rwanda: mid-term assessment"}]
    error(client.get(listing("countries"), {"fields": "name(code)"}), 400)


def test_not_found_is_the_error_body(client, site):
    body = error(client.get(reverse("wagtailapi:pages:detail", args=[999_999])), 404)
    assert body["code"] == "not_found"
    body = error(client.get(reverse("wagtailapi:recommendations:detail", args=[999_999])), 404)
    assert body["code"] == "not_found"
    # An address under /api/ that no endpoint answers.
    assert error(client.get("/api/v2/planets/"), 404)["code"] == "not_found"


def test_messages_are_in_the_language_of_the_request(client, site):
    response = client.post(listing("pages"), HTTP_ACCEPT_LANGUAGE="fr")
    body = error(response, 405)
    assert body["code"] == "method_not_allowed"
    assert "non autorisée" in body["message"]
    body = error(client.post(listing("pages") + "?locale=fr"), 405)
    assert "non autorisée" in body["message"]


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("recommendations", {"cycle": "99999999999999999999"}),
        ("recommendations", {"cycle": "²"}),
        ("search", {"year": "99999999999999999999"}),
        ("pages", {"type": "publications.PublicationPage", "year": "99999999999999999999"}),
        ("pages", {"offset": "99999999999999999999"}),
        ("recommendations", {"q": "press\x00"}),
    ],
)
def test_numbers_too_large_and_nul_characters_are_refused(client, site, upr_vocabularies, name, params):
    assert error(client.get(listing(name), params), 400)["code"] == "invalid_parameter"


def test_words_only_reach_the_text_search(client, upr_vocabularies):
    response = client.get(listing("recommendations"), {"q": 'press" OR (freedom'})
    assert response.status_code == 200, response.content


def test_find_needs_a_whole_number(client, site):
    body = error(client.get(reverse("wagtailapi:pages:find"), {"id": "one"}), 400)
    assert body["errors"] == {"id": ["give a whole number"]}
