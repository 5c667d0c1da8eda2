"""The UPR calendar: the shipped file of sourced session dates, its loading, the admin, the API and the feed."""

import datetime
import io
import re

import icalendar
import pypdfium2
import pytest

from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.support.files import PDFS
from upr.models import Session
from upr.session_calendar import CalendarFileError, load_session_calendar, read_calendar

pytestmark = pytest.mark.django_db

SESSIONS = reverse("wagtailapi:sessions:listing")
HEADER = "cycle,session,kind,date,source\n"
ORDINALS = {"tenth": 10, "forty-eighth": 48}
# "held its tenth session from 24 January to 4 February 2011", "… from 20 to 31 January 2025"
HELD = re.compile(
    r"held its (?P<ordinal>[a-z-]+) session from (?P<first_day>\d{1,2})(?: (?P<first_month>[A-Z][a-z]+))?"
    r"(?: (?P<first_year>\d{4}))? to (?P<last_day>\d{1,2}) (?P<last_month>[A-Z][a-z]+) (?P<last_year>\d{4})"
)


def load(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("load_upr_calendar", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def calendar_file(tmp_path, *lines):
    path = tmp_path / "sessions.csv"
    path.write_text(HEADER + "".join(f"{line}\n" for line in lines), encoding="utf-8")
    return str(path)


def pdf_text(name):
    pdf = pypdfium2.PdfDocument(PDFS / name)
    try:
        return " ".join(" ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))).split())
    finally:
        pdf.close()


def stated_review(text):
    """The session number and the review's first and last days, as a Working Group report states them."""
    held = HELD.search(text).groupdict()
    month = {datetime.date(2000, m, 1).strftime("%B"): m for m in range(1, 13)}
    last = datetime.date(int(held["last_year"]), month[held["last_month"]], int(held["last_day"]))
    first = datetime.date(
        int(held["first_year"] or last.year),
        month[held["first_month"] or held["last_month"]],
        int(held["first_day"]),
    )
    return ORDINALS[held["ordinal"]], first, last


def dates_of(number):
    return Session.objects.get(number=number).dates()


def test_the_command_loads_the_shipped_file(upr_vocabularies):
    out, err = load()

    assert "4 dates set, 0 unchanged, 0 conflicts" in out
    assert err == ""
    assert dates_of(10) == {
        "starts_on": (datetime.date(2011, 1, 24), "A/HRC/17/4, para. 1 (rwanda2011.pdf)"),
        "ends_on": (datetime.date(2011, 2, 4), "A/HRC/17/4, para. 1 (rwanda2011.pdf)"),
    }
    assert dates_of(48) == {
        "starts_on": (datetime.date(2025, 1, 20), "A/HRC/59/15, para. 1 (g2502644.pdf)"),
        "ends_on": (datetime.date(2025, 1, 31), "A/HRC/59/15, para. 1 (g2502644.pdf)"),
    }
    # No other date is claimed: the rest stay empty until a source is found.
    assert Session.objects.exclude(number__in=[10, 48]).filter(starts_on__isnull=False).count() == 0
    assert Session.objects.filter(stakeholder_deadline__isnull=False).count() == 0


def test_every_date_of_the_file_is_the_one_its_pdf_states():
    rows = read_calendar()
    assert {row.session for row in rows} == {10, 48}
    for row in rows:
        symbol, file_name = re.fullmatch(r"(\S+), para\. 1 \((.+\.pdf)\)", row.source).groups()
        text = pdf_text(file_name)
        assert f"United Nations {symbol} " in text
        number, first, last = stated_review(text)
        assert row.session == number
        assert row.date == {"starts_on": first, "ends_on": last}[row.kind]


def test_running_it_again_changes_nothing(upr_vocabularies):
    load()
    before = {session.number: session.dates() for session in Session.objects.all()}

    out, err = load()

    assert "0 dates set, 4 unchanged, 0 conflicts" in out
    assert err == ""
    assert {session.number: session.dates() for session in Session.objects.all()} == before


def edit_form(session, **changes):
    data = {"number": session.number, "cycle": session.cycle_id}
    for name in Session.DATE_FIELDS:
        day = getattr(session, name)
        data[name] = day.isoformat() if day else ""
        data[f"{name}_source"] = getattr(session, f"{name}_source")
    return {**data, **changes}


def test_an_editors_change_is_kept_unless_forced(admin_client, upr_vocabularies):
    load()
    session = Session.objects.get(number=48)
    edit = reverse("wagtailsnippets_upr_session:edit", args=[session.pk])
    page = admin_client.get(edit).content.decode()
    assert 'name="national_report_deadline_source"' in page

    # A date without its source is refused.
    response = admin_client.post(edit, edit_form(session, starts_on="2025-01-21", starts_on_source=""))
    assert response.status_code == 200
    assert "Say where this date is stated" in response.content.decode()
    assert dates_of(48)["starts_on"][0] == datetime.date(2025, 1, 20)

    edited = edit_form(session, starts_on="2025-01-21", starts_on_source="Corrected by the editors")
    response = admin_client.post(edit, {**edited, "stakeholder_deadline": "2024-07-15"})
    assert response.status_code == 200
    assert "Say where this date is stated" in response.content.decode()
    admin_client.post(edit, edited)
    assert dates_of(48)["starts_on"] == (datetime.date(2025, 1, 21), "Corrected by the editors")

    out, err = load()
    assert "0 dates set, 3 unchanged, 1 conflicts (1 kept as edited)" in out
    assert (
        "line 4: session 48, starts_on: the database has 2025-01-21 (Corrected by the editors), "
        "the file 2025-01-20 (A/HRC/59/15, para. 1 (g2502644.pdf)); kept the database's" in err
    )
    assert dates_of(48)["starts_on"] == (datetime.date(2025, 1, 21), "Corrected by the editors")

    out, err = load("--force")
    assert "took the file's (--force)" in err
    assert dates_of(48)["starts_on"] == (datetime.date(2025, 1, 20), "A/HRC/59/15, para. 1 (g2502644.pdf)")


def test_a_date_an_editor_filled_where_the_file_has_none_is_left_alone(upr_vocabularies):
    Session.objects.filter(number=48).update(
        stakeholder_deadline=datetime.date(2024, 7, 15), stakeholder_deadline_source="OHCHR letter to NGOs"
    )
    load()
    assert dates_of(48)["stakeholder_deadline"] == (datetime.date(2024, 7, 15), "OHCHR letter to NGOs")


def test_a_malformed_row_fails_with_its_line_and_nothing_is_loaded(tmp_path, upr_vocabularies):
    path = calendar_file(
        tmp_path,
        '1,10,starts_on,2011-01-24,"A/HRC/17/4, para. 1 (rwanda2011.pdf)"',
        '1,10,ends_on,2011-02-30,"A/HRC/17/4, para. 1 (rwanda2011.pdf)"',
        "4,48,review_day,2025-01-20,",
    )
    with pytest.raises(CommandError) as failure:
        load("--file", path)

    message = str(failure.value)
    assert message.startswith("Nothing was loaded. sessions.csv: line 3: date “2011-02-30” is not a date")
    assert "line 4: kind “review_day” is not one of" in message
    assert "the source is empty" in message
    assert dates_of(10) == {}


def test_a_row_the_database_refuses_loads_nothing_either(tmp_path, upr_vocabularies):
    path = calendar_file(
        tmp_path,
        '1,10,starts_on,2011-01-24,"A/HRC/17/4, para. 1 (rwanda2011.pdf)"',
        "3,48,starts_on,2025-01-20,A/HRC/59/15",
    )
    with pytest.raises(CalendarFileError, match=r"line 3: session 48 is in cycle 4, not 3"):
        load_session_calendar(path)
    assert dates_of(10) == {}


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["1,10,starts_on,2011-01-24"], "line 2: 4 values, expected 5"),
        (
            ["1,10,ends_on,2011-01-20,X", "1,10,starts_on,2011-01-24,X"],
            "line 2: session 10 ends (2011-01-20)",
        ),
        (["1,10,starts_on,2011-01-24,X", "1,10,starts_on,2011-01-25,Y"], "line 3: session 10 has a second"),
        (["one,10,starts_on,24/01/2011,X"], "line 2: cycle “one” is not a number, date “24/01/2011”"),
    ],
)
def test_each_bad_row_is_named(tmp_path, lines, message):
    with pytest.raises(CalendarFileError, match=re.escape(message)):
        read_calendar(calendar_file(tmp_path, *lines))


