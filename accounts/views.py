"""The admin's second-factor pages (verification, enrolment, the person's own factors) and the superusers'
screens for other people's factors and for sign-in lockouts."""

from datetime import timedelta

from axes.models import AccessAttempt
from axes.utils import reset as axes_reset

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts import audit, factors, passkeys
from accounts.forms import AppCodeForm, CodeForm
from accounts.policy import factor_required


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


@never_cache
def verify(request):
    """The second step of signing in."""
    if request.user.is_verified():
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = factors.verify(request, form.cleaned_data["code"])
        if outcome.accepted:
            if outcome.used_recovery_code:
                messages.warning(
                    request,
                    _("You signed in with a recovery code; %(left)s are left. Make new ones in your account.")
                    % {"left": factors.recovery_codes_left(request.user)},
                )
            return redirect(_next_url(request))
        if outcome.throttled:
            form.add_error(None, _("Too many wrong codes: wait a minute, then try again."))
        else:
            form.add_error("code", _("This code is not right, or was already used."))
    user = request.user
    return render(
        request,
        "accounts/verify.html",
        {
            "form": form,
            "next": _next_url(request),
            "passkeys": passkeys.passkeys_of(user).exists(),
            "codes": factors.confirmed_app(user) is not None or factors.recovery_codes_left(user) > 0,
        },
    )


@never_cache
def enrol(request):
    """Set up an authenticator app: QR code (and the key as text), then a code from the app."""
    user = request.user
    if factors.confirmed_app(user) is not None:
        messages.info(request, _("You already have an authenticator app. Remove it first to set up another."))
        return redirect("accounts_security")
    device = factors.pending_app(user)
    form = AppCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = factors.confirm_app(request, device, form.cleaned_data["code"])
        if codes is not None:
            return _no_store(
                render(request, "accounts/recovery_codes.html", {"codes": codes, "next": _next_url(request)})
            )
        form.add_error(
            "code", _("This code is not right. Check the time on your phone, and type the newest code.")
        )
    return _no_store(
        render(
            request,
            "accounts/enrol.html",
            {
                "form": form,
                "qr_code": factors.qr_code_svg(device),
                "secret": factors.secret_text(device),
                "required": factor_required(user),
                "next": _next_url(request),
            },
        )
    )


@never_cache
def security(request):
    """The person's own second factors, from their account page."""
    user = request.user
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "new-codes" and factors.confirmed_app(user) is not None:
            codes = factors.new_recovery_codes(request)
            return _no_store(
                render(
                    request,
                    "accounts/recovery_codes.html",
                    {"codes": codes, "next": reverse("accounts_security")},
                )
            )
        if action == "remove":
            factors.remove_all(request)
            messages.success(request, _("Your authenticator app and recovery codes were removed."))
            return redirect("accounts_security")
        if action == "rename-passkey":
            error = passkeys.rename(request, request.POST.get("passkey"), request.POST.get("name"))
            if error:
                messages.error(request, error)
            else:
                messages.success(request, _("The passkey was renamed."))
            return redirect("accounts_security")
        if action == "remove-passkey":
            removed = passkeys.remove(request, request.POST.get("passkey"))
            if removed is None:
                messages.error(request, _("This passkey is not yours, or was removed."))
            else:
                messages.success(request, _("The passkey %(name)s was removed.") % {"name": removed.name})
            return redirect("accounts_security")
        return redirect("accounts_security")
    return render(
        request,
        "accounts/security.html",
        {
            "app": factors.confirmed_app(user),
            "codes_left": factors.recovery_codes_left(user),
            "passkeys": passkeys.passkeys_of(user),
            "passkey_name_max_length": passkeys.NAME_MAX_LENGTH,
            "required": factor_required(user),
        },
    )


def _superuser_only(request):
    if not request.user.is_superuser:
        raise PermissionDenied


@never_cache
def staff_factors(request):
    """Superusers: who has a second factor, who must; reset someone's (lost phone)."""
    _superuser_only(request)
    User = get_user_model()
    users = User.objects.filter(is_active=True).order_by("username")
    rows = [
        {
            "user": user,
            "app": factors.confirmed_app(user),
            "codes_left": factors.recovery_codes_left(user),
            "passkeys": passkeys.passkeys_of(user).count(),
            "required": factor_required(user),
        }
        for user in users
    ]
    return render(request, "accounts/staff_factors.html", {"rows": rows})


@require_POST
def reset_factors(request, pk):
    _superuser_only(request)
    user = get_object_or_404(get_user_model(), pk=pk)
    factors.reset_for(request.user, user)
    messages.success(
        request,
        _(
            "The second factors of %(name)s were removed and their sessions ended; they enrol again at their next sign-in."
        )
        % {"name": user.get_username()},
    )
    return redirect("accounts_staff_factors")


def locked(parameter):
    """Accounts (or addresses) whose failures reach the limit within the cool-off time: [(value, failures, last)]."""
    since = timezone.now() - timedelta(minutes=settings.AXES_COOLOFF_MINUTES)
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=since)
        .exclude(**{f"{parameter}__isnull": True})
        .values(parameter)
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last")
    )
    return [(row[parameter], row["failures"], row["last"]) for row in rows]


@never_cache
def lockouts(request):
    """Superusers: the accounts and addresses locked out now; lift a lockout."""
    _superuser_only(request)
    return render(
        request,
        "accounts/lockouts.html",
        {
            "accounts": locked("username"),
            "addresses": locked("ip_address"),
            "limit": settings.AXES_FAILURE_LIMIT,
            "cooloff_minutes": settings.AXES_COOLOFF_MINUTES,
        },
    )


@require_POST
def unlock(request):
    _superuser_only(request)
    username = request.POST.get("username", "")
    address = request.POST.get("ip_address", "")
    if username:
        axes_reset(username=username)
        audit.record(request.user, audit.Action.UNLOCK, f"account {username}")
        messages.success(request, _("The account %(name)s may sign in again.") % {"name": username})
    elif address:
        axes_reset(ip=address)
        audit.record(request.user, audit.Action.UNLOCK, f"address {address}")
        messages.success(request, _("The address %(address)s may sign in again.") % {"address": address})
    return redirect("accounts_lockouts")


def locked_out(request, original_response=None, credentials=None):
    """The answer to a sign-in refused by a lockout (AXES_LOCKOUT_CALLABLE): what happened and what to do."""
    return render(
        request,
        "accounts/locked_out.html",
        {"cooloff_minutes": settings.AXES_COOLOFF_MINUTES},
        status=429,
    )
