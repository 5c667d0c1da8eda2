"""What a reader finds in an edition, through a real SMTP server: events at the reader's own time (and
the local time where they take place), publications with their cover, the video of the month as a
linked picture, the quote of the month; every picture absolute to the public site and really there."""

import datetime
import json
import re
import zoneinfo

import pytest

from django.core.files.storage import default_storage

from home.factories import CustomImageFactory
from newsletter.factories import SubscriberFactory
from newsletter.tasks import start_edition
from programmes.factories import TrainingVideoIndexPageFactory, TrainingVideoPageFactory
from publications.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsletterPageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
)

pytestmark = pytest.mark.django_db

KIGALI = zoneinfo.ZoneInfo("Africa/Kigali")
SITE = "https://www.example.org"


@pytest.fixture
def issue(news_index, home_pages, settings):
    settings.PUBLIC_SITE_URL = SITE
    home = home_pages["en"]
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=home, slug="events"),
        title="Mid-term report workshop",
        slug="workshop",
        starts_at=datetime.datetime(2026, 3, 10, 9, 0, tzinfo=KIGALI),
        ends_at=datetime.datetime(2026, 3, 10, 16, 0, tzinfo=KIGALI),
        time_zone="Africa/Kigali",
        venue="Kigali Serena Hotel",
    )
    publication = PublicationPageFactory(
        parent=PublicationIndexPageFactory(parent=home),
        title="Mid-term assessment of Rwanda",
        slug="assessment",
        cover_image=CustomImageFactory(title="Cover", alt_text=""),
    )
    video = TrainingVideoPageFactory(
        parent=TrainingVideoIndexPageFactory(parent=home),
        title="Writing a stakeholder submission",
        slug="submission-video",
        thumbnail=CustomImageFactory(title="Thumbnail"),
    )
    page = NewsletterPageFactory(
        parent=news_index,
        title="UPR Trax, March",
        items=json.dumps(
            [
                {"type": "page", "value": {"page": event.pk, "note": ""}},
                {"type": "page", "value": {"page": publication.pk, "note": "Our latest report."}},
                {"type": "video", "value": {"video": video.pk, "note": ""}},
                {
                    "type": "quote",
                    "value": {"text": "Rights are not a favour.", "attribution": "A journalist"},
                },
            ]
        ),
    )
    page.save_revision().publish()
    return page


def send(page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        start_edition(page)


def parts(smtp, address):
    [message] = smtp.inbox.to(address)
    return message.get_body(("plain",)).get_content(), message.get_body(("html",)).get_content()


def test_an_event_is_at_the_readers_own_time_and_at_the_local_time_where_it_takes_place(
    issue, smtp, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="ny@example.org", time_zone="America/New_York")
    SubscriberFactory(email="kigali@example.org", time_zone="Africa/Kigali")
    SubscriberFactory(email="anywhere@example.org", time_zone="")
    send(issue, django_capture_on_commit_callbacks)

    text, html = parts(smtp, "ny@example.org")
    # 09:00 in Kigali (UTC+2) is 03:00 in New York, which is on summer time (UTC−4) from 8 March 2026.
    assert "Tuesday 10 March 2026, 03:00 – 10:00 (New York time, UTC−04:00)" in text
    assert "Where it takes place: Tuesday 10 March 2026, 09:00 – 16:00 (Kigali time, UTC+02:00)" in text
    assert "Kigali Serena Hotel" in text
    assert "03:00 – 10:00 (New York time, UTC−04:00)" in html

    for reader in ("kigali@example.org", "anywhere@example.org"):
        text, _html = parts(smtp, reader)
        assert "Tuesday 10 March 2026, 09:00 – 16:00 (Kigali time, UTC+02:00)" in text
        assert "Where it takes place" not in text


def test_pictures_are_linked_absolute_and_there(issue, smtp, django_capture_on_commit_callbacks):
    SubscriberFactory(email="reader@example.org")
    send(issue, django_capture_on_commit_callbacks)
    text, html = parts(smtp, "reader@example.org")

    images = dict(re.findall(r'<a href="([^"]+)"><img src="([^"]+)"', html))
    cover = images[f"{SITE}/en/publications/assessment/"]
    thumbnail = images[f"{SITE}/en/training-videos/submission-video/"]
    for src in (cover, thumbnail):
        assert src.startswith(f"{SITE}/media/images/")
        assert default_storage.exists(src.removeprefix(f"{SITE}/media/"))
    assert 'alt="Cover of Mid-term assessment of Rwanda"' in html
    assert 'alt="Watch the video: Writing a stakeholder submission"' in html
    assert "Our latest report." in text

    assert "== Quote of the month ==" in text and '"Rights are not a favour."' in text
    assert "— A journalist" in html


def test_the_french_edition_writes_the_event_in_french(
    issue, smtp, locales, news_index, django_capture_on_commit_callbacks
):
    news_index.copy_for_translation(locales["fr"]).save_revision().publish()
    french = issue.copy_for_translation(locales["fr"])
    french.title = "UPR Trax, mars"
    french.save_revision().publish()
    SubscriberFactory(email="paris@example.org", language="fr", time_zone="Europe/Paris")
    send(french.specific, django_capture_on_commit_callbacks)
    text, _html = parts(smtp, "paris@example.org")
    assert "mardi 10 mars 2026, 08:00 – 15:00 (heure de Paris, UTC+01:00)" in text
    assert "Citation du mois" in text


def test_the_upr_calendars_coming_deadlines_are_in_the_issue_with_their_sources(
    issue, smtp, client, upr_vocabularies, django_capture_on_commit_callbacks
):
    from upr.models import Session

    soon, later, past = (issue.date + datetime.timedelta(days=days) for days in (20, 100, -5))
    Session.objects.filter(number=50).update(
        stakeholder_deadline=soon, stakeholder_deadline_source="OHCHR, deadlines of the 50th session"
    )
    Session.objects.filter(number=51).update(stakeholder_deadline=later, stakeholder_deadline_source="x")
    Session.objects.filter(number=49).update(mid_term_report_due=past, mid_term_report_due_source="y")

    SubscriberFactory(email="reader@example.org")
    send(issue, django_capture_on_commit_callbacks)
    text, html = parts(smtp, "reader@example.org")
    assert "== Coming UPR deadlines ==" in text
    assert "UPR session 50: deadline for stakeholder submissions" in text
    assert "Source: OHCHR, deadlines of the 50th session" in html
    assert "session 51" not in text and "session 49" not in text

    detail = client.get(f"/api/v2/pages/{issue.pk}/").json()
    assert detail["coming_deadlines"] == [
        {
            "session": 50,
            "kind": "stakeholder_deadline",
            "title": "UPR session 50: deadline for stakeholder submissions",
            "date": soon.isoformat(),
            "source": "OHCHR, deadlines of the 50th session",
        }
    ]
