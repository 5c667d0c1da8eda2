from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import TitleColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from upr import admin_views
from upr.admin_filters import RecommendationFilterSet
from upr.admin_repeats import (
    REPEATS_POLICY,
    ConfirmBulkAction,
    RejectBulkAction,
    RepeatedRecommendationViewSet,
    record_decision,
)
from upr.bulk_actions import AddThemeBulkAction, AddToClusterBulkAction
from upr.models import (
    AffectedGroup,
    Assessment,
    Cluster,
    Country,
    CountryAlias,
    Cycle,
    ImplementationPlan,
    Organisation,
    Recommendation,
    RecommendationImport,
    RepeatedRecommendation,
    SDGGoal,
    SDGTarget,
    Session,
    Theme,
)


class RecommendationViewSet(SnippetViewSet):
    model = Recommendation
    icon = "list-ul"
    menu_label = _("Recommendations")
    list_display = ["__str__", "state_under_review", "session", "response", "implementation_status", "locale"]
    list_per_page = 50
    filterset_class = RecommendationFilterSet
    search_fields = ["text", "number"]
    ordering = ["-session__number", "state_under_review__name", "number"]
    inspect_view_enabled = True


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "globe"
    menu_label = _("States")
    list_display = ["name", "iso3", "regional_group", "locale"]
    list_filter = ["locale", "regional_group"]
    search_fields = ["name"]
    ordering = ["name"]


class CountryAliasViewSet(SnippetViewSet):
    model = CountryAlias
    icon = "globe"
    menu_label = _("State aliases")
    list_display = ["alias", "country"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "source", "locale"]
    list_filter = ["locale", "source"]


class SimpleViewSet(SnippetViewSet):
    icon = "tag"


class AssessmentViewSet(SnippetViewSet):
    model = Assessment
    icon = "tasks"
    list_display = ["recommendation", "status", "assessed_on", "assessed_by"]
    list_filter = ["status", "assessed_on"]


class RecommendationImportViewSet(SnippetViewSet):
    model = RecommendationImport
    icon = "upload"
    menu_label = _("Imports")
    list_display = [
        # Each import's own page: its progress while it runs, then its report.
        TitleColumn(
            "filename",
            label=_("File"),
            get_url=lambda record: reverse("upr_import_progress", args=[record.pk]),
        ),
        "source",
        "status",
        "started_at",
        "created",
        "updated",
        "unchanged",
        "rejected",
    ]
    list_filter = ["status", "source"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "filename",
        "source",
        "status",
        "started_at",
        "finished_at",
        "rows_read",
        "created",
        "updated",
        "unchanged",
        "rejected",
        "error",
        "rejections",
        "warnings",
        "user",
    ]
    add_view_enabled = False


class UPRViewSetGroup(SnippetViewSetGroup):
    menu_label = _("UPR database")
    menu_icon = "list-ul"
    menu_order = 250
    items = (
        RecommendationViewSet,
        RepeatedRecommendationViewSet,
        AssessmentViewSet,
        SimpleViewSet(model=ImplementationPlan, icon="clipboard-list", menu_label=_("Implementation plans")),
        SimpleViewSet(model=Cluster, icon="folder-open-inverse", menu_label=_("Thematic clusters")),
        CountryViewSet,
        CountryAliasViewSet,
        SimpleViewSet(model=Organisation, menu_label=_("Organisations")),
        ThemeViewSet,
        SimpleViewSet(model=SDGGoal, menu_label=_("SDG goals")),
        SimpleViewSet(model=SDGTarget, menu_label=_("SDG targets")),
        SimpleViewSet(model=AffectedGroup, menu_label=_("Affected groups")),
        SimpleViewSet(model=Cycle, icon="date", menu_label=_("Cycles")),
        SimpleViewSet(model=Session, icon="date", menu_label=_("Sessions")),
        RecommendationImportViewSet,
    )


# Deciding on a repeated recommendation is changing recommendations (upr/admin_repeats.py).
register_permission_policy(RepeatedRecommendation, REPEATS_POLICY, exact_class=True)
register_snippet(UPRViewSetGroup)


@hooks.register("register_admin_urls")
def register_import_url():
    return [
        path("upr/import/", admin_views.ImportView.as_view(), name="upr_import"),
        path("upr/imports/<int:pk>/", admin_views.ImportProgressView.as_view(), name="upr_import_progress"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("upr.add_recommendation")


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Import recommendations"), reverse("upr_import"), icon_name="upload", order=251)


hooks.register("register_bulk_action", AddThemeBulkAction)
hooks.register("register_bulk_action", AddToClusterBulkAction)
hooks.register("register_bulk_action", ConfirmBulkAction)
hooks.register("register_bulk_action", RejectBulkAction)
hooks.register("after_edit_snippet", record_decision)
