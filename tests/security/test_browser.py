"""In Chromium: a Legal team member enrols a second factor, works in the admin under its Content-Security-Policy
without a single violation, signs in again with a recovery code; a lockout and an idle session as a person sees them."""

import base64
import time

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from django.contrib.sessions.backends.db import SessionStore

from accounts.middleware import LAST_SEEN
from tests.support import browser

from .helpers import PASSWORD, editors_group

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Every securitypolicyviolation the page reports, kept where the test reads it.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def watched(page):
    page.add_init_script(WATCH_CSP)
    console = []
    page.on(
        "console",
        lambda message: console.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.csp_console = console
    return page


def violations(page):
    return page.evaluate("window.__cspViolations || []") + page.csp_console


def sign_in(page, base, username, password=PASSWORD):
    browser.sign_in(page, base, username, password)


def code_from_secret(secret):
    """What an authenticator app computes from the key typed in."""
    key = base64.b32decode(secret.replace(" ", ""))
    return f"{totp(key):06d}"


def test_enrolment_work_under_csp_and_a_recovery_code(
    live_server, watched, lawyer, home_pages, factors_required
):
    page, base = watched, live_server.url
    lawyer.groups.add(editors_group())  # who also edits pages
    sign_in(page, base, "lawyer")
    page.wait_for_url(f"{base}/admin/account/two-step/set-up/**")
    assert page.locator("[data-qr-code] svg").first.is_visible()

    # Nothing else until the factor is there.
    page.goto(f"{base}/admin/legal-aid/cases/")
    page.wait_for_url(f"{base}/admin/account/two-step/set-up/**")

    page.locator("input[name=code]").first.fill(
        code_from_secret(page.locator("[data-secret]").first.inner_text())
    )
    page.locator("button[type=submit]").first.click()
    page.wait_for_selector("[data-recovery-codes]")
    codes = page.locator("[data-recovery-codes]").first.locator("code").all_inner_texts()
    assert len(codes) == 10
    page.locator("main a[data-continue]").click()
    page.wait_for_url(f"{base}/admin/legal-aid/cases/")

    # The admin's screens, the page editor included, work under the policy.
    screens = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{home_pages['en'].pk}/",
        f"/admin/pages/{home_pages['en'].pk}/edit/",
        f"/admin/pages/add/home/standardpage/{home_pages['en'].pk}/",
        "/admin/legal-aid/cases/",
        "/admin/legal-aid/audit/",
        "/admin/legal-aid/audit-check/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/account/",
        "/admin/account/two-step/",
    ]
    for screen in screens:
        response = page.goto(f"{base}{screen}")
        assert response.status == 200, screen
        assert response.url == f"{base}{screen}"  # not sent elsewhere
        assert "script-src 'self' 'unsafe-inline';" in response.headers["content-security-policy"] + ";"
        assert "camera=()" in response.headers["permissions-policy"]
        page.wait_for_load_state("networkidle")
        assert violations(page) == [], screen
    # The editor's scripts ran: its side panels and the rich text editor are there.
    page.goto(f"{base}/admin/pages/add/home/standardpage/{home_pages['en'].pk}/")
    page.wait_for_load_state("networkidle")
    title = page.locator("[name=title]").first
    title.fill("Written in the browser")
    title.blur()
    # Wagtail's scripts ran: the slug follows the title.
    expect(page.locator("[name=slug]").first).to_have_value("written-in-the-browser")
    assert violations(page) == []

    # Signing in again (the session gone): the second step takes a recovery code once.
    page.context.clear_cookies()
    sign_in(page, base, "lawyer")
    page.wait_for_url(f"{base}/admin/account/verify/**")
    page.locator("input[name=code]").first.fill(codes[0])
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    assert "recovery code" in page.locator(".messages").inner_text()
    assert violations(page) == []


def test_a_lockout_and_an_idle_session_as_a_person_sees_them(live_server, watched, editor, settings):
    page, base = watched, live_server.url
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(page, base, "editor", "not-the-password")
    sign_in(page, base, "editor")
    expect(page.locator("h1")).to_have_text("Sign-in locked")
    assert "Too many failed sign-ins" in page.locator("main").inner_text()

    from axes.utils import reset

    reset(username="editor")
    reset(ip="127.0.0.1")
    sign_in(page, base, "editor")
    page.wait_for_url(f"{base}/admin/")

    key = next(cookie["value"] for cookie in page.context.cookies() if cookie["name"] == "sessionid")
    session = SessionStore(session_key=key)
    session[LAST_SEEN] = time.time() - settings.SESSION_IDLE_MINUTES * 60 - 5
    session.save()
    page.goto(f"{base}/admin/pages/")
    page.wait_for_url(f"{base}/admin/login/**")
    assert "without activity" in page.locator(".messages").inner_text()
    assert violations(page) == []
