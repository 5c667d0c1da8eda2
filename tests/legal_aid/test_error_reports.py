"""A server error in the legal-assistance API reaches the admins (e-mail, Sentry) without the journalist's data."""

import email
import logging
import sys
from email import policy

import pytest
import sentry_sdk
from sentry_sdk.transport import Transport

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import got_request_exception, request_started
from django.db import close_old_connections
from django.test import Client, RequestFactory
from django.utils.log import AdminEmailHandler
from django.views.debug import ExceptionReporter, get_exception_reporter_class

import legal_aid.api
from legal_aid import sentry
from tests.support.files import png_bytes
from tests.support.smtp import Inbox, SMTPSink

from .helpers import VALID, form_url

pytestmark = pytest.mark.django_db

MARKER = "Zq7MarkerKigali"


class FullInbox(Inbox):
    """Keeps each message's whole text as well."""

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        text = envelope.content.decode("utf-8", "replace") + "".join(
            part.get_content() for part in message.walk() if part.get_content_maintype() == "text"
        )
        with self._lock:
            self.messages.append(
                {"to": list(envelope.rcpt_tos), "subject": str(message["Subject"]), "text": text}
            )
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp():
    sink = SMTPSink()
    sink.inbox = FullInbox()
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture
def failing_service(monkeypatch):
    """The request is read and checked; keeping it fails with a fault of ours."""

    def broken(*args, **kwargs):
        raise RuntimeError("the case could not be written")

    monkeypatch.setattr(legal_aid.api, "submit_request", broken)


@pytest.fixture
def reported_to_admins(settings, smtp):
    settings.DEBUG = False
    settings.ADMINS = [("Operations", "ops@example.org")]
    settings.SERVER_EMAIL = "cms@example.org"
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    return smtp


def failing_request_data():
    answers = {
        **VALID,
        "consent": "true",
        "name": f"Amina {MARKER}",
        "description": f"The police said {MARKER}.",
    }
    upload = SimpleUploadedFile(f"{MARKER}.png", png_bytes() + MARKER.encode(), content_type="image/png")
    return {**answers, "attachments": upload}


def send_failing_request(page):
    response = Client(raise_request_exception=False).post(form_url(page), failing_request_data())
    assert response.status_code == 500
    assert MARKER not in response.content.decode()
    return response


def send_failing_request_through_wsgi(page):
    """As a WSGI server calls the site, so that Sentry's middleware adds the request's address and headers."""
    environ = (
        RequestFactory()
        .post(form_url(page), failing_request_data(), HTTP_COOKIE=f"sessionid={MARKER}", HTTP_X_NOTE=MARKER)
        .environ
    )
    started = []
    # The test's database transaction stays open (as with Django's test client).
    request_started.disconnect(close_old_connections)
    try:
        body = b"".join(WSGIHandler()(environ, lambda status, headers, *args: started.append(status)))
    finally:
        request_started.connect(close_old_connections)
    assert started[0].startswith("500")
    assert MARKER.encode() not in body


def test_the_admins_report_arrives_without_the_journalists_data(
    request_form, failing_service, reported_to_admins
):
    caught = {}

    def keep(sender, request, **kwargs):
        caught["request"], caught["exc_info"] = request, sys.exc_info()

    got_request_exception.connect(keep)
    try:
        send_failing_request(request_form)
    finally:
        got_request_exception.disconnect(keep)

    [report] = reported_to_admins.inbox.snapshot()
    assert report["to"] == ["ops@example.org"]
    assert "Internal Server Error: /api/v2/legal-aid/forms/" in report["subject"]
    assert "RuntimeError" in report["text"]
    assert "the case could not be written" in report["text"]
    assert MARKER not in report["text"]
    assert "Amina" not in report["text"]
    # The fuller report (HTML, with each frame's variables) that the same reporter would make.
    reporter = get_exception_reporter_class(caught["request"])(caught["request"], *caught["exc_info"])
    html = reporter.get_traceback_html()
    assert "RuntimeError" in html
    assert MARKER not in html
    assert MARKER not in reporter.get_traceback_text()


