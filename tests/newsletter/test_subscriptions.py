"""Subscribing with double opt-in, against a real SMTP server: nothing is confirmed without a click on
the link, the answer tells nothing of the address, and bad input gets a clear error."""

import re
import time

import pytest

from django.core.management import call_command
from django.urls import reverse

from newsletter.factories import SubscriberFactory
from newsletter.models import Subscriber, SubscriberStatus

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/api/v2/newsletter/subscriptions/"
LINK = re.compile(r"https://news.example.org(/newsletter/confirm/[^/\s]+/)")


@pytest.fixture
def subscribe(client, django_capture_on_commit_callbacks):
    """POST a subscription; the mail is queued when the transaction commits, as it would be."""

    def post(email="amina@example.org", language="fr", **extra):
        body = {"email": email, "language": language, "consent": True, **extra}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(SUBSCRIBE, body, content_type="application/json")

    return post


def confirmation_link(smtp, email):
    [message] = smtp.inbox.to(email)
    return LINK.search(message.get_body(("plain",)).get_content())[1]


def test_a_subscription_waits_for_the_click_on_the_link_in_the_mail(
    client, smtp, subscribe, upr_vocabularies
):
    response = subscribe(
        topics=["country:rwa", "theme:freedom-of-the-press", "country:RWA"], time_zone="Africa/Kigali"
    )
    assert response.status_code == 202
    subscriber = Subscriber.objects.get(email="amina@example.org")
    assert subscriber.status == SubscriberStatus.PENDING
    assert subscriber.topics == ["country:RWA", "theme:freedom-of-the-press"]
    assert subscriber.time_zone == "Africa/Kigali"
    assert subscriber.consent_text.startswith("Je souhaite recevoir")

    [message] = smtp.inbox.to("amina@example.org")
    assert message["Subject"].strip() == "Confirmez votre abonnement à la lettre d’information"
    assert message.get_body(("html",)) is not None
    link = confirmation_link(smtp, "amina@example.org")

    # A mail scanner opening the link confirms nothing: the page asks for the button.
    page = client.get(link)
    assert page.status_code == 200
    assert b'<form method="post">' in page.content
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING

    done = client.post(link)  # no CSRF token needed: the link is the authority
    assert done.status_code == 200
    assert "Votre abonnement est confirmé" in done.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.CONFIRMED
    assert subscriber.consent_at is not None


def test_the_answer_is_the_same_for_a_new_a_waiting_and_a_confirmed_address(
    client, smtp, settings, subscribe
):
    settings.NEWSLETTER_RESEND_MINUTES = 10
    SubscriberFactory(email="known@example.org")
    answers = [subscribe(email) for email in ("new@example.org", "new@example.org", "known@example.org")]
    assert {(answer.status_code, answer.content) for answer in answers} == {(202, answers[0].content)}
    # One mail to the new address (the repeat comes too soon), none to the confirmed one.
    assert len(smtp.inbox.to("new@example.org")) == 1
    assert smtp.inbox.to("known@example.org") == []
    assert Subscriber.objects.get(email="known@example.org").status == SubscriberStatus.CONFIRMED


def test_the_address_is_kept_in_lower_case_once(client, smtp, subscribe):
    subscribe("Amina@Example.ORG")
    subscribe("amina@example.org ")
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["amina@example.org"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": "not an address", "language": "en", "consent": True}, "email"),
        ({"email": "a@example.org", "language": "de", "consent": True}, "language"),
        ({"email": "a@example.org", "language": "en", "consent": False}, "consent"),
        ({"email": "a@example.org", "language": "en"}, "consent"),
        ({"email": "a@example.org", "language": "en", "consent": True, "topics": ["<script>"]}, "topics"),
        ({"email": "a@example.org", "language": "en", "consent": True, "topics": ["country:XXX"]}, "topics"),
        (
            {"email": "a@example.org", "language": "en", "consent": True, "topics": ["theme:cooking"]},
            "topics",
        ),
        (
            {"email": "a@example.org", "language": "en", "consent": True, "time_zone": "Mars/Olympus"},
            "time_zone",
        ),
    ],
)
def test_bad_input_is_refused_with_the_field_named(client, smtp, upr_vocabularies, body, field):
    response = client.post(SUBSCRIBE + "?locale=en", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert field in response.json()["errors"]
    assert Subscriber.objects.count() == 0
    assert smtp.inbox.snapshot() == []


def test_a_body_that_is_not_json_gets_the_error_body(client):
    response = client.post(SUBSCRIBE, "{not json", content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()) == {"status", "code", "message", "errors"}
    assert client.post(SUBSCRIBE, "x", content_type="text/plain").status_code == 415
    assert client.post(SUBSCRIBE, "[1]", content_type="application/json").status_code == 400


def test_the_form_gives_the_consent_wording_in_the_language_asked(client):
    answer = client.get(SUBSCRIBE, {"locale": "fr"}).json()
    assert answer["consent_text"].startswith("Je souhaite recevoir")
    assert answer["languages"] == ["en", "fr", "rw"]


def test_subscriptions_are_rate_limited_per_client(client, smtp, settings, subscribe):
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "newsletter_subscribe": "2/h"}
    assert [subscribe(f"r{n}@example.org").status_code for n in range(3)] == [202, 202, 429]
    third = subscribe("r9@example.org")
    assert third.json()["code"] == "rate_limited" and int(third["Retry-After"]) > 0


