"""Periodic tasks: BACKGROUND_PERIODIC_TASKS = {"module.path.of.task": seconds}, enqueued by the workers.

django-tasks has no scheduler. Each worker looks, with its heartbeat, for
periodic tasks that are due and enqueues them; a conditional update makes
sure that only one worker does, however many run.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import PeriodicRun


def periodic_tasks():
    return dict(getattr(settings, "BACKGROUND_PERIODIC_TASKS", {}))


def enqueue_due(*, now=None):
    """Enqueue every periodic task whose interval has passed; returns their paths."""
    now = now or timezone.now()
    enqueued = []
    for path, seconds in periodic_tasks().items():
        run, _created = PeriodicRun.objects.get_or_create(task_path=path)
        if run.enqueued_at and run.enqueued_at > now - datetime.timedelta(seconds=seconds):
            continue
        with transaction.atomic():
            if PeriodicRun.objects.filter(task_path=path, enqueued_at=run.enqueued_at).update(
                enqueued_at=now
            ):
                import_string(path).enqueue()
                enqueued.append(path)
    return enqueued
