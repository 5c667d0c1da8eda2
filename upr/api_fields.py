"""API fields of the recommendations database: recommendations as the API shows them, and the fields
of pages that refer to the UPR vocabularies (countries, themes, sessions…).

Pages and recommendations point to the source (default-locale) rows of the vocabularies; the
labels come in the reader's language from ``Labels``, falling back to English until translated.
"""

from collections import defaultdict

from django.db.models import Q, Value

from api.api_fields import ReadOnlyAPIField
from api.openapi import DATE, INTEGER, STRING, array, nullable, obj
from api.public import related_rows
from upr.labels import Labels, label_schema
from upr.models import Recommendation, RepeatedRecommendation, Response

RELATIONS = {
    "recommending_states": "countries",
    "themes": "themes",
    "sdgs": "sdgs",
    "affected_groups": "affected_groups",
}

# The fields of a recommendation in a listing, in their order.
RECOMMENDATION_FIELDS = (
    "id",
    "meta",
    "text",
    "number",
    "state_under_review",
    "recommending_states",
    "cycle",
    "session",
    "response",
    "response_as_published",
    "action_category",
    "themes",
    "sdgs",
    "affected_groups",
    "implementation_status",
    "source_symbol",
)


def _relation_ids(recommendation_ids):
    """{relation: {recommendation_id: [target ids]}} in one query (the link tables, one after the
    other), whatever the page size."""
    result = {relation: defaultdict(list) for relation in RELATIONS}
    if not recommendation_ids:
        return result
    parts = []
    for number, relation in enumerate(RELATIONS):
        through, column = Recommendation.link_table(relation)
        parts.append(
            through.objects.filter(recommendation_id__in=recommendation_ids)
            .annotate(relation=Value(number))
            .values_list("relation", "pk", "recommendation_id", column)
            .order_by()
        )
    names = list(RELATIONS)
    for number, _pk, recommendation_id, target_id in sorted(parts[0].union(*parts[1:], all=True)):
        result[names[number]][recommendation_id].append(target_id)
    return result


def _translations(recommendations, language_code):
    """``{translation_key: text}`` of the translations in ``language_code`` of the recommendations
    written in another language (none to read when all are in the reader's language)."""
    keys = [r.translation_key for r in recommendations if r.language != language_code]
    if not keys:
        return {}
    return dict(
        Recommendation.objects.filter(
            translation_key__in=keys, locale__language_code=language_code
        ).values_list("translation_key", "text")
    )


def _labelled(table, ids):
    """The labels of these rows; a row the table does not know yet is left out, never an error."""
    return [table[pk] for pk in ids if pk in table]


def serialize_recommendations(recommendations, labels, language_code, detail_url, translated=None):
    """Serialise original recommendations, with their text in ``language_code`` where translated
    (``translated``: ``{translation_key: text}`` when the caller has read it already)."""
    recommendations = list(recommendations)
    relations = _relation_ids([recommendation.pk for recommendation in recommendations])
    if translated is None:
        translated = _translations(recommendations, language_code)
    items = []
    for recommendation in recommendations:
        text = translated.get(recommendation.translation_key)
        items.append(
            {
                "id": recommendation.pk,
                "meta": {
                    "type": "upr.Recommendation",
                    "detail_url": detail_url(recommendation.pk),
                    "language": recommendation.language,
                    "text_language": language_code if text is not None else recommendation.language,
                },
                "text": text if text is not None else recommendation.text,
                "number": recommendation.number,
                "state_under_review": labels.countries.get(recommendation.state_under_review_id),
                "recommending_states": _labelled(
                    labels.countries, relations["recommending_states"].get(recommendation.pk, [])
                ),
                "cycle": labels.cycles.get(recommendation.cycle_id),
                "session": labels.sessions.get(recommendation.session_id),
                "response": recommendation.response,
                "response_as_published": recommendation.response_as_published,
                "action_category": recommendation.action_category,
                "themes": _labelled(labels.themes, relations["themes"].get(recommendation.pk, [])),
                "sdgs": _labelled(labels.sdgs, relations["sdgs"].get(recommendation.pk, [])),
                "affected_groups": _labelled(
                    labels.affected_groups, relations["affected_groups"].get(recommendation.pk, [])
                ),
                "implementation_status": recommendation.implementation_status or None,
                "source_symbol": recommendation.source_symbol,
            }
        )
    return items


