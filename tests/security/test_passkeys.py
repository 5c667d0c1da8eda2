"""Passkeys beside the authenticator app: the relying party from the admin's address, a passkey counting as a
factor, removal by its owner and reset by a superuser, both audited."""

import importlib.util

import pytest
from django_otp_webauthn.models import WebAuthnCredential

from django.conf import settings as django_settings
from django.core.checks import run_checks

from legal_aid.models import AuditEntry

from .helpers import give_app, give_passkey, sign_in, totp_code

BASE_SETTINGS = django_settings.BASE_DIR / "cms" / "settings" / "base.py"


def base_settings(monkeypatch, **environ):
    """cms/settings/base.py read afresh under these environment variables."""
    for name in (
        "WAGTAILADMIN_BASE_URL",
        "OTP_WEBAUTHN_RP_ID",
        "OTP_WEBAUTHN_RP_NAME",
        "OTP_WEBAUTHN_ALLOWED_ORIGINS",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location("base_settings_probe", BASE_SETTINGS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_relying_party_is_the_admins_address(monkeypatch):
    s = base_settings(
        monkeypatch, WAGTAILADMIN_BASE_URL="https://cms.example.org", WAGTAIL_SITE_NAME="Rights CMS"
    )
    assert s.OTP_WEBAUTHN_RP_ID == "cms.example.org"
    assert s.OTP_WEBAUTHN_ALLOWED_ORIGINS == ["https://cms.example.org"]
    assert s.OTP_WEBAUTHN_RP_NAME == "Rights CMS"
    assert s.OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN is False


def test_a_port_stays_in_the_origin_and_a_laptops_loopback_address_becomes_localhost(monkeypatch):
    s = base_settings(monkeypatch, WAGTAILADMIN_BASE_URL="https://cms.example.org:8443/")
    assert (s.OTP_WEBAUTHN_RP_ID, s.OTP_WEBAUTHN_ALLOWED_ORIGINS) == (
        "cms.example.org",
        ["https://cms.example.org:8443"],
    )
    s = base_settings(monkeypatch, WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000")
    assert (s.OTP_WEBAUTHN_RP_ID, s.OTP_WEBAUTHN_ALLOWED_ORIGINS) == ("localhost", ["http://localhost:8000"])


def test_the_environment_overrides_the_relying_party(monkeypatch):
    s = base_settings(
        monkeypatch,
        WAGTAILADMIN_BASE_URL="https://cms.example.org",
        OTP_WEBAUTHN_RP_ID="example.org",
        OTP_WEBAUTHN_RP_NAME="Example",
        OTP_WEBAUTHN_ALLOWED_ORIGINS="https://cms.example.org,https://admin.example.org",
    )
    assert s.OTP_WEBAUTHN_RP_ID == "example.org"
    assert s.OTP_WEBAUTHN_RP_NAME == "Example"
    assert s.OTP_WEBAUTHN_ALLOWED_ORIGINS == ["https://cms.example.org", "https://admin.example.org"]


def test_an_origin_that_is_not_secure_fails_the_checks(settings):
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = ["http://cms.example.org"]
    assert "otp_webauthn.E031" in {error.id for error in run_checks()}
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = ["https://cms.example.org"]
    assert "otp_webauthn.E031" not in {error.id for error in run_checks()}


@pytest.mark.django_db
def test_a_legal_team_member_with_only_a_passkey_has_a_factor(client, lawyer, factors_required):
    give_passkey(lawyer)
    sign_in(client, "lawyer")
    response = client.get("/admin/legal-aid/cases/")
    # Sent to the second step, not to the enrolment; the page offers the passkey and asks no code.
    assert response["Location"].startswith("/admin/account/verify/")
    page = client.get(response["Location"]).content.decode()
    assert 'id="passkey-verification-button"' in page
    assert 'name="code"' not in page
    # The passkey API of the second step is open to this session; the registration is not.
    assert client.post("/admin/account/passkeys/authentication/begin/").status_code == 200
    assert client.post("/admin/account/passkeys/registration/begin/")["Location"].startswith(
        "/admin/account/verify/"
    )


@pytest.mark.django_db
def test_the_enrolment_offers_a_passkey(client, lawyer, factors_required):
    sign_in(client, "lawyer")
    page = client.get("/admin/account/two-step/set-up/").content.decode()
    assert 'id="passkey-register-button"' in page
    assert 'id="otp_webauthn_config" type="application/json"' in page
    assert client.post("/admin/account/passkeys/registration/begin/").status_code == 200


@pytest.mark.django_db
def test_a_person_renames_and_removes_their_passkey_audited(client, editor, lawyer):
    other = give_passkey(lawyer, "Someone's key")
    passkey = give_passkey(editor, "Old name")
    client.force_login(editor)
    session = client.session
    session["otp_device_id"] = passkey.persistent_id  # signed in with it
    session.save()
    page = client.get("/admin/account/two-step/").content.decode()
    assert 'value="Old name"' in page

    answer = client.post(
        "/admin/account/two-step/",
        {"action": "rename-passkey", "passkey": passkey.pk, "name": "  Blue   key "},
        follow=True,
    )
    assert "The passkey was renamed." in answer.content.decode()
    passkey.refresh_from_db()
    assert passkey.name == "Blue key"
    for bad in ("", "x" * 65):
        answer = client.post(
            "/admin/account/two-step/",
            {"action": "rename-passkey", "passkey": passkey.pk, "name": bad},
            follow=True,
        )
        assert answer.status_code == 200
        assert "name" in answer.content.decode()
    for wrong in ("abc", other.pk, ""):
        answer = client.post(
            "/admin/account/two-step/", {"action": "remove-passkey", "passkey": wrong}, follow=True
        )
        assert "This passkey is not yours, or was removed." in answer.content.decode()
    assert WebAuthnCredential.objects.count() == 2

    answer = client.post(
        "/admin/account/two-step/", {"action": "remove-passkey", "passkey": passkey.pk}, follow=True
    )
    assert "The passkey Blue key was removed." in answer.content.decode()
    assert not WebAuthnCredential.objects.filter(pk=passkey.pk).exists()
    entry = AuditEntry.objects.get(action="factor_removed")
    assert (entry.username, entry.detail) == ("editor", "passkey 'Blue key'")


@pytest.mark.django_db
def test_a_superusers_reset_removes_passkeys_too(client, lawyer, superuser, factors_required):
    give_passkey(lawyer)
    give_passkey(lawyer, "Spare key")
    admin = client
    give_app(superuser)
    sign_in(admin, "boss")
    from django_otp.plugins.otp_totp.models import TOTPDevice

    admin.post("/admin/account/verify/", {"code": totp_code(TOTPDevice.objects.get(user=superuser))})
    listing = admin.get("/admin/accounts/second-factors/").content.decode()
    assert f"/admin/accounts/second-factors/{lawyer.pk}/reset/" in listing
    assert admin.post(f"/admin/accounts/second-factors/{lawyer.pk}/reset/").status_code == 302
    assert not WebAuthnCredential.objects.filter(user=lawyer).exists()
    assert AuditEntry.objects.filter(action="factor_reset", username="boss", detail="account lawyer").exists()


@pytest.mark.django_db
def test_a_refusal_reported_by_the_browser_needs_a_challenge_and_is_audited(client, lawyer, factors_required):
    give_passkey(lawyer)
    sign_in(client, "lawyer")
    assert (
        client.post(
            "/admin/account/passkeys/authentication/refused/", {"reason": "NotAllowedError"}
        ).status_code
        == 400
    )
    assert not AuditEntry.objects.filter(action="factor_failed").exists()
    client.post("/admin/account/passkeys/authentication/begin/")
    assert (
        client.post(
            "/admin/account/passkeys/authentication/refused/", {"reason": "NotAllowedError"}
        ).status_code
        == 200
    )
    entry = AuditEntry.objects.get(action="factor_failed")
    assert entry.detail == "account lawyer, passkey: NotAllowedError"
    # The challenge is gone: an answer to it now is refused (and written down too).
    answer = client.post(
        "/admin/account/passkeys/authentication/complete/", "{}", content_type="application/json"
    )
    assert answer.status_code == 400
    assert AuditEntry.objects.filter(action="factor_failed").count() == 2
    assert client.get("/admin/legal-aid/cases/")["Location"].startswith("/admin/account/verify/")
