from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class RecommendationImport(models.Model):
    """One run of an importer: what was read, what it changed, and every row it rejected."""

    # The report of a run is for staff; what it wrote moves the versions itself.
    api_versions = ()

    class Source(models.TextChoices):
        UPR_INFO = "upr_info", _("UPR Info database export (CSV)")
        OHCHR_MATRIX = "ohchr_matrix", _("OHCHR matrix of recommendations (DOCX or CSV)")

    class Status(models.TextChoices):
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed: nothing was changed")
        DRY_RUN = "dry_run", _("Dry run: nothing was changed")

    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    filename = models.CharField(_("filename"), max_length=255)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"))
    rows_read = models.PositiveIntegerField(_("rows read"), default=0)
    created = models.PositiveIntegerField(pgettext_lazy("import counts", "created"), default=0)
    updated = models.PositiveIntegerField(pgettext_lazy("import counts", "updated"), default=0)
    unchanged = models.PositiveIntegerField(pgettext_lazy("import counts", "unchanged"), default=0)
    rejected = models.PositiveIntegerField(pgettext_lazy("import counts", "rejected"), default=0)
    error = models.TextField(_("error"), blank=True, help_text=_("Why the whole import failed, if it did."))
    rejections = models.JSONField(
        _("rejections"), default=list, blank=True, help_text=_("Every rejected row: line and reason.")
    )
    warnings = models.JSONField(
        _("warnings"),
        default=list,
        blank=True,
        help_text=_("Rows imported with a remark, e.g. an unknown recommending state."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("recommendation import")
        verbose_name_plural = _("recommendation imports")

    def __str__(self):
        return f"{self.filename} ({self.get_status_display()}, {self.started_at:%Y-%m-%d %H:%M})"
