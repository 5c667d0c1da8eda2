"""Passkeys and security keys (WebAuthn, from django-otp-webauthn) as a second factor.

The library's views do the ceremonies; these subclasses write them to the audit log, and a new
passkey, like any change of a person's factors, ends their other sessions. A passkey is only ever a
second factor: signing in without the password is off (OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN).
"""

import json

from django_otp_webauthn import views as webauthn_views
from django_otp_webauthn.models import WebAuthnCredential
from django_otp_webauthn.urls import urlpatterns as webauthn_urlpatterns

from django.contrib.auth import update_session_auth_hash
from django.http import JsonResponse
from django.urls import include, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import audit

NAMESPACE = "otp_webauthn"
NAME_MAX_LENGTH = WebAuthnCredential._meta.get_field("name").max_length
AUTHENTICATION_STATE = "otp_webauthn_authentication_state"
# The library's URL names a session that still owes its second factor may reach.
AUTHENTICATION_URL_NAMES = {
    "credential-authentication-begin",
    "credential-authentication-complete",
    "refused",
}
# And those that one without any factor may reach, to enrol a passkey.
REGISTRATION_URL_NAMES = {"credential-registration-begin", "credential-registration-complete"}
OPEN_URL_NAMES = {"js-i18n-catalog"}


def passkeys_of(user):
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("created_at", "pk")


def _own(user, pk):
    """One of ``user``'s passkeys by its number as a form sends it, or None."""
    pk = str(pk or "")
    if not pk.isdigit():
        return None
    return passkeys_of(user).filter(pk=int(pk)).first()


def label(passkey):
    return f"passkey {passkey.name!r}"


def rename(request, pk, name):
    """Give one of the person's passkeys a name; returns an error message, or None."""
    name = " ".join((name or "").split())
    if not name:
        return _("Give the passkey a name.")
    if len(name) > NAME_MAX_LENGTH:
        return _("A passkey's name has at most %(max)s characters.") % {"max": NAME_MAX_LENGTH}
    passkey = _own(request.user, pk)
    if passkey is None:
        return _("This passkey is not yours, or was removed.")
    passkey.name = name
    passkey.save(update_fields=["name"])
    return None


def remove(request, pk):
    """Remove one of the person's passkeys; returns the removed passkey, or None."""
    passkey = _own(request.user, pk)
    if passkey is None:
        return None
    passkey.delete()
    if request.session.get("otp_device_id") == passkey.persistent_id:
        request.session.pop("otp_device_id", None)
    request.user.end_all_sessions()
    update_session_auth_hash(request, request.user)
    audit.record(request.user, audit.Action.FACTOR_REMOVED, label(passkey))
    return passkey


def delete_all(user):
    WebAuthnCredential.objects.filter(user=user).delete()


class CompleteRegistrationView(webauthn_views.CompleteCredentialRegistrationView):
    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        passkey = WebAuthnCredential.objects.get(pk=response_id(response))
        self.request.user.end_all_sessions()
        update_session_auth_hash(self.request, self.request.user)
        audit.record(self.request.user, audit.Action.FACTOR_ADDED, label(passkey))
        return response


class CompleteAuthenticationView(webauthn_views.CompleteCredentialAuthenticationView):
    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        _record_refusal(self.request, getattr(exc, "code", "error"))
        return response

    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        passkey = self.request.user.otp_device
        audit.record(self.request.user, audit.Action.FACTOR_OK, label(passkey))
        return response


def _record_refusal(request, reason):
    user = request.user if request.user.is_authenticated else None
    account = user.get_username() if user else ""
    audit.record(user, audit.Action.FACTOR_FAILED, f"account {account}, passkey: {reason}")


@require_POST
def refused(request):
    """The browser reports a passkey sign-in that did not reach the server (no key, no matching
    passkey, cancelled): written to the audit log, and the pending challenge is dropped."""
    if not request.user.is_authenticated or request.session.pop(AUTHENTICATION_STATE, None) is None:
        return JsonResponse({"detail": _("No passkey sign-in is under way."), "code": "no_state"}, status=400)
    reason = "".join(c for c in request.POST.get("reason", "") if c.isalnum() or c in "-_")[:40]
    _record_refusal(request, reason or "refused by the browser")
    return JsonResponse({"recorded": True})


def response_id(response):
    return json.loads(response.content)["id"]


def urlpatterns():
    """The library's URLs (its namespace, which its scripts' configuration reverses), with ours in place."""
    replaced = {
        "credential-registration-complete": CompleteRegistrationView.as_view(),
        "credential-authentication-complete": CompleteAuthenticationView.as_view(),
    }
    patterns = [
        path(str(pattern.pattern), replaced.get(pattern.name, pattern.callback), name=pattern.name)
        for pattern in webauthn_urlpatterns
    ]
    patterns.append(path("authentication/refused/", refused, name="refused"))
    return [path("account/passkeys/", include((patterns, NAMESPACE)))]
