from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from programmes.models import ProgrammeKind


class ProgrammeKindViewSet(SnippetViewSet):
    model = ProgrammeKind
    icon = "tag"
    menu_label = _("Programme kinds")
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "description"]
    ordering = ["name"]


register_snippet(ProgrammeKindViewSet)
