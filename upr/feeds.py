"""The UPR calendar as iCalendar: each session's review and its deadlines, with their sources.

``session_events`` makes the events, for this feed and for any calendar that
adds the UPR dates to its own (the events calendar of ``publications`` may).
A review is one event from its first to its last day; a deadline is a day.
Each event's description names the document that states its date.
"""

import datetime

import icalendar

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from upr.models import Session


def titles():
    """What each kind of date is called, with ``%(number)s`` for the session, in the active language."""
    return {
        "national_report_deadline": _("UPR session %(number)s: national reports due"),
        "un_compilation_deadline": _("UPR session %(number)s: deadline for UN information"),
        "stakeholder_deadline": _("UPR session %(number)s: deadline for stakeholder submissions"),
        "starts_on": _("UPR Working Group, session %(number)s"),
        "ends_on": _("UPR Working Group, session %(number)s: last day"),
        "mid_term_report_due": _("UPR session %(number)s: mid-term reports due"),
    }


def _spans(session):
    """``(kind, first day, last day, sources)`` of each known date; a review with both ends is one span."""
    dates = session.dates()
    if "starts_on" in dates and "ends_on" in dates:
        (first, start_source), (last, end_source) = dates.pop("starts_on"), dates.pop("ends_on")
        yield "starts_on", first, last, list(dict.fromkeys(filter(None, (start_source, end_source))))
    for kind, (day, source) in dates.items():
        yield kind, day, day, [source] if source else []


def session_events(sessions=None, *, since=None):
    """iCalendar events of the sessions' known dates (all sessions by default), ending from ``since`` on."""
    sessions = Session.objects.order_by("number") if sessions is None else sessions
    names = titles()
    stamp = timezone.now()
    for session in sessions:
        for kind, first, last, sources in _spans(session):
            if since is not None and last < since:
                continue
            event = icalendar.Event()
            event.add("uid", f"upr-session-{session.number}-{kind}@upr")
            event.add("summary", names[kind] % {"number": session.number})
            event.add("dtstart", first)
            event.add("dtend", last + datetime.timedelta(days=1))
            event.add("dtstamp", stamp)
            event.add("categories", ["UPR"])
            if sources:
                event.add("description", _("Source: %(source)s") % {"source": "; ".join(sources)})
            yield event


def sessions_calendar(request, language):
    """Every session's review and deadlines, titles in ``language``, as an iCalendar file."""
    if language not in dict(settings.LANGUAGES):
        raise Http404(f"No calendar in “{language}”.")
    with translation.override(language):
        calendar = icalendar.Calendar()
        calendar.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//upr-sessions//{language.upper()}")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", _("%(site)s: UPR calendar") % {"site": settings.WAGTAIL_SITE_NAME})
        for event in session_events():
            calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="upr-sessions-{language}.ics"'
    return response
