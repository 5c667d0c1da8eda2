"""Words as the search matches them: folded, stemmed in their language; excerpts that mark them."""

import pytest

from search.language import detect
from search.text import Query, excerpt, fold, terms
from tests.support.files import SHARED_DATA


def test_case_and_accents_are_folded():
    assert fold("Côte d’Ivoire") == "cote d’ivoire"
    assert fold("LIBERTÉ") == "liberte"
    assert fold("Ubwisanzure bw’itangazamakuru") == "ubwisanzure bw’itangazamakuru"


def test_words_are_stemmed_in_their_language():
    assert terms("Journalists were arrested", "en") == "journalist were arrest"
    # French: stems, and elided articles left out as Elasticsearch's elision filter does.
    assert terms("L'arrestation des journalistes", "fr") == "arrest de journal"
    assert terms("Libertés", "fr") == terms("liberte", "fr")
    # Kinyarwanda: folded, and without the noun-class prefix (tests/search/test_kinyarwanda.py).
    assert terms("Abanyamakuru", "rw") == "nyamakuru"


def test_a_query_looks_for_each_word_in_every_language_it_may_be_in():
    query = Query("Libertés presse", ["fr", "en"])
    assert query.stems() >= {"libert", "press"}
    assert bool(query) and not Query("  ", ["en"])
    assert not Query("l'", ["fr"])  # only an elided article: nothing to look for


def test_quoted_words_are_a_phrase():
    query = Query('"freedom of expression" Rwanda', ["en"])
    assert query.phrases == [["freedom", "of", "expression"]]
    assert query.words == ["rwanda"]
    assert "Phrase 'freedom of express'" in repr(query.search_query())


def test_an_excerpt_marks_the_words_that_matched_in_any_of_their_forms():
    text = (
        "Le Rwanda garantit les libertés. " * 3
        + "La liberté de la presse et des journalistes est protégée. "
        + "Fin. " * 60
    )
    query = Query("liberte journaliste", ["fr"])

    passage = excerpt(text, query.stems(), "fr")

    assert "<mark>libertés</mark>" in passage
    assert "<mark>liberté</mark>" in passage and "<mark>journalistes</mark>" in passage
    assert passage.endswith(" …")
    assert len(passage) < 400


def test_an_excerpt_is_escaped_html():
    passage = excerpt("<script>alert('x')</script> torture must end", Query("torture", ["en"]).stems(), "en")
    assert "<script>" not in passage and "&lt;script&gt;" in passage
    assert "<mark>torture</mark>" in passage


def test_an_excerpt_without_a_match_is_the_beginning():
    assert excerpt("A short summary.", set(), "en") == "A short summary."


@pytest.mark.parametrize(("name", "language"), [("eng.html", "en"), ("fra.html", "fr"), ("kin.html", "rw")])
def test_the_language_of_a_text_is_told_among_the_sites_languages(name, language):
    from django.utils.html import strip_tags

    text = strip_tags((SHARED_DATA / "udhr" / name).read_text(encoding="utf-8"))
    assert detect(text) == language


def test_too_little_text_has_no_language():
    assert detect("Rwanda 2011") == ""
