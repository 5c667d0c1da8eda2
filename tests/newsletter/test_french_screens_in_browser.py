"""In Chromium, a French-speaking editor goes through the newsletter's screens: the subscribers, one
subscriber, the sending screen of an issue and the progress of an edition. No string of ours is left
in English on them (the test reads each page's text)."""

import pytest

from wagtail.users.models import UserProfile

from newsletter.factories import SubscriberFactory
from newsletter.models import Edition
from publications.factories import NewsletterPageFactory
from tests.security.helpers import PASSWORD
from tests.support.browser import sign_in
from tests.support.untranslated import english_left
from users.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_newsletter_screens_are_all_in_french(live_server, page, news_index):
    editor = UserFactory(username="redaction", is_superuser=True, email="redaction@example.org")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "fr"
    profile.save()
    subscriber = SubscriberFactory(email="lectrice@example.org", language="fr", topics=["country:RWA"])
    issue = NewsletterPageFactory(parent=news_index, title="UPR Trax")
    issue.save_revision().publish()
    edition = Edition.objects.create(page=issue, language="en")
    base = live_server.url

    sign_in(page, base, editor.username, PASSWORD)
    page.wait_for_url(f"{base}/admin/")
    screens = {
        "subscribers": "/admin/snippets/newsletter/subscriber/",
        "subscriber": f"/admin/snippets/newsletter/subscriber/inspect/{subscriber.pk}/",
        "sending": f"/admin/newsletter/send/{issue.pk}/",
        "progress": f"/admin/newsletter/editions/{edition.pk}/",
    }
    for name, path in screens.items():
        response = page.goto(f"{base}{path}")
        assert response.status == 200, (name, response.status)
        assert page.locator("html").get_attribute("lang") == "fr", name
        assert english_left(page.locator("body").inner_text(), "fr") == [], name
    page.goto(f"{base}{screens['subscribers']}")
    assert "lectrice@example.org" in page.locator("main").inner_text()