def test_a_file_with_another_header_is_refused(tmp_path):
    path = tmp_path / "sessions.csv"
    path.write_text("session,date\n10,2011-01-24\n", encoding="utf-8")
    with pytest.raises(CalendarFileError, match="line 1: the header must be cycle,session,kind,date,source"):
        read_calendar(path)


def test_the_api_answers_the_dates_with_their_sources(
    client, upr_vocabularies, django_capture_on_commit_callbacks
):
    before = next(s for s in client.get(SESSIONS).json()["items"] if s["number"] == 48)
    assert before["starts_on"] is None
    assert before["sources"]["starts_on"] is None

    with django_capture_on_commit_callbacks(execute=True):
        load_session_calendar()

    items = client.get(SESSIONS).json()["items"]
    session = next(s for s in items if s["number"] == 48)
    assert session == {
        "number": 48,
        "cycle": 4,
        "national_report_deadline": None,
        "un_compilation_deadline": None,
        "stakeholder_deadline": None,
        "starts_on": "2025-01-20",
        "ends_on": "2025-01-31",
        "mid_term_report_due": None,
        "sources": {
            "national_report_deadline": None,
            "un_compilation_deadline": None,
            "stakeholder_deadline": None,
            "starts_on": "A/HRC/59/15, para. 1 (g2502644.pdf)",
            "ends_on": "A/HRC/59/15, para. 1 (g2502644.pdf)",
            "mid_term_report_due": None,
        },
    }
    only = client.get(SESSIONS, {"fields": "_,number,sources"}).json()["items"]
    assert next(s for s in only if s["number"] == 10) == {
        "number": 10,
        "sources": {
            "national_report_deadline": None,
            "un_compilation_deadline": None,
            "stakeholder_deadline": None,
            "starts_on": "A/HRC/17/4, para. 1 (rwanda2011.pdf)",
            "ends_on": "A/HRC/17/4, para. 1 (rwanda2011.pdf)",
            "mid_term_report_due": None,
        },
    }


