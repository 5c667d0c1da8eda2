"""Notifications go out after the request is committed, say nothing of its content, and their failure loses nothing.

The requester is written to only if they tick the form's acknowledgement box, and then with a mail
that tells whoever else reads their mailbox nothing: checked on a real SMTP server on loopback.
"""

import re

import pytest
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

from django.core.mail.backends.base import BaseEmailBackend
from django.db import DatabaseError
from django.urls import reverse

from background.backends import ImmediateBackend
from legal_aid.models import CaseEvent, LegalAidRequest
from legal_aid.team import ensure_legal_team
from tests.support.smtp import SMTPSink
from users.factories import UserFactory

from .helpers import SECRET_WORDS, VALID, form_url, post_json, submit

pytestmark = pytest.mark.django_db

# A request whose author asks for the acknowledgement.
ACKNOWLEDGED = {**VALID, "acknowledgement": True}
# Words that would tell a reader of the requester's mailbox what the mail is about.
PURPOSE_WORDS = ["legal", "juridique", "amategeko", "assistance", "lawyer", "avocat", "LA-"]


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
        assert submit(client, request_form, ACKNOWLEDGED).status_code == 201
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
    response = submit(client, request_form, ACKNOWLEDGED)
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
    assert submit(client, request_form, ACKNOWLEDGED).status_code == 503
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
        response = submit(client, request_form, ACKNOWLEDGED)

    assert response.status_code == 201
    case = LegalAidRequest.objects.get(reference=response.json()["reference"])
    assert case.get_data()["description"] == VALID["description"]
    failed = {result.task.name: result for result in finished_tasks}
    assert set(failed) == {"notify_legal_team", "acknowledge_request"}
    for result in failed.values():
        assert result.status == "FAILED"
        assert "ConnectionRefusedError" in result.errors[0].exception_class_path


@pytest.fixture
def smtp_inbox(settings):
    """Mail sent through a real SMTP server on loopback; the messages it received."""
    sink = SMTPSink().start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield sink.inbox
    sink.stop()


def words_of(answers):
    """The words of a request's free text and choices, as someone reading a mail would spot them."""
    text = " ".join(
        str(answers[key])
        for key in ("name", "contact", "media_outlet", "country", "problem_type", "description", "urgency")
    )
    return {word.lower() for word in re.findall(r"\w{4,}", text.replace("_", " "))}


def test_without_the_box_ticked_no_mail_reaches_the_requester(
    client, request_form, smtp_inbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for payload in (VALID, {**VALID, "acknowledgement": False}, {**VALID, "acknowledgement": ""}):
            assert submit(client, request_form, payload).status_code == 201
    received = smtp_inbox.snapshot()
    assert [message["to"] for message in received] == [["legal-team@example.org"]] * 3
    assert not any("amina@example.org" in message["raw"] for message in received)


def test_with_the_box_ticked_one_neutral_mail_in_the_requester_s_language(
    client, request_form, smtp_inbox, django_capture_on_commit_callbacks
):
    answers = {
        **ACKNOWLEDGED,
        "media_outlet": "Radio Isango",
        "description": "Des policiers ont saisi mon enregistreur au marché de Rubavu et m’ont gardé toute la nuit.",
        "preferred_language": "fr",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = post_json(client, form_url(request_form, locale="fr"), answers)
    assert response.status_code == 201, response.content
    reference = response.json()["reference"]

    (acknowledgement,) = [m for m in smtp_inbox.snapshot() if m["to"] == ["amina@example.org"]]
    assert acknowledgement["subject"] == "Votre message a bien été reçu"
    assert "Nous vous contacterons" in acknowledgement["body"]
    mail = (acknowledgement["subject"] + " " + acknowledgement["body"]).lower()
    for word in words_of(answers) | {reference.lower()}:
        assert word not in mail, word
    for word in PURPOSE_WORDS:
        assert word.lower() not in acknowledgement["raw"].lower(), word  # headers included
    case = LegalAidRequest.objects.get(reference=reference)
    assert "acknowledgement" not in case.get_data()  # the choice is not kept with the request


@pytest.mark.parametrize(
    ("language", "subject"), [("en", "Your message was received"), ("rw", "Ubutumwa bwawe bwakiriwe")]
)
def test_the_acknowledgement_in_english_and_kinyarwanda(
    client, request_form, smtp_inbox, django_capture_on_commit_callbacks, language, subject
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, request_form, {**ACKNOWLEDGED, "preferred_language": language})
    (acknowledgement,) = [m for m in smtp_inbox.snapshot() if m["to"] == ["amina@example.org"]]
    assert acknowledgement["subject"] == subject
    for word in PURPOSE_WORDS:
        assert word.lower() not in acknowledgement["raw"].lower(), word


def test_the_team_notification_carries_only_the_link_to_the_case(
    client, request_form, smtp_inbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, request_form, ACKNOWLEDGED)
    reference = response.json()["reference"]
    case = LegalAidRequest.objects.get(reference=reference)
    (team,) = [m for m in smtp_inbox.snapshot() if m["to"] == ["legal-team@example.org"]]
    assert "http://testserver" + reverse("legal_aid_cases:inspect", args=[case.pk]) in team["body"]
    mail = (team["subject"] + " " + team["body"]).lower()
    for word in words_of(VALID) | {reference.lower(), *(w.lower() for w in SECRET_WORDS)}:
        assert word not in mail, word


def test_without_notification_addresses_the_team_members_are_told(
    client, request_form, smtp_inbox, settings, legal_team_member, django_capture_on_commit_callbacks
):
    settings.LEGAL_AID_NOTIFY_EMAILS = []
    legal_team_member.email = "lawyer@example.org"
    legal_team_member.save()
    UserFactory(username="former", email="former@example.org", is_active=False).groups.add(
        ensure_legal_team()
    )
    UserFactory(username="root", email="root@example.org", is_superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        assert submit(client, request_form).status_code == 201
    (team,) = [m for m in smtp_inbox.snapshot() if "admin" in m["body"]]
    assert team["to"] == ["lawyer@example.org"]


def test_with_nobody_to_tell_the_request_is_kept_and_the_log_says_what_to_set(
    client, request_form, smtp_inbox, settings, caplog, django_capture_on_commit_callbacks
):
    settings.LEGAL_AID_NOTIFY_EMAILS = []
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, request_form)
    assert response.status_code == 201
    assert LegalAidRequest.objects.filter(reference=response.json()["reference"]).exists()
    assert smtp_inbox.snapshot() == []
    assert "LEGAL_AID_NOTIFY_EMAILS" in caplog.text


def test_a_box_ticked_without_an_email_address_is_refused(client, request_form, smtp_inbox):
    response = submit(
        client, request_form, {**ACKNOWLEDGED, "contact_method": "signal", "contact": "+250 788 000 111"}
    )
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["acknowledgement"]
    assert "email" in response.json()["errors"]["acknowledgement"][0]
    assert not LegalAidRequest.objects.exists()
    assert smtp_inbox.snapshot() == []


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
