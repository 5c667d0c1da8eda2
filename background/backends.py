"""django-tasks backends that know the project's queues, routes and retry policies.

``OPTIONS`` of a backend in ``TASKS``:

* ``ROUTES``: ``{"module.path.of.task": "queue"}``, the queue of tasks declared
  elsewhere (Wagtail's search and reference-index tasks) or moved by settings.
* ``RETRY``: the ``Retry`` of tasks declared without one (default: retry
  database outages only).
"""

from django_tasks.backends.immediate import ImmediateBackend as BaseImmediateBackend
from django_tasks_db.backend import DatabaseBackend as BaseDatabaseBackend

from django.db import router

from .retry import DATABASE, Retry
from .tasks import RetryingTask


class RoutingMixin:
    task_class = RetryingTask

    def __init__(self, alias, params):
        super().__init__(alias, params)
        self.routes = dict(self.options.get("ROUTES", {}))
        self.default_retry = self.options.get("RETRY", DATABASE)
        unknown = {queue for queue in self.routes.values() if self.queues and queue not in self.queues}
        if unknown:
            from django.core.exceptions import ImproperlyConfigured

            raise ImproperlyConfigured(
                f"TASKS[{alias!r}] routes tasks to queues it does not list in QUEUES: {', '.join(sorted(unknown))}"
            )

    def route(self, task):
        queue = self.routes.get(task.module_path)
        return task.using(queue_name=queue) if queue and queue != task.queue_name else task

    def retry_policy(self, task) -> Retry:
        return getattr(task, "retry", None) or self.default_retry

    def enqueue(self, task, args, kwargs):
        return super().enqueue(self.route(task), args, kwargs)


class DatabaseBackend(RoutingMixin, BaseDatabaseBackend):
    """Tasks stored in the database (django-tasks-db), run by ``manage.py db_worker``."""

    def enqueues_in_transaction(self, using):
        from django_tasks_db.models import DBTaskResult

        return router.db_for_write(DBTaskResult) == using


class ImmediateBackend(RoutingMixin, BaseImmediateBackend):
    """Tasks run where they are enqueued (development and tests); no retries, nothing stored."""
