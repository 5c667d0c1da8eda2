"""The programme kinds endpoint of the API (kept apart from api.py, which the models import)."""

from home.api_contract import request_language
from programmes.models import ProgrammeKind
from upr.api import VocabularyAPIViewSet
from upr.models import source_rows


class ProgrammeKindsAPIViewSet(VocabularyAPIViewSet):
    """``/api/v2/programme-kinds/?locale=fr``: the kinds a front end offers as a filter of programmes."""

    model = ProgrammeKind
    name = "programme-kinds"
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
