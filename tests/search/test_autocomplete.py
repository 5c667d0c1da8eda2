"""Titles suggested as a reader types: live, public pages of one language only."""

import pytest

from django.urls import reverse

from wagtail.models import PageViewRestriction

from locales.translation import translate
from publications.factories import PublicationIndexPageFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db

URL = reverse("wagtailapi:autocomplete:listing")


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def shelf(home_pages, locales, django_capture_on_commit_callbacks):
    index = PublicationIndexPageFactory(parent=home_pages["en"])
    rwanda = publish(PublicationPageFactory(parent=index, title="Rwanda: mid-term assessment"))
    publish(PublicationPageFactory(parent=index, title="Burundi: mid-term assessment"))
    draft = PublicationPageFactory(parent=index, title="Rwanda: draft plan", live=False)
    draft.save_revision()
    private = publish(PublicationPageFactory(parent=index, title="Rwanda: internal notes"))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    with django_capture_on_commit_callbacks(execute=True):
        translate(index, locales["fr"])
        translate(rwanda, locales["fr"], {"Rwanda: mid-term assessment": "Rwanda : évaluation à mi-parcours"})
    return rwanda


def titles(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def test_titles_start_as_the_reader_types(client, shelf):
    assert titles(client, q="rwan") == ["Rwanda: mid-term assessment"]
    assert sorted(titles(client, q="mid-te")) == [
        "Burundi: mid-term assessment",
        "Rwanda: mid-term assessment",
    ]


def test_only_live_public_pages_of_the_language_are_suggested(client, shelf):
    assert "Rwanda: draft plan" not in titles(client, q="rwanda")
    assert "Rwanda: internal notes" not in titles(client, q="rwanda")
    assert titles(client, q="rwan", locale="fr") == ["Rwanda : évaluation à mi-parcours"]
    assert titles(client, q="rwan", type="home.HomePage") == []


@pytest.mark.parametrize(
    ("params", "message"),
    [({}, "q: type at least one letter"), ({"q": "x", "type": "upr.Country"}, "is not a page type")],
)
def test_bad_requests_are_explained(client, shelf, params, message):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert message in response.json()["message"]
