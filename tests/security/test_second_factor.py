"""The second factor: required for superusers and the Legal team, optional for editors, enforceable for all."""

import re

import pytest
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from legal_aid.models import AuditEntry

from .helpers import give_app, sign_in, totp_code

pytestmark = pytest.mark.django_db

ADMIN_SCREENS = ["/admin/", "/admin/pages/", "/admin/legal-aid/cases/", "/admin/account/", "/admin/users/"]


@pytest.mark.parametrize("who", ["lawyer", "superuser"])
def test_a_privileged_person_without_a_factor_reaches_only_the_enrolment(
    client, who, request, factors_required
):
    user = request.getfixturevalue(who)
    assert sign_in(client, user.username).status_code == 302
    for url in ADMIN_SCREENS:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/account/two-step/set-up/"), url
    assert client.get("/admin/account/two-step/set-up/").status_code == 200
    # Nor can they reach their own factors' page or another person's.
    assert client.get("/admin/account/two-step/").status_code == 302
    assert client.get("/admin/accounts/second-factors/").status_code == 302


def test_an_editor_may_go_without_a_factor(client, editor, factors_required):
    sign_in(client, "editor")
    assert client.get("/admin/pages/").status_code == 200


def test_a_setting_requires_it_of_everyone(client, editor, settings):
    settings.TWO_FACTOR_REQUIRED = "all"
    sign_in(client, "editor")
    response = client.get("/admin/pages/")
    assert response["Location"].startswith("/admin/account/two-step/set-up/")


def enrol(client):
    page = client.get("/admin/account/two-step/set-up/").content.decode()
    assert "<svg" in page  # the QR code
    secret = re.search(r"<code data-secret>([A-Z2-7 ]+)</code>", page).group(1)
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post("/admin/account/two-step/set-up/", {"code": totp_code(device), "next": "/admin/"})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", response.content.decode())
    return secret, codes


def test_enrolment_gives_access_and_recovery_codes_and_is_audited(client, lawyer, factors_required):
    sign_in(client, "lawyer")
    secret, codes = enrol(client)
    assert len(secret.replace(" ", "")) == 32
    assert len(codes) == 10
    assert response_ok(client, "/admin/legal-aid/cases/")
    assert AuditEntry.objects.filter(action="factor_added", username="lawyer").exists()


def response_ok(client, url):
    return client.get(url).status_code == 200


def test_a_wrong_code_at_enrolment_sets_nothing_up(client, lawyer, factors_required):
    sign_in(client, "lawyer")
    client.get("/admin/account/two-step/set-up/")
    response = client.post("/admin/account/two-step/set-up/", {"code": "000000"})
    assert "This code is not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert client.get("/admin/pages/").status_code == 302


def test_signing_in_with_a_factor_asks_for_its_code(client, editor):
    device = give_app(editor)
    sign_in(client, "editor")
    response = client.get("/admin/pages/")
    assert response["Location"].startswith("/admin/account/verify/")
    # Nothing of the admin, not even the enrolment of another factor, before the code.
    assert client.get("/admin/account/two-step/set-up/")["Location"].startswith("/admin/account/verify/")

    wrong = client.post("/admin/account/verify/", {"code": "123456", "next": "/admin/pages/"})
    assert "This code is not right" in wrong.content.decode()
    assert AuditEntry.objects.filter(action="factor_failed").exists()
    device.refresh_from_db()
    device.throttling_failure_count = 0  # the throttle's wait is tested below
    device.throttling_failure_timestamp = None
    device.save()

    right = client.post("/admin/account/verify/", {"code": totp_code(device), "next": "/admin/pages/"})
    assert right["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200
    assert AuditEntry.objects.filter(action="factor_ok", detail="authenticator app").exists()


def test_wrong_codes_are_throttled(client, editor):
    device = give_app(editor)
    sign_in(client, "editor")
    client.post("/admin/account/verify/", {"code": "111111"})
    # Right away, even the right code waits for the throttle.
    response = client.post("/admin/account/verify/", {"code": totp_code(device)})
    assert "Too many wrong codes" in response.content.decode()
    assert client.get("/admin/pages/").status_code == 302


def test_a_recovery_code_works_once(client, lawyer, factors_required):
    sign_in(client, "lawyer")
    _secret, codes = enrol(client)
    client.post("/admin/logout/")
    sign_in(client, "lawyer")
    response = client.post("/admin/account/verify/", {"code": codes[0], "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert StaticToken.objects.filter(device__user=lawyer).count() == 9
    client.post("/admin/logout/")
    sign_in(client, "lawyer")
    again = client.post("/admin/account/verify/", {"code": codes[0]})
    assert "This code is not right" in again.content.decode()


def test_a_superuser_resets_a_lost_factor_with_an_audit_entry(client, lawyer, superuser, factors_required):
    give_app(lawyer)
    sign_in(client, "lawyer")
    client.post("/admin/account/verify/", {"code": totp_code(TOTPDevice.objects.get(user=lawyer))})
    assert client.get("/admin/legal-aid/cases/").status_code == 200

    admin = type(client)()
    give_app(superuser)
    sign_in(admin, "boss")
    admin.post("/admin/account/verify/", {"code": totp_code(TOTPDevice.objects.get(user=superuser))})
    listing = admin.get("/admin/accounts/second-factors/").content.decode()
    assert 'data-account="lawyer"' in listing
    assert admin.post(f"/admin/accounts/second-factors/{lawyer.pk}/reset/").status_code == 302

    assert not TOTPDevice.objects.filter(user=lawyer).exists()
    entry = AuditEntry.objects.get(action="factor_reset")
    assert (entry.username, entry.detail) == ("boss", "account lawyer")
    # The lawyer's session ended; signing in again leads to the enrolment.
    assert client.get("/admin/legal-aid/cases/")["Location"].startswith("/admin/login/")
    sign_in(client, "lawyer")
    assert client.get("/admin/")["Location"].startswith("/admin/account/two-step/set-up/")


def test_only_superusers_reset_factors(client, lawyer, editor):
    give_app(lawyer)
    client.force_login(editor)
    assert client.get("/admin/accounts/second-factors/").status_code in (302, 403)
    assert client.post(f"/admin/accounts/second-factors/{lawyer.pk}/reset/").status_code in (302, 403)
    assert TOTPDevice.objects.filter(user=lawyer).exists()
