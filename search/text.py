"""Words as the search matches them: without case or accents, reduced to their stem in their language.

The same reduction is applied to what is indexed and to what is asked, in
Python, so that every backend (SQLite FTS5, PostgreSQL, Elasticsearch) matches
"liberte" with "Libertés" and "journalists" with "journalist" in the same way,
and the excerpt shown with a hit marks exactly the words that matched.

Stemmers are Snowball's (the ``snowballstemmer`` package): English and
French. Kinyarwanda's words lose their noun-class prefix (search.kinyarwanda).
"""

import functools
import html
import itertools
import re

import snowballstemmer

from wagtail.search.query import And, Or, Phrase, PlainText

from api.parameters import MAX_QUERY_WORDS
from locales.text import fold
from search import glossary, kinyarwanda

STEMMERS = {"en": "english", "fr": "french"}

# A word: letters and digits, with the apostrophes and hyphens inside it split off
# ("l'homme" -> "l", "homme"; "vis-à-vis" -> "vis", "a", "vis").
WORD = re.compile(r"\w+", re.UNICODE)
# French elided articles and pronouns, left out of a word's stem as Elasticsearch's elision filter does.
ELIDED = frozenset({"l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"})
PHRASE = re.compile(r'"([^"]+)"')
# The words that link the words of a name ("freedom of expression"), not marked in an excerpt when
# the name was not typed but is one of a concept's other names (search.glossary).
LINKING_WORDS = frozenset(
    {"of", "and", "or", "the", "in", "to", "on", "with", "de", "la", "le", "les", "des", "du", "et", "ou"}
    | {"a", "au", "aux", "un", "une", "bw", "bwa", "ry", "n"}
)

# Excerpts: this many characters around the first match, at most.
EXCERPT_LENGTH = 240


@functools.cache
def _stemmer(language):
    algorithm = STEMMERS.get((language or "")[:2])
    return snowballstemmer.stemmer(algorithm) if algorithm else None


@functools.lru_cache(maxsize=200_000)
def stem(word, language):
    """The form under which a folded ``word`` is indexed in ``language``."""
    if (language or "").startswith("rw"):
        return kinyarwanda.stem(word)
    stemmer = _stemmer(language)
    return stemmer.stemWord(word) if stemmer else word


def words(text):
    """The folded words of ``text``, in order."""
    return WORD.findall(fold(text))


def terms(text, language):
    """``text`` as the index keeps it: folded, stemmed words separated by spaces."""
    found = words(text)
    stems = {word: stem(word, language) for word in set(found) if not is_elided(word, language)}
    return " ".join(stems[word] for word in found if word in stems)


def is_elided(word, language):
    """Whether ``word`` is a French elided article or pronoun (left out of the index)."""
    return (language or "").startswith("fr") and word in ELIDED


@functools.cache
def _named():
    """``{words of a name: ((language, words), …) of every name of its concept}``: the glossary
    (search.glossary) read as queries are (folded, French elisions left out)."""
    index = {}
    for _concept, names in glossary.concepts():
        terms = tuple(
            dict.fromkeys(
                (language, tuple(word for word in words(name) if not is_elided(word, language)))
                for language, name in names
            )
        )
        for _language, named in terms:
            if named:
                index.setdefault(named, terms)
    return index


def named_concepts(found):
    """``[(start, end, other names)]``: the runs of the words ``found`` that name a concept of the
    glossary, longest first and none overlapping, with the concept's other names as stemmed
    phrases in their languages."""
    index = _named()
    longest = max(map(len, index), default=0)
    runs, position = [], 0
    while position < len(found):
        for size in range(min(longest, len(found) - position), 0, -1):
            named = tuple(found[position : position + size])
            if named in index:
                others = dict.fromkeys(
                    " ".join(stem(word, language) for word in name)
                    for language, name in index[named]
                    if name and name != named
                )
                runs.append((position, position + size, list(others)))
                position += size
                break
        else:
            position += 1
    return runs


