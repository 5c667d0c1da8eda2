"""What civil society has to send next: the UPR calendar's deadlines (national reports, UN
compilations, stakeholders' submissions, mid-term reports) in the weeks after a day, each with its
source; the newsletter issue shows those after its date (``publications``' API, the mails)."""

import datetime

from django.db.models import Q
from django.utils import translation

from upr.feeds import titles
from upr.models import Session

DEADLINES = (
    "national_report_deadline",
    "un_compilation_deadline",
    "stakeholder_deadline",
    "mid_term_report_due",
)
# How far after an issue's date its deadlines reach: until the next monthly issue and a month more.
COMING_DAYS = 60


def coming_deadlines(start, days=COMING_DAYS, language=None):
    """``[{"session", "kind", "title", "date", "source"}]`` of the deadlines from ``start`` to ``days``
    after it, by date; titles in ``language`` (the active one by default)."""
    end = start + datetime.timedelta(days=days)
    within = Q()
    for name in DEADLINES:
        within |= Q(**{f"{name}__range": (start, end)})
    found = []
    with translation.override(language or translation.get_language()):
        names = titles()
        for session in Session.objects.filter(within).order_by("number"):
            for name in DEADLINES:
                day = getattr(session, name)
                if day is not None and start <= day <= end:
                    found.append(
                        {
                            "session": session.number,
                            "kind": name,
                            "title": names[name] % {"number": session.number},
                            "date": day,
                            "source": getattr(session, f"{name}_source"),
                        }
                    )
    return sorted(found, key=lambda deadline: (deadline["date"], deadline["session"]))
