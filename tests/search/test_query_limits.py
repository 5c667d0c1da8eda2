"""Whatever a reader or a robot sends as ``q``, the answer is a clear one and comes at once; and
``facets=`` chooses what is counted on ``search/`` as on ``recommendations/``."""

import time

import pytest

from django.urls import reverse

from api.parameters import MAX_QUERY_CHARACTERS, MAX_QUERY_WORDS

pytestmark = pytest.mark.django_db

SEARCH = reverse("wagtailapi:search:listing")
LISTING = reverse("wagtailapi:recommendations:listing")


@pytest.fixture
def rwanda(rwanda_recommendations):
    return rwanda_recommendations


def test_a_long_question_is_read_up_to_its_first_words(client, rwanda):
    # 160 different words in under a thousand characters: once a RecursionError (500).
    words = " ".join(f"w{index}" for index in range(160))
    assert len(words) < MAX_QUERY_CHARACTERS
    for url in (SEARCH, LISTING):
        started = time.perf_counter()
        response = client.get(url, {"q": f"journalists {words}"})
        assert response.status_code == 200, response.content
        meta = response.json()["meta"]
        if url == SEARCH:  # no item has every word: those with some of them (journalists) are given
            assert meta["all_words_count"] == 0
            assert (
                meta["total_count"] == client.get(SEARCH, {"q": "journalists"}).json()["meta"]["total_count"]
            )
        else:  # the recommendations' listing is a filter: every word is needed, and w0… match nothing
            assert meta["total_count"] == 0
        assert time.perf_counter() - started < 10

    # The words beyond the limit are left out: a question padded past it finds what its start finds.
    padded = "journalists " + " ".join(["journalists"] * (MAX_QUERY_WORDS - 1)) + " zzzqqq"
    plain = client.get(SEARCH, {"q": "journalists"}).json()["meta"]["total_count"]
    assert plain > 0
    assert client.get(SEARCH, {"q": padded}).json()["meta"]["total_count"] == plain
    assert client.get(LISTING, {"q": padded, "facets": "none"}).json()["meta"]["total_count"] > 0


@pytest.mark.parametrize("url", [SEARCH, LISTING])
def test_a_question_past_the_character_limit_is_refused_with_a_reason(client, url):
    started = time.perf_counter()
    response = client.get(url, {"q": "liberte " * 12_500})
    assert response.status_code == 400
    assert f"q: at most {MAX_QUERY_CHARACTERS} characters" in response.json()["message"]
    assert time.perf_counter() - started < 2
    assert client.get(url, {"q": "x" * MAX_QUERY_CHARACTERS}).status_code == 200


def test_facets_on_search_choose_what_is_counted(client, rwanda):
    every = client.get(SEARCH, {"q": "rwanda"}).json()["meta"]
    assert {"type", "country", "theme"} <= set(every["facets"])

    none = client.get(SEARCH, {"q": "rwanda", "facets": "none"}).json()["meta"]
    assert none["facets"] == {}
    assert none["total_count"] == every["total_count"] > 0

    some = client.get(SEARCH, {"q": "rwanda", "facets": "country,theme"}).json()["meta"]
    assert set(some["facets"]) == {"country", "theme"}
    assert some["facets"]["country"] == every["facets"]["country"]

    refused = client.get(SEARCH, {"q": "rwanda", "facets": "planets"})
    assert refused.status_code == 400
    assert "facets: unknown facet(s) planets" in refused.json()["message"]
