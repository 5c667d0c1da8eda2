"""The record of each import: queued, running, then its report.

An import uploaded in the admin runs in the worker (upr/tasks.py). While it
runs, its counts are written next to the uploaded file in the default
storage (``progress.json``), not in this row: the import writes everything
in one transaction, and on SQLite that transaction holds the database's
only write lock until the end, so no other connection could record progress
there; a local-memory cache is not shared between the web process and the
worker. The storage is shared by both wherever the worker can read the
upload at all (a folder on one machine, the private bucket in production).
"""

import json
import logging
import posixpath

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

logger = logging.getLogger(__name__)

PROGRESS_FILE = "progress.json"


class RecommendationImport(models.Model):
    """One run of an importer: what was read, what it changed, and every row it rejected."""

    # The report of a run is for staff; what it wrote moves the versions itself.
    api_versions = ()

    class Source(models.TextChoices):
        UPR_INFO = "upr_info", _("UPR Info database export (CSV)")
        OHCHR_MATRIX = "ohchr_matrix", _("OHCHR matrix of recommendations (DOCX or CSV)")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed: nothing was changed")
        DRY_RUN = "dry_run", _("Dry run: nothing was changed")

    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    filename = models.CharField(_("filename"), max_length=255)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
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
    stored_file = models.CharField(
        _("stored file"),
        max_length=255,
        blank=True,
        help_text=_("The uploaded file in the private storage, until the import has read it."),
    )
    file_size = models.PositiveBigIntegerField(_("file size"), default=0, help_text=_("In bytes."))
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

    @property
    def is_finished(self):
        return self.status not in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def progress_file(self):
        """Where the worker writes the counts of a running import (beside the upload)."""
        return posixpath.join(posixpath.dirname(self.stored_file), PROGRESS_FILE) if self.stored_file else ""

    def write_progress(self, values):
        """Replace the running import's progress with ``values`` (a dict of numbers)."""
        with default_storage.open(self.progress_file, "wb") as file:
            file.write(json.dumps(values).encode())

    def read_progress(self):
        """The last progress the worker wrote, or None (not written yet, being rewritten, gone)."""
        if self.status != self.Status.RUNNING or not self.stored_file:
            return None
        try:
            with default_storage.open(self.progress_file, "rb") as file:
                values = json.loads(file.read())
        except FileNotFoundError:
            return None
        except Exception as error:  # half written at that moment, or the storage is down: no news
            logger.info("Import %s: no progress to read (%s)", self.pk, error)
            return None
        return values if isinstance(values, dict) else None
