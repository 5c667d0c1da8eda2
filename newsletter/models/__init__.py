from .sending import Delivery, DeliveryStatus, Edition, EditionStatus, SendingClock
from .subscribers import Subscriber, SubscriberStatus

__all__ = [
    "Delivery",
    "DeliveryStatus",
    "Edition",
    "EditionStatus",
    "SendingClock",
    "Subscriber",
    "SubscriberStatus",
]
