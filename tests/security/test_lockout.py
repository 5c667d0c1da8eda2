"""Repeated wrong passwords lock the account, and the address, out; an administrator can lift it; all is audited."""

import pytest

from legal_aid.models import AuditEntry

from .helpers import sign_in

pytestmark = pytest.mark.django_db


def test_the_right_password_after_too_many_wrong_ones_is_refused_with_a_clear_message(
    client, editor, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, "editor", "wrong")
        assert response.status_code == 200  # the form again, with its error
    response = sign_in(client, "editor", "wrong")
    assert response.status_code == 429
    response = sign_in(client, "editor")  # the right password, too late
    assert response.status_code == 429
    text = response.content.decode()
    assert "Too many failed sign-ins" in text
    assert f"{settings.AXES_COOLOFF_MINUTES} minutes" in text
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # still signed out

    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions.count("login_failed") >= settings.AXES_FAILURE_LIMIT
    assert "lockout" in actions
    assert "login" not in actions


def test_an_account_is_locked_whatever_the_address(client, editor, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editor", "wrong", REMOTE_ADDR=f"198.51.100.{number + 1}")
    assert sign_in(client, "editor", REMOTE_ADDR="203.0.113.9").status_code == 429


def test_an_address_is_locked_whatever_the_account(client, editor, lawyer, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"nobody{number}", "wrong", REMOTE_ADDR="198.51.100.7")
    assert sign_in(client, "lawyer", REMOTE_ADDR="198.51.100.7").status_code == 429
    # Another address is not concerned.
    assert sign_in(client, "lawyer", REMOTE_ADDR="198.51.100.8").status_code == 302


def test_a_superuser_sees_the_lockout_and_lifts_it(client, editor, superuser, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editor", "wrong", REMOTE_ADDR="198.51.100.7")
    admin = type(client)()
    admin.force_login(superuser)
    listing = admin.get("/admin/accounts/lockouts/")
    assert listing.status_code == 200
    assert 'data-locked="editor"' in listing.content.decode()
    assert 'data-locked="198.51.100.7"' in listing.content.decode()

    response = admin.post("/admin/accounts/lockouts/unlock/", {"username": "editor"})
    assert response.status_code == 302
    assert 'data-locked="editor"' not in admin.get("/admin/accounts/lockouts/").content.decode()
    assert sign_in(client, "editor", REMOTE_ADDR="203.0.113.9").status_code == 302
    entry = AuditEntry.objects.get(action="unlock")
    assert entry.username == "boss"
    assert entry.detail == "account editor"


def test_only_superusers_see_or_lift_lockouts(client, editor, lawyer):
    client.force_login(lawyer)
    assert client.get("/admin/accounts/lockouts/").status_code in (302, 403)
    assert client.post("/admin/accounts/lockouts/unlock/", {"username": "editor"}).status_code in (302, 403)
    assert not AuditEntry.objects.filter(action="unlock").exists()


def test_a_successful_sign_in_is_audited_without_the_password(client, editor):
    assert sign_in(client, "editor", "wrong").status_code == 200
    assert sign_in(client, "editor").status_code == 302
    failed = AuditEntry.objects.get(action="login_failed")
    assert failed.detail == "account editor"
    assert "wrong" not in failed.detail
    assert AuditEntry.objects.get(action="login").username == "editor"
