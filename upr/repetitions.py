"""Finding the recommendations a state receives again, cycle after cycle.

Each recommendation is compared with those made to the same state under review
in earlier cycles; the most alike (at most ``TOP`` of them, scoring at least
``THRESHOLD``) are kept as suggested ``RepeatedRecommendation`` pairs, for staff
to confirm or reject.

The measure is lexical and computed in Python, so that SQLite and PostgreSQL
give the same pairs with the same scores: the cosine of TF-IDF vectors of
word stems (Snowball's stemmers, words without case or accents, common words
left out), with the document frequencies of the state's own recommendations. A
word every recommendation to the state uses ("ensure", "measures") weighs
little; the words that name the action and its subject weigh most. A state
receives a few hundred recommendations per cycle, so comparing every pair is
cheap (about 50,000 products for two cycles).

The threshold was chosen with ``bench/repeated_recommendations.py``, on the two
Slovenia matrices labelled by hand.
"""

import functools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import snowballstemmer

from django.db import transaction

from api import versions
from locales.text import fold
from upr.models import Recommendation, RepeatedRecommendation

# Kept pairs: at most TOP earlier recommendations for each, scoring at least THRESHOLD. On Slovenia's
# 48th session against its 34th, 0.4 kept 164 pairs for 36% of the recommendations, 88% of the
# labelled ones true repeats (0.35: 82%, 0.5: 91% for half the pairs).
THRESHOLD = 0.4
TOP = 3
# Scores are kept to this many decimals: the same on every database, and stable enough to compare.
DECIMALS = 4

STEMMERS = {"en": "english", "fr": "french", "es": "spanish"}
WORD = re.compile(r"\w+", re.UNICODE)
# Words that say nothing of what is asked (after folding): articles, prepositions, pronouns.
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "any",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "into",
        "its",
        "it",
        "of",
        "on",
        "or",
        "such",
        "that",
        "the",
        "their",
        "them",
        "these",
        "this",
        "those",
        "to",
        "with",
        "within",
        "all",
        "also",
        "other",
        "which",
        "who",
        "whose",
        "has",
        "have",
        "been",
        "is",
        "are",
        "was",
        "were",
        "will",
        "shall",
        "la",
        "le",
        "les",
        "l",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d",
        "et",
        "ou",
        "en",
        "au",
        "aux",
        "a",
        "pour",
        "par",
        "sur",
        "dans",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "qui",
        "que",
    ]
)


@functools.cache
def _stemmer(language):
    algorithm = STEMMERS.get((language or "")[:2])
    return snowballstemmer.stemmer(algorithm) if algorithm else None


def stems(text, language="en"):
    """The stems of ``text``'s words in ``language``, common words left out, in order."""
    stemmer = _stemmer(language)
    found = [word for word in WORD.findall(fold(text)) if word not in STOP_WORDS and word != "_"]
    return stemmer.stemWords(found) if stemmer else found


def vectors(texts):
    """``{key: {stem: weight}}``, unit-length TF-IDF vectors of ``{key: (text, language)}``, with the
    document frequencies of these texts (a sublinear term frequency: a word said twice is not twice
    the subject)."""
    counted = {key: Counter(stems(text, language)) for key, (text, language) in texts.items()}
    frequency = Counter(stem for counts in counted.values() for stem in counts)
    total = len(counted)
    idf = {stem: math.log((1 + total) / (1 + df)) + 1 for stem, df in frequency.items()}
    result = {}
    for key, counts in counted.items():
        weights = {stem: (1 + math.log(count)) * idf[stem] for stem, count in counts.items()}
        norm = math.sqrt(sum(weight * weight for weight in weights.values())) or 1.0
        result[key] = {stem: weight / norm for stem, weight in weights.items()}
    return result


def cosine(left, right):
    if len(left) > len(right):
        left, right = right, left
    return sum(weight * right.get(stem, 0.0) for stem, weight in left.items())


def score(left, right):
    """The cosine of two unit vectors as a score in [0, 1], rounded to DECIMALS."""
    return round(min(max(cosine(left, right), 0.0), 1.0), DECIMALS)


def most_similar(state_code, *, from_cycle=None, threshold=THRESHOLD, top=TOP):
    """``(later ids, {(later id, earlier id): score})``: for each original recommendation made to
    ``state_code`` (in ``from_cycle`` or after, when given), the ``top`` most alike of those made
    to the same state in an earlier cycle, scoring at least ``threshold``."""
    rows = list(
        Recommendation.objects.originals()
        .filter(state_code=state_code)
        .values_list("pk", "text", "language", "cycle__number")
    )
    by_cycle = defaultdict(list)
    for pk, _text, _language, cycle in rows:
        by_cycle[cycle].append(pk)
    later_ids = [pk for pk, _text, _language, cycle in rows if from_cycle is None or cycle >= from_cycle]
    weights = vectors({pk: (text, language) for pk, text, language, _cycle in rows})
    cycles = sorted(by_cycle)
    found = {}
    for position, cycle in enumerate(cycles):
        if from_cycle is not None and cycle < from_cycle:
            continue
        earlier = [pk for before in cycles[:position] for pk in by_cycle[before]]
        if not earlier:
            continue
        for pk in by_cycle[cycle]:
            vector = weights[pk]
            scored = sorted(
                ((score(vector, weights[other]), other) for other in earlier),
                key=lambda item: (-item[0], item[1]),
            )
            for value, other in scored[:top]:
                if value >= threshold:
                    found[(pk, other)] = value
    return later_ids, found


@dataclass
class Changes:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    decided: int = 0

    def __add__(self, other):
        return Changes(
            self.created + other.created,
            self.updated + other.updated,
            self.deleted + other.deleted,
            self.decided + other.decided,
        )

    @property
    def changed(self):
        return bool(self.created or self.updated or self.deleted)


def store(later_ids, found):
    """Make the suggested pairs of ``later_ids`` those of ``found``: new ones created, scores
    brought up to date, those no longer found deleted. A confirmed or rejected pair is left as it
    is, found or not: staff decided it."""
    changes = Changes()
    with transaction.atomic():
        existing = {
            (pair.recommendation_id, pair.earlier_id): pair
            for pair in RepeatedRecommendation.objects.filter(
                recommendation_id__in=later_ids
            ).select_for_update()
        }
        stale, changed = [], []
        for key, pair in existing.items():
            if pair.is_decided:
                changes.decided += 1
            elif key not in found:
                stale.append(pair.pk)
            elif pair.score != found[key]:
                pair.score = found[key]
                changed.append(pair)
        if stale:
            changes.deleted, _ = RepeatedRecommendation.objects.filter(pk__in=stale).delete()
        if changed:
            changes.updated = RepeatedRecommendation.objects.bulk_update(changed, ["score"], batch_size=500)
        new = [
            RepeatedRecommendation(recommendation_id=later, earlier_id=earlier, score=value)
            for (later, earlier), value in found.items()
            if (later, earlier) not in existing
        ]
        RepeatedRecommendation.objects.bulk_create(new, batch_size=500)
        changes.created = len(new)
        if changes.changed:
            # Bulk writes send no signals: the recommendation details show the pairs.
            versions.bump(versions.RECOMMENDATIONS)
    return changes


def find_repetitions(state_code, *, from_cycle=None, threshold=THRESHOLD):
    """Compute and store the suggested pairs of one state (of its recommendations from ``from_cycle`` on)."""
    later_ids, found = most_similar(state_code, from_cycle=from_cycle, threshold=threshold)
    return store(later_ids, found)
