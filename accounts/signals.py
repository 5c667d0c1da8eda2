"""Sign-ins, failed sign-ins, lockouts and password changes written to the audit log."""

import time

from axes.signals import user_locked_out

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import pre_save
from django.dispatch import receiver

from accounts import audit
from accounts.middleware import LAST_SEEN, SIGNED_IN_AT


@receiver(user_logged_in, dispatch_uid="accounts.signed_in")
def signed_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[SIGNED_IN_AT] = now
        request.session[LAST_SEEN] = now
    audit.record(user, audit.Action.LOGIN, "password")


@receiver(user_login_failed, dispatch_uid="accounts.sign_in_failed")
def sign_in_failed(sender, credentials, request=None, **kwargs):
    # Django has already replaced the password by asterisks; only the account name is kept.
    audit.record(None, audit.Action.LOGIN_FAILED, f"account {credentials.get('username', '')}")


@receiver(user_locked_out, dispatch_uid="accounts.locked_out")
def locked_out(sender, request, username, ip_address, **kwargs):
    audit.record(None, audit.Action.LOCKOUT, f"account {username or ''}, address {ip_address or ''}")


@receiver(pre_save, sender=get_user_model(), dispatch_uid="accounts.password_changed")
def password_changed(sender, instance, raw=False, update_fields=None, **kwargs):
    """A new password ends every other session by itself (Django's session hash); it is written down here."""
    if raw or instance.pk is None or (update_fields is not None and "password" not in update_fields):
        return
    old = sender.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    if old is not None and old != instance.password:
        audit.record(instance, audit.Action.PASSWORD, f"account {instance.get_username()}")
