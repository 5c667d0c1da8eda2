"""Counts of recommendations by each filter's values: the facets of the listing and the statistics.

Counting 100,000 recommendations by eleven facets takes the database hundreds of milliseconds,
and the answer only changes when recommendations or vocabularies change: counts are kept in the
cache under those content versions (api/versions.py), so a kept count is never stale.
"""

from collections import Counter
from functools import partial

from django.conf import settings
from django.db.models import Count
from django.utils import translation

from api import versions
from upr.filters import NOT_ASSESSED, RecommendationQuery
from upr.labels import Labels
from upr.models import ActionCategory, ImplementationStatus, Recommendation, RegionalGroup, Response

# facet -> ("field", the column of the recommendation row it counts by) or ("relation", the many-to-many).
# The regional group comes from the state, so it needs no join.
FACETS = {
    "state": ("field", "state_under_review_id"),
    "recommending_state": ("relation", "recommending_states"),
    "regional_group": ("field", "state_under_review_id"),
    "cycle": ("field", "cycle_id"),
    "session": ("field", "session_id"),
    "response": ("field", "response"),
    "action_category": ("field", "action_category"),
    "theme": ("relation", "themes"),
    "sdg": ("relation", "sdgs"),
    "affected_group": ("relation", "affected_groups"),
    "implementation_status": ("field", "implementation_status"),
}


def raw_counts_many(queryset, names, labels):
    """``{facet: {value: count}}`` for several facets of one queryset.

    Field facets share one grouped scan of the table (one query, however
    many of them); each relation facet is one query on its link table.
    """
    result = {name: Counter() for name in names}
    fields = [name for name in names if FACETS[name][0] == "field"]
    if fields:
        columns = sorted({FACETS[name][1] for name in fields})
        rows = queryset.order_by().values_list(*columns).annotate(n=Count("pk"))
        for *values, number in rows:
            row = dict(zip(columns, values, strict=True))
            for name in fields:
                value = row[FACETS[name][1]]
                if name == "regional_group":
                    value = labels.regional_groups.get(value)
                result[name][value] += number
    for name in names:
        kind, relation = FACETS[name]
        if kind == "relation":
            through, column = Recommendation.link_table(relation)
            rows = (
                through.objects.filter(recommendation_id__in=queryset.order_by().values("pk"))
                .values_list(column)
                .annotate(n=Count("pk"))
                .order_by()
            )
            result[name].update(dict(rows))
    return result


def label(facet, value, labels):
    """The public form of a facet value: its code and its label in the reader's language."""
    if facet in ("state", "recommending_state"):
        country = labels.countries.get(value)
        return {"value": country["code"], "label": country["name"]} if country else None
    if facet == "theme":
        theme = labels.themes.get(value)
        return {"value": theme["slug"], "label": theme["name"]} if theme else None
    if facet == "sdg":
        goal = labels.sdgs.get(value)
        return {"value": goal["number"], "label": goal["title"]} if goal else None
    if facet == "affected_group":
        group = labels.affected_groups.get(value)
        return {"value": group["slug"], "label": group["name"]} if group else None
    if facet == "cycle":
        return {"value": labels.cycles[value], "label": str(labels.cycles[value])}
    if facet == "session":
        return {"value": labels.sessions[value], "label": str(labels.sessions[value])} if value else None
    if facet == "regional_group":
        return {"value": value, "label": str(RegionalGroup(value).label)}
    if facet == "response":
        return {"value": value, "label": str(Response(value).label)}
    if facet == "action_category":
        return {"value": value, "label": str(ActionCategory(value).label)} if value else None
    if facet == "implementation_status":
        if not value:
            return {"value": NOT_ASSESSED, "label": "Not assessed"}
        return {"value": value, "label": str(ImplementationStatus(value).label)}
    raise KeyError(facet)


def public_counts(facet, raw, labels):
    """``[{"value", "label", "count"}]``, largest first."""
    result = []
    for value, number in raw.items():
        public = label(facet, value, labels)
        if public is not None:
            result.append({**public, "count": number})
    result.sort(key=lambda item: (-item["count"], str(item["value"])))
    return result


def counts_many(queryset, names, labels):
    raw = raw_counts_many(queryset, names, labels)
    return {name: public_counts(name, raw[name], labels) for name in names}


def facets(base_queryset, query: RecommendationQuery, labels, names=None):
    """Each facet counts what the other filters leave, so that a reader sees the alternatives.

    Facets whose own filter is not in use all count the same set: they are
    computed together.
    """
    names = list(names or FACETS)
    shared = [name for name in names if name not in query.filters]
    result = {}
    if shared:
        result.update(counts_many(query.apply(base_queryset), shared, labels))
    for name in names:
        if name in query.filters:
            result.update(counts_many(query.apply(base_queryset, except_filter=name), [name], labels))
    return {name: result[name] for name in names}


# What the statistics count recommendations by.
STATS_DIMENSIONS = (
    "response",
    "cycle",
    "theme",
    "state",
    "recommending_state",
    "action_category",
    "implementation_status",
)
# What counts of recommendations depend on.
VERSIONS = (versions.RECOMMENDATIONS, versions.VOCABULARIES)


def cached(namespace, query, parts, compute):
    """``compute()``, or its result for the same ``query`` and ``parts`` since recommendations or
    vocabularies last changed (and the search entries, for a text query)."""
    return versions.cached(VERSIONS + query.versions, f"upr-{namespace}", (query.key(), parts), compute)


def stats(queryset, language):
    """The statistics of these recommendations: totals, shares and implementation, per dimension."""
    labels = Labels.for_language(language)
    total = queryset.count()
    with translation.override(language):
        dimensions = counts_many(queryset, STATS_DIMENSIONS, labels)
        for rows in dimensions.values():
            for row in rows:
                row["share"] = round(row["count"] / total, 4) if total else 0
    assessed = sum(
        row["count"] for row in dimensions["implementation_status"] if row["value"] != "not_assessed"
    )
    acted_on = sum(
        row["count"]
        for row in dimensions["implementation_status"]
        if row["value"] in ("partially_implemented", "fully_implemented")
    )
    return {
        "total_count": total,
        "implementation": {
            "assessed": assessed,
            "partially_or_fully_implemented": acted_on,
            "share_of_assessed": round(acted_on / assessed, 4) if assessed else None,
        },
        **dimensions,
    }


def warm(languages=None):
    """Count the whole database once per language, as a first visitor after an import would."""
    languages = languages or [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    base = Recommendation.objects.originals()
    query = RecommendationQuery({})
    cached("count", query, (), query.apply(base).count)
    names = list(FACETS)
    for language in languages:
        labels = Labels.for_language(language)
        with translation.override(language):
            cached("facets", query, (language, names), partial(facets, base, query, labels, names))
        cached("stats", query, language, partial(stats, query.apply(base), language))
