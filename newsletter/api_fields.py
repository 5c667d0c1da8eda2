"""Serializers of the newsletter endpoints (``api.py``): what they are sent and what they answer."""

from rest_framework import serializers

from django.conf import settings
from django.utils.translation import gettext_lazy as _

# A topic is a vocabulary and a code: a programme kind, a state (ISO 3166 alpha-3) or a theme.
TOPIC_PATTERN = r"^(programme-kind|country|theme):[A-Za-z0-9_-]{1,60}$"
MAX_TOPICS = 30


class SubscriptionSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254, help_text=_("The address to send the newsletter to."))
    language = serializers.ChoiceField(
        choices=[code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES],
        help_text=_("The language of the newsletter and of the mails."),
    )
    topics = serializers.ListField(
        child=serializers.RegexField(TOPIC_PATTERN, max_length=80),
        required=False,
        default=list,
        max_length=MAX_TOPICS,
        help_text=_("Optional: topics of interest, e.g. country:RWA, theme:freedom-of-expression."),
    )
    consent = serializers.BooleanField(
        help_text=_("True: the person agrees with `consent_text` of the form (GET), shown beside it.")
    )

    def validate_consent(self, value):
        if value is not True:
            raise serializers.ValidationError(_("The newsletter is sent only with your consent."))
        return value


class SubscriptionFormSerializer(serializers.Serializer):
    consent_text = serializers.CharField(help_text=_("The wording to show beside the consent box."))
    languages = serializers.ListField(child=serializers.CharField())
    topic_pattern = serializers.CharField()
    confirm_hours = serializers.IntegerField(help_text=_("How long a confirmation link works."))

    class Meta:
        additional_properties = False


class MessageSerializer(serializers.Serializer):
    message = serializers.CharField()

    class Meta:
        additional_properties = False


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=500, help_text=_("The token of the link in the mail."))


class TokenResultSerializer(serializers.Serializer):
    # Not an enum: "status" is the name of the legal-aid case's enum in the schema.
    status = serializers.RegexField(r"^(confirmed|unsubscribed)$", help_text=_("confirmed or unsubscribed"))
    message = serializers.CharField()

    class Meta:
        additional_properties = False
