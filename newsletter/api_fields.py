"""Serializers of the newsletter endpoints (``api.py``): what they are sent and what they answer."""

import zoneinfo

from rest_framework import serializers

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from . import topics as vocabulary

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
    time_zone = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=64,
        help_text=_(
            "Optional: the reader's time zone (IANA name, e.g. Africa/Kigali), for the times of events; "
            "each event in its own time zone without it."
        ),
    )
    consent = serializers.BooleanField(
        help_text=_("True: the person agrees with `consent_text` of the form (GET), shown beside it.")
    )

    def validate_topics(self, value):
        value = list(dict.fromkeys(vocabulary.normalise(topic) for topic in value))
        unknown = vocabulary.unknown(value)
        if unknown:
            raise serializers.ValidationError(
                _("Unknown topics: %(topics)s. The form (GET) lists every topic.")
                % {"topics": ", ".join(unknown)}
            )
        return value

    def validate_time_zone(self, value):
        if value and value not in zoneinfo.available_timezones():
            raise serializers.ValidationError(_("Not a time zone: give its IANA name, e.g. Africa/Kigali."))
        return value

    def validate_consent(self, value):
        if value is not True:
            raise serializers.ValidationError(_("The newsletter is sent only with your consent."))
        return value


class TopicSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("What to send in `topics`, e.g. country:RWA."))
    kind = serializers.ChoiceField(choices=list(vocabulary.KINDS))
    name = serializers.CharField(help_text=_("Its name in the requested language."))

    class Meta:
        additional_properties = False


class SubscriptionFormSerializer(serializers.Serializer):
    consent_text = serializers.CharField(help_text=_("The wording to show beside the consent box."))
    languages = serializers.ListField(child=serializers.CharField())
    topics = TopicSerializer(
        many=True, help_text=_("The topics one may choose: programme kinds, themes, states.")
    )
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
