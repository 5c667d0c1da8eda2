"""The admin's gatekeepers: session lifetimes, the second factor, and the Permissions-Policy header."""

import time

from csp.middleware import CSPMiddleware
from django_otp import user_has_device

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts import passkeys
from accounts.policy import factor_required, session_limits

SIGNED_IN_AT = "accounts.signed_in_at"
LAST_SEEN = "accounts.last_seen"
# The last request is written to the session at most this often (seconds).
LAST_SEEN_PRECISION = 30

# Pages a signed-in person reaches before the second factor.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    # What those pages load: the icons and the admin's translations.
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
}
VERIFY_URL_NAME = "accounts_verify"
# And, only to one who has no factor yet, the enrolment.
ENROL_URL_NAMES = {"accounts_enrol"}
# Admin pages of ours, without inline scripts: they keep the strict policy (no 'unsafe-inline').
STRICT_URL_NAMES = {VERIFY_URL_NAME, *ENROL_URL_NAMES}


def _admin_prefix():
    return reverse("wagtailadmin_home")


def _url_name(request):
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None, None
    return match.url_name, match.namespace


class SessionLimitsMiddleware:
    """Ends a session idle for too long, or older than its absolute lifetime (shorter for the Legal team)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            now = time.time()
            idle, absolute = session_limits(user)
            session = request.session
            signed_in_at = session.setdefault(SIGNED_IN_AT, now)
            last_seen = session.get(LAST_SEEN, signed_in_at)
            if now - signed_in_at > absolute.total_seconds():
                return self._end(request, _("Your session has ended: sign in again."))
            if now - last_seen > idle.total_seconds():
                return self._end(
                    request,
                    _("Your session ended after %(minutes)s minutes without activity: sign in again.")
                    % {"minutes": int(idle.total_seconds() // 60)},
                )
            _name, namespace = _url_name(request)
            # The page editor's "who else is editing" ping is not activity of the person.
            if namespace != "wagtailadmin_editing_sessions" and now - last_seen >= LAST_SEEN_PRECISION:
                session[LAST_SEEN] = now
        return self.get_response(request)

    def _end(self, request, message):
        logout(request)
        if request.path.startswith(_admin_prefix()):
            messages.warning(request, message)
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        return self.get_response(request)


class SecondFactorMiddleware:
    """In the admin, a session that has not passed a second factor reaches only the pages that lead to it.

    A person with a factor is sent to the verification; one without, who must have one
    (accounts.policy.factor_required), to the enrolment, and reaches nothing else.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.gate(request) or self.get_response(request)

    def gate(self, request):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if not request.path.startswith(_admin_prefix()):
            return None
        name, namespace = _url_name(request)
        passkey_api = namespace == passkeys.NAMESPACE
        if name in OPEN_URL_NAMES or (passkey_api and name in passkeys.OPEN_URL_NAMES):
            return None
        if user_has_device(user):
            if name == VERIFY_URL_NAME or (passkey_api and name in passkeys.AUTHENTICATION_URL_NAMES):
                return None
            return self._to(VERIFY_URL_NAME, request)
        if factor_required(user):
            if name in ENROL_URL_NAMES or (passkey_api and name in passkeys.REGISTRATION_URL_NAMES):
                return None
            return self._to("accounts_enrol", request)
        return None

    def _to(self, url_name, request):
        url = reverse(url_name)
        if request.method == "GET":
            url += "?" + urlencode({"next": request.get_full_path()})
        return redirect(url)


class PermissionsPolicyMiddleware:
    """The Permissions-Policy header (PERMISSIONS_POLICY) on every answer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy (CONTENT_SECURITY_POLICY) everywhere; in Wagtail's admin, inline scripts too.

    Wagtail 8's admin still writes some scripts inline (the date and date-time pickers of its forms,
    among others), with field ids in them, so no fixed hash allows them: the admin needs
    'unsafe-inline' for scripts. The API, its documentation pages, every other answer, and our own
    sign-in steps (STRICT_URL_NAMES: the second factor's pages, passkeys included) keep scripts from
    this origin only.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            request.path.startswith(_admin_prefix())
            and not report_only
            and _url_name(request)[0] not in STRICT_URL_NAMES
        ):
            update = dict(parts.update or {})
            update["script-src"] = [*update.get("script-src", []), "'unsafe-inline'"]
            parts.update = update
        return parts