def test_an_expired_or_changed_link_confirms_nothing(client, smtp, settings, monkeypatch, subscribe):
    subscribe()
    link = confirmation_link(smtp, "amina@example.org")
    token = link.split("/")[-2]
    assert client.post(link[:-3] + "x/").status_code == 400
    answer = client.post(
        "/api/v2/newsletter/confirmations/",
        {"token": token[:-1] + ("B" if token.endswith("A") else "A")},
        content_type="application/json",
    )
    assert answer.status_code == 400 and answer.json()["code"] == "invalid_token"

    later = time.time() + settings.NEWSLETTER_CONFIRM_HOURS * 3600 + 5
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    assert "Ce lien a expiré" in client.get(link).content.decode()
    answer = client.post(
        "/api/v2/newsletter/confirmations/", {"token": token}, content_type="application/json"
    )
    assert answer.status_code == 400 and answer.json()["code"] == "expired_token"
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING


def test_confirming_through_the_api(client, smtp, subscribe):
    subscribe(language="en")
    token = confirmation_link(smtp, "amina@example.org").split("/")[-2]
    answer = client.post(
        "/api/v2/newsletter/confirmations/", {"token": token}, content_type="application/json"
    )
    assert answer.status_code == 200 and answer.json()["status"] == "confirmed"
    assert Subscriber.objects.get().status == SubscriberStatus.CONFIRMED


def test_pending_addresses_whose_link_expired_are_deleted(client, smtp, settings, subscribe):
    subscribe()
    settings.NEWSLETTER_CONFIRM_HOURS = -1
    call_command("purge_newsletter_pending")
    assert Subscriber.objects.count() == 0


def test_the_subscriber_list_is_for_editors_with_the_permission(client, django_user_model):
    SubscriberFactory(email="listed@example.org")
    url = reverse("wagtailsnippets_newsletter_subscriber:list")
    editor = django_user_model.objects.create_user(username="editor", password="x", is_staff=True)
    client.force_login(editor)
    assert b"listed@example.org" not in client.get(url).content
    admin = django_user_model.objects.create_superuser(username="boss", password="x", email="b@example.org")
    client.force_login(admin)
    assert b"listed@example.org" in client.get(url).content
    export = client.get(url, {"export": "csv"})
    assert export.status_code == 200 and b"listed@example.org" in b"".join(export.streaming_content)


def test_the_form_offers_the_vocabularies_topics_in_the_readers_language(client, upr_vocabularies):
    topics = client.get(SUBSCRIBE + "?locale=fr").json()["topics"]
    by_code = {topic["code"]: topic for topic in topics}
    assert by_code["country:RWA"] == {"code": "country:RWA", "kind": "country", "name": "Rwanda"}
    assert by_code["country:CHE"]["name"] == "Suisse"
    assert by_code["theme:freedom-of-the-press"]["kind"] == "theme"
    # Each one can be sent back as it is given.
    assert {topic["kind"] for topic in topics} >= {"country", "theme"}


def test_an_unknown_topic_is_named_in_the_error(client, upr_vocabularies):
    body = {
        "email": "a@example.org",
        "language": "en",
        "consent": True,
        "topics": ["country:RWA", "theme:cooking"],
    }
    response = client.post(SUBSCRIBE + "?locale=en", body, content_type="application/json")
    assert response.status_code == 400
    [message] = response.json()["errors"]["topics"]
    assert "theme:cooking" in message and "country:RWA" not in message
