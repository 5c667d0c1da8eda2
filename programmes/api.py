"""The programme kinds endpoint of the API (kept apart from api.py, which the models import)."""

from drf_spectacular.utils import extend_schema

from api import versions
from api.contract import request_language
from api.openapi import (
    INTEGER,
    STRING,
    array,
    extend_schema_actions,
    fields_parameter,
    locale_parameter,
    obj,
    window_parameters,
)
from programmes.models import ProgrammeKind
from upr.api import VocabularyAPIViewSet
from upr.models import source_rows


@extend_schema_actions(
    listing_view=extend_schema(
        summary="Kinds of programme, to filter programmes by",
        parameters=[
            locale_parameter("The language of names and descriptions."),
            fields_parameter(),
            *window_parameters(),
        ],
        responses={
            200: obj(
                {
                    "meta": obj({"total_count": INTEGER}),
                    "items": array(
                        obj(
                            {"id": INTEGER, "slug": STRING, "name": STRING, "description": STRING},
                            required=[],
                        )
                    ),
                }
            )
        },
    )
)
class ProgrammeKindsAPIViewSet(VocabularyAPIViewSet):
    """``/api/v2/programme-kinds/?locale=fr``: the kinds a front end offers as a filter of programmes."""

    model = ProgrammeKind
    name = "programme-kinds"
    content_versions = (versions.ASSETS,)  # a snippet: moved by its own changes, and its locales
    item_fields = ("id", "slug", "name", "description")

    def items(self, labels):
        language = request_language(self.request)
        sources = ProgrammeKind.objects.filter(source_rows()).order_by("name")
        translated = {
            kind.translation_key: kind
            for kind in ProgrammeKind.objects.filter(
                locale__language_code=language, translation_key__in=sources.values("translation_key")
            )
        }
        return [
            {
                "id": kind.pk,
                "slug": kind.slug,
                "name": translated.get(kind.translation_key, kind).name,
                "description": translated.get(kind.translation_key, kind).description,
            }
            for kind in sources
        ]