class VocabularyField(ReadOnlyAPIField):
    """``[{"code": "RWA", "name": "U Rwanda"}, …]`` for a many-to-many to Country, Theme, SDGGoal or AffectedGroup.

    ``table`` is one of Labels' tables: countries, themes, sdgs, affected_groups.
    """

    def __init__(self, table, *, many=True, **kwargs):
        self.table = table
        self.many = many
        super().__init__(**kwargs)

    def openapi_schema(self):
        label = label_schema(self.table)
        return array(label) if self.many else nullable(label)

    def to_representation(self, value):
        labels = getattr(Labels.for_language(self.language), self.table)
        if not self.many:
            return labels.get(value.pk) if value is not None else None
        ids = [item.pk for item in value.all()] if hasattr(value, "all") else list(value)
        return _labelled(labels, ids)


class SessionField(ReadOnlyAPIField):
    """A UPR session as ``{"number", "cycle", "starts_on", "ends_on"}``, or null."""

    schema = nullable(
        obj({"number": INTEGER, "cycle": INTEGER, "starts_on": nullable(DATE), "ends_on": nullable(DATE)})
    )

    def to_representation(self, session):
        if session is None:
            return None
        return {
            "number": session.number,
            "cycle": session.cycle.number,
            "starts_on": session.starts_on,
            "ends_on": session.ends_on,
        }


class RecommendationSummaryField(ReadOnlyAPIField):
    """The recommendations a page links to: id, number, state under review, session, response, text."""

    schema = array(
        obj(
            {
                "id": INTEGER,
                "number": STRING,
                "state_under_review": STRING,
                "session": nullable(INTEGER),
                "response": {"type": "string", "enum": [*Response.values, ""]},
                "text": STRING,
            }
        )
    )

    def to_representation(self, value):
        recommendations = sorted(related_rows(value, "state_under_review", "session"), key=lambda row: row.pk)
        return [
            {
                "id": recommendation.pk,
                "number": recommendation.number,
                "state_under_review": recommendation.state_under_review.iso3,
                "session": recommendation.session.number if recommendation.session_id else None,
                "response": recommendation.response,
                "text": recommendation.text,
            }
            for recommendation in recommendations
        ]


def shown_pairs(recommendation):
    """The pairs of repeated recommendations the API shows of ``recommendation`` (or of
    ``OuterRef("pk")``), on either side: all but the rejected ones."""
    return RepeatedRecommendation.objects.exclude(status=RepeatedRecommendation.Status.REJECTED).filter(
        Q(recommendation=recommendation) | Q(earlier=recommendation)
    )


def serialize_repeats(recommendation, labels, language_code, detail_url):
    """``{"repeats": [...], "repeated_by": [...]}``: the earlier recommendations this one repeats and
    the later ones repeating it, most alike first; rejected pairs are left out. One query, none
    when the row was read with ``has_repeats`` false."""
    sides = {"repeats": [], "repeated_by": []}
    if getattr(recommendation, "has_repeats", True):
        pairs = (
            shown_pairs(recommendation).select_related("earlier", "recommendation").order_by("-score", "pk")
        )
        for pair in pairs:
            if pair.recommendation_id == recommendation.pk:
                sides["repeats"].append((pair, pair.earlier))
            else:
                sides["repeated_by"].append((pair, pair.recommendation))
    translated = _translations([other for side in sides.values() for _pair, other in side], language_code)
    return {
        name: [
            {
                "id": other.pk,
                "detail_url": detail_url(other.pk),
                "number": other.number,
                "text": translated.get(other.translation_key, other.text),
                "session": labels.sessions.get(other.session_id),
                "cycle": labels.cycles.get(other.cycle_id),
                "score": pair.score,
                "status": pair.status,
            }
            for pair, other in side
        ]
        for name, side in sides.items()
    }
