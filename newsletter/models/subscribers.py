"""Who receives the newsletter: an address, a language, topics, a time zone, a consent and a status;
nothing else."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
    BOUNCED = "bounced", _("Address rejected")


class Subscriber(models.Model):
    """One address. Its consent is the wording shown with the form, and when it was given: the request
    while the address waits for confirmation, then the click that confirmed it."""

    email = models.EmailField(_("email address"), max_length=254, unique=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.WAGTAIL_CONTENT_LANGUAGES)
    topics = models.JSONField(_("topics"), default=list, blank=True)
    # The reader's own, for the times of events; empty: each event in its own time zone.
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        default="",
        help_text=_("Where the reader lives (e.g. Africa/Kigali): events' times are shown in it."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=SubscriberStatus.choices, default=SubscriberStatus.PENDING
    )
    consent_at = models.DateTimeField(_("consent given"))
    consent_text = models.TextField(_("consent wording shown"))

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        indexes = [models.Index(fields=["status", "language"])]
        permissions = [("export_subscriber", "Can export the subscriber list")]

    def __str__(self):
        return self.email
