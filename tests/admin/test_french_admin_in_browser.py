"""In Chromium, an editor who chose French goes through the screens our apps add to the admin: the
UPR database (recommendations, a recommendation's form, states, sessions and a session's dates, the
import), the documents with their covers, the content listings, the programme kinds, the staff
accounts' screens. No string of ours is left in English on them (the test reads each page's text)."""

import pytest

from wagtail.users.models import UserProfile

from publications.factories import PublicationIndexPageFactory, pdf_document
from tests.programmes.support import recommendation
from tests.support.files import SHARED_DATA
from tests.support.untranslated import english_left
from upr.models import Session

from .support import sign_in_as_the_printed_admin

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_our_admin_screens_are_all_in_french(
    live_server, page, home_pages, upr_vocabularies, django_user_model
):
    PublicationIndexPageFactory(parent=home_pages["en"]).save_revision().publish()
    listed = recommendation("134.1", "Ratify the Optional Protocol to the Convention against Torture.")
    report = pdf_document(sorted((SHARED_DATA / "pdfs").glob("*.pdf"))[0].read_bytes(), title="Report")
    session = Session.objects.get(number=10)
    base = live_server.url
    sign_in_as_the_printed_admin(page, base)
    admin = django_user_model.objects.get(username="admin")
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "fr"
    profile.save()

    screens = {
        "recommendations": "/admin/snippets/upr/recommendation/",
        "recommendation": f"/admin/snippets/upr/recommendation/edit/{listed.pk}/",
        "states": "/admin/snippets/upr/country/",
        "state aliases": "/admin/snippets/upr/countryalias/",
        "clusters": "/admin/snippets/upr/cluster/",
        "implementation plans": "/admin/snippets/upr/implementationplan/",
        "session": f"/admin/snippets/upr/session/edit/{session.pk}/",
        "import": "/admin/upr/import/",
        "documents": "/admin/documents/",
        "document": f"/admin/documents/edit/{report.pk}/",
        "programme kinds": "/admin/snippets/programmes/programmekind/",
        "second factors": "/admin/accounts/second-factors/",
        "lockouts": "/admin/accounts/lockouts/",
    }
    problems = {}
    for name, path in screens.items():
        response = page.goto(f"{base}{path}")
        if response.status != 200:
            problems[name] = f"answered {response.status}"
            continue
        assert page.locator("html").get_attribute("lang") == "fr", name
        if left := english_left(page.locator("body").inner_text(), "fr"):
            problems[name] = left
    assert problems == {}
