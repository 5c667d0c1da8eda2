"""NEWSLETTER_SEND_RATE holds for every worker together: two real workers, each sending its own edition
(the English and the French one of an issue) at the same time, stay within the rate between them."""

import pytest

from newsletter.factories import confirmed_subscribers
from newsletter.models import Edition, EditionStatus
from newsletter.tasks import start_edition
from publications.factories import NewsletterPageFactory
from tests.support.worker import start_worker, stop_worker, wait_for

pytestmark = pytest.mark.django_db(transaction=True)

RATE = 20
PER_EDITION = 60


def worker(sink, log):
    return start_worker(
        settings_module="tests.support.worker_settings",
        log=log,
        EMAIL_PORT=str(sink.port),
        NEWSLETTER_SEND_RATE=str(RATE),
        NEWSLETTER_BATCH_SIZE="20",
        BACKGROUND_RETRY_BACKOFF_SCALE="0.05",
    )


def test_two_workers_share_the_rate(database_queue, sink, news_index, locales, tmp_path):
    confirmed_subscribers(PER_EDITION, language="en")
    confirmed_subscribers(0, language="fr", emails=[f"lecteur{n}@example.org" for n in range(PER_EDITION)])
    english = NewsletterPageFactory(parent=news_index)
    english.save_revision().publish()
    news_index.copy_for_translation(locales["fr"]).save_revision().publish()
    french = english.copy_for_translation(locales["fr"])
    french.save_revision().publish()
    editions = [start_edition(english), start_edition(french.specific)]

    log = (tmp_path / "workers.log").open("wb")
    workers = [worker(sink, log), worker(sink, log)]
    try:
        wait_for(
            lambda: all(Edition.objects.get(pk=e.pk).status == EditionStatus.DONE for e in editions),
            timeout=120,
            message=f"both editions sent (see {tmp_path / 'workers.log'})",
        )
    finally:
        for process in workers:
            stop_worker(process)

    times = sink.inbox.times
    assert len(times) == 2 * PER_EDITION
    # The two editions went out side by side (two workers), not one after the other.
    languages = ["fr" if "lecteur" in message["To"] else "en" for message in sink.inbox.parsed]
    switches = sum(1 for a, b in zip(languages, languages[1:], strict=False) if a != b)
    assert switches >= 3, f"the editions were not sent at the same time: {languages}"
    # Together, never more than the rate in any second (one each side for the clocks' edges).
    busiest = max(sum(1 for t in times if start <= t < start + 1) for start in times)
    assert busiest <= RATE + 2, busiest
    span = times[-1] - times[0]
    assert span >= 0.9 * (len(times) - 1) / RATE, f"{len(times)} messages in {span:.1f} s"
