"""The mails of a subscription: the confirmation request, in the subscriber's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from . import services, tokens


def confirmation_message(subscriber):
    context = {
        "confirm_url": services.link("confirm", tokens.make_token(subscriber, tokens.CONFIRM)),
        "hours": settings.NEWSLETTER_CONFIRM_HOURS,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "language": subscriber.language,
    }
    with translation.override(subscriber.language):
        message = EmailMultiAlternatives(
            subject=_("Confirm your subscription to the newsletter"),
            body=render_to_string("newsletter/email/confirm.txt", context),
            from_email=settings.NEWSLETTER_FROM_EMAIL,
            to=[subscriber.email],
            headers={"Auto-Submitted": "auto-generated"},
        )
        message.attach_alternative(render_to_string("newsletter/email/confirm.html", context), "text/html")
    return message
