"""Periodic tasks go out once per interval, however many workers look."""

import datetime

import pytest
from django_tasks_db.models import DBTaskResult

from django.utils import timezone

from background import enqueue_on_commit, periodic

from .tasks import always_fails

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {
        "default": {**settings.TASKS["default"], "BACKEND": "background.backends.DatabaseBackend"}
    }


def test_a_periodic_task_is_enqueued_once_per_interval(database_queue, settings):
    settings.BACKGROUND_PERIODIC_TASKS = {"legal_aid.tasks.sweep_orphaned_objects": 3600}
    now = timezone.now()
    assert periodic.enqueue_due(now=now) == ["legal_aid.tasks.sweep_orphaned_objects"]
    assert periodic.enqueue_due(now=now + datetime.timedelta(minutes=59)) == []  # a second worker, or later
    assert periodic.enqueue_due(now=now + datetime.timedelta(minutes=61)) == [
        "legal_aid.tasks.sweep_orphaned_objects"
    ]
    queued = DBTaskResult.objects.filter(task_path="legal_aid.tasks.sweep_orphaned_objects")
    assert list(queued.values_list("queue_name", flat=True)) == ["bulk", "bulk"]


def test_a_task_enqueued_with_the_transaction_vanishes_with_it(database_queue):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue_on_commit(always_fails, "never")
        assert DBTaskResult.objects.filter(task_path=always_fails.module_path).exists()
        raise RuntimeError("rolled back")
    assert not DBTaskResult.objects.filter(task_path=always_fails.module_path).exists()
