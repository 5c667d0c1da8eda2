from .sending import Delivery, DeliveryStatus, Edition, EditionStatus
from .subscribers import Subscriber, SubscriberStatus

__all__ = [
    "Delivery",
    "DeliveryStatus",
    "Edition",
    "EditionStatus",
    "Subscriber",
    "SubscriberStatus",
]
