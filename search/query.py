"""One search over every kind of public item: parsing a request, ranking, filtering, counting facets."""

from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q

from wagtail.models import Page

from api import versions
from api.parameters import is_whole_number, query_error
from search.models import SearchEntry, SearchEntryTag
from search.models.entries import EVERY_LOCALE, Kind
from search.suggestions import complete_last_word, suggestion
from search.text import Query

# filter -> (where it is kept: a column of the entry or a tag, how its values are read)
FILTERS = {
    "type": ("column", "kind", str),
    "country": ("tag", "country", str.upper),
    "theme": ("tag", "theme", str),
    "language": ("tag", "language", str),
    "cycle": ("column", "cycle", int),
    "session": ("column", "session", int),
    "year": ("column", "year", int),
    "response": ("column", "response", str),
}
ORDERS = ("relevance", "-date", "date")
# Beyond this many matches, facets are counted on a subquery rather than a list of keys.
LISTED_MATCHES = 5000
# Fewer items than this with all the words: those that have some of them follow, ranked below.
WIDEN_BELOW = 20
# What search answers and their counts depend on.
VERSIONS = (versions.SEARCH, versions.VOCABULARIES, versions.RECOMMENDATIONS)


class InvalidSearch(ValueError):
    """A parameter that cannot be understood: its name and what is wrong."""

    def __init__(self, parameter, message):
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter


def parse_filters(params):
    filters = {}
    for name, (_where, _field, read) in FILTERS.items():
        if name not in params:
            continue
        raw = [value.strip() for value in params[name].split(",") if value.strip()]
        if not raw:
            raise InvalidSearch(name, "give at least one value")
        if read is int and not all(is_whole_number(value) for value in raw):
            raise InvalidSearch(name, f"give whole numbers, e.g. {name}=2")
        filters[name] = sorted({read(value) for value in raw})
    kinds = set(Kind.values)
    if unknown := [kind for kind in filters.get("type", []) if kind not in kinds]:
        raise InvalidSearch("type", f"“{unknown[0]}” is not one of {', '.join(Kind.values)}")
    return filters


class Search:
    """A search in one language: text query, filters, order."""

    def __init__(self, language, text="", filters=None, order="relevance"):
        if order not in ORDERS:
            raise InvalidSearch("order", f"give one of {', '.join(ORDERS)}")
        if error := query_error(text):
            raise InvalidSearch("q", error.removeprefix("q: "))
        self.language = language
        # Recommendations and documents may be in any language: a word is looked for in its
        # form in the reader's language first, then in the others.
        self.query = Query(text, [language, "en", "fr", "rw"])
        # The last word being typed ("genoc") matches the index words it begins too ("genocide").
        self.completed = complete_last_word(self.query) if self.query else []
        self.filters = filters or {}
        self.order = order
        # Widened: the items with every word (``exact``) come first, then the pages found by the
        # words of one of their translations (``translated``), then those with some of the words.
        self.widened = False
        self.exact = []
        self.translated = []

    def key(self):
        filters = tuple(sorted((k, tuple(v)) for k, v in self.filters.items()))
        # The same text is another search when its last word is completed ("genoc" or "genoc ").
        return (self.language, self.query.text, tuple(self.completed), filters, self.widened)

    def suggestion(self):
        """The "did you mean" of the query: its words that match nothing replaced by the closest
        index words (search.suggestions), or None."""
        if not self.query:
            return None
        return versions.cached(
            VERSIONS, "search-suggestion", (self.language, self.query.text), lambda: suggestion(self.query)
        )

    def widen_if_few(self, total):
        """With fewer than WIDEN_BELOW items having every word, let in the pages whose translation in
        another language has them, then the items that have some of the words (phrases stay strict),
        ranked below. Whether it did."""
        if total >= WIDEN_BELOW or not self.query:
            return False
        exact = list(self.results()[:WIDEN_BELOW])
        translated = self._found_through_translations(exclude=[entry.pk for entry in exact])
        if not translated and not self.query.can_widen():
            return False
        self.exact, self.translated, self.widened = exact, translated, True
        return True

    def _found_through_translations(self, exclude=()):
        """The entries (in the reader's language) of the pages whose translation in another language
        has every word of the query: "arrêté" finds "If you are arrested" through its French version."""
        elsewhere = SearchEntry.objects.exclude(scope__in=[self.language, EVERY_LOCALE]).exclude(
            kind=Kind.RECOMMENDATION
        )
        found = elsewhere.search(self.query.search_query(), operator="and", order_by_relevance=False)
        keys = Page.objects.filter(pk__in=matched(found, "object_id")).values("translation_key")
        here = Page.objects.filter(translation_key__in=keys, locale__language_code=self.language)
        entries = (
            self.entries()
            .filter(content_type=ContentType.objects.get_for_model(Page), object_id__in=here.values("pk"))
            .exclude(pk__in=exclude)
            .defer("title_terms", "body_terms", "words")
            .order_by("-date", "-id")
        )
        return list(entries[:WIDEN_BELOW])

    def hits(self, offset, limit):
        """The items from ``offset``: when widened, those with every word first, then those found
        through a translation."""
        if not self.widened:
            return list(self.results()[offset : offset + limit])
        first = [*self.exact, *self.translated]
        page = first[offset : offset + limit]
        if len(page) < limit:
            skip = max(0, offset - len(first))
            rest = self.results(exclude=[entry.pk for entry in first])
            page += list(rest[skip : skip + limit - len(page)])
        return page

    def entries(self, *, except_filter=None):
        """The entries in the reader's language (or in every language) that pass the filters."""
        queryset = SearchEntry.objects.filter(scope__in=[self.language, EVERY_LOCALE])
        for name, values in self.filters.items():
            if name == except_filter:
                continue
            where, field, _read = FILTERS[name]
            if where == "column":
                queryset = queryset.filter(**{f"{field}__in": values})
            else:  # through the primary key, so that the text search can follow
                tagged = SearchEntryTag.objects.filter(facet=field, value__in=[str(v) for v in values])
                queryset = queryset.filter(pk__in=tagged.values("entry_id"))
        return queryset

    def results(self, *, except_filter=None, for_counting=False, exclude=()):
        """The matching entries: a Wagtail search when there is a text query, else a queryset."""
        queryset = self.entries(except_filter=except_filter)
        if exclude:
            queryset = queryset.exclude(pk__in=exclude)
        by_date = self.order != "relevance" or not self.query
        if for_counting:
            queryset = queryset.order_by()
        elif self.order == "date":
            queryset = queryset.order_by("date", "id")
        else:
            queryset = queryset.order_by("-date", "-id")
        # What is matched is not shown: a publication's stems run to hundreds of kilobytes.
        queryset = queryset.defer("title_terms", "body_terms", "words")
        if not self.query:
            return queryset
        return queryset.search(
            self.query.search_query(any_word=self.widened),
            operator="and",
            order_by_relevance=not (by_date or for_counting),
        )

    def matching(self, *, except_filter=None):
        """The matching entries as a queryset, for counting them by their values (those found through
        a translation included)."""
        results = self.results(except_filter=except_filter, for_counting=True)
        if not self.query:
            return results
        found = Q(pk__in=matched(results, "pk"))
        if self.translated:
            found |= Q(pk__in=[entry.pk for entry in self.translated])
        return SearchEntry.objects.filter(found)

    def facets(self, names=None):
        """``{facet: Counter(value -> count)}`` of ``names`` (every filter by default) and of the types,
        which give the total; the counts of a filtered facet ignore that filter, so that a reader sees
        what choosing another value would give."""
        wanted = sorted({"type", *(FILTERS if names is None else names)})

        def compute():
            counts = counts_of(self.matching(), [name for name in wanted if name not in self.filters])
            for name in self.filters:
                if name in wanted:
                    counts.update(counts_of(self.matching(except_filter=name), [name]))
            return counts

        return versions.cached(VERSIONS, "search-facets", (self.key(), tuple(wanted)), compute)


