"""What the product sends to Elasticsearch 9, checked without a server (none can run on our machines)."""

import pytest

from django.test import override_settings

from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

from search.models import DocumentPage, SearchEntry
from search.query import Search
from tests.support.settings import load_settings
from upr.models import Recommendation

pytestmark = pytest.mark.django_db


@pytest.fixture
def elasticsearch():
    """The backend built from our settings with ELASTICSEARCH_URL set; it connects only when used."""
    loaded = load_settings(
        "cms.settings.base", ["WAGTAILSEARCH_BACKENDS"], ELASTICSEARCH_URL="http://127.0.0.1:9/"
    )
    with override_settings(WAGTAILSEARCH_BACKENDS=loaded["WAGTAILSEARCH_BACKENDS"]):
        yield get_search_backend("default")


def test_the_index_folds_case_accents_and_french_elisions(elasticsearch):
    analysis = elasticsearch.settings["settings"]["analysis"]

    default = analysis["analyzer"]["default"]
    assert default["filter"] == ["french_elision", "lowercase", "asciifolding"]
    assert "l" in analysis["filter"]["french_elision"]["articles"]
    # Wagtail's own autocomplete analyzers are kept.
    assert "asciifolding" in analysis["analyzer"]["edgengram_analyzer"]["filter"]


def test_the_mappings_of_pdf_pages_and_no_index_of_recommendations_of_their_own(elasticsearch):
    pages = elasticsearch.mapping_class(DocumentPage).get_mapping()["properties"]

    # A page's words are sent stemmed (search.text), in the "terms" field.
    terms_field = next(name for name in pages if name.endswith("terms"))
    assert pages[terms_field]["type"] == "text"
    assert any(name.endswith("document_text_id_filter") for name in pages)
    # Recommendations are found through their search entries only (the listing's ``?q=`` too).
    assert Recommendation not in get_indexed_models()
    assert SearchEntry in get_indexed_models()


def test_a_text_query_is_sent_as_a_match_over_the_text(elasticsearch):
    compiler = elasticsearch.query_compiler_class(
        DocumentPage.objects.filter(number=3), "liberte d'expression", operator="and"
    )

    query = compiler.get_query()

    body = str(query)
    assert "liberte d'expression" in body
    assert "'operator': 'and'" in body
    assert "number_filter" in body  # the filter goes along with the text


def test_the_mapping_of_search_entries(elasticsearch):
    properties = elasticsearch.mapping_class(SearchEntry).get_mapping()["properties"]

    terms = {name: value for name, value in properties.items() if name.endswith("_terms")}
    assert {name.rsplit("__", 1)[-1] for name in terms} == {"title_terms", "body_terms"}
    assert all(value["type"] == "text" for value in terms.values())
    title = next(value for name, value in terms.items() if name.endswith("title_terms"))
    assert "_all_text_boost_3_0" in title["copy_to"]  # a match in the title weighs three times more
    for name in ("kind", "scope", "year", "cycle", "session", "response", "date"):
        assert any(key.endswith(f"{name}_filter") for key in properties), name


def test_a_unified_search_is_sent_with_every_stem_and_its_filters(elasticsearch):
    search = Search("fr", text='libertés "droits de l’homme"', filters={"type": ["news"], "year": [2025]})
    queryset = search.entries().order_by()
    compiler = elasticsearch.query_compiler_class(queryset, search.query.search_query(), operator="and")

    body = str(compiler.get_query())

    # Each word in its French stem and as it is otherwise (English, Kinyarwanda): any of them matches;
    # the phrase with the elided article gone in French.
    assert "'should': [{'match': {'_all_text': {'query': 'libert'" in body and "'libertes'" in body
    assert "droit de homm" in body and "match_phrase" in body
    assert "kind_filter" in body and "'news'" in body
    assert "year_filter" in body and "scope_filter" in body and "'*'" in body


def test_a_widened_search_asks_for_any_word_and_every_phrase(elasticsearch):
    search = Search("en", text='journalists arrested "press freedom"')
    search.widened = True
    queryset = search.entries().order_by()
    query = search.query.search_query(any_word=True)
    body = str(elasticsearch.query_compiler_class(queryset, query, operator="and").get_query())

    assert "match_phrase" in body and "press freedom" in body
    # The words are one "should" (any of them), the phrase a "must" beside it.
    assert body.count("'should'") >= 1 and "'must'" in body
    strict = str(
        elasticsearch.query_compiler_class(queryset, search.query.search_query(), operator="and").get_query()
    )
    assert strict != body


def test_a_concept_of_the_glossary_is_sent_with_its_other_names(elasticsearch):
    search = Search("fr", text="liberté d'expression")
    queryset = search.entries().order_by()
    widened = str(
        elasticsearch.query_compiler_class(
            queryset, search.query.search_query(any_word=True), operator="and"
        ).get_query()
    )
    # As typed (both words), or as one of its English names, each a phrase of its stems.
    assert "'match_phrase'" in widened
    assert "freedom of opinion and express" in widened and "freedom of express" in widened
    assert "libert" in widened and "'should'" in widened
    strict = str(
        elasticsearch.query_compiler_class(queryset, search.query.search_query(), operator="and").get_query()
    )
    assert "freedom" not in strict