def test_the_schema_describes_the_sources(client, site):
    schema = client.get(reverse("api-schema"), {"format": "json"}).json()
    answer = schema["paths"]["/api/v2/sessions/"]["get"]["responses"]["200"]["content"]["application/json"]
    item = answer["schema"]["properties"]["items"]["items"]["properties"]
    assert set(Session.DATE_FIELDS) < set(item)
    assert set(item["sources"]["properties"]) == set(Session.DATE_FIELDS)
    assert item["sources"]["properties"]["starts_on"]["nullable"] is True


def test_the_feed_carries_the_sessions_and_their_sources(client, upr_vocabularies):
    load()
    response = client.get(reverse("upr_feeds:sessions_ics", args=["en"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = {
        str(event["uid"]): event for event in icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    }

    review = events["upr-session-48-starts_on@upr"]
    assert str(review["summary"]) == "UPR Working Group, session 48"
    assert review.decoded("dtstart") == datetime.date(2025, 1, 20)
    assert review.decoded("dtend") == datetime.date(2025, 2, 1)
    assert str(review["description"]) == "Source: A/HRC/59/15, para. 1 (g2502644.pdf)"
    assert "upr-session-10-starts_on@upr" in events
    assert not any("ends_on" in uid for uid in events)

    Session.objects.filter(number=48).update(
        stakeholder_deadline=datetime.date(2024, 7, 15), stakeholder_deadline_source="OHCHR letter to NGOs"
    )
    french = client.get(reverse("upr_feeds:sessions_ics", args=["fr"]))
    assert french.status_code == 200
    deadline = {
        str(event["uid"]): event for event in icalendar.Calendar.from_ical(french.content).walk("VEVENT")
    }["upr-session-48-stakeholder_deadline@upr"]
    assert deadline.decoded("dtstart") == datetime.date(2024, 7, 15)
    assert client.get(reverse("upr_feeds:sessions_ics", args=["xx"])).status_code == 404