def facet_names(raw):
    """The facets a request asks for (``facets=country,theme``, ``all``, ``none``)."""
    if raw in ("", "none", "false"):
        return []
    if raw == "all":
        return list(FILTERS)
    names = [name.strip() for name in raw.split(",") if name.strip()]
    if unknown := [name for name in names if name not in FILTERS]:
        raise InvalidSearch(
            "facets", f"unknown facet(s) {', '.join(unknown)}; choose from {', '.join(FILTERS)}"
        )
    return names


def counts_of(queryset, names):
    """Counts of the entries of ``queryset`` by each of ``names``: one grouped scan for the columns,
    one for the tags."""
    counts = {name: Counter() for name in names}
    columns = {FILTERS[name][1]: name for name in names if FILTERS[name][0] == "column"}
    if columns:
        for *values, number in queryset.order_by().values_list(*columns).annotate(n=Count("pk")):
            for name, value in zip(columns.values(), values, strict=True):
                if value not in (None, ""):
                    counts[name][value] += number
    tags = {FILTERS[name][1]: name for name in names if FILTERS[name][0] == "tag"}
    if tags:
        rows = (
            SearchEntryTag.objects.filter(facet__in=tags, entry_id__in=queryset.order_by().values("pk"))
            .values_list("facet", "value")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for facet, value, number in rows:
            counts[tags[facet]][value] += number
    return counts


def recommendation_matches(text, limit):
    """The primary keys of the original recommendations whose text (in any language, translations
    included) or state matches every word of ``text``: how the recommendations' listing finds them
    (``upr.filters.register_text_search``), on the same index and with the same stems as search."""
    query = Query(text, ["en", "fr", "rw"])
    entries = SearchEntry.objects.filter(kind=Kind.RECOMMENDATION)
    if not query:
        return entries.none().values_list("object_id", flat=True)
    # Every word, or the other names of the concepts they name ("peine de mort": "death penalty").
    results = entries.search(query.search_query(concepts=True), operator="and", order_by_relevance=False)
    return matched(results, "object_id", limit)


def matched(results, field, limit=LISTED_MATCHES):
    """``field`` of the entries a search found: a subquery on the database backends, the values of
    the first ``limit`` hits on Elasticsearch."""
    if hasattr(results, "get_queryset"):
        return results.get_queryset().order_by().values_list(field, flat=True)
    return [getattr(entry, field) for entry in results[:limit]]
