"""The newsletter's background work: confirmation mails."""

from background import task
from background.retry import EMAIL

from .models import Subscriber, SubscriberStatus


@task(queue_name="urgent", retry=EMAIL)
def send_confirmation(subscriber_id):
    """The mail with the confirmation link, if the address still waits for it."""
    from .mails import confirmation_message

    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=SubscriberStatus.PENDING).first()
    if subscriber is None:
        return False
    confirmation_message(subscriber).send()
    return True
