"""An editor logs in to the admin with the printed login and finds the site in three languages."""

import pytest

from tests.support.browser import sign_in

from .support import printed_admin_password, sign_in_as_the_printed_admin

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_editor_logs_in_and_sees_the_home_page_in_three_languages(live_server, page, home_pages, tmp_path):
    sign_in_as_the_printed_admin(page, live_server.url)

    page.goto(f"{live_server.url}/admin/pages/")
    listing = page.locator("main").inner_text()
    for language in ("English", "Français", "Ikinyarwanda"):
        assert language in listing
    assert listing.count("Home") >= 3
    page.screenshot(path=str(tmp_path / "admin-pages.png"))

    # The Kinyarwanda home page is a translation, edited in wagtail-localize's editor.
    page.goto(f"{live_server.url}/admin/pages/{home_pages['rw'].pk}/edit/")
    assert "Ikinyarwanda" in page.locator("main").inner_text()


def test_a_wrong_password_is_refused(live_server, page):
    printed_admin_password()
    sign_in(page, live_server.url, "admin", "not-the-password")
    assert "/admin/login/" in page.url
    assert page.locator("form").inner_text()


def test_the_printed_admin_changes_the_admin_language_to_french(live_server, page, home_pages):
    sign_in_as_the_printed_admin(page, live_server.url, start="/admin/login/")

    page.goto(f"{live_server.url}/admin/account/")
    page.select_option("select[name$=preferred_language]", "fr")
    page.locator("main button[type=submit]").last.click()
    page.wait_for_load_state("networkidle")
    assert "changed successfully" in page.locator(".messages").inner_text()
    assert page.locator(".w-field--error, .error-message").count() == 0

    page.goto(f"{live_server.url}/admin/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert "Aller au contenu principal" in page.locator("body").inner_text()  # "Skip to main content"
