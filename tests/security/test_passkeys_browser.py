"""In Chromium, with virtual authenticators (the DevTools protocol's WebAuthn domain): a Legal team member
enrols a passkey, names it, signs in again with password and passkey; a key that holds no passkey of theirs
is refused, and the refusal is in the audit log. No page reports a Content-Security-Policy violation."""

import pytest
from playwright.sync_api import expect

from legal_aid.models import AuditEntry

from .test_browser import sign_in, violations, watched  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def relying_party(settings, live_server):
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    settings.OTP_WEBAUTHN_TIMEOUT_SECONDS = 10


def add_authenticator(page):
    """A platform authenticator (like a laptop's fingerprint reader) that holds passkeys and verifies
    its user; returns the DevTools session and the authenticator's id."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable", {"enableUI": False})
    answer = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    return cdp, answer["authenticatorId"]


# Scripts written into the page (not from a file, not JSON data).
INLINE_SCRIPTS = "[...document.scripts].filter(s => !s.src && s.type !== 'application/json').length"


def assert_strict_policy(page, response):
    """Our own sign-in pages: no inline script, and a policy that would block one."""
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert page.evaluate(INLINE_SCRIPTS) == 0


def credentials(cdp, authenticator_id):
    return cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator_id})["credentials"]


def sign_out(page):
    page.context.clear_cookies()


def test_passkey_enrolment_sign_in_and_refusal(live_server, watched, lawyer, factors_required, relying_party):  # noqa: F811
    page, base = watched, live_server.url
    cdp, first_key = add_authenticator(page)

    # No factor yet: the enrolment offers a passkey; the key makes one, and the admin opens.
    with page.expect_response(lambda r: "/admin/account/two-step/set-up/" in r.url) as enrolment:
        sign_in(page, base, "lawyer")
    page.wait_for_url(f"{base}/admin/account/two-step/set-up/**")
    assert_strict_policy(page, enrolment.value)
    page.click("#passkey-register-button")
    page.wait_for_url(f"{base}/admin/")
    assert len(credentials(cdp, first_key)) == 1
    assert AuditEntry.objects.filter(
        action="factor_added", username="lawyer", detail__startswith="passkey"
    ).exists()

    # The person's page lists it; they name it.
    page.goto(f"{base}/admin/account/two-step/")
    rows = page.locator("[data-passkeys] tbody tr")
    expect(rows).to_have_count(1)
    rows.first.locator("input[name=name]").fill("Office laptop")
    rows.first.locator("button[value=rename-passkey]").click()
    expect(page.locator(".messages")).to_contain_text("renamed")
    expect(page.locator("[data-passkeys] input[name=name]")).to_have_value("Office laptop")
    assert violations(page) == []

    # Signing in again: the password, then the passkey.
    sign_out(page)
    with page.expect_response(lambda r: "/admin/account/verify/" in r.url) as verification:
        sign_in(page, base, "lawyer")
    page.wait_for_url(f"{base}/admin/account/verify/**")
    assert_strict_policy(page, verification.value)
    page.click("#passkey-verification-button")
    page.wait_for_url(f"{base}/admin/")
    page.goto(f"{base}/admin/legal-aid/cases/")
    assert page.url == f"{base}/admin/legal-aid/cases/"
    assert AuditEntry.objects.filter(
        action="factor_ok", username="lawyer", detail="passkey 'Office laptop'"
    ).exists()
    assert violations(page) == []

    # Another key, which holds no passkey of this account: refused, written down, nothing opens.
    sign_out(page)
    cdp.send("WebAuthn.removeVirtualAuthenticator", {"authenticatorId": first_key})
    cdp, second_key = add_authenticator(page)
    assert credentials(cdp, second_key) == []
    refusals = AuditEntry.objects.filter(action="factor_failed", username="lawyer").count()
    sign_in(page, base, "lawyer")
    page.wait_for_url(f"{base}/admin/account/verify/**")
    page.click("#passkey-verification-button")
    expect(page.locator("[data-passkey-status]")).to_contain_text("not allowed", timeout=15_000)
    for _ in range(50):
        if AuditEntry.objects.filter(action="factor_failed", username="lawyer").count() > refusals:
            break
        page.wait_for_timeout(100)
    assert AuditEntry.objects.filter(action="factor_failed", username="lawyer").count() == refusals + 1
    entry = AuditEntry.objects.filter(action="factor_failed", username="lawyer").latest("pk")
    assert entry.detail == "account lawyer, passkey: NotAllowedError"
    page.goto(f"{base}/admin/legal-aid/cases/")
    page.wait_for_url(f"{base}/admin/account/verify/**")
    assert violations(page) == []
