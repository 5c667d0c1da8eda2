"""Subscribing, confirming, unsubscribing and erasing: what the API, the pages and the admin call.

``subscribe`` answers nothing: whether the address was new, waiting or confirmed, the caller says the
same. A confirmed address is sent no mail; a waiting one at most one every NEWSLETTER_RESEND_MINUTES.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Delivery, Subscriber, SubscriberStatus

CONSENT_TEXT = gettext_lazy(
    "I want to receive the newsletter by e-mail at this address, in the language I chose. "
    "My address is used for nothing else, and I can unsubscribe at any time with the link in every issue."
)


def consent_text(language):
    with translation.override(language):
        return str(CONSENT_TEXT)


def normalise(email):
    return email.strip().lower()


def subscribe(email, language, topics=(), *, time_zone=""):
    """Record the request; the id of the subscriber to send the confirmation mail to, or None when none
    is due (the address is confirmed, or was sent one a moment ago). ``tasks.subscribe`` queues it."""
    email, now = normalise(email), timezone.now()
    wording = consent_text(language)
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
        if subscriber is None:
            try:
                with transaction.atomic():
                    subscriber = Subscriber.objects.create(
                        email=email,
                        language=language,
                        topics=list(topics),
                        time_zone=time_zone,
                        consent_at=now,
                        consent_text=wording,
                    )
            except IntegrityError:  # the same address, at the same moment, from another request
                return None
        elif (
            subscriber.status == SubscriberStatus.CONFIRMED
            or subscriber.status == SubscriberStatus.PENDING
            and subscriber.consent_at > now - timedelta(minutes=settings.NEWSLETTER_RESEND_MINUTES)
        ):
            return None
        else:
            subscriber.language, subscriber.topics, subscriber.time_zone = language, list(topics), time_zone
            subscriber.status, subscriber.consent_at, subscriber.consent_text = (
                SubscriberStatus.PENDING,
                now,
                wording,
            )
            subscriber.save()
    return subscriber.pk


def confirm(subscriber):
    """True if the subscription is (now) confirmed; False if it is no longer waiting (unsubscribed since)."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status == SubscriberStatus.CONFIRMED:
            return True
        if subscriber.status != SubscriberStatus.PENDING:
            return False
        subscriber.status, subscriber.consent_at = SubscriberStatus.CONFIRMED, timezone.now()
        subscriber.save(update_fields=["status", "consent_at"])
    return True


def unsubscribe(subscriber):
    """No more mail to this address (repeating it changes nothing)."""
    Subscriber.objects.filter(pk=subscriber.pk).exclude(status=SubscriberStatus.BOUNCED).update(
        status=SubscriberStatus.UNSUBSCRIBED
    )


def erase(email):
    """Delete the address and everything that named it; its deliveries stay, counted, with no one in them.
    Returns whether there was such an address."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email=normalise(email)).first()
        if subscriber is None:
            return False
        Delivery.objects.filter(subscriber=subscriber).update(subscriber=None)
        subscriber.delete()
    return True


def purge_pending():
    """Delete the addresses never confirmed whose confirmation link has expired. Returns how many."""
    limit = timezone.now() - timedelta(hours=settings.NEWSLETTER_CONFIRM_HOURS)
    deleted, _rows = Subscriber.objects.filter(status=SubscriberStatus.PENDING, consent_at__lt=limit).delete()
    return deleted


def link(kind, token):
    """The address of a confirmation or unsubscribe page (``kind``: confirm, unsubscribe)."""
    return f"{settings.NEWSLETTER_LINKS_URL}/newsletter/{kind}/{token}/"


def status_message(status):
    return {
        "confirmed": _("Your subscription is confirmed. Thank you!"),
        "unsubscribed": _("You are unsubscribed: you will receive no more newsletters."),
    }[status]
