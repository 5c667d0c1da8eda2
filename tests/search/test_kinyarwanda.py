"""The Kinyarwanda stemmer on pairs of words that a reader expects to find each other, and on
pairs it must keep apart. Where each word comes from: ``udhr`` is the Kinyarwanda UDHR
(``../shared/data/udhr/kin.html``), ``demo`` the demo content (``demo/content``), ``plural`` the
regular plural or singular of a noun of that text, formed by its class (1/2 umu-/aba-, 3/4 umu-/imi-,
5/6 i-/ama-, 7/8 iki-/ibi-, 11 uru-, 12/13 aka-/utu-, 14 ubu-)."""

import re

import pytest

from django.utils.html import strip_tags

from search.kinyarwanda import stem
from search.text import Query, terms, words
from tests.support.files import SHARED_DATA

# (a word, another form of it, where they come from)
SAME = [
    ("umunyamakuru", "abanyamakuru", "demo; plural (class 1/2)"),
    ("umunyamakuru", "munyamakuru", "plural; without the augment"),
    ("umuntu", "abantu", "udhr (art. 1, 2)"),
    ("umuntu", "muntu", "udhr (uburenganzira bwa muntu)"),
    ("abantu", "bantu", "udhr"),
    ("uburenganzira", "burenganzira", "udhr (art. 2, 7)"),
    ("igihugu", "ibihugu", "udhr (art. 2, 13)"),
    ("igihugu", "gihugu", "udhr"),
    ("ibihugu", "bihugu", "udhr"),
    ("itegeko", "amategeko", "udhr (amategeko, art. 7); plural (class 5/6)"),
    ("amategeko", "tegeko", "udhr"),
    ("umugore", "abagore", "udhr (umugore, art. 16); plural"),
    ("umugabo", "abagabo", "udhr (umugabo, art. 16); plural"),
    ("umugabo", "bugabo", "udhr (art. 1: ubuvandimwe, bugabo)"),
    ("umutima", "mutima", "udhr (art. 1)"),
    ("igitekerezo", "ibitekerezo", "udhr (art. 18, 19)"),
    ("ibitekerezo", "bitekerezo", "udhr"),
    ("igihe", "gihe", "udhr"),
    ("ubutegetsi", "butegetsi", "udhr (art. 21); without the augment"),
    ("itangazamakuru", "tangazamakuru", "README's example (the press); without the augment"),
    ("imibereho", "mibereho", "udhr (art. 22, 25)"),
    ("umulimo", "imilimo", "udhr (umulimo, art. 23); plural (class 3/4)"),
    ("akazi", "akazi", "udhr (art. 23)"),
    ("ubumwe", "bumwe", "udhr"),
    ("umuryango", "imiryango", "udhr (art. 16); demo (imiryango itari iya Leta)"),
    ("umuturage", "abaturage", "udhr (abaturage, art. 21); plural"),
]
# Words that must not be taken for one another.
APART = [
    ("urubanza", "imanza"),  # class 11/10: a plural of another shape
    ("umuntu", "umugore"),
    ("igihugu", "itegeko"),
    ("abana", "abantu"),
    ("uburenganzira", "ubumwe"),
]


# What the light stemmer misses, known and measured: a stem of two letters is never cut off (too
# many different words would meet), nor a prefix merged with the stem's vowel (aba- + -ana).
MISSED = [
    ("umwana", "abana", "udhr (abana, art. 25); plural"),
    ("umuco", "muco", "udhr (art. 22, 27)"),
]


def test_what_it_misses_is_known():
    for word, other, _source in MISSED:
        assert stem(word) != stem(other)
    found = len(SAME) / (len(SAME) + len(MISSED))
    assert found > 0.9


@pytest.mark.parametrize(("word", "other", "source"), SAME)
def test_two_forms_of_a_word_have_one_stem(word, other, source):
    assert stem(word) == stem(other), source


@pytest.mark.parametrize(("word", "other"), APART)
def test_different_words_keep_different_stems(word, other):
    assert stem(word) != stem(other)


def test_a_stem_is_never_shorter_than_three_letters():
    text = strip_tags((SHARED_DATA / "udhr" / "kin.html").read_text(encoding="utf-8"))
    for word in set(words(text)):
        stemmed = stem(word)
        assert word.endswith(stemmed)
        assert stemmed == word or len(stemmed) >= 3, word


def test_a_journalists_plural_finds_the_singular():
    """What reaches the index and what a reader asks meet: 'abanyamakuru' (journalists) finds a text
    that says 'umunyamakuru' (a journalist)."""
    indexed = terms("Umunyamakuru wese afite uburenganzira bwo gutangaza amakuru.", "rw").split()
    asked = Query("abanyamakuru", ["rw", "en", "fr"])
    assert asked.stems() & set(indexed)
    assert "renganzira" in indexed and re.fullmatch(r"[a-z ]+", " ".join(indexed))
