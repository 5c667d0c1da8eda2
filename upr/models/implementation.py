"""Following recommendations up: assessments of their implementation, plans, thematic clusters."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from upr.blocks import ActionBlock

from .choices import ImplementationStatus
from .recommendations import Recommendation


class Assessment(models.Model):
    """Someone's judgement, at a date, of how far a recommendation has been implemented."""

    recommendation = models.ForeignKey(
        Recommendation, verbose_name=_("recommendation"), on_delete=models.CASCADE, related_name="assessments"
    )
    status = models.CharField(_("status"), max_length=24, choices=ImplementationStatus.choices)
    assessed_on = models.DateField(_("assessed on"))
    assessed_by = models.CharField(
        _("assessed by"), max_length=255, help_text=_("Organisation or coalition that assessed it.")
    )
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The report that contains the assessment."),
    )
    comments = models.TextField(_("comments"), blank=True)

    panels = [
        FieldPanel("recommendation"),
        FieldPanel("status"),
        FieldPanel("assessed_on"),
        FieldPanel("assessed_by"),
        FieldPanel("document"),
        FieldPanel("comments"),
    ]

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-assessed_on", "-pk"]
        get_latest_by = "assessed_on"

    def __str__(self):
        return f"{self.get_status_display()} ({self.assessed_on:%Y-%m-%d}, {self.assessed_by})"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        update_implementation_status(self.recommendation_id)

    def delete(self, *args, **kwargs):
        recommendation_id = self.recommendation_id
        result = super().delete(*args, **kwargs)
        update_implementation_status(recommendation_id)
        return result


def update_implementation_status(recommendation_id):
    """Copy the latest assessment's status onto the recommendation and its translations, for filtering."""
    latest = (
        Assessment.objects.filter(recommendation_id=recommendation_id)
        .order_by("-assessed_on", "-pk")
        .values_list("status", flat=True)
        .first()
    )
    original = Recommendation.objects.filter(pk=recommendation_id).values("translation_key").first()
    if original:
        Recommendation.objects.filter(translation_key=original["translation_key"]).update(
            implementation_status=latest or ""
        )


class Cluster(TranslatableMixin, ClusterableModel):
    """Recommendations grouped by theme so that one plan can answer them together."""

    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    recommendations = ParentalManyToManyField(
        Recommendation, verbose_name=_("recommendations"), related_name="clusters", blank=True
    )

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("recommendations"),
    ]
    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("recommendations")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("thematic cluster")
        verbose_name_plural = _("thematic clusters")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ImplementationPlan(TranslatableMixin, models.Model):
    """What should happen for a recommendation to be implemented, and how civil society will push for it."""

    recommendation = models.ForeignKey(
        Recommendation, verbose_name=_("recommendation"), on_delete=models.CASCADE, related_name="plans"
    )
    cluster = models.ForeignKey(
        Cluster,
        verbose_name=_("cluster"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plans",
    )
    goal = models.TextField(_("goal"))
    expected_government_action = models.TextField(_("expected government action"), blank=True)
    indicators = models.TextField(_("indicators"), blank=True)
    responsible_body = models.CharField(_("responsible body"), max_length=255, blank=True)
    action_strategy = StreamField(
        [("action", ActionBlock())], blank=True, use_json_field=True, verbose_name=_("action strategy")
    )

    translatable_fields = [
        SynchronizedField("recommendation"),
        SynchronizedField("cluster"),
        TranslatableField("goal"),
        TranslatableField("expected_government_action"),
        TranslatableField("indicators"),
        TranslatableField("responsible_body"),
        TranslatableField("action_strategy"),
    ]
    panels = [
        FieldPanel("recommendation"),
        FieldPanel("cluster"),
        FieldPanel("goal"),
        FieldPanel("expected_government_action"),
        FieldPanel("indicators"),
        FieldPanel("responsible_body"),
        FieldPanel("action_strategy"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("implementation plan")
        verbose_name_plural = _("implementation plans")
        ordering = ["pk"]

    def __str__(self):
        return f"Plan for {self.recommendation}"
