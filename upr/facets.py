"""Counts of recommendations by each filter's values: the facets of the listing and the statistics."""

from django.db.models import Count

from upr.filters import NOT_ASSESSED, RecommendationQuery
from upr.models import ActionCategory, ImplementationStatus, Recommendation, RegionalGroup, Response

# facet -> (kind, field or relation)
FACETS = {
    "state": ("field", "state_under_review_id"),
    "recommending_state": ("relation", "recommending_states"),
    "regional_group": ("field", "state_under_review__regional_group"),
    "cycle": ("field", "cycle_id"),
    "session": ("field", "session_id"),
    "response": ("field", "response"),
    "action_category": ("field", "action_category"),
    "theme": ("relation", "themes"),
    "sdg": ("relation", "sdgs"),
    "affected_group": ("relation", "affected_groups"),
    "implementation_status": ("field", "implementation_status"),
}


def raw_counts(queryset, facet):
    kind, target = FACETS[facet]
    if kind == "field":
        rows = queryset.order_by().values_list(target).annotate(n=Count("pk"))
    else:
        through, column = Recommendation.link_table(target)
        rows = (
            through.objects.filter(recommendation_id__in=queryset.order_by().values("pk"))
            .values_list(column)
            .annotate(n=Count("pk"))
            .order_by()
        )
    return dict(rows)


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


def counts(queryset, facet, labels):
    """``[{"value", "label", "count"}]``, largest first."""
    result = []
    for value, number in raw_counts(queryset, facet).items():
        public = label(facet, value, labels)
        if public is not None:
            result.append({**public, "count": number})
    result.sort(key=lambda item: (-item["count"], str(item["value"])))
    return result


def facets(base_queryset, query: RecommendationQuery, labels, names=None):
    """Each facet counts what the other filters leave, so that a reader sees the alternatives."""
    return {
        name: counts(query.apply(base_queryset, except_filter=name), name, labels)
        for name in (names or FACETS)
    }
