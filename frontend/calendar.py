"""One event as an iCalendar file, in the event's own time zone."""

from datetime import datetime

from icalendar import Calendar, Event


def event_ics(page, request):
    calendar = Calendar()
    calendar.add("prodid", "-//public site//events//")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"event-{page['id']}@{request.get_host()}")
    event.add("summary", page["title"])
    event.add("dtstart", datetime.fromisoformat(page["starts_at"]))
    if page.get("ends_at"):
        event.add("dtend", datetime.fromisoformat(page["ends_at"]))
    event.add("dtstamp", datetime.fromisoformat(page["meta"].get("first_published_at") or page["starts_at"]))
    location = ", ".join(filter(None, [page.get("venue"), page.get("address")]))
    if location:
        event.add("location", location)
    if page.get("summary"):
        event.add("description", page["summary"])
    event.add("url", request.build_absolute_uri(request.path.rsplit("calendar.ics", 1)[0]))
    calendar.add_component(event)
    return calendar.to_ical()
