"""Facet values as a reader sees them: code, label in their language, count."""

from django.utils import translation

from search.models.entries import Kind
from upr.labels import Labels
from upr.models import Response


def facet_items(counts, filters, language):
    """``{facet: [{"value", "label", "count", "selected"}]}``, most frequent first."""
    labels = Labels.for_language(language)
    names = {
        "country": {item["code"]: item["name"] for item in labels.countries.values()},
        "theme": {item["slug"]: item["name"] for item in labels.themes.values()},
    }
    with translation.override(language):
        facets = {}
        for facet, values in counts.items():
            selected = {str(value) for value in filters.get(facet, [])}
            items = [
                {
                    "value": value,
                    "label": _label(facet, value, names),
                    "count": count,
                    "selected": str(value) in selected,
                }
                for value, count in values.items()
            ]
            items.sort(key=lambda item: (-item["count"], str(item["label"])))
            facets[facet] = items
    return facets


def _label(facet, value, names):
    if facet in names:
        return names[facet].get(value, value)
    if facet == "type":
        return str(Kind(value).label)
    if facet == "response":
        return str(Response(value).label) if value in Response.values else value
    if facet == "language":
        try:
            return str(translation.get_language_info(value)["name_translated"])  # lazy: now, in the override
        except KeyError:
            return value
    return str(value)
