"""Background work goes through the database queue and is done by the real worker process."""

import pytest
from django_tasks_db.models import DBTaskResult
from modelsearch.tasks import insert_or_update_object_task

from wagtail.models import Page

from tests.support.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {
        "default": {**settings.TASKS["default"], "BACKEND": "background.backends.DatabaseBackend"}
    }


def test_a_page_becomes_searchable_once_the_worker_has_run_its_tasks(database_queue, home_pages):
    page = home_pages["en"].add_child(instance=Page(title="Zanzibar media law workshop", slug="zanzibar"))

    assert DBTaskResult.objects.filter(
        status="READY", task_path="modelsearch.tasks.insert_or_update_object_task"
    ).exists()
    assert not Page.objects.live().search("Zanzibar")

    run_worker()

    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert not DBTaskResult.objects.filter(status="FAILED").exists()
    assert [result.pk for result in Page.objects.live().search("Zanzibar")] == [page.pk]


def test_a_failing_task_is_recorded_and_the_worker_goes_on(database_queue, home_pages):
    insert_or_update_object_task.enqueue("wagtailcore", "page", "999999")
    page = home_pages["en"].add_child(instance=Page(title="Kigali training", slug="kigali"))

    run_worker()

    failed = DBTaskResult.objects.get(status="FAILED")
    assert failed.exception_class_path.endswith("DoesNotExist")
    assert [result.pk for result in Page.objects.live().search("Kigali")] == [page.pk]
