"""In Chromium: a member of the Legal team finds a new request from the dashboard, opens it from the
list of requests, and reads it (the reading goes to the audit log)."""

import pytest

from legal_aid.factories import make_case
from legal_aid.models import AuditEntry
from tests.security.helpers import PASSWORD
from tests.support.browser import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_team_member_opens_a_new_request_from_the_dashboard_and_the_list(
    live_server, page, request_form, legal_team_member
):
    case, _secret = make_case(request_form, description="Soldiers seized my camera near Musanze.")
    base = live_server.url

    sign_in(page, base, legal_team_member.username, PASSWORD)
    page.wait_for_url(f"{base}/admin/")

    page.get_by_role("link", name="1 new request, not yet read").click()
    page.wait_for_url(f"{base}/admin/legal-aid/cases/?status=new")
    listing = page.locator("main")
    assert "Soldiers seized" not in listing.inner_text()  # the list shows no word of a request

    listing.get_by_role("link", name=case.reference).click()
    page.wait_for_url(f"{base}/admin/legal-aid/cases/inspect/{case.pk}/")
    assert "Soldiers seized my camera near Musanze." in page.locator("main").inner_text()
    assert AuditEntry.objects.filter(action="view", reference=case.reference).exists()
