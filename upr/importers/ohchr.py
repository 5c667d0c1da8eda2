"""Reader of the OHCHR matrix ("thematic list") of recommendations: the .docx itself, or its CSV.

A matrix is one table, one row per recommendation, under theme heading rows
("Theme: …", "Right or area: 2.1. …"). Header wording and column order
differ between years, so columns are found by the words of their headers:

- Egypt 2014:   Recommendation | Recommending state/s | Position | Full list of rights/affected persons
- Slovenia 2019: Recommendation | Position | Full list of themes | Assessment/comments on level …
- Slovenia 2025: Recommendation and recommending State | Position of the State under review |
  Human rights themes and groups of persons | Relevant SDGs

The recommendation cell holds "140.7 Text (France) (Portugal, Slovakia);" and a
"Source of position: A/HRC/…" line. Recommending states are the parenthesised
groups that end a sentence and name states only, so that "Convention, 1930
(No. 29) (United Kingdom …)" keeps "(No. 29)" in its text.

This module knows nothing of the database: it yields MatrixRow or RowError.
"""

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from upr.reference.matching import default_matcher

from .records import CsvFile, ImportFileError

POSITIONS = {
    "supported": "supported",
    "accepted": "supported",
    "noted": "noted",
    "rejected": "noted",
    "supported/noted": "supported_in_part",
    "supported in part": "supported_in_part",
    "partially supported": "supported_in_part",
    "partly supported": "supported_in_part",
    # The State supports the recommendation and considers it already implemented: OHCHR's
    # matrices and the addenda of the Working Group reports word it in these ways.
    "supported/already implemented": "supported_implemented",
    "accepted/already implemented": "supported_implemented",
    "supported and considered already implemented": "supported_implemented",
    "supported and considered implemented": "supported_implemented",
    "accepted and considered already implemented": "supported_implemented",
    "accepted and considered implemented": "supported_implemented",
    "already implemented": "supported_implemented",
    "pending": "pending",
}

_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)+)\.?\s+")
_THEME_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?\s+")
_HEADING = re.compile(r"^\s*(?:theme|right or area|cluster)\s*:\s*", re.IGNORECASE)
_SOURCE = re.compile(r"^\s*source of position\s*:\s*", re.IGNORECASE)
_COMMENTS = re.compile(r"^\s*comments?\s*:\s*", re.IGNORECASE)
# A parenthesised group, one level of nesting allowed: "(Iran (Islamic Republic of))".
_PARENTHESISED = r"\(((?:[^()]|\([^()]*\))+)\)"
_TRAILING_GROUP = re.compile(r"\s*" + _PARENTHESISED + r"[\s;.,]*$")
# A group followed by the end of a sentence, another group, or the end of the text.
_GROUP = re.compile(_PARENTHESISED + r"(?=\s*(?:[;.]|\(|$))")
_SECTIONS = {
    "sdg": "sdgs",
    "sdgs": "sdgs",
    "affected persons": "affected_groups",
    "groups of persons": "affected_groups",
    "affected groups": "affected_groups",
}

CSV_COLUMNS = {
    "text": "recommendation",
    "number": "recommendation_id",
    "states": "recommending_state",
    "position": "position",
    "themes": "themes",
    "affected_groups": "affected_persons",
    "sdgs": "sdgs",
    "section_theme": "section_theme",
    "source_of_position": "source_of_position",
    "comments": "comments",
    "raw": "recommendation_raw",
}


class MatrixFormatError(ImportFileError):
    """The file is not a matrix of recommendations this reader understands."""


@dataclass(frozen=True)
class RowError:
    line: int
    message: str


@dataclass(frozen=True)
class MatrixRow:
    line: int  # the table row (header = 1) or the CSV line
    number: str
    text: str
    recommending_states: tuple[str, ...]
    position: str  # a Response value: supported, noted, supported_in_part, supported_implemented or pending
    position_as_published: str = ""
    themes: tuple[str, ...] = ()
    affected_groups: tuple[str, ...] = ()
    sdgs: tuple[str, ...] = ()
    section_theme: str = ""
    source_of_position: str = ""
    comments: str = ""


def position_key(text: str) -> str:
    """A position cell as POSITIONS names it: lower case, single spaces, none around a slash."""
    return re.sub(r"\s*/\s*", "/", " ".join(text.lower().split()))


