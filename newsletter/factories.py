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
