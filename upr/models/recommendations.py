from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from upr.panels import RepeatsPanel

from .choices import ActionCategory, ImplementationStatus, Response
from .vocabularies import AffectedGroup, Country, Cycle, SDGGoal, SDGTarget, Session, Theme


def original_recommendations():
    """``limit_choices_to`` for what points to recommendations: one row each, not its translations."""
    return models.Q(is_original=True)


class RecommendationQuerySet(models.QuerySet):
    def originals(self):
        """One row per recommendation: the one in the language it was made in, not a translation."""
        return self.filter(is_original=True)


class Recommendation(TranslatableMixin, ClusterableModel):
    """A recommendation made to a state in its Universal Periodic Review.

    Its text is translated with wagtail-localize (the Kinyarwanda version is
    its ``rw`` translation); every other field is synchronised from the
    original, so filters and statistics always read the original row.
    """

    text = models.TextField(_("text"))
    number = models.CharField(
        _("number"),
        max_length=20,
        blank=True,
        help_text=_("Paragraph number in the Working Group report, e.g. 134.52."),
    )
    state_under_review = models.ForeignKey(
        Country,
        verbose_name=_("state under review"),
        on_delete=models.PROTECT,
        related_name="recommendations_received",
    )
    recommending_states = ParentalManyToManyField(
        Country, verbose_name=_("recommending states"), related_name="recommendations_made", blank=True
    )
    cycle = models.ForeignKey(
        Cycle, verbose_name=_("cycle"), on_delete=models.PROTECT, related_name="recommendations"
    )
    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        related_name="recommendations",
        null=True,
        blank=True,
    )
    response = models.CharField(
        _("response"), max_length=24, choices=Response.choices, default=Response.PENDING
    )
    response_as_published = models.CharField(
        _("response as published"),
        max_length=50,
        blank=True,
        help_text=_("The response in the source's own words, e.g. “Accepted”."),
    )
    action_category = models.PositiveSmallIntegerField(
        _("action category"), choices=ActionCategory.choices, null=True, blank=True
    )
    themes = ParentalManyToManyField(
        Theme, verbose_name=_("themes"), related_name="recommendations", blank=True
    )
    sdgs = ParentalManyToManyField(
        SDGGoal, related_name="recommendations", blank=True, verbose_name=_("SDGs")
    )
    sdg_targets = ParentalManyToManyField(
        SDGTarget, related_name="recommendations", blank=True, verbose_name=_("SDG targets")
    )
    affected_groups = ParentalManyToManyField(
        AffectedGroup, verbose_name=_("affected groups"), related_name="recommendations", blank=True
    )
    implementation_status = models.CharField(
        _("implementation status"),
        max_length=24,
        choices=ImplementationStatus.choices,
        blank=True,
        editable=False,
        help_text=_("The status of the latest assessment; empty until one is recorded."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        default="en",
        help_text=_("The language the recommendation was made in."),
    )
    # Copies of what the row points at, kept by save() and the importers so that
    # the listing filters and sorts 100,000 rows without joins.
    is_original = models.BooleanField(
        _("is original"),
        default=True,
        editable=False,
        help_text=_("In the language it was made in, not a translation."),
    )
    session_number = models.PositiveSmallIntegerField(
        _("session number"), null=True, blank=True, editable=False
    )
    state_code = models.CharField(_("state code"), max_length=3, blank=True, editable=False)
    source_symbol = models.CharField(
        _("source document symbol"), max_length=100, blank=True, help_text=_("e.g. A/HRC/17/4")
    )
    source_document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("source document"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    natural_key = models.CharField(
        _("natural key"),
        max_length=80,
        editable=False,
        help_text=_("What identifies this recommendation across imports of the same source."),
    )
    imported_by = models.ForeignKey(
        "upr.RecommendationImport",
        verbose_name=_("imported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    # Not auto_now: wagtail-localize compares serialised sources, and auto_now
    # would make every serialisation look like a change.
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now, editable=False)

    objects = RecommendationQuerySet.as_manager()

    translatable_fields = [
        TranslatableField("text"),
        *(
            SynchronizedField(name)
            for name in (
                "number",
                "state_under_review",
                "recommending_states",
                "cycle",
                "session",
                "response",
                "response_as_published",
                "action_category",
                "themes",
                "sdgs",
                "sdg_targets",
                "affected_groups",
                "implementation_status",
                "language",
                "source_symbol",
                "source_document",
            )
        ),
    ]

    panels = [
        FieldPanel("text"),
        MultiFieldPanel(
            [
                FieldPanel("state_under_review"),
                FieldPanel("recommending_states"),
                FieldPanel("cycle"),
                FieldPanel("session"),
                FieldPanel("number"),
            ],
            heading=_("Review"),
        ),
        MultiFieldPanel(
            [FieldPanel("response"), FieldPanel("response_as_published"), FieldPanel("action_category")],
            heading=_("Response"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("themes"),
                FieldPanel("sdgs"),
                FieldPanel("sdg_targets"),
                FieldPanel("affected_groups"),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [FieldPanel("language"), FieldPanel("source_symbol"), FieldPanel("source_document")],
            heading=_("Source"),
        ),
        RepeatsPanel(heading=_("Repeated recommendations")),
    ]

    # Not in Wagtail's index: the recommendations are searched through their search entries (the
    # search app's one index, which holds their text in every language), by the site's search and
    # by the listing's ``?q=`` alike; indexing them twice made an import wait minutes to be found.
    # The admin's search reads the columns (``RecommendationViewSet.search_fields``).
    search_fields = []

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["-cycle__number", "state_under_review__iso3", "number", "pk"]
        unique_together = [("translation_key", "locale"), ("natural_key", "locale")]
        indexes = [
            # The listing's default order (newest session first), among originals.
            models.Index(
                # COALESCE: recommendations without a session last, the same on every database.
                Coalesce("session_number", 0).desc(),
                "state_code",
                "number",
                "id",
                condition=models.Q(is_original=True),
                name="upr_rec_listing_order",
            ),
            models.Index(fields=["state_code"], condition=models.Q(is_original=True), name="upr_rec_state"),
        ]

    def __str__(self):
        text = self.text[:80]
        return f"{self.number} {text}" if self.number else text

    @classmethod
    def link_table(cls, relation):
        """The through model of a many-to-many field, and the column that points at the other side."""
        through = cls._meta.get_field(relation).remote_field.through
        (column,) = [
            field.attname
            for field in through._meta.concrete_fields
            if field.is_relation and field.attname != "recommendation_id"
        ]
        return through, column

    def save(self, *args, **kwargs):
        self.updated_at = timezone.now()
        self.is_original = self.locale.language_code == self.language
        self.session_number = self.session.number if self.session_id else None
        self.state_code = self.state_under_review.iso3
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                "updated_at",
                "is_original",
                "session_number",
                "state_code",
            }
        super().save(*args, **kwargs)
