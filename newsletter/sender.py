"""Sending an edition: claim a batch of deliveries, send each, mark it; again until none is left.

What is guaranteed: a delivery is marked sent once, and a recipient is sent at most one copy, except
when a worker dies after the mail server accepted a message (SMTP 250) and before its row was marked;
that one message goes again, with the same Message-ID, so at most one repeat per worker killed (the
message it had in flight), which receiving servers and clients can recognise as the same message.

* Claiming marks a batch ``claimed`` in one transaction (``SKIP LOCKED`` on PostgreSQL, so several
  workers share an edition); a claim older than NEWSLETTER_CLAIM_SECONDS is a dead worker's, taken back.
* Each message is marked ``sent`` in its own commit right after the server's 250.
* A temporary refusal (4xx) puts the delivery back for NEWSLETTER_RETRY_SECONDS (times its attempts),
  up to NEWSLETTER_MAX_ATTEMPTS. A permanent one (5xx) to RCPT or after DATA marks the subscriber
  bounced when it says the address is wrong or gone (``address_gone``); a refusal of the message or
  of the sender (spam, policy, relaying) fails the delivery and leaves the address alone.
* The mail server away: the batch's unsent deliveries go back, and the task fails to be retried later.
* Deliveries left for later get a follow-up run of the task at their time.
"""

import hashlib
import hmac
import logging
import re
import smtplib
import time
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Min, Q
from django.utils import timezone

from . import rendering, services, tokens
from .models import (
    Delivery,
    DeliveryStatus,
    Edition,
    EditionStatus,
    SendingClock,
    Subscriber,
    SubscriberStatus,
)

logger = logging.getLogger(__name__)


class MailServerUnavailable(Exception):
    """The mail server could not be reached or dropped the connection (the task is retried)."""


def message_id(delivery):
    """The same for every attempt at one delivery, and told apart from any other by a keyed hash."""
    key = hashlib.sha256(f"newsletter.message-id:{settings.SECRET_KEY}".encode()).digest()
    digest = hmac.new(key, f"{delivery.edition_id}.{delivery.pk}".encode(), hashlib.sha256).hexdigest()[:16]
    domain = settings.NEWSLETTER_FROM_EMAIL.rpartition("@")[2].strip("> ") or "newsletter.invalid"
    return f"<newsletter.{delivery.edition_id}.{delivery.pk}.{digest}@{domain}>"


def compose(edition, rendered, delivery, subscriber, connection=None):
    unsubscribe = services.link("unsubscribe", tokens.make_token(subscriber, tokens.UNSUBSCRIBE))
    text, html = rendered.for_recipient(unsubscribe)
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=text,
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=[subscriber.email],
        connection=connection,
        headers={
            "Message-ID": message_id(delivery),
            # RFC 8058: the address a mail client POSTs "List-Unsubscribe=One-Click" to.
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"<newsletter-{edition.language}.{message_id(delivery).rpartition('@')[2][:-1]}>",
            "Auto-Submitted": "auto-generated",
            "Precedence": "bulk",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def recipients(page, fallback):
    """The confirmed subscribers an edition of ``page`` goes to: its language's, and with ``fallback``
    (for the default language's edition) those of languages the issue is not published in."""
    language = page.locale.language_code
    languages = {language}
    if fallback and language == settings.LANGUAGE_CODE:
        published = {translation.locale.language_code for translation in page.get_translations().live()}
        languages |= {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES} - published - {language}
    return Subscriber.objects.filter(status=SubscriberStatus.CONFIRMED, language__in=languages)


def create_edition(page, *, fallback=False, user=None):
    """The edition of ``page`` with one delivery per recipient (``tasks.start_edition`` queues its sending)."""
    with transaction.atomic():
        edition = Edition.objects.create(
            page=page, language=page.locale.language_code, fallback=fallback, created_by=user
        )
        ids = recipients(page, fallback).values_list("pk", flat=True).iterator(chunk_size=2000)
        batch = []
        for subscriber_id in ids:
            batch.append(Delivery(edition=edition, subscriber_id=subscriber_id))
            if len(batch) == 1000:
                Delivery.objects.bulk_create(batch)
                batch = []
        Delivery.objects.bulk_create(batch)
    return edition


def progress(edition):
    counts = dict(edition.deliveries.values_list("status").annotate(count=Count("pk")))
    return {status: counts.get(status, 0) for status in DeliveryStatus.values}


def _claimable(edition, now):
    stale = now - timedelta(seconds=settings.NEWSLETTER_CLAIM_SECONDS)
    return Delivery.objects.filter(edition=edition).filter(
        Q(status=DeliveryStatus.PENDING, not_before__isnull=True)
        | Q(status=DeliveryStatus.PENDING, not_before__lte=now)
        | Q(status=DeliveryStatus.CLAIMED, claimed_at__lt=stale)
    )


def claim(edition):
    now = timezone.now()
    with transaction.atomic():
        ids = list(
            _claimable(edition, now)
            .order_by("pk")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[: settings.NEWSLETTER_BATCH_SIZE]
        )
        Delivery.objects.filter(pk__in=ids).update(
            status=DeliveryStatus.CLAIMED, claimed_at=now, attempts=F("attempts") + 1
        )
    return list(Delivery.objects.filter(pk__in=ids).select_related("subscriber").order_by("pk"))


def _mark(delivery, status, **fields):
    """Record the outcome of a claimed delivery (in its own commit)."""
    Delivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.CLAIMED).update(status=status, **fields)


