"""Reading OHCHR matrices: the three real documents, their CSV forms, and broken files."""

import io
from collections import Counter

import docx
import pytest

from tests.support.files import SHARED_DATA
from upr.importers.ohchr import MatrixFormatError, MatrixRow, RowError, read_matrix, sdg_number
from upr.importers.records import ImportFileError

MATRICES = SHARED_DATA / "ohchr-matrices"
EGYPT = "EgyptMatriceRecommendations"
UPR34 = "UPR34_Slovenia_Thematic_list_of_Recommendations"
UPR48 = "upr48-slovenia-thematic-list-of-recommendatio"


def read(name):
    with open(MATRICES / name, "rb") as file:
        return list(read_matrix(file, name))


def rows_of(name):
    items = read(name)
    assert [item for item in items if isinstance(item, RowError)] == []
    return items


def docx_bytes(header, *rows):
    document = docx.Document()
    table = document.add_table(rows=0, cols=len(header))
    for values in (header, *rows):
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("extension", [".docx", ".csv"])
@pytest.mark.parametrize(
    ("stem", "count", "positions", "distinct"),
    [
        (EGYPT, 300, {"supported": 224, "noted": 53, "supported_in_part": 23}, (49, 15, 0)),
        (UPR34, 215, {"supported": 182, "noted": 33}, (62, 26, 13)),
        (UPR48, 254, {"supported": 217, "noted": 37}, (60, 24, 12)),
    ],
)
def test_every_recommendation_of_the_real_matrices_is_read(stem, extension, count, positions, distinct):
    rows = rows_of(stem + extension)

    assert len(rows) == count
    assert len({row.number for row in rows}) == count
    assert dict(Counter(row.position for row in rows)) == positions
    themes = {theme for row in rows for theme in row.themes}
    groups = {group for row in rows for group in row.affected_groups}
    sdgs = {sdg for row in rows for sdg in row.sdgs}
    assert (len(themes), len(groups), len(sdgs)) == distinct
    assert all(row.text and row.recommending_states for row in rows)
    # One Egypt row gives a comment where the others give their source.
    assert [row.number for row in rows if not row.source_of_position] == (["166.16"] if stem == EGYPT else [])
    # No number, "(State)" group or "Source of position" line is left in a text.
    assert not [row.number for row in rows if row.text[:1].isdigit() or "Source of" in row.text]


@pytest.mark.parametrize("stem", [EGYPT, UPR34, UPR48])
def test_the_docx_and_its_csv_give_the_same_recommendations(stem):
    def key(row):
        states = tuple(state.replace("’", "'") for state in row.recommending_states)
        return (row.text, states, row.position, row.themes, row.affected_groups, row.sdgs, row.section_theme)

    from_docx = {row.number: key(row) for row in rows_of(stem + ".docx")}
    from_csv = {row.number: key(row) for row in rows_of(stem + ".csv")}

    assert from_docx == from_csv


def test_an_egypt_row_with_its_state_column_and_numbered_rights():
    row = next(row for row in rows_of(EGYPT + ".docx") if row.number == "166.6")

    assert row == MatrixRow(
        line=3,
        number="166.6",
        text="Ratify the Rome Statute of the ICC",
        recommending_states=("Chile", "Estonia", "Slovenia", "Tunisia", "Uruguay"),
        position="noted",
        position_as_published="Noted",
        themes=("Acceptance of international norms",),
        affected_groups=("general",),
        sdgs=(),
        section_theme="Acceptance of international norms",
        source_of_position="A/HRC/28/16/Add.1",
        comments="",
    )
    partly = [row for row in rows_of(EGYPT + ".docx") if row.position == "supported_in_part"]
    assert {row.position_as_published for row in partly} == {"Supported/Noted"}


def test_slovenia_states_come_from_the_text_and_convention_numbers_stay_in_it():
    rows = {row.number: row for row in rows_of(UPR34 + ".docx")}

    assert rows["121.1"].recommending_states == ("France", "Lithuania")
    # Two sentences, each with its state: the first keeps its "(Ukraine);".
    assert rows["121.2"].recommending_states == ("Ukraine", "Slovakia")
    assert rows["121.2"].text.startswith("Complete the process of ratification")
    assert "(Ukraine); Increase efforts" in rows["121.2"].text
    # "(No. 29)" is an ILO convention, not a state.
    assert rows["121.3"].recommending_states == ("United Kingdom of Great Britain and Northern Ireland",)
    assert rows["121.3"].text.endswith("Forced Labour Convention, 1930 (No. 29)")
    # A text that ends with "(State)." rather than "(State);".
    assert rows["121.58"].recommending_states == ("France",)
    assert rows["121.58"].text.endswith("2018 Constitutional Court decision")
    # The theme whose name holds semicolons stays one theme.
    assert "Children: definition; general principles; protection" in rows["121.6"].themes


def test_upr48_sdgs_from_their_own_column_and_nested_state_names():
    rows = {row.number: row for row in rows_of(UPR48 + ".docx")}

    assert rows["140.7"].sdgs[:2] == ("1 - NO POVERTY", "2 - ZERO HUNGER")
    assert rows["140.7"].affected_groups == ("Public officials",)
    assert rows["140.7"].source_of_position == "A/HRC/59/15/Add.1 - Para.3"
    assert rows["140.167"].recommending_states == ("Venezuela (Bolivarian Republic of)",)
    assert rows["140.167"].text.endswith("such as the digital sector")


