"""What every reader hands the writer: one record per recommendation, or a rejection."""

import csv
import hashlib
from dataclasses import dataclass, field

from upr.reference.countries import STATES
from upr.reference.matching import default_matcher


class ImportFileError(ValueError):
    """The file as a whole cannot be imported (encoding, columns, format): nothing is written."""


@dataclass(frozen=True)
class Rejection:
    line: int
    reason: str

    def as_dict(self):
        return {"line": self.line, "reason": self.reason}


# The roles a state has in a row (what :func:`unknown_state` is told).
STATE_ROLES = ("state under review", "recommending state")


def unknown_state(role, name):
    """The reason a row naming a state nobody knows is rejected: with the state it is most likely
    a misspelling of, if any (never matched: a person decides)."""
    reason = f"unknown {role} “{name}”"
    if (code := default_matcher().closest(name)) is not None:
        known = next((state.name_en for state in STATES if state.iso3 == code), code)
        reason += f" (did you mean {known}?)"
    return reason


def names_an_unknown_state(reason):
    """Whether a rejection's reason (of :func:`unknown_state`, among others) is a state nobody knows."""
    return any(f"unknown {role} “" in reason for role in STATE_ROLES)


@dataclass
class RecommendationRecord:
    """A recommendation as read from a file, with names already resolved to codes."""

    line: int
    natural_key: str
    text: str
    state_under_review: str  # ISO alpha-3
    recommending_states: tuple[str, ...]  # ISO alpha-3
    session: int | None
    cycle: int
    response: str
    response_as_published: str = ""
    action_category: int | None = None
    number: str = ""
    themes: tuple[str, ...] = ()  # theme slugs
    sdgs: tuple[int, ...] = ()
    affected_groups: tuple[str, ...] = ()  # affected group slugs
    source_symbol: str = ""
    language: str = "en"
    warnings: list[str] = field(default_factory=list)


def content_key(prefix, *parts):
    """A stable key from the parts that identify a recommendation, insensitive to spacing and case."""
    digest = hashlib.sha1(  # noqa: S324 - an identifier, not a security measure
        "\x1f".join(" ".join(str(part).casefold().split()) for part in parts).encode()
    ).hexdigest()
    return f"{prefix}:{digest}"


def decoded_lines(binary_file):
    """The file's lines as text, decoded one by one so that an encoding error names its line."""
    for number, raw in enumerate(iter(binary_file.readline, b""), start=1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as error:
            raise ImportFileError(
                f"Line {number} is not valid UTF-8 (byte 0x{raw[error.start]:02x}). "
                "Save the file as UTF-8 and import it again."
            ) from None
        yield line


class CsvFile:
    """A UTF-8 CSV read one row at a time: its header, then its rows with their line numbers."""

    def __init__(self, binary_file):
        self._reader = csv.reader(decoded_lines(binary_file), strict=True)
        try:
            self.header = [column.strip().lstrip("\ufeff") for column in next(self._reader)]
        except StopIteration:
            raise ImportFileError("The file is empty.") from None
        except csv.Error as error:
            raise ImportFileError(f"Line 1: the CSV is malformed ({error}).") from None

    def rows(self):
        """``(line, values, problem)`` for each row that is not empty.

        ``problem`` says why the row cannot be read (its number of fields),
        else it is None. A file that breaks the CSV syntax is refused whole.
        """
        while True:
            try:
                values = next(self._reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise ImportFileError(
                    f"Line {self._reader.line_num}: the CSV is malformed ({error})."
                ) from None
            if not any(value.strip() for value in values):
                continue
            problem = None
            if len(values) != len(self.header):
                problem = (
                    f"the row has {len(values)} fields where the header has {len(self.header)} "
                    "(a truncated or badly quoted line?)"
                )
            yield self._reader.line_num, values, problem
