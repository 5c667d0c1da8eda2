"""2,000 recipients, the real worker killed in the middle of the sending and started again: every
recipient gets one copy, save at most the one message the killed worker had in flight, which goes
again with the same Message-ID; a refused address is marked."""

import collections
import signal

import pytest

from newsletter.factories import confirmed_subscribers
from newsletter.models import Delivery, DeliveryStatus, Edition, EditionStatus, Subscriber, SubscriberStatus
from newsletter.tasks import start_edition
from publications.factories import NewsletterPageFactory
from tests.support.worker import start_worker, stop_worker, wait_for

pytestmark = pytest.mark.django_db(transaction=True)

RECIPIENTS = 2000
REJECTED = "rejected@example.org"


@pytest.fixture
def sink(sink):
    sink.inbox.refuse = {REJECTED: "550 5.1.1 No such mailbox"}
    return sink


def worker(sink, log):
    return start_worker(
        settings_module="tests.support.worker_settings",
        log=log,
        EMAIL_PORT=str(sink.port),
        NEWSLETTER_SEND_RATE="400",
        NEWSLETTER_BATCH_SIZE="50",
        NEWSLETTER_CLAIM_SECONDS="2",
        BACKGROUND_LEASE_SECONDS="2",
        BACKGROUND_HEARTBEAT_SECONDS="0.5",
        # SQLite may answer "database is locked" to a write between two processes: retried, soon.
        BACKGROUND_RETRY_BACKOFF_SCALE="0.05",
    )


def test_a_killed_worker_resumes_the_sending_and_nobody_gets_two_different_copies(
    database_queue, sink, news_index, tmp_path
):
    confirmed_subscribers(RECIPIENTS, emails=[REJECTED])
    page = NewsletterPageFactory(parent=news_index)
    page.save_revision().publish()
    edition = start_edition(page)
    assert edition.deliveries.count() == RECIPIENTS + 1

    log = (tmp_path / "worker.log").open("wb")
    first = worker(sink, log)
    try:
        wait_for(lambda: len(sink.inbox.snapshot()) >= RECIPIENTS // 3, timeout=120, message="a third sent")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        stop_worker(first)
    at_kill = len(sink.inbox.snapshot())
    assert at_kill < RECIPIENTS, "the worker was killed too late to test anything"
    marked = Delivery.objects.filter(edition=edition, status=DeliveryStatus.SENT).count()
    # What the server accepted and what is marked differ by the message in flight at most.
    assert marked <= at_kill <= marked + 1

    second = worker(sink, log)
    try:
        wait_for(
            lambda: Edition.objects.get(pk=edition.pk).status == EditionStatus.DONE,
            timeout=180,
            message=f"the edition sent (see {tmp_path / 'worker.log'})",
        )
    finally:
        stop_worker(second)

    messages = sink.inbox.snapshot()
    per_recipient = collections.Counter(address for message in messages for address in message["to"])
    assert set(per_recipient) == {f"reader{n}@example.org" for n in range(RECIPIENTS)}
    repeats = {address: count for address, count in per_recipient.items() if count > 1}
    assert len(repeats) <= 1 and all(count == 2 for count in repeats.values()), repeats
    for address in repeats:
        ids = {message["message_id"] for message in messages if address in message["to"]}
        assert len(ids) == 1, "a repeat carries the same Message-ID"
    assert len({message["message_id"] for message in messages}) == RECIPIENTS

    statuses = collections.Counter(Delivery.objects.filter(edition=edition).values_list("status", flat=True))
    assert statuses == {DeliveryStatus.SENT: RECIPIENTS, DeliveryStatus.BOUNCED: 1}
    assert Subscriber.objects.get(email=REJECTED).status == SubscriberStatus.BOUNCED
