"""django-tasks-db's worker, made to survive faults.

* A database outage does not end it: it waits (with back-off) and goes on.
* What a task did is recorded even if the database went away meanwhile: the
  worker tries again until the database is back.
* A task that fails with an error its ``Retry`` names goes back to the queue
  for later (back-off), up to its maximum number of attempts.
* It keeps a lease on the tasks it runs (a heartbeat, from a thread of its
  own), takes back the tasks of workers whose lease ran out, and enqueues the
  periodic tasks that are due.
* Stopped in the middle of a task (a second Ctrl+C or SIGTERM), it puts the
  task back in the queue.
"""

import contextlib
import datetime
import logging
import threading
import time

from django_tasks.base import TaskContext, TaskResultStatus
from django_tasks.signals import task_finished, task_started
from django_tasks.utils import get_exception_traceback, get_module_path, normalize_json
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connections, transaction
from django.utils import timezone

from . import leases, periodic

logger = logging.getLogger("background.worker")

DATABASE_DOWN = (OperationalError, InterfaceError)


def setting(name, default):
    return getattr(settings, name, default)


class ResilientWorker(Worker):
    def __init__(self, *, heartbeat_seconds, lease_seconds, max_outage_wait=30.0, **options):
        super().__init__(**options)
        self.heartbeat_seconds = heartbeat_seconds
        self.lease_seconds = lease_seconds
        self.max_outage_wait = max_outage_wait
        self.backoff_scale = float(setting("BACKGROUND_RETRY_BACKOFF_SCALE", 1.0))
        self._stopping = threading.Event()

    # The loop ---------------------------------------------------------------

    def run(self):
        keeper = threading.Thread(target=self._keep, name="background-keeper", daemon=True)
        keeper.start()
        outages, last_outage = 0, 0.0
        try:
            while True:
                try:
                    self._beat()
                    return super().run()  # returns in --batch and --max-tasks modes only
                except DATABASE_DOWN as error:
                    if not self.running:
                        return None
                    outages = outages + 1 if time.monotonic() - last_outage < 60 else 1
                    last_outage = time.monotonic()
                    wait = min(0.5 * 2 ** (outages - 1), self.max_outage_wait)
                    logger.warning("Database unreachable (%s); trying again in %.1fs", error, wait)
                    connections.close_all()
                    self.startup_delay = False
                    time.sleep(wait)
        finally:
            self._stopping.set()
            keeper.join(timeout=5)
            with contextlib.suppress(DatabaseError):  # else the lease runs out by itself
                leases.forget(self.worker_id)

    def _beat(self):
        leases.beat(self.worker_id, self.queue_names)

    def _keep(self):
        """Heartbeat, reaper and periodic tasks, on a connection of this thread's own."""
        connected_since = None
        while not self._stopping.wait(self.heartbeat_seconds):
            try:
                self._beat()
                if connected_since is None:
                    connected_since = time.monotonic()
                # After an outage every worker's heartbeat is old: give them a lease's time to come back.
                if time.monotonic() - connected_since >= self.lease_seconds:
                    leases.requeue_stale_tasks(self.lease_seconds)
                periodic.enqueue_due()
            except DATABASE_DOWN:
                connected_since = None
                connections.close_all()
            except Exception:
                logger.exception("Worker %s: heartbeat or reaper failed", self.worker_id)
        connections.close_all()

    # One task -----------------------------------------------------------------

    def run_task(self, db_task_result):
        self.running_task = True
        try:
            self._run(db_task_result)
        finally:
            self.running_task = False
            self._run_tasks += 1

    def _run(self, result):
        try:
            task = result.task
            task_result = result.task_result
            backend = task.get_backend()
        except Exception as error:  # the task is gone from the code, or is not a task
            self._finish(result, None, TaskResultStatus.FAILED, error=error)
            return
        task_started.send(sender=type(backend), task_result=task_result)
        try:
            if task.takes_context:
                value = task.call(
                    TaskContext(task_result=task_result), *task_result.args, **task_result.kwargs
                )
            else:
                value = task.call(*task_result.args, **task_result.kwargs)
            value = normalize_json(value)
        except (KeyboardInterrupt, SystemExit):
            self._record(result, status=TaskResultStatus.READY, run_after=timezone.now())
            logger.warning("Task %s (%s) interrupted: back in the queue", result.pk, result.task_path)
            raise
        except Exception as error:
            policy = backend.retry_policy(task)
            attempts = len(result.worker_ids)
            if policy.applies(error, attempts):
                delay = policy.delay(attempts) * self.backoff_scale
                self._record(
                    result,
                    status=TaskResultStatus.READY,
                    run_after=timezone.now() + datetime.timedelta(seconds=delay),
                    exception_class_path=get_module_path(type(error)),
                    traceback=get_exception_traceback(error),
                )
                logger.warning(
                    "Task %s (%s) failed (%s), attempt %d of %d: again in %.0fs",
                    result.pk,
                    result.task_path,
                    type(error).__name__,
                    attempts,
                    policy.max_attempts,
                    delay,
                )
            else:
                self._finish(result, backend, TaskResultStatus.FAILED, error=error)
        else:
            self._finish(result, backend, TaskResultStatus.SUCCESSFUL, value=value)

    def _finish(self, result, backend, status, *, value=None, error=None):
        changes = {"status": status, "finished_at": timezone.now(), "return_value": value}
        if error is not None:
            changes["exception_class_path"] = get_module_path(type(error))
            changes["traceback"] = get_exception_traceback(error)
        else:
            changes["exception_class_path"] = changes["traceback"] = ""
        if self._record(result, **changes) and backend is not None:
            for name, field_value in changes.items():
                setattr(result, name, field_value)
            task_finished.send(sender=type(backend), task_result=result.task_result)

    def _record(self, result, **changes):
        """Write the outcome of the task this worker claimed; wait for the database if it is down.

        Returns False if the task is no longer this worker's (its lease ran
        out and it was given to another): that outcome is then dropped.
        """
        wait = 0.5
        while True:
            try:
                with transaction.atomic():
                    changed = DBTaskResult.objects.filter(
                        pk=result.pk, status=TaskResultStatus.RUNNING, started_at=result.started_at
                    ).update(**changes)
            except DATABASE_DOWN as error:
                logger.warning("Cannot record task %s (%s); trying again in %.1fs", result.pk, error, wait)
                connections.close_all()
                time.sleep(wait)
                wait = min(wait * 2, self.max_outage_wait)
                continue
            if not changed:
                logger.warning(
                    "Task %s was taken back from worker %s: its outcome is dropped", result.pk, self.worker_id
                )
            return bool(changed)
