"""What the workers keep of themselves: a heartbeat each (their lease), and when periodic tasks last went out."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    """A running ``db_worker``. While ``seen_at`` is recent, the tasks it claimed are its own."""

    worker_id = models.CharField(_("worker"), max_length=64, primary_key=True)
    hostname = models.CharField(_("host"), max_length=255, blank=True)
    pid = models.PositiveIntegerField(_("process"), null=True)
    queues = models.CharField(_("queues"), max_length=255, blank=True)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    seen_at = models.DateTimeField(_("last seen"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("worker")
        verbose_name_plural = _("workers")
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.worker_id} ({self.hostname}:{self.pid})"


class PeriodicRun(models.Model):
    """When a periodic task (BACKGROUND_PERIODIC_TASKS) was last put in the queue."""

    task_path = models.CharField(_("task"), max_length=255, primary_key=True)
    enqueued_at = models.DateTimeField(_("last enqueued"), null=True)

    class Meta:
        verbose_name = _("periodic task")
        verbose_name_plural = _("periodic tasks")
        default_permissions = ("view",)

    def __str__(self):
        return self.task_path
