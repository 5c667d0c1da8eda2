"""Editions (a newsletter issue sent in one language) and their deliveries, one per recipient."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EditionStatus(models.TextChoices):
    SENDING = "sending", _("Sending")
    DONE = "done", _("Sent")


class Edition(models.Model):
    """An issue sent in the language of its page, to that language's confirmed subscribers (and, with
    ``fallback``, to those of languages the issue is not published in)."""

    page = models.ForeignKey("publications.NewsletterPage", on_delete=models.PROTECT, related_name="+")
    language = models.CharField(max_length=8, choices=settings.WAGTAIL_CONTENT_LANGUAGES)
    fallback = models.BooleanField(default=False)
    status = models.CharField(max_length=16, choices=EditionStatus.choices, default=EditionStatus.SENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("newsletter edition")

    def __str__(self):
        return f"{self.page_id} ({self.language})"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    CLAIMED = "claimed", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    BOUNCED = "bounced", _("Rejected")
    SKIPPED = "skipped", _("Not sent (unsubscribed meanwhile)")


class Delivery(models.Model):
    """One recipient of one edition. The address is read from the subscriber, never copied here:
    erasing a subscriber leaves a row without anyone in it."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        "newsletter.Subscriber", null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    status = models.CharField(max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    not_before = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The SMTP reply code of the last failure (e.g. 451, 550): never its text, which may hold the address.
    last_code = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "subscriber"], name="newsletter_one_delivery_per_recipient"
            )
        ]
        indexes = [models.Index(fields=["edition", "status"])]

    def __str__(self):
        return f"{self.edition_id}/{self.pk} ({self.status})"


class SendingClock(models.Model):
    """The moment the next message of any edition may go, shared by every worker: each takes the next
    slot in one short transaction, so NEWSLETTER_SEND_RATE holds for all workers together. One row."""

    next_at = models.DateTimeField()

    class Meta:
        verbose_name = _("newsletter sending clock")

    def __str__(self):
        return f"next message at {self.next_at:%Y-%m-%d %H:%M:%S.%f}"
