"""Recommendations repeated from one cycle to the next: pairs suggested by the text, decided by staff.

Most recommendations a state receives were made to it before, often word for
word; following their implementation across cycles (UPR Info's "Beyond
Promises") starts from these pairs. ``upr.repetitions`` suggests them, for
recommendations made to the same state in an earlier cycle; staff confirm or
reject each suggestion, and a decided pair is never changed by a recomputation.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel

from api.versions import RECOMMENDATIONS

from .recommendations import Recommendation


class RepeatedRecommendation(models.Model):
    """``recommendation`` repeats ``earlier``, made to the same state in an earlier cycle."""

    # The recommendation detail shows them (``repeats`` and ``repeated_by``).
    api_versions = (RECOMMENDATIONS,)

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Rejected")

    class Method(models.TextChoices):
        LEXICAL = "lexical", _("Shared word stems")

    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.CASCADE,
        related_name="repeats",
        limit_choices_to={"is_original": True},
    )
    earlier = models.ForeignKey(
        Recommendation,
        verbose_name=_("earlier recommendation"),
        on_delete=models.CASCADE,
        related_name="repeated_by",
        limit_choices_to={"is_original": True},
    )
    score = models.FloatField(
        _("score"), help_text=_("How alike the two texts are, from 0 (nothing shared) to 1 (the same words).")
    )
    method = models.CharField(_("method"), max_length=16, choices=Method.choices, default=Method.LEXICAL)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.SUGGESTED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)

    panels = [
        HelpPanel(
            template="upr/admin/repeated_recommendation_help.html",
            heading=_("The two recommendations"),
        ),
        FieldPanel("status"),
    ]

    class Meta:
        verbose_name = _("repeated recommendation")
        verbose_name_plural = _("repeated recommendations")
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["recommendation", "earlier"], name="upr_repeat_unique_pair"),
            models.CheckConstraint(
                condition=models.Q(score__gte=0, score__lte=1), name="upr_repeat_score_in_unit_range"
            ),
            models.CheckConstraint(
                condition=~models.Q(recommendation=models.F("earlier")), name="upr_repeat_not_itself"
            ),
        ]
        indexes = [models.Index(fields=["earlier", "status"], name="upr_repeat_earlier")]

    def __str__(self):
        return f"{self.recommendation.number or self.recommendation_id} ← {self.earlier.number or self.earlier_id}"

    @property
    def is_decided(self):
        return self.status != self.Status.SUGGESTED
