"""The filters of the recommendations API, shared by the listing, its facets, the statistics and the export.

Every filter takes one value or several separated by commas (``state=RWA,BDI``);
values within a filter are alternatives, filters are combined.
"""

import re
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

from wagtail.api.v2.utils import BadRequestError

from api import versions
from api.parameters import MAX_QUERY_WORDS, is_whole_number, query_error
from upr.models import ActionCategory, ImplementationStatus, Recommendation, RegionalGroup, Response

NOT_ASSESSED = "not_assessed"
_NOT_A_WORD = re.compile(r"[^\w]+")


def _related_exists(relation, lookup, values):
    through, _column = Recommendation.link_table(relation)
    return Exists(through.objects.filter(recommendation_id=OuterRef("pk"), **{f"{lookup}__in": values}))


@dataclass(frozen=True)
class Filter:
    name: str
    kind: type = str
    choices: tuple = ()
    help: str = ""

    def parse(self, raw):
        values = [value.strip() for value in raw.split(",") if value.strip()]
        if not values:
            raise BadRequestError(f"{self.name}: give at least one value")
        parsed = []
        for value in values:
            if self.kind is int:
                if not is_whole_number(value):
                    raise BadRequestError(f"{self.name}: “{value}” is not a whole number")
                value = int(value)
            elif self.name in {"state", "recommending_state"}:
                value = value.upper()
            if self.choices and value not in self.choices:
                raise BadRequestError(
                    f"{self.name}: “{value}” is not one of {', '.join(str(choice) for choice in self.choices)}"
                )
            parsed.append(value)
        return parsed


FILTERS = {
    spec.name: spec
    for spec in (
        Filter("state", help="state under review, ISO 3166-1 alpha-3 code"),
        Filter("recommending_state", help="recommending state, ISO code"),
        Filter(
            "regional_group",
            choices=tuple(RegionalGroup.values),
            help="UN regional group of the state under review",
        ),
        Filter("cycle", int),
        Filter("session", int),
        Filter("response", choices=tuple(Response.values)),
        Filter("action_category", int, choices=tuple(ActionCategory.values)),
        Filter("theme", help="theme slug"),
        Filter("sdg", int, choices=tuple(range(1, 18)), help="SDG goal number"),
        Filter("affected_group", help="affected group slug"),
        Filter(
            "implementation_status",
            choices=(*ImplementationStatus.values, NOT_ASSESSED),
            help="status of the latest assessment",
        ),
    )
}


def apply_filter(queryset, name, values):
    if name == "state":
        return queryset.filter(state_code__in=values)
    if name == "recommending_state":
        return queryset.filter(_related_exists("recommending_states", "country__iso3", values))
    if name == "regional_group":
        return queryset.filter(state_under_review__regional_group__in=values)
    if name == "cycle":
        return queryset.filter(cycle__number__in=values)
    if name == "session":
        return queryset.filter(session_number__in=values)
    if name == "response":
        return queryset.filter(response__in=values)
    if name == "action_category":
        return queryset.filter(action_category__in=values)
    if name == "theme":
        return queryset.filter(_related_exists("themes", "theme__slug", values))
    if name == "sdg":
        return queryset.filter(_related_exists("sdgs", "sdggoal__number", values))
    if name == "affected_group":
        return queryset.filter(_related_exists("affected_groups", "affectedgroup__slug", values))
    if name == "implementation_status":
        statuses = ["" if value == NOT_ASSESSED else value for value in values]
        return queryset.filter(implementation_status__in=statuses)
    raise KeyError(name)


# Up to this many matches, the text query is run once and its results reused
# by the listing, its count and every facet; beyond, it stays a subquery.
MATERIALISED_MATCHES = 5000

# Who finds recommendations by their words: the search app registers its one index here (the
# recommendations' search entries hold their text in every language, stemmed as the site's
# search does); ``upr`` may not import ``search``, which depends on it.
_text_search = None


def register_text_search(function):
    """``function(query)`` gives the primary keys of the original recommendations whose text, in
    any language, or whose state's name matches ``query``: a queryset of values (the database
    backends) or a list (Elasticsearch's hits, at most ``MATERIALISED_MATCHES + 1``)."""
    global _text_search
    _text_search = function


def _matching_keys(query):
    if _text_search is not None:
        return _text_search(query, MATERIALISED_MATCHES + 1)
    # Without the search app: every word somewhere in the text or a translation of it.
    condition = Q()
    for word in query.split():
        condition &= Q(text__icontains=word)
    matching = Recommendation.objects.filter(condition).values("translation_key")
    return (
        Recommendation.objects.originals().filter(translation_key__in=matching).values_list("pk", flat=True)
    )


def text_matches(query):
    """The primary keys of the original recommendations whose text (in any language) matches
    ``query``, or None when there are more than MATERIALISED_MATCHES of them."""
    found = list(_matching_keys(query)[: MATERIALISED_MATCHES + 1])
    if len(found) > MATERIALISED_MATCHES:
        return None
    return sorted(found)


class RecommendationQuery:
    """Parsed filters and text query of a request."""

    def __init__(self, params):
        self.filters = {name: FILTERS[name].parse(params[name]) for name in FILTERS if name in params}
        if error := query_error(params.get("q", "")):
            raise BadRequestError(error)
        self.query = self.text_of(params)
        self._matches = None

    @staticmethod
    def text_of(params):
        """Words only: the database backends' query syntaxes (FTS5, tsquery) must not see quotes,
        operators or control characters a reader (or a robot) typed; its first MAX_QUERY_WORDS."""
        return " ".join(_NOT_A_WORD.sub(" ", params.get("q", "")).split()[:MAX_QUERY_WORDS])

    @property
    def versions(self):
        """The versions, beyond the recommendations' own, that the answers depend on: a text query
        is answered from their search entries, which follow the recommendations a moment later."""
        return (versions.RECOMMENDATION_SEARCH,) if self.query else ()

    def key(self):
        """What identifies the set of recommendations this query selects, for caching."""
        return (tuple(sorted((name, tuple(values)) for name, values in self.filters.items())), self.query)

    def restrict_to_matches(self, queryset):
        """``queryset`` without the recommendations whose text does not match the text query."""
        if self._matches is None:
            (self._matches,) = versions.cached(
                (versions.RECOMMENDATIONS, *self.versions),
                "upr-matches",
                self.query,
                lambda: (text_matches(self.query),),
            )
        if self._matches is None:  # too many to list: a subquery
            return queryset.filter(pk__in=_matching_keys(self.query))
        return queryset.filter(pk__in=self._matches)

    def apply(self, queryset, *, except_filter=None):
        for name, values in self.filters.items():
            if name != except_filter:
                queryset = apply_filter(queryset, name, values)
        if self.query:
            queryset = self.restrict_to_matches(queryset)
        return queryset
