"""Admin sessions end when idle, and when too old (sooner for the Legal team); a new password or factor ends the others."""

import time

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.middleware import LAST_SEEN, SIGNED_IN_AT

from .helpers import PASSWORD, sign_in, totp_code

pytestmark = pytest.mark.django_db


def age(client, **seconds_ago):
    session = client.session
    for key, ago in seconds_ago.items():
        session[{"last_seen": LAST_SEEN, "signed_in_at": SIGNED_IN_AT}[key]] = time.time() - ago
    session.save()


def test_an_idle_session_ends_with_a_message(client, editor, settings):
    sign_in(client, "editor")
    age(client, last_seen=settings.SESSION_IDLE_MINUTES * 60 - 60)
    assert client.get("/admin/pages/").status_code == 200  # a minute before the limit: still in

    age(client, last_seen=settings.SESSION_IDLE_MINUTES * 60 + 1)
    response = client.get("/admin/pages/", follow=True)
    assert response.redirect_chain[0][0].startswith("/admin/login/?next=/admin/pages/")
    assert f"after {settings.SESSION_IDLE_MINUTES} minutes without activity" in response.content.decode()
    assert client.get("/admin/pages/").status_code == 302  # signed out for good


def test_the_legal_team_is_signed_out_sooner(client, editor, lawyer, settings):
    idle = settings.SESSION_IDLE_MINUTES_PRIVILEGED * 60 + 60
    assert idle < settings.SESSION_IDLE_MINUTES * 60
    sign_in(client, "editor")
    age(client, last_seen=idle)
    assert client.get("/admin/pages/").status_code == 200

    other = type(client)()
    sign_in(other, "lawyer")
    age(other, last_seen=idle)
    assert other.get("/admin/pages/")["Location"].startswith("/admin/login/")


def test_a_session_ends_at_its_absolute_lifetime_even_when_busy(client, lawyer, settings):
    sign_in(client, "lawyer")
    age(client, last_seen=10, signed_in_at=settings.SESSION_MAX_HOURS_PRIVILEGED * 3600 + 1)
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_a_new_password_signs_out_every_other_session(client, editor):
    sign_in(client, "editor")
    other = type(client)()
    sign_in(other, "editor")
    response = client.post(
        "/admin/account/",
        {
            "name_email-first_name": "Ed",
            "name_email-last_name": "Itor",
            "name_email-email": "editor@example.org",
            "password-old_password": PASSWORD,
            "password-new_password1": "another-long-password-2026",
            "password-new_password2": "another-long-password-2026",
            "locale-preferred_language": "en",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_shortcuts": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert client.get("/admin/pages/").status_code == 200  # the session that changed it stays
    assert other.get("/admin/pages/")["Location"].startswith("/admin/login/")


def test_a_new_factor_signs_out_every_other_session(client, editor):
    sign_in(client, "editor")
    other = type(client)()
    sign_in(other, "editor")
    client.get("/admin/account/two-step/set-up/")
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    client.post("/admin/account/two-step/set-up/", {"code": totp_code(device)})
    assert client.get("/admin/pages/").status_code == 200
    assert other.get("/admin/pages/")["Location"].startswith("/admin/login/")
