"""The newsletter's send rate: recipients per second through an SMTP sink on loopback (aiosmtpd).

An edition of a NewsletterPage to BENCH_RECIPIENTS confirmed subscribers (default 2,000), sent by the
same code the worker runs (newsletter.sender.send: claim a batch, send each message over one SMTP
connection, mark each sent), with no rate limit (NEWSLETTER_SEND_RATE=0) so that the figure is the
sender's own ceiling; then with the batch sizes of BENCH_BATCH_SIZES (default 20,100,500); then once
with the limit BENCH_RATE (default 50 a second, taken from the clock all workers share) to show that
the limit holds and what the shared clock costs.
On a throw-away PostgreSQL database (bench/support.py).
"""

import logging
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from support import REPO, create_database, drop_database, migrate, setup_django

RECIPIENTS = int(os.environ.get("BENCH_RECIPIENTS", "2000"))
BATCH_SIZES = [int(size) for size in os.environ.get("BENCH_BATCH_SIZES", "20,100,500").split(",")]
RATE = float(os.environ.get("BENCH_RATE", "50"))


def main():
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every command
    database = create_database("cms_bench_newsletter")
    try:
        setup_django(database)
        migrate()
        run()
    finally:
        from django.db import connections

        connections.close_all()
        drop_database(database)


def run():
    sys.path.insert(0, str(REPO))
    from django.conf import settings

    from locales.translation import ensure_site_root_translations
    from newsletter.factories import confirmed_subscribers
    from newsletter.sender import create_edition, send
    from publications.factories import NewsIndexPageFactory, NewsletterPageFactory
    from tests.support.site_tree import ensure_base_tree
    from tests.support.smtp import SMTPSink

    home = ensure_base_tree()
    ensure_site_root_translations(home)
    page = NewsletterPageFactory(
        parent=NewsIndexPageFactory(parent=home), title="UPR Trax", intro="The month."
    )
    page.save_revision().publish()
    confirmed_subscribers(RECIPIENTS)
    sink = SMTPSink().start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
    settings.NEWSLETTER_SEND_RATE = 0
    print(f"{RECIPIENTS} recipients, SMTP sink on loopback, no rate limit")
    try:
        for batch_size in BATCH_SIZES:
            settings.NEWSLETTER_BATCH_SIZE = batch_size
            received = len(sink.inbox.snapshot())
            edition = create_edition(page)  # no task queued: the sending is timed here
            started = time.perf_counter()
            result = send(edition.pk)
            elapsed = time.perf_counter() - started
            got = len(sink.inbox.snapshot()) - received
            assert result["sent"] == RECIPIENTS == got, (result, got)
            print(f"batch {batch_size:>4}: {elapsed:6.2f} s, {RECIPIENTS / elapsed:7.1f} recipients/s")
        settings.NEWSLETTER_SEND_RATE, settings.NEWSLETTER_BATCH_SIZE = RATE, 100
        edition = create_edition(page)
        started = time.perf_counter()
        result = send(edition.pk)
        elapsed = time.perf_counter() - started
        assert result["sent"] == RECIPIENTS, result
        print(
            f"limit {RATE:g}/s (shared clock), batch 100: {elapsed:6.2f} s, "
            f"{RECIPIENTS / elapsed:7.1f} recipients/s ({RECIPIENTS / elapsed / RATE:.0%} of the limit)"
        )
    finally:
        sink.stop()


if __name__ == "__main__":
    main()
