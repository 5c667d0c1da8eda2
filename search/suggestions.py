"""Help with spelling and typing: "did you mean" for the words of a query that match nothing, and
the last word of a query completed as it is typed.

Both read the table of index words (search.models.SearchWord), which lives in the database
whatever the search backend is: they answer the same on SQLite, PostgreSQL and Elasticsearch.

The closest word to one that matches nothing is the index word at the smallest edit distance
(letters added, left out, changed or swapped: one for a word of up to five letters, two beyond),
the more frequent first among equally close ones. The candidates are bounded: on PostgreSQL
those ``pg_trgm`` finds similar (through its trigram index), and on every database the most
frequent words of about the same length that start with the same letter. Only the first
MAX_CORRECTED unknown words of a query are looked up.
"""

import difflib

from django.db import connection

from search import text, words
from search.models import SearchWord

# Words shorter than this are neither corrected nor taken as unknown.
SHORTEST = 3
# Unknown words of one query that are looked up, at most.
MAX_CORRECTED = 6
# Candidates read for one word, at most (by frequency).
CANDIDATES = 2000
TRIGRAM_CANDIDATES = 100


def complete_last_word(query):
    """Let the last word of ``query`` also match the most frequent index words it begins, when it
    is being typed and is not a word of the index itself. The words it completes to."""
    prefix = query.typed_prefix(words.SHORTEST_PREFIX)
    if not prefix or words.known_stems(query.forms(prefix)):
        return []
    found = words.completions(prefix)
    if found:
        query.complete(prefix, [stem for _word, _count, stems in found for stem in stems])
    return [word for word, _count, _stems in found]


def suggestion(query):
    """``{"q": the text with each unknown word replaced, "words": [{"typed", "suggested"}]}`` for
    the words of ``query`` that match nothing in the index and have a close index word; None when
    every word matches or none has a close one."""
    typed = list(dict.fromkeys([*query.words, *(word for phrase in query.phrases for word in phrase)]))
    typed = [word for word in typed if len(word) >= SHORTEST and not word.isdigit()]
    typed = [word for word in typed if word not in query.completions]  # being typed: completed
    if not typed:
        return None
    forms = {word: query.forms(word) for word in typed}
    known = words.known_stems(stem for stems in forms.values() for stem in stems)
    unknown = [word for word in typed if not known.intersection(forms[word])][:MAX_CORRECTED]
    replacements = {}
    for word in unknown:
        if closest := closest_word(word):
            replacements[word] = closest
    if not replacements:
        return None
    return {
        "q": _replaced(query.text, replacements),
        "words": [{"typed": word, "suggested": suggested} for word, suggested in replacements.items()],
    }


def _replaced(original, replacements):
    """``original`` with each word whose folded form is replaced, in its place."""

    def swap(match):
        return replacements.get(text.fold(match.group()), match.group())

    return text.WORD.sub(swap, original)


def closest_word(word):
    """The index word closest to ``word`` (folded), the most frequent among equally close ones; None
    when none is close enough."""
    limit = 1 if len(word) <= 5 else 2
    best = None
    for candidate, count in _candidates(word, limit).items():
        if candidate == word:
            continue
        # A cheap upper bound on similarity first: most candidates are far from the word.
        if difflib.SequenceMatcher(None, word, candidate).quick_ratio() < 0.6:
            continue
        distance = edit_distance(word, candidate, limit)
        if distance <= limit:
            key = (distance, -count, candidate)
            best = min(best, key) if best else key
    if best is None:
        return None
    return _display(best[2])


def _candidates(word, limit):
    """``{folded word: count}`` of the index words that might be within ``limit`` of ``word``."""
    found = {}
    near = SearchWord.objects.filter(length__gte=len(word) - limit, length__lte=len(word) + limit)
    rows = near.filter(folded__startswith=word[0]).order_by("-count").values_list("folded", "count")
    for folded, count in rows[:CANDIDATES]:
        found[folded] = found.get(folded, 0) + count
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        similar = (
            near.filter(folded__trigram_similar=word)
            .annotate(similarity=TrigramSimilarity("folded", word))
            .order_by("-similarity", "-count")
            .values_list("folded", "count")
        )
        for folded, count in similar[:TRIGRAM_CANDIDATES]:
            found.setdefault(folded, count)
    return found


def _display(folded):
    """How a folded index word is shown: in its most frequent written form (with its accents)."""
    written = SearchWord.objects.filter(folded=folded).order_by("-count").values_list("word", flat=True)
    return written.first() or folded


def edit_distance(a, b, limit):
    """The number of letters to add, leave out, change or swap (two neighbours) to go from ``a`` to
    ``b``; anything above ``limit`` is given as ``limit + 1``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before, previous = None, list(range(len(b) + 1))
    for i, letter in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            cost = 0 if letter == other else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if before is not None and i > 1 and j > 1 and letter == b[j - 2] and a[i - 2] == other:
                value = min(value, before[j - 2] + 1)
            current.append(value)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return min(previous[-1], limit + 1)