def test_without_the_reporter_the_file_name_would_be_in_the_report(
    request_form, failing_service, reported_to_admins, monkeypatch
):
    [handler] = [h for h in logging.getLogger("django").handlers if isinstance(h, AdminEmailHandler)]
    monkeypatch.setattr(handler, "reporter_class", ExceptionReporter)
    send_failing_request(request_form)
    [report] = reported_to_admins.inbox.snapshot()
    assert f"{MARKER}.png" in report["text"]


def test_an_error_elsewhere_is_reported_in_full(reported_to_admins, monkeypatch, client):
    import api.api

    def broken(*args, **kwargs):
        raise RuntimeError("the listing failed")

    monkeypatch.setattr(api.api.PagesAPIViewSet, "listing_view", broken)
    response = Client(raise_request_exception=False).get(f"/api/v2/pages/?search={MARKER}")
    assert response.status_code == 500
    [report] = reported_to_admins.inbox.snapshot()
    # Only legal-assistance requests lose their details: elsewhere the report keeps what helps to fix it.
    assert MARKER in report["text"]


class CapturingTransport(Transport):
    """Keeps every envelope in the process: nothing goes to the network."""

    envelopes = []

    def capture_envelope(self, envelope):
        self.envelopes.append(envelope)


@pytest.fixture
def sentry_events():
    CapturingTransport.envelopes = []

    def start(with_filter=True):
        options = {"transport": CapturingTransport, "default_integrations": True}
        if with_filter:
            sentry.init("http://public@127.0.0.1:9/1", **options)
        else:
            sentry_sdk.init("http://public@127.0.0.1:9/1", **options)
        return CapturingTransport.envelopes

    yield start
    sentry_sdk.get_client().flush()
    sentry_sdk.init()  # no DSN: no client, nothing sent


def events_of(envelopes):
    sentry_sdk.get_client().flush()
    events = [envelope.get_event() for envelope in envelopes if envelope.get_event()]
    return events, b"".join(envelope.serialize() for envelope in envelopes)


def test_the_sentry_event_has_no_journalists_data(request_form, failing_service, sentry_events, settings):
    settings.DEBUG = False
    envelopes = sentry_events()
    send_failing_request_through_wsgi(request_form)
    events, sent = events_of(envelopes)
    [event] = events
    assert event["exception"]["values"][-1]["type"] == "RuntimeError"
    assert event["request"]["method"] == "POST"
    assert "/api/v2/legal-aid/forms/" in event["request"]["url"]
    assert set(event["request"]) == {"url", "method"}
    assert MARKER.encode() not in sent
    assert b"Amina" not in sent


def test_without_the_filter_sentry_would_have_sent_it(request_form, failing_service, sentry_events, settings):
    envelopes = sentry_events(with_filter=False)
    send_failing_request_through_wsgi(request_form)
    _events, sent = events_of(envelopes)
    assert MARKER.encode() in sent


def test_sentry_keeps_no_local_variables_of_legal_aid_code_anywhere():
    event = {
        "request": {"url": "https://cms.example.org/admin/pages/", "data": {"title": "A page"}},
        "exception": {
            "values": [
                {
                    "type": "ValueError",
                    "value": "bad",
                    "stacktrace": {
                        "frames": [
                            {"module": "wagtail.admin.views", "vars": {"page": "A page"}},
                            {"module": "legal_aid.tasks", "vars": {"answers": "the journalist's words"}},
                        ]
                    },
                }
            ]
        },
    }
    cleaned = sentry.before_send(event, {})
    frames = cleaned["exception"]["values"][0]["stacktrace"]["frames"]
    assert frames[0]["vars"] == {"page": "A page"}
    assert "vars" not in frames[1]
    assert cleaned["request"]["data"] == {"title": "A page"}
