"""Bulk actions on recommendations in the admin: tag a selection with a theme, or gather it in a cluster."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from api import versions
from upr.models import Cluster, Recommendation, Theme, source_rows


class ThemeForm(forms.Form):
    theme = forms.ModelChoiceField(queryset=Theme.objects.filter(source_rows()), label=_("Theme"))


class ClusterForm(forms.Form):
    cluster = forms.ModelChoiceField(queryset=Cluster.objects.all(), label=_("Thematic cluster"))


class RecommendationBulkAction(SnippetBulkAction):
    models = [Recommendation]
    template_name = "upr/admin/confirm_bulk_action.html"

    def check_perm(self, recommendation):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", recommendation
        )

    def get_execution_context(self):
        return {**super().get_execution_context(), **self.cleaned_form.cleaned_data}


class AddThemeBulkAction(RecommendationBulkAction):
    display_name = _("Add a theme")
    action_type = "add_theme"
    aria_label = _("Add a theme to the selected recommendations")
    form_class = ThemeForm
    action_priority = 40

    @classmethod
    def execute_action(cls, objects, theme=None, **kwargs):
        through, column = Recommendation.link_table("themes")
        ids = [recommendation.pk for recommendation in objects]
        already = set(
            through.objects.filter(recommendation_id__in=ids, theme=theme).values_list(
                "recommendation_id", flat=True
            )
        )
        through.objects.bulk_create(
            [through(recommendation_id=pk, **{column: theme.pk}) for pk in ids if pk not in already]
        )
        versions.bump(versions.RECOMMENDATIONS)
        return len(ids), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "The theme was added to %(count)d recommendation.",
            "The theme was added to %(count)d recommendations.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class AddToClusterBulkAction(RecommendationBulkAction):
    display_name = _("Add to a cluster")
    action_type = "add_to_cluster"
    aria_label = _("Add the selected recommendations to a thematic cluster")
    form_class = ClusterForm
    action_priority = 50

    @classmethod
    def execute_action(cls, objects, cluster=None, **kwargs):
        cluster.recommendations.add(*objects)
        cluster.save()
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d recommendation was added to the cluster.",
            "%(count)d recommendations were added to the cluster.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
