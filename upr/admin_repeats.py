"""Deciding on repeated recommendations in the admin: the list of suggested pairs, filtered by state,
session and status, the screen of one pair, and bulk confirmation or rejection.

Deciding whether one recommendation repeats another is part of editing recommendations: whoever
may change recommendations may decide, and nobody adds or deletes a pair by hand (they come from
``upr.repetitions``, and a rejected pair stays, so that no recomputation suggests it again).
"""

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import SnippetViewSet

from api import versions
from upr.admin_filters import RepeatedRecommendationFilterSet
from upr.models import Recommendation, RepeatedRecommendation


class RepeatsPolicy(ModelPermissionPolicy):
    """Viewing and deciding on pairs: the permission to change recommendations; nothing else."""

    ALLOWED = frozenset({"view", "change"})

    def __init__(self):
        super().__init__(RepeatedRecommendation, auth_model=Recommendation)

    def _get_permission_codename(self, action):
        return super()._get_permission_codename("change")

    def user_has_permission(self, user, action):
        return action in self.ALLOWED and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        if not self.ALLOWED.intersection(actions):
            return get_user_model().objects.none()
        return super().users_with_any_permission(["change"])


REPEATS_POLICY = RepeatsPolicy()


class RepeatedRecommendationViewSet(SnippetViewSet):
    model = RepeatedRecommendation
    icon = "copy"
    menu_label = _("Repeated recommendations")
    list_display = ["__str__", "score", "status", "decided_by", "decided_at"]
    list_per_page = 50
    filterset_class = RepeatedRecommendationFilterSet
    ordering = ["-score", "pk"]
    add_view_enabled = False
    copy_view_enabled = False

    def get_queryset(self, request):
        return RepeatedRecommendation.objects.select_related("recommendation", "earlier", "decided_by")


def record_decision(request, instance):
    """``after_edit_snippet``: who decided a pair, and when (cleared when it is suggested again)."""
    if not isinstance(instance, RepeatedRecommendation):
        return
    decided = instance.is_decided
    RepeatedRecommendation.objects.filter(pk=instance.pk).update(
        decided_by=request.user if decided else None, decided_at=timezone.now() if decided else None
    )
    versions.bump(versions.RECOMMENDATIONS)


class DecideBulkAction(SnippetBulkAction):
    models = [RepeatedRecommendation]
    status = None

    def check_perm(self, pair):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", pair)

    def get_execution_context(self):
        return {"user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        ids = [pair.pk for pair in objects]
        count = RepeatedRecommendation.objects.filter(pk__in=ids).update(
            status=cls.status, decided_by=user, decided_at=timezone.now()
        )
        versions.bump(versions.RECOMMENDATIONS)
        return count, 0


class ConfirmBulkAction(DecideBulkAction):
    display_name = _("Confirm")
    action_type = "confirm_repeats"
    aria_label = _("Confirm the selected pairs: the later recommendation repeats the earlier one")
    action_priority = 40
    status = RepeatedRecommendation.Status.CONFIRMED

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d repeated recommendation was confirmed.",
            "%(count)d repeated recommendations were confirmed.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class RejectBulkAction(DecideBulkAction):
    display_name = _("Reject")
    action_type = "reject_repeats"
    aria_label = _("Reject the selected pairs: the later recommendation does not repeat the earlier one")
    action_priority = 50
    status = RepeatedRecommendation.Status.REJECTED

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d suggested repeat was rejected.",
            "%(count)d suggested repeats were rejected.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
