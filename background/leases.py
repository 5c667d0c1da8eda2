"""Workers' leases: a heartbeat per worker, and the reaper that takes back the tasks of dead workers.

A worker claims a task by marking it RUNNING with its id (django-tasks-db);
it keeps the claim by writing its heartbeat every BACKGROUND_HEARTBEAT_SECONDS.
A RUNNING task whose worker has not been seen for BACKGROUND_LEASE_SECONDS
goes back to the queue, or fails once its attempts are used up.
"""

import datetime
import logging
import os
import socket

from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from django.db import transaction
from django.utils import timezone

from .models import WorkerHeartbeat
from .retry import DATABASE

logger = logging.getLogger(__name__)

# Heartbeats of workers gone this long are deleted.
FORGET_AFTER = datetime.timedelta(days=7)


class WorkerLost(Exception):
    """The worker running the task stopped (killed, machine lost) before it could finish."""


def beat(worker_id, queues=()):
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "seen_at": timezone.now(),
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "queues": ",".join(queues)[:255],
        },
    )


def forget(worker_id):
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def _max_attempts(result):
    try:
        task = result.task
        return task.get_backend().retry_policy(task).max_attempts
    except Exception:  # the task is gone from the code, or its backend is not one of ours
        return DATABASE.max_attempts


def requeue_stale_tasks(lease_seconds, *, now=None):
    """Give back to the queue the RUNNING tasks whose worker's lease ran out. Returns (requeued, failed)."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=lease_seconds)
    alive = set(WorkerHeartbeat.objects.filter(seen_at__gte=cutoff).values_list("worker_id", flat=True))
    requeued = failed = 0
    for result in DBTaskResult.objects.running().filter(started_at__lt=cutoff):
        worker = result.worker_ids[-1] if result.worker_ids else None
        if worker in alive:
            continue
        attempts = len(result.worker_ids)
        if attempts >= _max_attempts(result):
            changes = {
                "status": TaskResultStatus.FAILED,
                "finished_at": now,
                "exception_class_path": f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
                "traceback": f"WorkerLost: worker {worker} stopped during attempt {attempts}, the last allowed.",
            }
        else:
            changes = {"status": TaskResultStatus.READY, "run_after": now}
        with transaction.atomic():
            # Only if nobody finished or took it meanwhile (claiming sets a new started_at).
            changed = DBTaskResult.objects.filter(
                pk=result.pk, status=TaskResultStatus.RUNNING, started_at=result.started_at
            ).update(**changes)
        if changed and changes["status"] == TaskResultStatus.READY:
            requeued += 1
            logger.warning(
                "Task %s (%s) of lost worker %s is back in the queue", result.pk, result.task_path, worker
            )
        elif changed:
            failed += 1
            logger.error(
                "Task %s (%s) of lost worker %s failed: no attempt left", result.pk, result.task_path, worker
            )
    WorkerHeartbeat.objects.filter(seen_at__lt=now - FORGET_AFTER).delete()
    return requeued, failed
