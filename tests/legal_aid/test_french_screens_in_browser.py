"""In Chromium, a French-speaking member of the Legal team goes through the screens of legal
assistance: the dashboard, the list of requests, a request, its handling form, the audit log. No
string of ours is left in English on them (the test reads each page's text)."""

import pytest

from wagtail.users.models import UserProfile

from legal_aid.factories import make_case
from tests.security.helpers import PASSWORD
from tests.support.browser import sign_in
from tests.support.untranslated import english_left

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_legal_teams_screens_are_all_in_french(live_server, page, request_form, legal_team_member):
    profile = UserProfile.get_for_user(legal_team_member)
    profile.preferred_language = "fr"
    profile.save()
    case, _secret = make_case(request_form, description="Des soldats ont saisi ma caméra près de Musanze.")
    base = live_server.url

    sign_in(page, base, legal_team_member.username, PASSWORD)
    page.wait_for_url(f"{base}/admin/")
    screens = {
        "dashboard": "/admin/",
        "requests": "/admin/legal-aid/cases/",
        "new requests": "/admin/legal-aid/cases/?status=new",
        "request": f"/admin/legal-aid/cases/inspect/{case.pk}/",
        "handling": f"/admin/legal-aid/cases/edit/{case.pk}/",
        "audit log": "/admin/legal-aid/audit/",
    }
    for name, path in screens.items():
        response = page.goto(f"{base}{path}")
        assert response.status == 200, (name, response.status)
        assert page.locator("html").get_attribute("lang") == "fr", name
        text = page.locator("body").inner_text()
        left = english_left(text, "fr")
        assert left == [], f"{name}: {left}"
    # The request itself is shown (and the French admin is not an empty page).
    page.goto(f"{base}{screens['request']}")
    assert "Des soldats ont saisi ma caméra" in page.locator("main").inner_text()