def _defer(delivery, code):
    if delivery.attempts >= settings.NEWSLETTER_MAX_ATTEMPTS:
        _mark(delivery, DeliveryStatus.FAILED, last_code=code)
        return
    wait = timedelta(seconds=settings.NEWSLETTER_RETRY_SECONDS * delivery.attempts)
    _mark(delivery, DeliveryStatus.PENDING, last_code=code, not_before=timezone.now() + wait)


def _release(deliveries):
    """Deliveries not tried after all (the mail server went away): back, their attempt not counted."""
    Delivery.objects.filter(pk__in=[d.pk for d in deliveries], status=DeliveryStatus.CLAIMED).update(
        status=DeliveryStatus.PENDING, attempts=F("attempts") - 1
    )


class Pacer:
    """At most ``rate`` messages a second for all workers together (0: no limit).

    The slots are taken from the shared SendingClock a second's worth at a time (one short
    transaction), then waited for here; a worker that dies leaves at most that second unused."""

    def __init__(self, rate):
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.block = max(1, int(rate))
        self.slots = []

    def wait(self):
        if not self.interval:
            return
        now = timezone.now()
        # A slot gone by while this worker was held up is not caught up on: never a burst.
        while self.slots and self.slots[0] < now - timedelta(seconds=self.interval):
            self.slots.pop(0)
        if not self.slots:
            first = reserve(self.block, self.interval)
            self.slots = [first + timedelta(seconds=self.interval * n) for n in range(self.block)]
        delay = (self.slots.pop(0) - timezone.now()).total_seconds()
        if delay > 0:
            time.sleep(delay)


def reserve(count, interval):
    """The first of ``count`` consecutive slots ``interval`` seconds apart, taken from the shared clock."""
    with transaction.atomic():
        clock = SendingClock.objects.select_for_update().filter(pk=1).first()
        now = timezone.now()
        if clock is None:
            try:
                with transaction.atomic():
                    SendingClock.objects.create(pk=1, next_at=now + timedelta(seconds=interval * count))
                return now
            except IntegrityError:  # another worker's first message, at the same moment
                clock = SendingClock.objects.select_for_update().get(pk=1)
        first = max(clock.next_at, now)
        clock.next_at = first + timedelta(seconds=interval * count)
        clock.save(update_fields=["next_at"])
    return first


# RFC 3463 enhanced status codes that say the recipient's address is wrong or gone (5.1.0–5.1.6,
# 5.1.10: bad mailbox, system, syntax, moved, null MX; 5.2.1: mailbox disabled), as opposed to a
# refusal of the message or of the sender (5.7.x policy, spam, relaying; 5.1.7–5.1.8 the sender's).
ADDRESS_GONE = re.compile(r"^5\.(?:1\.(?:[0-6]|10)|2\.1)(?!\d)")
# Without an enhanced code, the replies that classically mean "no such user".
ADDRESS_GONE_CODES = {550, 551, 553}


