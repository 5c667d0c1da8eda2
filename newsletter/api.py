"""The newsletter through the API: /api/v2/newsletter/…

* ``GET  subscriptions/?locale=fr``  what the form shows: the consent wording, the languages, topics
* ``POST subscriptions/``            ``{"email", "language", "topics", "consent": true}``: always 202, the
  same answer whether the address is new, waiting or already confirmed (nothing is told of it)
* ``POST confirmations/``            ``{"token"}`` of the link in the confirmation mail
* ``POST unsubscriptions/``          ``{"token"}`` of the unsubscribe link of an issue

On the API's contract (one error body in the request's language; throttle scopes
``newsletter_subscribe`` and ``newsletter_link`` per client, hashed), for the public site's servers or
a front end on another origin: no session, so no CSRF token.
"""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import viewsets
from rest_framework.parsers import FormParser, JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from django.conf import settings
from django.urls import path
from django.utils.translation import gettext as _

from api.contract import APIError, PublicFormMixin, content_languages
from api.openapi import locale_parameter
from api.throttling import BurstThrottle, ClientThrottle, SustainedThrottle

from . import services, tasks, tokens, topics
from .api_fields import (
    TOPIC_PATTERN,
    MessageSerializer,
    SubscriptionFormSerializer,
    SubscriptionSerializer,
    TokenResultSerializer,
    TokenSerializer,
)
from .models import Subscriber


def _error(description):
    return OpenApiResponse(response={"$ref": "#/components/schemas/Error"}, description=description)


LOCALE = locale_parameter("The language of the consent wording and of messages.")
RATE_LIMITED = _error("Too many requests from this connection: wait for the seconds of `Retry-After`.")
INVALID = "The body is not valid (`errors` by field), or `locale` is not a content language."


class NewsletterAPIViewSet(PublicFormMixin, viewsets.ViewSet):
    """Mounted in the API router at /api/v2/newsletter/."""

    model = Subscriber  # what the router asks of every endpoint
    authentication_classes = ()
    permission_classes = (AllowAny,)
    parser_classes = (JSONParser, FormParser)
    # The form by the anonymous rates of every read; the rest by their own scopes too.
    throttle_classes = (BurstThrottle, SustainedThrottle, ClientThrottle)
    throttle_scopes = {
        "subscribe": "newsletter_subscribe",
        "confirm": "newsletter_link",
        "unsubscribe": "newsletter_link",
    }

    @property
    def throttle_scope(self):
        return self.throttle_scopes.get(getattr(self, "action", None))

    def _valid(self, serializer_class, request):
        if not isinstance(request.data, dict):
            raise APIError(400, "malformed", _("Send a JSON object."))
        serializer = serializer_class(data=request.data)
        if not serializer.is_valid():
            errors = {
                key: [str(message) for message in messages] if isinstance(messages, list) else [str(messages)]
                for key, messages in serializer.errors.items()
            }
            raise APIError(400, "invalid", _("Some of the data sent is not valid."), errors)
        return serializer.validated_data

    @extend_schema(
        operation_id="newsletter_subscription_form",
        summary="What the subscription form shows",
        tags=["newsletter"],
        parameters=[LOCALE],
        responses={
            200: SubscriptionFormSerializer,
            400: _error("`locale` is not a content language."),
            429: RATE_LIMITED,
        },
    )
    def form(self, request):
        answer = {
            "consent_text": services.consent_text(self.language),
            "languages": content_languages(),
            "topics": topics.choices(self.language or settings.LANGUAGE_CODE),
            "topic_pattern": TOPIC_PATTERN,
            "confirm_hours": settings.NEWSLETTER_CONFIRM_HOURS,
        }
        return Response(SubscriptionFormSerializer(answer).data)

    @extend_schema(
        operation_id="newsletter_subscribe",
        summary="Ask for the newsletter: a confirmation link is mailed to the address",
        description="The same answer whatever the address's state: new, waiting for confirmation, or "
        "already subscribed (which is sent nothing). Nothing is sent before the owner clicks the link.",
        tags=["newsletter"],
        parameters=[LOCALE],
        request={
            "application/json": SubscriptionSerializer,
            "application/x-www-form-urlencoded": SubscriptionSerializer,
        },
        responses={
            202: MessageSerializer,
            400: _error(INVALID),
            415: _error("The body is not JSON or a form."),
            429: RATE_LIMITED,
        },
    )
    def subscribe(self, request):
        data = self._valid(SubscriptionSerializer, request)
        tasks.subscribe(data["email"], data["language"], data["topics"], time_zone=data["time_zone"])
        message = _(
            "Thank you. If this address can receive the newsletter, a message is on its way to it: "
            "open the link it holds to confirm."
        )
        return Response(MessageSerializer({"message": message}).data, status=202)

    def _with_token(self, request, purpose):
        data = self._valid(TokenSerializer, request)
        try:
            return tokens.read_token(data["token"], purpose)
        except tokens.InvalidToken as error:
            if error.expired:
                raise APIError(400, "expired_token", _("This link has expired: subscribe again.")) from None
            raise APIError(400, "invalid_token", _("This link is not valid (or no longer).")) from None

    @extend_schema(
        operation_id="newsletter_confirm",
        summary="Confirm a subscription with the token of the confirmation mail",
        tags=["newsletter"],
        parameters=[LOCALE],
        request={"application/json": TokenSerializer, "application/x-www-form-urlencoded": TokenSerializer},
        responses={
            200: TokenResultSerializer,
            400: _error("The token is missing, not valid (`invalid_token`) or expired (`expired_token`)."),
            415: _error("The body is not JSON or a form."),
            429: RATE_LIMITED,
        },
    )
    def confirm(self, request):
        subscriber = self._with_token(request, tokens.CONFIRM)
        if not services.confirm(subscriber):
            raise APIError(400, "invalid_token", _("This link is not valid (or no longer)."))
        return Response({"status": "confirmed", "message": services.status_message("confirmed")})

    @extend_schema(
        operation_id="newsletter_unsubscribe",
        summary="Unsubscribe with the token of an issue's unsubscribe link",
        tags=["newsletter"],
        parameters=[LOCALE],
        request={"application/json": TokenSerializer, "application/x-www-form-urlencoded": TokenSerializer},
        responses={
            200: TokenResultSerializer,
            400: _error("The token is missing or not valid (`invalid_token`)."),
            415: _error("The body is not JSON or a form."),
            429: RATE_LIMITED,
        },
    )
    def unsubscribe(self, request):
        services.unsubscribe(self._with_token(request, tokens.UNSUBSCRIBE))
        return Response({"status": "unsubscribed", "message": services.status_message("unsubscribed")})

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("subscriptions/", cls.as_view({"get": "form", "post": "subscribe"}), name="subscriptions"),
            path("confirmations/", cls.as_view({"post": "confirm"}), name="confirmations"),
            path("unsubscriptions/", cls.as_view({"post": "unsubscribe"}), name="unsubscriptions"),
        ]