class Query:
    """What a reader typed, parsed once: its words and "quoted phrases", stemmed in each language
    the content may be in; the first ``MAX_QUERY_WORDS`` words (those of the phrases included).
    Words that name a concept of the glossary ("liberté d'expression") may also be found under
    the concept's other names ("freedom of opinion and expression": search.glossary)."""

    def __init__(self, text, languages):
        self.raw = text
        self.text = text.strip()
        self.languages = list(dict.fromkeys(languages))
        budget = MAX_QUERY_WORDS
        self.phrases = []
        for phrase in PHRASE.findall(self.text):
            phrase = words(phrase)[:budget]
            budget -= len(phrase)
            if phrase:
                self.phrases.append(phrase)
        found = (word for word in words(PHRASE.sub(" ", self.text)) if not self._is_elision(word))
        self.words = list(itertools.islice(found, max(budget, 0)))
        # Runs of the words that name a concept, with its other names (stemmed phrases).
        self.concepts = named_concepts(self.words)
        # Other forms under which a word may be found: those of the words it begins (``complete``).
        self.completions = {}

    def __bool__(self):
        return bool(self.words or self.phrases)

    def _is_elision(self, word):
        return "fr" in self.languages and word in ELIDED

    def _variants(self, word):
        """The stems of ``word`` in each language, once each, and those of the words it begins when
        it is being typed (``complete``)."""
        own = (stem(word, language) for language in self.languages)
        return list(dict.fromkeys([*own, *self.completions.get(word, ())]))

    def forms(self, word):
        """The stems of ``word`` in each language: under which the index may hold it."""
        return list(dict.fromkeys(stem(word, language) for language in self.languages))

    def typed_prefix(self, shortest=3):
        """The last word when it is still being typed: the text ends with it (no space after it, no
        quote around it), it has ``shortest`` letters or more and is not a number. None otherwise."""
        if not self.words or not WORD.fullmatch(self.raw[-1:]) or self.raw.count('"') % 2:
            return None
        last = self.words[-1]
        outside_phrases = [word for word in words(PHRASE.sub(" ", self.text)) if not self._is_elision(word)]
        if outside_phrases[-1:] != [last] or len(outside_phrases) != len(self.words):
            return None  # the last word typed is beyond the words read
        return last if len(last) >= shortest and not last.isdigit() else None

    def complete(self, word, stems):
        """Let ``word`` match under ``stems`` too (the index words it begins)."""
        self.completions[word] = list(stems)

    def stems(self):
        """Every stem a matching word of the text may have: what the excerpts mark (the words of the
        concepts' other names included)."""
        found = set()
        for word in [*self.words, *(word for phrase in self.phrases for word in phrase)]:
            found.update(self._variants(word))
        for _start, _end, others in self.concepts:
            for name in others:
                found.update(word for word in name.split() if word not in LINKING_WORDS)
        return found

    def alternatives(self):
        """For each word and each phrase of the text, the forms (stems, and stemmed phrases) in which
        it may be found, in the languages of the query; and the other names of the concepts it names."""
        groups = [self._variants(word) for word in self.words]
        groups.extend(self._phrase_groups())
        groups.extend(others for _start, _end, others in self.concepts if others)
        return [group for group in groups if group]

    def _phrase_groups(self):
        groups = []
        for phrase in self.phrases:
            options = dict.fromkeys(
                " ".join(stem(word, language) for word in phrase if not is_elided(word, language))
                for language in self.languages
            )
            groups.append([option for option in options if option])
        return [group for group in groups if group]

    def _is_phrase(self, group):
        return " " in group[0]

    def can_widen(self):
        """Whether "any of the words" would find more than "all the words": two words or more, or
        words that name a concept (found under its other names too)."""
        return len(self.words) >= 2 or any(others for _start, _end, others in self.concepts)

    def search_query(self, *, any_word=False, concepts=None):
        """The query for Wagtail's search API: every word (in one of its stems) and every phrase; with
        ``any_word``, every phrase still (phrases stay strict) and at least one of the words. With
        ``concepts`` (by default when ``any_word``), the words that name a concept are found together,
        or as one of the concept's other names: the search looks for what was typed first, and for
        the other names when it widens (search.query), so that an item in the reader's language with
        the very words comes before one that names the concept in another."""
        words = [self._part(self._variants(word)) for word in self.words]
        for start, end, others in reversed(
            self.concepts if (any_word if concepts is None else concepts) else []
        ):
            if others:
                together = words[start] if end - start == 1 else And(words[start:end])
                words[start:end] = [Or([together, *(self._part([name]) for name in others)])]
        phrases = []
        for group in self._phrase_groups():  # a phrase of one word is one more word
            (phrases if self._is_phrase(group) else words).append(self._part(group))
        if any_word and len(words) > 1:
            words = [Or(words)]
        parts = [*words, *phrases]
        return parts[0] if len(parts) == 1 else And(parts)

    def _part(self, group):
        """One query part for a group of options (stems, or stemmed phrases)."""
        kinds = [Phrase if " " in option else PlainText for option in group]
        if len(group) == 1:
            return kinds[0](group[0])
        return Or([kind(option) for kind, option in zip(kinds, group, strict=True)])


def excerpt(text, stems, language, length=EXCERPT_LENGTH):
    """A passage of ``text`` around its first matching word, HTML-escaped, the matching words in
    ``<mark>``; the beginning of the text when nothing matches."""
    if not text:
        return ""
    matches = _matches_from_first(text, stems, language, length)
    if not matches:
        cut = text[:length]
        return html.escape(_trim_end(cut) if len(text) > length else cut)
    first = matches[0].start()
    start = max(0, first - length // 3)
    if start:
        space = text.find(" ", start, first)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", matches[0].end(), end)
        end = space if space != -1 else end
    parts, position = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        parts.append(html.escape(text[position : match.start()]))
        parts.append(f"<mark>{html.escape(match.group())}</mark>")
        position = match.end()
    parts.append(html.escape(text[position:end]))
    passage = " ".join("".join(parts).split())
    return ("… " if start else "") + passage + (" …" if end < len(text) else "")


def _matches_from_first(text, stems, language, length):
    """The matching words from the first one to a passage's length after it (a long text is read no
    further)."""
    found = []
    for match in WORD.finditer(text):
        if found and match.start() > found[0].start() + length:
            break
        if _matches(match.group(), stems, language):
            found.append(match)
    return found


def _matches(word, stems, language):
    folded = fold(word)
    return stem(folded, language) in stems or folded in stems


def _trim_end(text):
    space = text.rfind(" ")
    return (text[:space] if space > 0 else text) + " …"


def count_matches(text, stems, language):
    """How many words of ``text`` match: to find the page of a document a hit is on."""
    return sum(1 for word in words(text) if stem(word, language) in stems)
