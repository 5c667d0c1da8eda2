"""News, newsletters and events: time zones, agendas, newsletter items, and the RSS, Atom and iCalendar feeds."""

import datetime
import zoneinfo

import icalendar
import pytest
from defusedxml import ElementTree as ET

from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from locales.translation import translate
from publications.factories import (
    EventPageFactory,
    NewsletterPageFactory,
    NewsPageFactory,
    PublicationFileFactory,
    PublicationPageFactory,
    pdf_document,
)
from publications.models import EventPage
from tests.support.files import shared_pdf
from upr.models import Session

pytestmark = pytest.mark.django_db

KIGALI = zoneinfo.ZoneInfo("Africa/Kigali")
GENEVA = zoneinfo.ZoneInfo("Europe/Zurich")
ATOM = "{http://www.w3.org/2005/Atom}"


def publish(page):
    page.save_revision().publish()
    return page


def agenda_session(title, starts, ends, speakers=()):
    return {
        "type": "session",
        "value": {
            "starts_at": starts,
            "ends_at": ends,
            "day": 1,
            "title": title,
            "description": "",
            "speakers": list(speakers),
        },
    }


@pytest.fixture
def workshop(sections):
    starts = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=KIGALI)
    return publish(
        EventPageFactory(
            parent=sections["events"],
            title="Workshop on the mid-term report",
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=8),
            time_zone="Africa/Kigali",
            venue="Serena Hotel",
            address="KN 3 Ave\nKigali",
            session=Session.objects.get(number=37),
            agenda=[
                agenda_session("Opening", "09:00", "09:30", ["Executive director"]),
                agenda_session("The recommendations Rwanda supported", "09:30", "11:00"),
            ],
        )
    )


def test_an_event_is_given_in_its_own_time_zone_with_its_agenda(client, workshop):
    data = client.get(reverse("wagtailapi:pages:detail", args=[workshop.pk])).json()

    assert data["starts_at"] == "2026-03-02T09:00:00+02:00"
    assert data["ends_at"] == "2026-03-02T17:00:00+02:00"
    assert data["time_zone"] == "Africa/Kigali"
    assert [item["value"]["title"] for item in data["agenda"]] == [
        "Opening",
        "The recommendations Rwanda supported",
    ]
    assert data["agenda"][0]["value"]["speakers"] == ["Executive director"]
    assert data["session"]["number"] == 37


def event_form(parent, **fields):
    values = {
        "title": "Pre-session briefing",
        "slug": "pre-session-briefing",
        "event_type": "pre_session",
        "summary": "Briefing of the permanent missions.",
        "starts_at": "2026-04-20 09:00",
        "ends_at": "2026-04-20 10:30",
        "time_zone": "Europe/Zurich",
        "venue": "Palais des Nations",
        "address": "",
        "online_url": "",
        "registration_url": "",
        "body": streamfield([]),
        "agenda": streamfield([]),
        "speakers": streamfield([]),
        "themes": [],
        **fields,
    }
    return nested_form_data(values)


def test_editors_type_the_local_time_of_the_event_whatever_their_own_zone(editor_client, sections, settings):
    settings.TIME_ZONE = "Africa/Kigali"  # the editor's zone differs from the event's
    with timezone.override(KIGALI):
        response = editor_client.post(
            reverse("wagtailadmin_pages:add", args=["publications", "eventpage", sections["events"].pk]),
            event_form(sections["events"]),
        )

    assert response.status_code == 302, response.content.decode()[:2000]
    event = EventPage.objects.get(slug="pre-session-briefing")
    # 9:00 in Geneva (summer time, UTC+2), not 9:00 in Kigali.
    assert event.starts_at == datetime.datetime(2026, 4, 20, 9, 0, tzinfo=GENEVA)
    assert event.starts_at.astimezone(datetime.UTC).hour == 7

    with timezone.override(KIGALI):
        edit = editor_client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    assert 'value="2026-04-20 09:00"' in edit.content.decode()


def test_an_event_cannot_end_before_it_starts(editor_client, sections):
    response = editor_client.post(
        reverse("wagtailadmin_pages:add", args=["publications", "eventpage", sections["events"].pk]),
        event_form(sections["events"], ends_at="2026-04-20 08:00"),
    )

    assert response.status_code == 200
    assert "The event must end after it starts." in response.content.decode()
    assert not EventPage.objects.exists()


