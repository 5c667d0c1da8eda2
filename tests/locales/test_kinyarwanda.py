"""Kinyarwanda is a full language for Django and Wagtail, not a silent fallback to English."""

import datetime

import pytest

from django.urls import reverse
from django.utils import formats, translation

from home.models import HomePage


def test_django_knows_kinyarwanda():
    info = translation.get_language_info("rw")
    assert info["name"] == "Kinyarwanda"
    assert info["name_local"] == "Ikinyarwanda"
    assert info["bidi"] is False
    assert translation.check_for_language("rw")


def test_activating_rw_activates_rw():
    with translation.override("rw"):
        assert translation.get_language() == "rw"
        assert translation.gettext("Home") == "Ahabanza"
        assert formats.date_format(datetime.date(2026, 11, 25)) == "25 Ugushyingo 2026"
        assert formats.date_format(datetime.date(2026, 3, 2), "l j F") == "Kuwa mbere 2 Werurwe"
    with translation.override("fr"):
        assert translation.gettext("Home") == "Accueil"
    with translation.override("en"):
        assert translation.gettext("Home") == "Home"


def test_the_browser_language_selects_rw(client, home_pages):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="rw,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/rw/"


def test_an_rw_home_page_is_served_in_rw(client, home_pages):
    response = client.get("/rw/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="rw">' in html
    assert ">Ahabanza</a>" in html
    # Links to the same page in the other languages, named in their own language.
    assert 'hreflang="fr">français</a>' in html
    assert 'hreflang="en">English</a>' in html


@pytest.mark.django_db
def test_the_api_lists_the_rw_home_page(client, home_pages):
    response = client.get(reverse("wagtailapi:pages:listing"), {"locale": "rw", "type": "home.HomePage"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["id"] for item in items] == [home_pages["rw"].id]
    assert items[0]["meta"]["locale"] == "rw"
    assert items[0]["meta"]["html_url"].endswith("/rw/")
    assert HomePage.objects.get(pk=items[0]["id"]).translation_key == home_pages["en"].translation_key
