"""The newsletter's background work: confirmation mails, and sending an edition (``sender.py``)."""

from background import task
from background.retry import EMAIL, TRANSIENT, Retry

from .models import Subscriber, SubscriberStatus
from .sender import MailServerUnavailable

# An edition's sending is retried when the mail server or the database is away; deliveries deferred by a
# temporary refusal (4xx) are picked up by a follow-up run scheduled for their time (sender.py).
SENDING = Retry(max_attempts=10, on=(*TRANSIENT, MailServerUnavailable), backoff=30, max_backoff=1800)


@task(queue_name="urgent", retry=EMAIL)
def send_confirmation(subscriber_id):
    """The mail with the confirmation link, if the address still waits for it."""
    from .mails import confirmation_message

    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=SubscriberStatus.PENDING).first()
    if subscriber is None:
        return False
    confirmation_message(subscriber).send()
    return True


@task(queue_name="bulk", retry=SENDING)
def send_edition(edition_id):
    """Send an edition to every recipient not yet sent to, in batches, at most NEWSLETTER_SEND_RATE a second."""
    from .sender import send

    return send(edition_id)
