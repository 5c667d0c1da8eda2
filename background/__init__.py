"""Background tasks that survive faults, on django-tasks and django-tasks-db.

django-tasks queues and runs tasks; this app adds what it lacks: retries
with back-off (``Retry``), queues chosen by settings for tasks declared
elsewhere (Wagtail's), enqueueing that follows the transaction
(``enqueue_on_commit``), a worker that outlives database outages and keeps
a lease on what it runs, a reaper for the tasks of dead workers, periodic
tasks, failed tasks in the admin and a command to run them again.

It imports no other app of the project: apps declare their tasks with
``background.task``.
"""

from .retry import Retry
from .tasks import enqueue_on_commit, task

__all__ = ["Retry", "enqueue_on_commit", "task"]
