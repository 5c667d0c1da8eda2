"""Excerpts of search hits: in the reader's language where the item has it, each passage once."""

import pytest

from django.urls import reverse

from locales.translation import translate
from publications.factories import NewsIndexPageFactory, NewsPageFactory
from tests.programmes.support import recommendation

pytestmark = pytest.mark.django_db

URL = reverse("wagtailapi:search:listing")
SUMMARY = "Lawyers who answer when a journalist is arrested, sued or threatened."


def items(client, **params):
    response = client.get(URL, {**params, "facets": "none"})
    assert response.status_code == 200, response.content
    return response.json()["items"]


@pytest.fixture
def translated(home_pages, locales, upr_vocabularies, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        made = recommendation(1, "Guarantee the freedom of the press and protect journalists")
        translate(
            made,
            locales["fr"],
            {made.text: "Garantir la liberté de la presse et protéger les journalistes"},
        )
        news = NewsPageFactory(
            parent=NewsIndexPageFactory(parent=home_pages["en"]),
            title="Legal help for reporters",
            summary=SUMMARY,
            body=[("paragraph", f"<p>{SUMMARY}</p>"), ("paragraph", "<p>Call us at any hour.</p>")],
        )
        news.save_revision().publish()
    return made


def test_a_recommendation_s_excerpt_is_in_the_reader_s_language_where_it_was_translated(client, translated):
    (french,) = items(client, q="presse", locale="fr")
    assert french["excerpt"] == "Garantir la liberté de la <mark>presse</mark> et protéger les journalistes"
    (english,) = items(client, q="press", locale="en")
    assert english["excerpt"] == "Guarantee the freedom of the <mark>press</mark> and protect journalists"
    # Kinyarwanda has no translation of it: the original, its words marked.
    (kinyarwanda,) = items(client, q="journalists", locale="rw")
    assert "<mark>journalists</mark>" in kinyarwanda["excerpt"]
    assert "Garantir" not in kinyarwanda["excerpt"]


def test_a_page_s_excerpt_says_its_summary_once(client, translated):
    (hit,) = items(client, q="lawyers", locale="en", type="news")
    assert hit["excerpt"].count("who answer when a journalist") == 1
    assert "Call us at any hour." in hit["excerpt"]
