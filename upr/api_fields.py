"""API fields for pages that refer to the UPR vocabularies (countries, themes, sessions…).

Pages point to the source (default-locale) rows of the vocabularies; the
labels come in the page's own language from ``Labels``, falling back to
English until translated.
"""

from rest_framework import serializers

from upr.labels import Labels


class VocabularyField(serializers.Field):
    """``[{"code": "RWA", "name": "U Rwanda"}, …]`` for a many-to-many to Country, Theme, SDGGoal or AffectedGroup.

    ``table`` is one of Labels' tables: countries, themes, sdgs, affected_groups.
    """

    def __init__(self, table, *, many=True, **kwargs):
        self.table = table
        self.many = many
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def openapi_schema(self):
        from home.openapi import array, nullable, vocabulary_label

        label = vocabulary_label(self.table)
        return array(label) if self.many else nullable(label)

    def get_attribute(self, instance):
        self._language = instance.locale.language_code
        return super().get_attribute(instance)

    def to_representation(self, value):
        labels = getattr(Labels.for_language(self._language), self.table)
        if not self.many:
            return labels.get(value.pk) if value is not None else None
        ids = [item.pk for item in value.all()] if hasattr(value, "all") else list(value)
        return [labels[pk] for pk in ids if pk in labels]


class SessionField(serializers.Field):
    """A UPR session as ``{"number", "cycle", "starts_on", "ends_on"}``, or null."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def openapi_schema(self):
        from home.openapi import DATE, INTEGER, nullable, obj

        return nullable(
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


class RecommendationSummaryField(serializers.Field):
    """The recommendations a page links to: id, number, state under review, session, response, text."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def openapi_schema(self):
        from home.openapi import INTEGER, STRING, array, nullable, obj
        from upr.models import Response

        return array(
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
        recommendations = value.all().select_related("state_under_review", "session").order_by("pk")
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