def sdg_number(text: str) -> int | None:
    """The goal number of an SDG line such as "16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"."""
    match = re.match(r"^\s*(?:sdg\s*)?(\d{1,2})\b", text, re.IGNORECASE)
    return int(match.group(1)) if match else None


def read_matrix(binary_file, filename, *, is_state: Callable[[str], bool] | None = None) -> Iterator:
    """MatrixRow or RowError for each recommendation of a .docx or .csv matrix."""
    is_state = is_state or _known_state
    suffix = Path(filename).suffix.lower()
    if suffix == ".docx":
        return read_docx(binary_file, is_state=is_state)
    if suffix == ".csv":
        return read_csv(binary_file, is_state=is_state)
    raise MatrixFormatError(f"“{Path(filename).name}” is neither a .docx nor a .csv matrix.")


# Word -----------------------------------------------------------------------


def read_docx(binary_file, *, is_state=None) -> Iterator:
    table = _matrix_table(binary_file)
    rows = iter(table.rows)
    columns = None
    for index, row in enumerate(rows, start=1):
        cells = _cell_texts(row)
        columns = _docx_columns(cells)
        if columns:
            break
        if index >= 3:
            break
    if not columns:
        raise MatrixFormatError(
            "The table of this document is not a matrix of recommendations: no header row names "
            "a “Recommendation” column and a “Position” column."
        )
    return _docx_rows(rows, columns, start=index + 1, is_state=is_state or _known_state)


