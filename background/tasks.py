"""Declaring tasks with a retry policy, and enqueueing them with the transaction."""

from dataclasses import dataclass

import django_tasks
from django_tasks.base import Task

from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, transaction
from django.utils.version import PY311

from .retry import Retry


@dataclass(frozen=True, slots=PY311, kw_only=True)
class RetryingTask(Task):
    """A django-tasks Task that carries its retry policy (None: the backend's default)."""

    retry: Retry | None = None


def task(function=None, *, retry: Retry | None = None, **options):
    """``django_tasks.task`` with ``retry=Retry(...)``; the backend must be one of ``background.backends``."""

    def decorate(func):
        backend = django_tasks.task_backends[options.get("backend", django_tasks.DEFAULT_TASK_BACKEND_ALIAS)]
        if not issubclass(backend.task_class, RetryingTask):
            raise ImproperlyConfigured(
                f"The task backend {type(backend).__module__}.{type(backend).__name__} cannot retry tasks: "
                "configure TASKS with background.backends.DatabaseBackend or ImmediateBackend."
            )
        return django_tasks.task(func, retry=retry, **options)

    return decorate(function) if function else decorate


def enqueue_on_commit(task_, *args, using=DEFAULT_DB_ALIAS, **kwargs):
    """Enqueue ``task_`` so that it exists if, and only if, the current transaction commits.

    A backend that keeps its queue in this database enqueues at once, in the
    transaction (a failure then rolls everything back). Any other backend is
    handed the task when the transaction has committed; a failure there is
    logged and never reaches the caller, whose work is already kept.
    """
    if getattr(task_.get_backend(), "enqueues_in_transaction", lambda using: False)(using):
        return task_.enqueue(*args, **kwargs)

    def enqueue():
        task_.enqueue(*args, **kwargs)

    # Django names the callback in its log of a failure: the task's path says more than "enqueue".
    enqueue.__qualname__ = f"enqueue {task_.module_path}"
    transaction.on_commit(enqueue, using=using, robust=True)
    return None
