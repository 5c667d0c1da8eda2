import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from .models import Subscriber, SubscriberStatus
from .services import consent_text


class SubscriberFactory(DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    language = "en"
    status = SubscriberStatus.CONFIRMED
    consent_at = factory.LazyFunction(timezone.now)
    consent_text = factory.LazyAttribute(lambda subscriber: consent_text(subscriber.language))


def confirmed_subscribers(count, *, language="en", emails=()):
    """``count`` confirmed subscribers (reader0@example.org…), and those of ``emails``, written at once."""
    now = timezone.now()
    text = consent_text(language)
    addresses = [*(f"reader{n}@example.org" for n in range(count)), *emails]
    return Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=email,
                language=language,
                status=SubscriberStatus.CONFIRMED,
                consent_at=now,
                consent_text=text,
            )
            for email in addresses
        ],
        batch_size=2000,
    )
