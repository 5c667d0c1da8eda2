"""Admin panels of the UPR database beyond Wagtail's field panels."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel


class RepeatsPanel(Panel):
    """On a recommendation's edit screen: the earlier recommendations it repeats and the later ones
    that repeat it, each with its score and status, linked to the screen where staff decide."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "upr/admin/recommendation_repeats.html"

        def is_shown(self):
            # A recommendation being created has no pairs yet: they are computed after it is saved.
            return self.instance is not None and self.instance.pk is not None and super().is_shown()

        def repeat_lists(self):
            # Through the pairs' reverse relations, so that this module needs no model of its own.
            related = ("recommendation", "earlier")
            repeats = list(self.instance.repeats.select_related(*related).order_by("-score"))
            repeated_by = list(self.instance.repeated_by.select_related(*related).order_by("-score"))
            for pair in repeats:
                pair.other = pair.earlier
            for pair in repeated_by:
                pair.other = pair.recommendation
            return [
                (_("Repeats these earlier recommendations"), repeats, "earlier"),
                (_("Repeated by these later recommendations"), repeated_by, "later"),
            ]
