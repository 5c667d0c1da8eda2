"""The UPR calendar that ships with the code: the dates of the Working Group's sessions, each sourced.

``upr/reference/sessions.csv`` has one row per date: ``cycle``, ``session``,
``kind`` (one of ``Session.DATE_FIELDS``), ``date`` (YYYY-MM-DD) and
``source``, the document that states it (a UN symbol, the paragraph, the
file). Only dates a document states are in it; the others stay empty until an
editor fills them in the admin, with their source.

Loading it again changes nothing. A date the database already has with a
different value or source was set by an editor: it is kept and reported as a
conflict, unless ``force``. Every row is checked before anything is written,
and the writes are one transaction: a bad file loads nothing.
"""

import csv
import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from upr.models import Cycle, Session

CALENDAR_FILE = Path(__file__).with_name("reference") / "sessions.csv"
COLUMNS = ("cycle", "session", "kind", "date", "source")
SOURCE_MAX_LENGTH = Session._meta.get_field("starts_on_source").max_length
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class CalendarFileError(Exception):
    """The calendar file cannot be loaded; the message names each bad line."""


@dataclass(frozen=True)
class CalendarDate:
    """One row of the file: a date of a session and where it is stated."""

    line: int
    cycle: int
    session: int
    kind: str
    date: datetime.date
    source: str


@dataclass(frozen=True)
class Conflict:
    """A date the database has otherwise than the file, and which of the two was kept."""

    row: CalendarDate
    date: datetime.date | None
    source: str
    forced: bool

    def __str__(self):
        row = self.row
        kept = "took the file's (--force)" if self.forced else "kept the database's; --force takes the file's"
        return (
            f"line {row.line}: session {row.session}, {row.kind}: the database has {self.date or 'no date'}"
            f" ({self.source or 'no source'}), the file {row.date} ({row.source}); {kept}"
        )


@dataclass
class CalendarLoad:
    """What a load did, date by date."""

    set: list[CalendarDate] = field(default_factory=list)
    unchanged: list[CalendarDate] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    sessions_created: list[int] = field(default_factory=list)

    def summary(self):
        kept = sum(not conflict.forced for conflict in self.conflicts)
        return (
            f"{len(self.set)} dates set, {len(self.unchanged)} unchanged, "
            f"{len(self.conflicts)} conflicts ({kept} kept as edited), "
            f"{len(self.sessions_created)} sessions added"
        )


def read_calendar(path=CALENDAR_FILE):
    """The rows of a calendar file; CalendarFileError naming every bad line, if any is."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as file:
            lines = list(csv.reader(file))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise CalendarFileError(f"{path.name}: cannot be read: {error}") from error
    if not lines or tuple(cell.strip() for cell in lines[0]) != COLUMNS:
        found = ",".join(lines[0]) if lines else "an empty file"
        raise CalendarFileError(
            f"{path.name}, line 1: the header must be {','.join(COLUMNS)} (found {found})"
        )
    rows, problems, seen = [], [], {}
    for line, cells in enumerate(lines[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        row = _row(line, cells, problems)
        if row is None:
            continue
        key = (row.session, row.kind)
        if key in seen:
            problems.append(
                f"line {line}: session {row.session} has a second {row.kind} (first on line {seen[key]})"
            )
            continue
        seen[key] = line
        rows.append(row)
    problems.extend(_review_order(rows))
    if problems:
        raise CalendarFileError(f"{path.name}: " + "; ".join(problems))
    return rows


def _row(line, cells, problems):
    if len(cells) != len(COLUMNS):
        problems.append(f"line {line}: {len(cells)} values, expected {len(COLUMNS)} ({','.join(COLUMNS)})")
        return None
    values = dict(zip(COLUMNS, (cell.strip() for cell in cells), strict=True))
    errors = []
    numbers = {}
    for name in ("cycle", "session"):
        if values[name].isdigit() and int(values[name]) > 0:
            numbers[name] = int(values[name])
        else:
            errors.append(f"{name} “{values[name]}” is not a number")
    if values["kind"] not in Session.DATE_FIELDS:
        errors.append(f"kind “{values['kind']}” is not one of {', '.join(Session.DATE_FIELDS)}")
    date = None
    try:
        if _ISO_DATE.match(values["date"]):
            date = datetime.date.fromisoformat(values["date"])
    except ValueError:
        pass
    if date is None:
        errors.append(f"date “{values['date']}” is not a date written YYYY-MM-DD")
    if not values["source"]:
        errors.append("the source is empty: every date says which document states it")
    elif len(values["source"]) > SOURCE_MAX_LENGTH:
        errors.append(f"the source is longer than {SOURCE_MAX_LENGTH} characters")
    if errors:
        problems.append(f"line {line}: " + ", ".join(errors))
        return None
    return CalendarDate(line, numbers["cycle"], numbers["session"], values["kind"], date, values["source"])


def _review_order(rows):
    dates = {(row.session, row.kind): row for row in rows}
    for (session, kind), ends in dates.items():
        starts = dates.get((session, "starts_on"))
        if kind == "ends_on" and starts and ends.date < starts.date:
            yield f"line {ends.line}: session {session} ends ({ends.date}) before it starts ({starts.date})"


@transaction.atomic
def load_session_calendar(path=CALENDAR_FILE, *, force=False):
    """Write the file's dates into the sessions; see the module's docstring for the rules."""
    rows = read_calendar(path)
    cycles = {cycle.number: cycle for cycle in Cycle.objects.all()}
    sessions = {session.number: session for session in Session.objects.select_for_update()}
    problems = []
    for row in rows:
        session = sessions.get(row.session)
        if row.cycle not in cycles:
            problems.append(
                f"line {row.line}: there is no cycle {row.cycle} (load_upr_vocabularies adds them)"
            )
        elif session is not None and session.cycle_id != cycles[row.cycle].pk:
            problems.append(
                f"line {row.line}: session {row.session} is in cycle {session.cycle.number}, not {row.cycle}"
            )
    if problems:
        raise CalendarFileError(f"{Path(path).name}: " + "; ".join(problems))

    result = CalendarLoad()
    changed = {}
    for row in rows:
        session = sessions.get(row.session)
        if session is None:
            session = sessions[row.session] = Session.objects.create(
                number=row.session, cycle=cycles[row.cycle]
            )
            result.sessions_created.append(row.session)
        if _apply(session, row, force, result):
            changed.setdefault(session.number, set()).update((row.kind, f"{row.kind}_source"))
    for number, fields in changed.items():
        sessions[number].save(update_fields=sorted(fields))
    return result


def _apply(session, row, force, result):
    """Put one row's date on the session if the rules allow it; True if the session changed."""
    date, source = getattr(session, row.kind), getattr(session, f"{row.kind}_source")
    if (date, source) == (row.date, row.source):
        result.unchanged.append(row)
        return False
    if date in (None, row.date) and not source:
        result.set.append(row)
    else:
        result.conflicts.append(Conflict(row, date, source, forced=force))
        if not force:
            return False
    setattr(session, row.kind, row.date)
    setattr(session, f"{row.kind}_source", row.source)
    return True
