"""Notifications go out after the request is committed, say nothing of its content, and their failure loses nothing."""

import pytest
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

from django.core.mail.backends.base import BaseEmailBackend
from django.db import DatabaseError

from background.backends import ImmediateBackend
from legal_aid.models import CaseEvent, LegalAidRequest

from .helpers import SECRET_WORDS, VALID, submit

pytestmark = pytest.mark.django_db


class BrokenEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("the mail server is down")


@pytest.fixture
def finished_tasks():
    results = []

    def collect(sender, task_result, **kwargs):
        results.append(task_result)

    task_finished.connect(collect)
    yield results
    task_finished.disconnect(collect)


def test_nothing_is_sent_before_the_request_is_committed(
    client, request_form, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert submit(client, request_form).status_code == 201
    assert mailoutbox == []
    assert len(callbacks) == 2  # one per notification, run by the immediate backend on commit
    for callback in callbacks:
        callback()
    assert len(mailoutbox) == 2


class UnreachableQueue(ImmediateBackend):
    def enqueue(self, task, args, kwargs):
        raise ConnectionRefusedError("the queue is down")


def test_a_queue_failing_after_the_commit_neither_undoes_nor_misreports_the_request(
    client, request_form, settings, django_capture_on_commit_callbacks, caplog
):
    settings.TASKS = {"default": {**settings.TASKS["default"], "BACKEND": f"{__name__}.UnreachableQueue"}}
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, request_form)
    assert response.status_code == 201
    case = LegalAidRequest.objects.get(reference=response.json()["reference"])
    assert case.get_data()["description"] == VALID["description"]
    assert "the queue is down" in caplog.text


def test_with_the_database_queue_the_notifications_are_stored_with_the_request(
    client, request_form, settings, mailoutbox, monkeypatch
):
    settings.TASKS = {
        "default": {**settings.TASKS["default"], "BACKEND": "background.backends.DatabaseBackend"}
    }
    response = submit(client, request_form)
    case = LegalAidRequest.objects.get(reference=response.json()["reference"])
    queued = DBTaskResult.objects.filter(args_kwargs__args=[case.pk])
    assert sorted(queued.values_list("task_path", "queue_name")) == [
        ("legal_aid.tasks.acknowledge_request", "urgent"),
        ("legal_aid.tasks.notify_legal_team", "urgent"),
    ]

    # A failure before the commit takes the queued notifications with the request.
    def broken(*args, **kwargs):
        raise DatabaseError("the database went away")

    monkeypatch.setattr(CaseEvent.objects, "create", broken)
    assert submit(client, request_form).status_code == 503
    assert LegalAidRequest.objects.count() == 1
    assert DBTaskResult.objects.filter(task_path__startswith="legal_aid.").count() == 2
    assert mailoutbox == []


def test_a_notification_run_twice_is_sent_once(request_form, mailoutbox):
    from legal_aid.factories import make_case
    from legal_aid.tasks import acknowledge_request, notify_legal_team

    case, _secret = make_case(request_form, notify=False, contact_method="email", contact="a@example.org")
    for _ in range(2):
        notify_legal_team.call(case.pk)
        acknowledge_request.call(case.pk)
    assert sorted(mail.to[0] for mail in mailoutbox) == ["a@example.org", "legal-team@example.org"]
    assert len({mail.extra_headers["Message-ID"] for mail in mailoutbox}) == 2


def test_a_failing_mail_server_loses_nothing_and_the_failure_shows(
    client, request_form, settings, finished_tasks, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, request_form)

    assert response.status_code == 201
    case = LegalAidRequest.objects.get(reference=response.json()["reference"])
    assert case.get_data()["description"] == VALID["description"]
    failed = {result.task.name: result for result in finished_tasks}
    assert set(failed) == {"notify_legal_team", "acknowledge_request"}
    for result in failed.values():
        assert result.status == "FAILED"
        assert "ConnectionRefusedError" in result.errors[0].exception_class_path


def test_the_acknowledgement_is_in_the_requester_s_language_and_only_to_an_email(
    client, request_form, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, request_form, {**VALID, "preferred_language": "fr"})
    (acknowledgement,) = [mail for mail in mailoutbox if mail.to == ["amina@example.org"]]
    for word in SECRET_WORDS:
        assert word not in acknowledgement.body
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, request_form, {**VALID, "contact_method": "signal", "contact": "+250 788 000 111"})
    assert [mail.to for mail in mailoutbox] == [["legal-team@example.org"]]


def test_a_request_leaves_the_api_s_content_version_and_cache_alone(
    client, request_form, legal_team_member, django_capture_on_commit_callbacks
):
    from api import versions
    from legal_aid.services import open_case

    before = versions.current(versions.NAMES)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, request_form)
        case = LegalAidRequest.objects.get(reference=response.json()["reference"])
        open_case(case, legal_team_member)
    assert versions.current(versions.NAMES) == before