def _matrix_table(binary_file):
    import docx  # python-docx; imported here so that CSV imports do not need it loaded

    data = binary_file.read()
    if data[:2] == b"PK" and not zipfile.is_zipfile(io.BytesIO(data)):
        raise MatrixFormatError("This Word document cannot be read: it is damaged or truncated.")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise MatrixFormatError(
            "This file is not a Word document (.docx): it is not a ZIP package. "
            "An older .doc must be saved as .docx first."
        )
    _check_package_size(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise MatrixFormatError(
            f"This Word document cannot be read (damaged or truncated?): {error}"
        ) from None
    except Exception as error:  # python-docx raises its own and lxml's errors for a broken package
        raise MatrixFormatError(
            f"This Word document cannot be read (damaged or truncated?): {error}"
        ) from None
    if not document.tables:
        raise MatrixFormatError("This Word document has no table: it is not a matrix of recommendations.")
    return max(document.tables, key=lambda table: len(table.rows))


def _check_package_size(data):
    """Refuse, before anything is decompressed, a package that would grow too large or has too many parts.

    Python's zipfile never returns more than an entry's declared size, so the
    declared sizes bound what python-docx can be made to read.
    """
    from django.conf import settings

    max_bytes = settings.UPR_DOCX_MAX_UNCOMPRESSED_MB * 1024 * 1024
    max_entries = settings.UPR_DOCX_MAX_ENTRIES
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            entries = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise MatrixFormatError(
            f"This Word document cannot be read (damaged or truncated?): {error}"
        ) from None
    if len(entries) > max_entries:
        raise MatrixFormatError(
            f"This Word document is refused: it has {len(entries):,} parts, more than the {max_entries:,} "
            "a matrix may have (UPR_DOCX_MAX_ENTRIES)."
        )
    total = sum(entry.file_size for entry in entries)
    if total > max_bytes:
        raise MatrixFormatError(
            f"This Word document is refused: it would take {total / 1024 / 1024:,.0f} MB once decompressed, "
            f"more than the {settings.UPR_DOCX_MAX_UNCOMPRESSED_MB} MB a matrix may (UPR_DOCX_MAX_UNCOMPRESSED_MB)."
        )


def _cell_texts(row):
    """The texts of a row's cells, each merged cell once."""
    texts, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        texts.append(cell.text)
    return texts


def _docx_columns(headers):
    """Map field -> column index from a header row's wording, or None if it is not a header."""
    columns = {}
    for index, header in enumerate(headers):
        words = " ".join(header.lower().split())
        if words.startswith("recommendation"):
            columns.setdefault("text", index)
        elif "recommending state" in words:
            columns.setdefault("states", index)
        elif "position" in words:
            columns.setdefault("position", index)
        elif "sdg" in words:
            columns.setdefault("sdgs", index)
        elif "theme" in words or "rights" in words:
            columns.setdefault("themes", index)
        elif "comment" in words or "assessment" in words or "implementation" in words:
            columns.setdefault("comments", index)
    if "text" in columns and "position" in columns:
        return columns
    return None


def _docx_rows(rows, columns, *, start, is_state):
    section_theme = ""
    width = max(columns.values()) + 1
    for line, row in enumerate(rows, start=start):
        cells = _cell_texts(row)
        first = cells[0].strip() if cells else ""
        if not any(cell.strip() for cell in cells):
            continue
        if len(set(map(str.strip, cells))) == 1 or _HEADING.match(first) and len(cells) < width:
            section_theme = _clean_theme(_HEADING.sub("", first))
            continue
        if _HEADING.match(first) and not _NUMBER.match(first):
            section_theme = _clean_theme(_HEADING.sub("", first))
            continue
        if len(cells) < width:
            yield RowError(line, f"the row has {len(cells)} cells where the header has {width}")
            continue

        def cell(field, cells=cells):
            return cells[columns[field]] if field in columns else ""

        themes, groups, sdgs = _split_themes_cell(cell("themes"))
        sdgs += _lines(cell("sdgs"))
        yield _row(
            line,
            raw=cell("text"),
            states_cell=_lines(cell("states")),
            position=cell("position"),
            themes=themes,
            affected_groups=groups,
            sdgs=sdgs,
            section_theme=section_theme,
            comments=" ".join(cell("comments").split()),
            is_state=is_state,
        )


def _split_themes_cell(text):
    """Themes, affected groups and SDGs from a cell of "- theme" lines under "SDGs:" / "Affected persons:"."""
    parts = {"themes": [], "affected_groups": [], "sdgs": []}
    current = "themes"
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        label, colon, rest = line.partition(":")
        section = _SECTIONS.get(label.strip().lower()) if colon else None
        if section:
            current = section
            line = rest.strip()
            if not line:
                continue
        value = line.lstrip("-•–").strip()
        if value:
            parts[current].append(_clean_theme(value) if current == "themes" else value)
    return parts["themes"], parts["affected_groups"], parts["sdgs"]


def _lines(text):
    return [line.lstrip("-•–").strip() for line in text.splitlines() if line.lstrip("-•–").strip()]


def _clean_theme(name):
    """ "2.1. Acceptance of international norms  " -> "Acceptance of international norms"."""
    return " ".join(_THEME_NUMBER.sub("", name.strip()).split())


# CSV ------------------------------------------------------------------------


def read_csv(binary_file, *, is_state=None) -> Iterator:
    is_state = is_state or _known_state
    csv_file = CsvFile(binary_file)
    header = [column.lower() for column in csv_file.header]
    missing = [
        name
        for name in (CSV_COLUMNS["text"], CSV_COLUMNS["position"])
        if name not in header and not (name == CSV_COLUMNS["text"] and CSV_COLUMNS["raw"] in header)
    ]
    if missing:
        raise MatrixFormatError(
            "This is not an OHCHR matrix CSV: the column(s) "
            + ", ".join(missing)
            + " are missing (found: "
            + ", ".join(header)
            + ")."
        )
    positions = {field: header.index(column) for field, column in CSV_COLUMNS.items() if column in header}
    return _csv_rows(csv_file, positions, is_state)


def _csv_rows(csv_file, positions, is_state):
    for line, values, problem in csv_file.rows():
        if problem:
            yield RowError(line, problem)
            continue
        row = {field: values[index].strip() for field, index in positions.items()}
        yield _csv_row(line, row, is_state)


def _csv_row(line, row, is_state):
    raw = row.get("raw", "")
    number = row.get("number", "").rstrip(".")
    if not raw:
        text = row.get("text", "")
        raw = f"{number} {text}" if number else text
    return _row(
        line,
        raw=raw,
        # The untouched "recommendation_raw" cell is read exactly as the .docx cell,
        # so that both forms agree; without it the columns are taken as they are.
        states_cell=[] if row.get("raw") else _csv_list(row.get("states", "")),
        position=row.get("position", ""),
        themes=[_clean_theme(theme) for theme in _csv_list(row.get("themes", ""), continued=True)],
        affected_groups=_csv_list(row.get("affected_groups", "")),
        sdgs=_csv_list(row.get("sdgs", "")),
        section_theme=_clean_theme(row.get("section_theme", "")),
        comments=row.get("comments", ""),
        source=row.get("source_of_position", ""),
        is_state=is_state,
    )


def _csv_list(text, *, continued=False):
    """The values of a "; "-separated cell.

    Some OHCHR theme names hold "; " themselves ("Children: definition; general
    principles; protection"): with ``continued``, a part that starts in lower
    case continues the previous one.
    """
    values = []
    for part in (part.strip() for part in text.split(";")):
        if not part:
            continue
        if continued and values and part[0].islower():
            values[-1] = f"{values[-1]}; {part}"
        else:
            values.append(part)
    return values


# One recommendation -----------------------------------------------------------


def _row(line, *, raw, states_cell, position, is_state, source="", comments="", **fields):
    text_lines = []
    comments = [comments] if comments else []
    for text_line in raw.splitlines():
        if _SOURCE.match(text_line):
            source = _SOURCE.sub("", text_line).strip()
        elif _COMMENTS.match(text_line):
            if (comment := _COMMENTS.sub("", text_line).strip()) not in comments:
                comments.append(comment)
        elif text_line.strip():
            text_lines.append(text_line.strip())
    text = " ".join(" ".join(text_lines).split())
    number = ""
    if match := _NUMBER.match(text):
        number = match.group(1)
        text = text[match.end() :]
    text, states_in_text = _split_states(text, is_state, require_states=not states_cell)
    states = states_cell or states_in_text
    if not text:
        return RowError(line, "the recommendation text is empty")
    if not states:
        return RowError(line, "no recommending state: the text ends with no “(State)” and no state column")
    response = POSITIONS.get(position_key(position))
    if response is None:
        shown = " ".join(position.split()) or "(empty)"
        return RowError(line, f"unknown position “{shown}” (expected Supported, Noted or Supported/Noted)")
    return MatrixRow(
        line=line,
        number=number,
        text=text,
        recommending_states=tuple(dict.fromkeys(states)),
        position=response,
        position_as_published=" ".join(position.split()),
        themes=tuple(dict.fromkeys(fields["themes"])),
        affected_groups=tuple(dict.fromkeys(fields["affected_groups"])),
        sdgs=tuple(dict.fromkeys(fields["sdgs"])),
        section_theme=fields["section_theme"],
        source_of_position=source,
        comments=" ".join(comments),
    )


def _split_states(text, is_state, *, require_states=True):
    """The text without its final "(State)" groups, and every state named in a group that ends a sentence.

    A group ending the text whose names are not states is kept as text,
    except the very last one, which must name the recommending state(s): when
    it does not, its names are returned as states all the same so that the
    caller reports them as unknown rather than losing them.
    """
    states = []
    for match in _GROUP.finditer(text):
        names = _group_names(match.group(1), is_state) or _misspelt_states(match.group(1), is_state)
        if names:
            states.extend(names)
    trailing = []
    remaining = text
    while match := _TRAILING_GROUP.search(remaining):
        names = _group_names(match.group(1), is_state)
        if not names:
            if require_states and not trailing:  # the last group names no known state
                trailing = [name.strip() for name in match.group(1).split(",") if name.strip()]
                states.extend(trailing)
                remaining = remaining[: match.start()]
            break
        trailing.extend(names)
        remaining = remaining[: match.start()]
    return remaining.rstrip(" ;,"), list(dict.fromkeys(states))


def _group_names(group, is_state):
    """The state names in "(Portugal, Slovakia)", or [] if the group is not a list of states."""
    group = " ".join(group.split())
    if is_state(group):
        return [group]
    names = [name.strip() for name in group.split(",") if name.strip()]
    if names and all(is_state(name) for name in names):
        return names
    return []


def _misspelt_states(group, is_state):
    """The names of a group that ends a sentence when they are states but one is misspelt
    ("(Sierra Le one)", "(Portugal, Slovakai)"): returned so that the caller reports them as
    unknown rather than the sentence keeping them as text and the states being lost. [] for a
    group of anything else ("(Istanbul Convention)", "(CEDAW)", "(2019)")."""
    names = [" ".join(name.split()) for name in group.split(",") if name.strip()]
    if not names or any(char.isdigit() for char in group):
        return []
    matcher = default_matcher()
    misspelt = [name for name in names if not is_state(name)]
    if misspelt and all(matcher.closest(name) for name in misspelt):
        return names
    return []


def _known_state(name):
    return default_matcher().match(name) is not None
