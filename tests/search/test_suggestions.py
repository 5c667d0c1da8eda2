"""Help with spelling and typing: "did you mean" from the words of the index, the last word typed
completed, and autocomplete that suggests states, themes and words besides page titles."""

import time

import pytest

from django.urls import reverse

from search import suggestions, words
from search.models import SearchEntry, SearchWord
from search.text import Query

pytestmark = pytest.mark.django_db

SEARCH = reverse("wagtailapi:search:listing")
AUTOCOMPLETE = reverse("wagtailapi:autocomplete:listing")


@pytest.fixture
def rwanda(rwanda_recommendations):
    return rwanda_recommendations


def search(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_words_of_the_entries_are_counted_as_they_are_written(rwanda):
    genocide = SearchWord.objects.get(word="genocide", language="en")
    holding = [entry for entry in SearchEntry.objects.all() if "en:genocide" in entry.words.split()]
    assert genocide.count == len(holding) > 0
    assert genocide.stem == "genocid"
    # Counted anew from the entries, the table is the same.
    before = set(SearchWord.objects.values_list("word", "language", "count"))
    words.recount()
    assert set(SearchWord.objects.values_list("word", "language", "count")) == before


def test_a_word_no_entry_holds_any_more_leaves_the_table(rwanda):
    entry = SearchEntry.objects.filter(words__contains="en:genocide").first()
    count = SearchWord.objects.get(word="genocide", language="en").count
    words.apply(words.difference([entry.words], []))
    assert SearchWord.objects.get(word="genocide", language="en").count == count - 1
    words.apply({("en", "genocide"): -count + 1})
    assert not SearchWord.objects.filter(word="genocide", language="en").exists()


def test_a_misspelt_word_gets_the_closest_word_of_the_index(client, rwanda):
    meta = search(client, q="jounalists Rwanda")["meta"]
    assert meta["suggestion"] == {
        "q": "journalists Rwanda",
        "words": [{"typed": "jounalists", "suggested": "journalists"}],
    }
    assert search(client, q=meta["suggestion"]["q"])["meta"]["total_count"] > 0


def test_genocide_is_suggested_for_genocde(client, rwanda):
    assert SearchWord.objects.filter(folded="genocide").exists()  # in the Rwanda rows
    meta = search(client, q="genocde ideology")["meta"]
    assert meta["suggestion"]["q"] == "genocide ideology"
    assert meta["suggestion"]["words"] == [{"typed": "genocde", "suggested": "genocide"}]


def test_words_that_match_get_no_suggestion(client, rwanda):
    assert search(client, q="journalists Rwanda")["meta"]["suggestion"] is None
    assert search(client, q="genocide ideology")["meta"]["suggestion"] is None
    # Another form of a word of the index matches: its stem is there.
    assert search(client, q="journalist")["meta"]["suggestion"] is None
    # Nothing close: no suggestion rather than a bad one.
    assert search(client, q="zzqxwv")["meta"]["suggestion"] is None


def test_the_most_frequent_of_equally_close_words_is_preferred(rwanda):
    SearchWord.objects.create(word="rwandb", folded="rwandb", language="en", stem="rwandb", length=6, count=1)
    assert suggestions.closest_word("rwandc") == "rwanda"


def test_the_edit_distance_counts_swapped_letters_once():
    assert suggestions.edit_distance("genocide", "genocdie", 2) == 1
    assert suggestions.edit_distance("genocide", "genocde", 2) == 1
    assert suggestions.edit_distance("genocide", "gnocd", 2) == 3  # beyond the limit


def test_the_last_word_typed_matches_as_a_prefix(client, rwanda):
    genocide = search(client, q="genocide")["meta"]["total_count"]
    assert genocide > 0
    data = search(client, q="genoc")
    assert data["meta"]["total_count"] >= genocide
    assert data["meta"]["suggestion"] is None
    assert any("<mark>genocide</mark>" in item["excerpt"].lower() for item in data["items"])
    # Followed by a space, in a phrase or too short, it is a word of its own: nothing matches it.
    assert search(client, q="genoc ")["meta"]["all_words_count"] == 0
    assert search(client, q='"genoc"')["meta"]["total_count"] == 0
    assert search(client, q="ge")["meta"]["total_count"] == 0


def test_which_word_is_being_typed():
    assert Query("ideology genoc", ["en"]).typed_prefix() == "genoc"
    assert Query("ideology genoc ", ["en"]).typed_prefix() is None
    assert Query('ideology "genoc', ["en"]).typed_prefix() is None
    assert Query('"genocide ideology" preve', ["en"]).typed_prefix() == "preve"
    assert Query("ideology ge", ["en"]).typed_prefix() is None
    assert Query("session 12", ["en"]).typed_prefix() is None


def test_autocomplete_suggests_words_states_and_themes(client, rwanda):
    response = client.get(AUTOCOMPLETE, {"q": "gen", "locale": "fr"})
    assert response.status_code == 200, response.content
    data = response.json()
    by_kind = {}
    for item in data["suggestions"]:
        by_kind.setdefault(item["kind"], []).append(item)
    genocide = next(item for item in by_kind["word"] if item["title"] == "genocide")
    assert genocide["count"] > 0 and genocide["search"] == {"q": "genocide"}
    # Gender equality; Georgia in French is "Géorgie": states and themes of the reader's language.
    assert any(item["search"] == {"theme": item["code"]} for item in by_kind["theme"])
    assert all(item["search"] == {"country": item["code"]} for item in by_kind.get("state", []))
    assert data["items"] == [] and data["meta"]["total_count"] == 0  # pages, as before

    rwan = client.get(AUTOCOMPLETE, {"q": "rwan"}).json()["suggestions"]
    assert {"kind": "state", "title": "Rwanda", "code": "RWA", "search": {"country": "RWA"}} in rwan
    # A query of several words: the last one is completed, the others kept.
    several = client.get(AUTOCOMPLETE, {"q": "ideology geno"}).json()["suggestions"]
    assert {"q": "ideology genocide"} in [item["search"] for item in several if item["kind"] == "word"]


def test_autocomplete_of_one_page_type_suggests_pages_only(client, rwanda):
    data = client.get(AUTOCOMPLETE, {"q": "gen", "type": "home.HomePage"}).json()
    assert data["suggestions"] == []


def test_a_long_garbage_query_answers_at_once(client, rwanda):
    garbage = " ".join(f"qx{index}zv{index % 7}kw" for index in range(300))[:1000]
    started = time.perf_counter()
    data = search(client, q=garbage)
    assert time.perf_counter() - started < 5
    assert data["meta"]["total_count"] == 0
    assert data["meta"]["suggestion"] is None
    misspelt = " ".join(["jounalists genocde"] * 150)[:1000]
    started = time.perf_counter()
    assert search(client, q=misspelt)["meta"]["suggestion"]["q"].startswith("journalists genocide")
    assert time.perf_counter() - started < 5


def test_elasticsearch_is_sent_the_completed_last_word(rwanda):
    """The word table is in the database whatever the search backend: Elasticsearch is sent the
    index words the last word begins as any other forms of a word (its own suggester is not used)."""
    from django.test import override_settings

    from wagtail.search.backends import get_search_backend

    from search.query import Search
    from tests.support.settings import load_settings

    loaded = load_settings(
        "cms.settings.base", ["WAGTAILSEARCH_BACKENDS"], ELASTICSEARCH_URL="http://127.0.0.1:9/"
    )
    with override_settings(WAGTAILSEARCH_BACKENDS=loaded["WAGTAILSEARCH_BACKENDS"]):
        elasticsearch = get_search_backend("default")
        search = Search("en", text="ideology genoc")
        assert "genocide" in search.completed
        compiler = elasticsearch.query_compiler_class(
            search.entries().order_by(), search.query.search_query(), operator="and"
        )
        body = str(compiler.get_query())
    assert "'genocid'" in body and "'genoc'" in body and "'ideolog'" in body
    assert search.suggestion() is None