def address_gone(code, text):
    """Whether a permanent refusal (5xx) is about the recipient's address, not about the message."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    enhanced = re.match(r"\s*(\d\.\d{1,3}\.\d{1,3})\b", text or "")
    if enhanced:
        return bool(ADDRESS_GONE.match(enhanced[1]))
    return code in ADDRESS_GONE_CODES


def _bounce(delivery, subscriber, code):
    with transaction.atomic():
        _mark(delivery, DeliveryStatus.BOUNCED, last_code=code)
        Subscriber.objects.filter(pk=subscriber.pk).update(status=SubscriberStatus.BOUNCED)
    return DeliveryStatus.BOUNCED


def _refused(delivery, subscriber, code, text, *, about_recipient):
    """A refusal: the address marked when it is gone, the delivery failed when the message or the sender
    was refused for good, and put back for later when the refusal is temporary (4xx)."""
    if code >= 500:
        if about_recipient and address_gone(code, text):
            return _bounce(delivery, subscriber, code)
        _mark(delivery, DeliveryStatus.FAILED, last_code=code)
        return DeliveryStatus.FAILED
    _defer(delivery, code)
    return DeliveryStatus.PENDING


def send_one(edition, mail, delivery, connection):
    subscriber = delivery.subscriber
    if subscriber is None or subscriber.status != SubscriberStatus.CONFIRMED:
        _mark(delivery, DeliveryStatus.SKIPPED)
        return DeliveryStatus.SKIPPED
    try:
        compose(edition, mail.render(subscriber.time_zone), delivery, subscriber, connection).send()
    except smtplib.SMTPRecipientsRefused as error:  # at RCPT
        code, text = next(iter(error.recipients.values()))
        return _refused(delivery, subscriber, code, text, about_recipient=True)
    except smtplib.SMTPSenderRefused as error:  # at MAIL FROM: nothing said of the recipient
        return _refused(delivery, subscriber, error.smtp_code, error.smtp_error, about_recipient=False)
    except smtplib.SMTPResponseException as error:  # after DATA: the one recipient's mailbox, or the message
        return _refused(delivery, subscriber, error.smtp_code, error.smtp_error, about_recipient=True)
    except (smtplib.SMTPException, OSError) as error:
        raise MailServerUnavailable(str(error)) from error
    _mark(delivery, DeliveryStatus.SENT, sent_at=timezone.now(), last_code=None)
    return DeliveryStatus.SENT


def send(edition_id):
    edition = Edition.objects.select_related("page").filter(pk=edition_id).first()
    if edition is None or edition.status == EditionStatus.DONE:
        return "nothing to send"
    mail = rendering.EditionMail(edition.page.specific)
    pacer = Pacer(settings.NEWSLETTER_SEND_RATE)
    while batch := claim(edition):
        connection = get_connection()
        try:
            connection.open()
        except (smtplib.SMTPException, OSError) as error:
            _release(batch)
            raise MailServerUnavailable(str(error)) from error
        try:
            for index, delivery in enumerate(batch):
                pacer.wait()
                try:
                    send_one(edition, mail, delivery, connection)
                except MailServerUnavailable:
                    _release(batch[index:])
                    raise
        finally:
            try:
                connection.close()
            except (smtplib.SMTPException, OSError):
                logger.info("The mail server's connection was already closed.")
    return finish(edition)


def finish(edition):
    """The edition marked done when nothing remains, and its progress."""
    if next_run(edition) is None:
        Edition.objects.filter(pk=edition.pk).update(status=EditionStatus.DONE)
    return progress(edition)


def next_run(edition):
    """When a follow-up run must send what remains (deferred by a temporary refusal, or claimed by a
    worker that may have died), or None when nothing remains."""
    remaining = Delivery.objects.filter(
        edition=edition, status__in=[DeliveryStatus.PENDING, DeliveryStatus.CLAIMED]
    ).aggregate(due=Min("not_before"), claimed=Min("claimed_at"), count=Count("pk"))
    if not remaining["count"]:
        return None
    times = [remaining["due"]]
    if remaining["claimed"]:
        times.append(remaining["claimed"] + timedelta(seconds=settings.NEWSLETTER_CLAIM_SECONDS))
    return max(min(t for t in times if t), timezone.now() + timedelta(seconds=1))
