"""Recommendations as the API shows them: codes with labels in the reader's language."""

from collections import defaultdict

from upr.models import Recommendation

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
    """{relation: {recommendation_id: [target ids]}} in three queries, whatever the page size."""
    result = {}
    for relation in RELATIONS:
        through, column = Recommendation.link_table(relation)
        by_recommendation = defaultdict(list)
        for recommendation_id, target_id in (
            through.objects.filter(recommendation_id__in=recommendation_ids)
            .order_by("pk")
            .values_list("recommendation_id", column)
        ):
            by_recommendation[recommendation_id].append(target_id)
        result[relation] = by_recommendation
    return result


def _translations(recommendations, language_code):
    keys = [recommendation.translation_key for recommendation in recommendations]
    return dict(
        Recommendation.objects.filter(
            translation_key__in=keys, locale__language_code=language_code
        ).values_list("translation_key", "text")
    )


def serialize_recommendations(recommendations, labels, language_code, detail_url):
    """Serialise original recommendations, with their text in ``language_code`` where translated."""
    recommendations = list(recommendations)
    relations = _relation_ids([recommendation.pk for recommendation in recommendations])
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
                "recommending_states": [
                    labels.countries[pk] for pk in relations["recommending_states"].get(recommendation.pk, [])
                ],
                "cycle": labels.cycles.get(recommendation.cycle_id),
                "session": labels.sessions.get(recommendation.session_id),
                "response": recommendation.response,
                "response_as_published": recommendation.response_as_published,
                "action_category": recommendation.action_category,
                "themes": [labels.themes[pk] for pk in relations["themes"].get(recommendation.pk, [])],
                "sdgs": [labels.sdgs[pk] for pk in relations["sdgs"].get(recommendation.pk, [])],
                "affected_groups": [
                    labels.affected_groups[pk]
                    for pk in relations["affected_groups"].get(recommendation.pk, [])
                ],
                "implementation_status": recommendation.implementation_status or None,
                "source_symbol": recommendation.source_symbol,
            }
        )
    return items
