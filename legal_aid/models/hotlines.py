from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from upr.api_fields import VocabularyField
from upr.models import source_rows

phone_number = RegexValidator(
    r"^\+?[0-9][0-9 ().-]{4,30}$",
    _("Enter a phone number with its country code, e.g. +250 788 000 000."),
)


class HotlineContact(TranslatableMixin, Orderable):
    """A number or address a journalist in trouble can reach, listed on the legal-assistance page."""

    page = ParentalKey("legal_aid.LegalAidIndexPage", on_delete=models.CASCADE, related_name="hotlines")
    label = models.CharField(
        _("label"), max_length=255, help_text=_("Who answers, e.g. “Legal hotline for journalists”.")
    )
    phone = models.CharField(
        _("phone"),
        max_length=32,
        blank=True,
        validators=[phone_number],
        help_text=_("With the country code, e.g. +250 788 000 000."),
    )
    messaging_number = models.CharField(
        _("WhatsApp/Signal number"),
        max_length=32,
        blank=True,
        validators=[phone_number],
        help_text=_("The number to write to on WhatsApp or Signal, with the country code."),
    )
    email = models.EmailField(_("email"), blank=True)
    hours = models.CharField(
        _("hours"),
        max_length=255,
        blank=True,
        help_text=_(
            "When someone answers, with the time zone, e.g. “Monday to Friday, 8:00–17:00 (Kigali)”."
        ),
    )
    available_24_7 = models.BooleanField(
        _("available 24/7"), default=False, help_text=_("Someone answers at any hour, every day.")
    )
    country = models.ForeignKey(
        "upr.Country",
        verbose_name=_("country"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to=source_rows,
        help_text=_("The country this contact covers. Leave empty if it helps anywhere."),
    )

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("hours"),
        SynchronizedField("phone"),
        SynchronizedField("messaging_number"),
        SynchronizedField("email"),
        SynchronizedField("available_24_7"),
        SynchronizedField("country"),
    ]

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("messaging_number"), FieldPanel("email")]),
        FieldRowPanel([FieldPanel("hours"), FieldPanel("available_24_7")]),
        FieldPanel("country"),
    ]

    api_fields = [
        APIField("label"),
        APIField("phone"),
        APIField("messaging_number"),
        APIField("email"),
        APIField("hours"),
        APIField("available_24_7"),
        APIField("country", serializer=VocabularyField("countries", many=False)),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("hotline contact")
        verbose_name_plural = _("hotline contacts")

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if not (self.phone or self.messaging_number or self.email):
            raise ValidationError(
                _("Give at least a phone number, a WhatsApp/Signal number or an email address.")
            )