def test_columns_are_found_by_their_headers_in_any_order():
    data = docx_bytes(
        ["Position", "Themes", "Recommendation"],
        ["Theme: Justice", "Theme: Justice", "Theme: Justice"],
        ["Supported", "- Justice\nAffected persons:\n- Journalists", "99.1 Protect journalists (Ghana);"],
        ["Pending", "- Justice", "99.2 Reform the courts (Kenya, Uganda)"],
    )

    rows = list(read_matrix(io.BytesIO(data), "reordered.docx"))

    assert [(row.number, row.text, row.recommending_states, row.position) for row in rows] == [
        ("99.1", "Protect journalists", ("Ghana",), "supported"),
        ("99.2", "Reform the courts", ("Kenya", "Uganda"), "pending"),
    ]
    assert rows[0].affected_groups == ("Journalists",)
    assert rows[0].section_theme == "Justice"


def test_bad_rows_are_reported_with_their_table_row():
    data = docx_bytes(
        ["Recommendation", "Position"],
        ["99.1 Protect journalists (Ghana);", "Maybe"],
        ["99.2 Protect journalists", "Supported"],
        ["99.3 Protect journalists (Atlantis);", "Supported"],
        ["", "Supported"],
    )

    items = list(read_matrix(io.BytesIO(data), "bad-rows.docx"))

    assert items[0] == RowError(2, "unknown position “Maybe” (expected Supported, Noted or Supported/Noted)")
    assert items[1].line == 3 and "no recommending state" in items[1].message
    # An unknown name is handed on as a state, for the importer to report: never dropped.
    assert items[2].recommending_states == ("Atlantis",)
    assert items[3] == RowError(5, "the recommendation text is empty")


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"%PDF-1.7 not a word file", "matrix.docx", "not a ZIP package"),
        (None, "truncated.docx", "cannot be read"),
        (b"", "empty.csv", "The file is empty"),
        (b"recommendation,themes\nRatify it (France),Justice\n", "no-position.csv", "position"),
        (
            b"recommendation,position\nRatifier (Fran\xe7a),Supported\n",
            "latin1.csv",
            "Line 2 is not valid UTF-8",
        ),
        (b"nothing", "matrix.txt", "neither a .docx nor a .csv"),
    ],
)
def test_files_that_are_not_matrices_get_a_clear_error(data, filename, message):
    if filename == "truncated.docx":
        data = (MATRICES / (UPR34 + ".docx")).read_bytes()[:30000]

    with pytest.raises(ImportFileError, match=message):
        list(read_matrix(io.BytesIO(data), filename))


def test_a_word_document_without_a_matrix_is_refused():
    document = docx.Document()
    document.add_paragraph("Minutes of the meeting")
    buffer = io.BytesIO()
    document.save(buffer)
    with pytest.raises(MatrixFormatError, match="has no table"):
        list(read_matrix(io.BytesIO(buffer.getvalue()), "minutes.docx"))

    other_table = docx_bytes(["Name", "Date"], ["Alice", "2024-01-01"])
    with pytest.raises(MatrixFormatError, match="not a matrix of recommendations"):
        list(read_matrix(io.BytesIO(other_table), "table.docx"))


def test_sdg_numbers():
    assert sdg_number("16 - PEACE, JUSTICE AND STRONG INSTITUTIONS") == 16
    assert sdg_number("SDG 5") == 5
    assert sdg_number("Gender equality") is None


def with_extra_entries(data, entries):
    import zipfile

    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as package:
        for name, content in entries:
            package.writestr(name, content)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_at_once_with_a_clear_error(settings):
    import time

    settings.UPR_DOCX_MAX_UNCOMPRESSED_MB = 20
    matrix = docx_bytes(["Recommendation", "Position"], ["Ratify the Convention (France)", "Supported"])
    bomb = with_extra_entries(matrix, [("word/media/padding.xml", b"\0" * (40 * 1024 * 1024))])
    assert len(bomb) < 200_000  # 40 MB of zeros, deflated
    started = time.monotonic()
    with pytest.raises(MatrixFormatError, match=r"would take 4\d MB once decompressed, more than the 20 MB"):
        list(read_matrix(io.BytesIO(bomb), "bomb.docx"))
    assert time.monotonic() - started < 1


def test_a_package_of_too_many_parts_is_refused(settings):
    settings.UPR_DOCX_MAX_ENTRIES = 100
    matrix = docx_bytes(["Recommendation", "Position"], ["Ratify the Convention (France)", "Supported"])
    crowded = with_extra_entries(matrix, [(f"customXml/item{n}.xml", b"") for n in range(200)])
    with pytest.raises(MatrixFormatError, match=r"it has 2\d\d parts, more than the 100"):
        list(read_matrix(io.BytesIO(crowded), "crowded.docx"))
    assert len(list(read_matrix(io.BytesIO(matrix), "fine.docx"))) == 1
