"""A query that names a UPR concept in one language finds the items that name it in another
(search/glossary.py, search/reference/glossary.csv)."""

import pytest

from django.urls import reverse

from search.glossary import concepts
from search.text import Query, excerpt
from tests.programmes.support import recommendation

pytestmark = pytest.mark.django_db

URL = reverse("wagtailapi:search:listing")
RECOMMENDATIONS = reverse("wagtailapi:recommendations:listing")


def test_every_concept_is_named_in_english_and_french_with_its_source():
    found = dict(concepts())
    assert len(found) >= 40
    for concept, names in found.items():
        languages = {language for language, _name in names}
        assert {"en", "fr"} <= languages, concept
    assert ("fr", "liberté d'opinion et d'expression") in found["freedom-of-expression"]
    assert ("rw", "abanyamakuru") in found["journalists"]


def test_a_french_name_of_a_concept_is_also_looked_for_under_its_english_names():
    query = Query("liberté d'expression Rwanda", ["fr", "en", "rw"])
    assert query.words == ["liberte", "expression", "rwanda"]
    (start, end, others) = query.concepts[0]
    assert (start, end) == (0, 2)
    assert {"freedom of express", "freedom of opinion and express"} <= set(others)
    # Looked for as typed first; under the other names too when the search widens (and in the
    # recommendations' listing).
    assert "freedom" not in repr(query.search_query())
    sent = repr(query.search_query(any_word=True))
    assert "Phrase 'freedom of opinion and express'" in sent
    assert "rwanda" in sent
    assert "Phrase 'freedom of opinion and express'" in repr(query.search_query(concepts=True))
    # The other names' words are marked in an excerpt of an English text.
    passage = excerpt("Ensure freedom of expression in Rwanda.", query.stems(), "en")
    assert "<mark>freedom</mark> of <mark>expression</mark>" in passage


def test_words_that_name_no_concept_are_left_as_they_are():
    assert Query("Kigali radio", ["en", "fr", "rw"]).concepts == []
    assert "Or" not in repr(Query("Kigali radio", ["en"]).search_query())


@pytest.fixture
def recommendations(upr_vocabularies, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        found = {
            "expression": recommendation(1, "Guarantee freedom of opinion and expression online"),
            "journalists": recommendation(2, "Protect journalists from arbitrary detention"),
            "death": recommendation(3, "Abolish the death penalty", iso3="KEN"),
            "movement": recommendation(4, "Lift the restrictions on freedom of movement"),
        }
    return found


def found_texts(client, **params):
    response = client.get(URL, {**params, "facets": "none"})
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


def test_a_french_query_finds_english_recommendations_on_the_same_right(client, recommendations):
    texts = found_texts(client, q="liberté d'expression", locale="fr")
    assert "Guarantee freedom of opinion and expression online" in texts
    assert "Lift the restrictions on freedom of movement" not in texts  # liberté, but not this one
    assert "Abolish the death penalty" in found_texts(client, q="peine de mort", locale="fr")


def test_a_kinyarwanda_plural_finds_english_recommendations_on_journalists(client, recommendations):
    assert found_texts(client, q="abanyamakuru", locale="rw") == {
        "Protect journalists from arbitrary detention"
    }


def test_the_recommendations_listing_widens_the_same_way(client, recommendations):
    response = client.get(RECOMMENDATIONS, {"q": "peine de mort"})
    assert response.status_code == 200, response.content
    assert [item["text"] for item in response.json()["items"]] == ["Abolish the death penalty"]
