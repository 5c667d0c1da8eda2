"""The real worker: retries with back-off, failed tasks run again, tasks of a killed worker back in the queue, queues."""

import signal

import pytest
from django_tasks_db.models import DBTaskResult
from modelsearch.tasks import insert_or_update_object_task

from django.core.management import call_command

from wagtail.models import Page
from wagtail.tasks import update_reference_index_task

from background.models import WorkerHeartbeat
from legal_aid.factories import make_case
from legal_aid.tasks import notify_legal_team
from tests.support.smtp import SMTPSink
from tests.support.worker import run_worker, start_worker, stop_worker, wait_for

from .tasks import always_fails, slow_the_first_time

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

OURS = [task.module_path for task in (notify_legal_team, always_fails, slow_the_first_time)]


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {
        "default": {**settings.TASKS["default"], "BACKEND": "background.backends.DatabaseBackend"}
    }


@pytest.fixture
def smtp():
    sink = SMTPSink()
    yield sink
    sink.stop()


def statuses(task=None):
    """The statuses of the tasks enqueued by the test itself (not the site tree's indexing)."""
    results = DBTaskResult.objects.filter(task_path__in=[task.module_path] if task else OURS)
    return list(results.values_list("status", flat=True))


def test_an_email_that_failed_while_the_mail_server_was_down_is_sent_once_it_is_back(
    database_queue, request_form, smtp, tmp_path
):
    case, _secret = make_case(request_form, notify=False)
    notify_legal_team.enqueue(case.pk)
    log = (tmp_path / "worker.log").open("wb")
    worker = start_worker(
        settings_module="tests.support.worker_settings",
        log=log,
        EMAIL_PORT=str(smtp.port),  # nothing listens there yet
        BACKGROUND_RETRY_BACKOFF_SCALE="0.05",  # 30 s becomes 1.5 s
    )
    try:
        result = wait_for(
            lambda: DBTaskResult.objects.filter(
                status="READY", exception_class_path__contains="Refused"
            ).first(),
            timeout=60,
            message="a first attempt refused by the mail server",
        )
        assert result.queue_name == "urgent"
        smtp.start()
        wait_for(lambda: statuses() == ["SUCCESSFUL"], timeout=60, message="the notification sent")
    finally:
        stop_worker(worker)
    result = DBTaskResult.objects.get(task_path__in=OURS)
    assert len(result.worker_ids) >= 2
    assert [message["to"] for message in smtp.inbox.snapshot()] == [["legal-team@example.org"]]
    case.refresh_from_db()
    assert case.team_notified_at is not None

    # Run again (by hand, or after a fault), it sends nothing more.
    run_worker()
    notify_legal_team.enqueue(case.pk)
    run_worker(settings_module="tests.support.worker_settings", EMAIL_PORT=str(smtp.port))
    assert len(smtp.inbox.snapshot()) == 1


def test_a_task_whose_attempts_ran_out_is_failed_and_can_be_run_again(database_queue, request_form, smtp):
    case, _secret = make_case(request_form, notify=False)
    notify_legal_team.enqueue(case.pk)
    worker = start_worker(
        settings_module="tests.support.worker_settings",
        EMAIL_PORT=str(smtp.port),
        BACKGROUND_RETRY_BACKOFF_SCALE="0.001",
    )
    try:
        wait_for(lambda: statuses() == ["FAILED"], timeout=90, message="every attempt used up")
    finally:
        stop_worker(worker)
    failed = DBTaskResult.objects.get(task_path__in=OURS)
    assert len(failed.worker_ids) == 8  # the EMAIL policy's maximum
    assert "ConnectionRefusedError" in failed.exception_class_path

    smtp.start()
    call_command("rerun_failed_tasks", task="legal_aid.tasks.notify_legal_team")
    assert statuses() == ["READY"]
    run_worker(settings_module="tests.support.worker_settings", EMAIL_PORT=str(smtp.port))
    assert statuses() == ["SUCCESSFUL"]
    assert len(smtp.inbox.snapshot()) == 1


def test_a_failure_that_is_not_transient_is_not_retried(database_queue):
    always_fails.enqueue("a bug, not an outage")
    run_worker()
    failed = DBTaskResult.objects.get(task_path__in=OURS)
    assert (failed.status, len(failed.worker_ids)) == ("FAILED", 1)
    assert failed.exception_class_path == "builtins.ValueError"


def test_the_tasks_of_a_killed_worker_go_back_to_the_queue(database_queue, tmp_path):
    marker = tmp_path / "started"
    slow_the_first_time.enqueue(str(marker))
    lease = ["--heartbeat=0.3", "--lease=2"]
    first = start_worker(*lease)
    try:
        # Killed once the task itself has begun (its marker written), not merely marked RUNNING:
        # killed before, the second worker would run it as if for the first time, for a minute.
        wait_for(
            lambda: statuses() == ["RUNNING"] and marker.exists(), timeout=60, message="the task running"
        )
        first_id = DBTaskResult.objects.get(task_path__in=OURS).worker_ids[-1]
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        stop_worker(first)
    assert statuses() == ["RUNNING"]  # what django-tasks-db alone would leave for ever

    second = start_worker(*lease)
    try:
        wait_for(
            lambda: statuses() == ["SUCCESSFUL"], timeout=60, message="the task run by the second worker"
        )
    finally:
        stop_worker(second)
    result = DBTaskResult.objects.get(task_path__in=OURS)
    assert result.worker_ids[0] == first_id and len(result.worker_ids) == 2
    assert result.return_value == "done"
    # The second said it was gone when it stopped; the killed one could not.
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == [first_id]


def test_content_is_indexed_before_the_reference_index_and_a_worker_serves_its_queues(
    database_queue, home_pages
):
    page = home_pages["en"].add_child(instance=Page(title="Zanzibar media law workshop", slug="zanzibar"))
    queues = dict(DBTaskResult.objects.values_list("task_path", "queue_name").distinct())
    assert queues[insert_or_update_object_task.module_path] == "urgent"
    assert queues[update_reference_index_task.module_path] == "bulk"

    run_worker("--queue-name=urgent")

    assert [result.pk for result in Page.objects.live().search("Zanzibar")] == [page.pk]
    assert set(DBTaskResult.objects.filter(status="READY").values_list("queue_name", flat=True)) == {"bulk"}
    run_worker("--queue-name=*")
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()
