"""The newsletter's background work: confirmation mails, and sending an edition (``sender.py``); and
the two actions that queue it (a subscription, an edition started from the admin)."""

from django.db import transaction

from background import enqueue_on_commit, task
from background.retry import EMAIL, TRANSIENT, Retry

from . import services
from .mails import confirmation_message
from .models import Edition, Subscriber, SubscriberStatus
from .sender import MailServerUnavailable, create_edition, next_run, send

# An edition's sending is retried when the mail server or the database is away; deliveries deferred by a
# temporary refusal (4xx) are picked up by a follow-up run scheduled for their time (sender.py).
SENDING = Retry(max_attempts=10, on=(*TRANSIENT, MailServerUnavailable), backoff=30, max_backoff=1800)


@task(queue_name="urgent", retry=EMAIL)
def send_confirmation(subscriber_id):
    """The mail with the confirmation link, if the address still waits for it."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=SubscriberStatus.PENDING).first()
    if subscriber is None:
        return False
    confirmation_message(subscriber).send()
    return True


@task(queue_name="bulk", retry=SENDING)
def send_edition(edition_id):
    """Send an edition to every recipient not yet sent to, in batches, at most NEWSLETTER_SEND_RATE a second;
    a follow-up run at the time what remains comes due."""
    result = send(edition_id)
    edition = Edition.objects.filter(pk=edition_id).first()
    when = next_run(edition) if edition is not None else None
    if when is not None and send_edition.get_backend().supports_defer:
        send_edition.using(run_after=when).enqueue(edition_id)
    return result


def subscribe(email, language, topics=(), *, time_zone=""):
    """A subscription recorded (``services.subscribe``), its confirmation mail queued on commit when one is due."""
    with transaction.atomic():
        subscriber_id = services.subscribe(email, language, topics, time_zone=time_zone)
        if subscriber_id is not None:
            enqueue_on_commit(send_confirmation, subscriber_id)


def start_edition(page, *, fallback=False, user=None):
    """The edition of ``page`` with one delivery per recipient, its sending queued on commit."""
    with transaction.atomic():
        edition = create_edition(page, fallback=fallback, user=user)
        enqueue_on_commit(send_edition, edition.pk)
    return edition