def test_a_newsletter_gathers_pages_deadlines_and_stories(client, sections, workshop):
    news = publish(NewsPageFactory(parent=sections["news"], title="Journalists trained in Huye"))
    letter = publish(
        NewsletterPageFactory(
            parent=sections["news"],
            intro="This month: the mid-term report.",
            items=[
                {"type": "page", "value": {"page": workshop.pk, "note": "Register now"}},
                {"type": "page", "value": {"page": news.pk, "note": ""}},
                {
                    "type": "deadline",
                    "value": {
                        "title": "Stakeholder submissions, 50th session",
                        "date": "2026-07-15",
                        "description": "",
                        "link": "",
                    },
                },
                {
                    "type": "story",
                    "value": {
                        "heading": "News from the Musanze office",
                        "office": "Musanze",
                        "text": rich_text("<p>A new legal clinic.</p>"),
                        "link": None,
                    },
                },
            ],
        )
    )

    items = client.get(reverse("wagtailapi:pages:detail", args=[letter.pk])).json()["items"]

    assert items[0]["value"]["page"] == {
        "id": workshop.pk,
        "title": "Workshop on the mid-term report",
        "url": workshop.get_url(),
        "type": "publications.EventPage",
    }
    assert items[1]["value"]["page"]["title"] == "Journalists trained in Huye"
    assert items[2]["value"]["date"] == "2026-07-15"
    assert items[3]["value"]["office"] == "Musanze"

    # An unpublished page disappears from the newsletter rather than leak its title.
    news.unpublish()
    items = client.get(reverse("wagtailapi:pages:detail", args=[letter.pk])).json()["items"]
    assert items[1]["value"]["page"] is None


# Feeds ----------------------------------------------------------------------------


@pytest.fixture
def published_content(sections, django_capture_on_commit_callbacks, workshop):
    with django_capture_on_commit_callbacks(execute=True):
        document = pdf_document(shared_pdf("g2505828.pdf"), filename="addendum.pdf")
    report = PublicationPageFactory(
        parent=sections["publications"], title="Slovenia: views on the recommendations"
    )
    PublicationFileFactory(page=report, document=document)
    publish(report)
    news = publish(NewsPageFactory(parent=sections["news"], title="Journalists trained in Huye"))
    return {"report": report, "news": news, "event": workshop}


def test_the_rss_feed_of_publications_lists_them_with_their_pdf(client, published_content):
    response = client.get(reverse("feeds:publications_rss", args=["en"]))

    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")
    (item,) = channel.findall("item")
    assert item.findtext("title") == "Slovenia: views on the recommendations"
    assert item.findtext("category") == "Mid-term assessment"
    enclosure = item.find("enclosure")
    assert enclosure.get("type") == "application/pdf"
    assert int(enclosure.get("length")) == len(shared_pdf("g2505828.pdf"))
    assert client.get(enclosure.get("url").removeprefix("http://testserver")).status_code == 200


def test_the_atom_feed_of_news_per_locale(
    client, published_content, sections, locales, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate(sections["news"], locales["fr"], {})
        translate(
            published_content["news"],
            locales["fr"],
            {"Journalists trained in Huye": "Des journalistes formés à Huye"},
        )

    english = ET.fromstring(client.get(reverse("feeds:news_atom", args=["en"])).content)
    french = ET.fromstring(client.get(reverse("feeds:news_atom", args=["fr"])).content)

    assert [entry.findtext(f"{ATOM}title") for entry in english.findall(f"{ATOM}entry")] == [
        "Journalists trained in Huye"
    ]
    assert [entry.findtext(f"{ATOM}title") for entry in french.findall(f"{ATOM}entry")] == [
        "Des journalistes formés à Huye"
    ]
    assert client.get(reverse("feeds:news_atom", args=["de"])).status_code == 404


def test_the_calendar_has_events_in_their_time_zone_and_upr_deadlines(client, published_content):
    session = Session.objects.get(number=50)
    session.stakeholder_deadline = timezone.localdate() + datetime.timedelta(days=60)
    session.stakeholder_deadline_source = "OHCHR, UPR 50th session: deadlines for submissions"
    session.save()

    response = client.get(reverse("feeds:events_ics", args=["en"]))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(event["summary"]): event for event in calendar.walk("VEVENT")}
    workshop = events["Workshop on the mid-term report"]
    assert workshop.decoded("dtstart") == datetime.datetime(2026, 3, 2, 9, 0, tzinfo=KIGALI)
    assert workshop.decoded("dtstart").utcoffset() == datetime.timedelta(hours=2)
    assert str(workshop["location"]) == "Serena Hotel, KN 3 Ave, Kigali"
    deadline = events["UPR session 50: deadline for stakeholder submissions"]
    assert deadline.decoded("dtstart") == session.stakeholder_deadline
    assert str(deadline["description"]) == "Source: OHCHR, UPR 50th session: deadlines for submissions"


def test_the_sitemap_lists_live_pages(client, published_content):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert published_content["report"].get_full_url().encode() in response.content
