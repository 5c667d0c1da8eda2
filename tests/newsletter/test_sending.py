"""An edition goes out through a real SMTP server: the right parts and headers in the page's language,
one delivery per recipient, one-click unsubscribe, refused addresses marked, temporary refusals retried."""

import json

import pytest

from django.utils import translation

from newsletter.factories import SubscriberFactory
from newsletter.models import Delivery, DeliveryStatus, EditionStatus, Subscriber, SubscriberStatus
from newsletter.sender import progress
from newsletter.tasks import start_edition
from publications.factories import NewsletterPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    def start(page, **options):
        with django_capture_on_commit_callbacks(execute=True):
            return start_edition(page, **options)

    return start


@pytest.fixture
def issue(news_index, locales):
    """A published issue in English and in French (no Kinyarwanda)."""
    news = NewsPageFactory(parent=news_index, slug="trained")
    page = NewsletterPageFactory(
        parent=news_index,
        title="UPR Trax, March",
        intro="The month at a glance.",
        items=json.dumps(
            [
                {
                    "type": "story",
                    "value": {
                        "heading": "Kigali office",
                        "office": "Kigali",
                        "text": f'<p>Read <a linktype="page" id="{news.pk}">our report</a>.</p>',
                        "link": news.pk,
                    },
                },
                {
                    "type": "deadline",
                    "value": {
                        "title": "Submissions for the 50th session",
                        "date": "2026-04-10",
                        "description": "",
                        "link": "",
                    },
                },
            ]
        ),
    )
    page.save_revision().publish()
    news_index.copy_for_translation(locales["fr"]).save_revision().publish()
    french = page.copy_for_translation(locales["fr"])
    french.title, french.intro = "UPR Trax, mars", "Le mois en bref."
    french.save_revision().publish()
    return {"en": page, "fr": french.specific}


def test_a_french_edition_reaches_the_french_subscribers_with_its_parts_and_headers(
    issue, smtp, send, client, settings
):
    settings.PUBLIC_SITE_URL = "https://www.example.org"
    SubscriberFactory(email="fr@example.org", language="fr")
    SubscriberFactory(email="en@example.org", language="en")
    SubscriberFactory(email="waiting@example.org", language="fr", status=SubscriberStatus.PENDING)

    edition = send(issue["fr"])

    assert [m["To"] for m in smtp.inbox.parsed] == ["fr@example.org"]
    [message] = smtp.inbox.parsed
    assert message["Subject"].strip() == "UPR Trax, mars"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message["List-Unsubscribe"].strip().strip("<>")
    assert unsubscribe.startswith("https://news.example.org/newsletter/unsubscribe/")
    assert message["Message-ID"].startswith(f"<newsletter.{edition.pk}.")
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Le mois en bref." in text and "Le mois en bref." in html
    with translation.override("fr"):
        assert "Se désabonner" in html and unsubscribe in text
    assert 'lang="fr"' in html
    # Every link is absolute, to the public site.
    assert 'href="/' not in html
    assert "https://www.example.org/" in html
    assert progress(edition)["sent"] == 1
    edition.refresh_from_db()
    assert edition.status == EditionStatus.DONE

    # One click in the mail client, then no more mail.
    response = client.post(
        unsubscribe.removeprefix("https://news.example.org"),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert Subscriber.objects.get(email="fr@example.org").status == SubscriberStatus.UNSUBSCRIBED
    send(issue["fr"])
    assert len(smtp.inbox.parsed) == 1


def test_with_the_fallback_the_default_language_edition_reaches_languages_without_the_issue(
    issue, smtp, send
):
    SubscriberFactory(email="rw@example.org", language="rw")
    SubscriberFactory(email="fr@example.org", language="fr")
    send(issue["en"])
    assert smtp.inbox.parsed == []
    send(issue["en"], fallback=True)
    # Kinyarwanda has no translation of the issue; French has its own edition.
    assert [m["To"] for m in smtp.inbox.parsed] == ["rw@example.org"]


def test_a_refused_address_is_marked_and_the_others_still_receive(issue, smtp, send):
    smtp.inbox.refuse = {
        "gone@example.org": "550 5.1.1 No such mailbox",
        "full@example.org": "452 4.2.2 Mailbox full",
    }
    for address in ("a@example.org", "gone@example.org", "full@example.org", "b@example.org"):
        SubscriberFactory(email=address)
    edition = send(issue["en"])
    assert sorted(m["To"] for m in smtp.inbox.parsed) == ["a@example.org", "b@example.org"]
    assert Subscriber.objects.get(email="gone@example.org").status == SubscriberStatus.BOUNCED
    gone = Delivery.objects.get(subscriber__email="gone@example.org")
    assert (gone.status, gone.last_code) == (DeliveryStatus.BOUNCED, 550)
    full = Delivery.objects.get(subscriber__email="full@example.org")
    assert (full.status, full.last_code) == (DeliveryStatus.PENDING, 452)
    assert full.not_before is not None
    assert Subscriber.objects.get(email="full@example.org").status == SubscriberStatus.CONFIRMED
    assert progress(edition) | {} == {**progress(edition), "sent": 2, "bounced": 1, "pending": 1}
    # The next send of the same edition is another edition: never a second delivery row per recipient.
    assert Delivery.objects.filter(edition=edition).count() == 4


def test_a_mailbox_refused_after_data_is_marked_and_a_refused_message_is_not(issue, smtp, send):
    """Some servers accept every RCPT and refuse at the end of DATA: the enhanced status code tells an
    address that is gone (5.1.1, 5.2.1) from a message refused for its content or a policy (5.7.1)."""
    smtp.inbox.refuse_data = {
        "gone@example.org": "550 5.1.1 The email account that you tried to reach does not exist",
        "disabled@example.org": "550 5.2.1 The email account that you tried to reach is disabled",
        "spam@example.org": "550 5.7.1 Message rejected as spam",
        "later@example.org": "451 4.3.0 Try again later",
    }
    for address in ("a@example.org", *smtp.inbox.refuse_data):
        SubscriberFactory(email=address)
    edition = send(issue["en"])

    assert [m["To"] for m in smtp.inbox.parsed] == ["a@example.org"]
    status = dict(Subscriber.objects.values_list("email", "status"))
    assert status["gone@example.org"] == status["disabled@example.org"] == SubscriberStatus.BOUNCED
    assert status["spam@example.org"] == status["later@example.org"] == SubscriberStatus.CONFIRMED
    deliveries = {
        d.subscriber.email: (d.status, d.last_code) for d in Delivery.objects.select_related("subscriber")
    }
    assert deliveries["gone@example.org"] == (DeliveryStatus.BOUNCED, 550)
    assert deliveries["spam@example.org"] == (DeliveryStatus.FAILED, 550)
    assert deliveries["later@example.org"] == (DeliveryStatus.PENDING, 451)
    assert progress(edition)["bounced"] == 2


def test_a_relay_refusal_at_rcpt_marks_no_address(issue, smtp, send):
    """A mail server that refuses to relay (a configuration error) must not mark every reader bounced."""
    smtp.inbox.refuse = {"a@example.org": "554 5.7.1 Relay access denied"}
    SubscriberFactory(email="a@example.org")
    send(issue["en"])
    assert Subscriber.objects.get().status == SubscriberStatus.CONFIRMED
    assert Delivery.objects.get().status == DeliveryStatus.FAILED


def test_an_unreachable_mail_server_loses_no_delivery(issue, send, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    SubscriberFactory(email="a@example.org")
    edition = send(issue["en"])  # the task fails (and the worker would try it again later)
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENDING
    [delivery] = Delivery.objects.all()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.PENDING, 0)
