"""The table of index words (search.models.SearchWord): filled as entries are written, read to
complete the last word of a query.

Each entry keeps its distinct words, each with its language (``SearchEntry.words``); writing an
entry adds its new words to the counts and takes away those it no longer has, in the same
transaction, so that the table follows the index without reading it again. ``recount`` counts
everything anew from the entries (``rebuild_search`` runs it).
"""

from collections import Counter

from django.db import connection, transaction

from search import text
from search.models import SearchEntry, SearchWord

# Longer "words" are not words (identifiers, runs of letters in damaged PDFs): not kept.
LONGEST = 40
BATCH = 1000
# The last word of a query being typed matches as a prefix of this many index words at most.
COMPLETIONS = 8
# Shorter beginnings of a word are not completed: too many words would start with them.
SHORTEST_PREFIX = 3


def tagged_words(texts):
    """The distinct words of ``texts`` (``[(language, text)]``) as ``"language:word"``, in lower
    case with their accents; no numbers, no single letters, no French elisions, nothing longer
    than LONGEST."""
    found = set()
    for language, part in texts:
        if not part:
            continue
        language = (language or "")[:8]
        for word in set(text.WORD.findall(part.casefold())):
            if not 1 < len(word) <= LONGEST or word.isdigit() or text.is_elided(word, language):
                continue
            found.add(f"{language}:{word}")
    return " ".join(sorted(found))


def _keys(words):
    return [tuple(token.split(":", 1)) for token in words.split()] if words else []


def difference(old, new):
    """How the counts move when an entry's words go from ``old`` to ``new`` (each a list of
    ``SearchEntry.words``): ``{(language, word): change}``."""
    change = Counter()
    for words in new:
        change.update(_keys(words))
    for words in old:
        change.subtract(_keys(words))
    return {key: number for key, number in change.items() if number}


def _row(language, word, count):
    folded = text.fold(word)
    return SearchWord(
        word=word,
        folded=folded,
        language=language,
        stem=text.stem(folded, language)[:64],
        length=len(folded),
        count=count,
    )


@transaction.atomic
def apply(change):
    """Add ``change`` (``{(language, word): number}``) to the counts; words no entry holds any more go.

    Counts move in the database (``count = count + n``): words added come in by one ``INSERT …
    ON CONFLICT DO UPDATE`` per batch, words taken away by one ``UPDATE`` each, so that entries
    written at the same time by two processes add up rather than overwrite each other.
    """
    quote = connection.ops.quote_name
    table = quote(SearchWord._meta.db_table)
    columns = ("word", "folded", "language", "stem", "length", "count")
    added = sorted(key for key, number in change.items() if number > 0)
    for start in range(0, len(added), BATCH):
        rows = [
            _row(language, word, change[language, word]) for language, word in added[start : start + BATCH]
        ]
        values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(rows))
        with connection.cursor() as cursor:
            # The names come from the model; every value is a parameter.
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(quote(column) for column in columns)}) VALUES {values} "  # noqa: S608
                f"ON CONFLICT ({quote('word')}, {quote('language')}) "
                f"DO UPDATE SET {quote('count')} = {table}.{quote('count')} + EXCLUDED.{quote('count')}",
                [getattr(row, column) for row in rows for column in columns],
            )
    taken = sorted(key for key, number in change.items() if number < 0)
    for start in range(0, len(taken), BATCH):
        batch = taken[start : start + BATCH]
        with connection.cursor() as cursor:
            count = quote("count")
            cursor.executemany(
                f"UPDATE {table} SET {count} = CASE WHEN {count} + %s > 0 THEN {count} + %s ELSE 0 END "  # noqa: S608
                f"WHERE {quote('word')} = %s AND {quote('language')} = %s",
                [(change[key], change[key], key[1], key[0]) for key in batch],
            )
        # No other row has a count of 0: those of these words are the ones just emptied.
        SearchWord.objects.filter(word__in={word for _language, word in batch}, count=0).delete()


@transaction.atomic
def recount():
    """Count every word of every entry anew: the table as the entries have it now."""
    counts = Counter()
    for words in SearchEntry.objects.values_list("words", flat=True).order_by().iterator(chunk_size=2000):
        counts.update(_keys(words))
    SearchWord.objects.all().delete()
    rows = (_row(language, word, count) for (language, word), count in counts.items())
    SearchWord.objects.bulk_create(rows, batch_size=BATCH)
    return len(counts)


def known_stems(stems):
    """Which of ``stems`` some index word has: the words of a query that match."""
    return set(SearchWord.objects.filter(stem__in=set(stems)).values_list("stem", flat=True).distinct())


def completions(prefix, limit=COMPLETIONS):
    """The most frequent index words starting with ``prefix`` (folded): ``[(word, count, stems)]``,
    each word once, its counts and stems in every language together."""
    prefix = text.fold(prefix)
    if len(prefix) < SHORTEST_PREFIX:
        return []
    rows = (
        SearchWord.objects.filter(folded__startswith=prefix)
        .order_by("-count", "word")
        .values_list("word", "language", "stem", "count")[: limit * 3]
    )
    found = {}
    for word, _language, stem, count in rows:
        counted, stems = found.get(word, (0, set()))
        found[word] = (counted + count, stems | {stem})
    ordered = sorted(found.items(), key=lambda item: (-item[1][0], item[0]))
    return [(word, count, sorted(stems)) for word, (count, stems) in ordered[:limit]]
