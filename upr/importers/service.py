"""One entry point for every way of importing recommendations (command line, admin upload)."""

from pathlib import Path

from .records import ImportFileError
from .upr_info import UprInfoReader
from .vocabularies import VocabularyIndex
from .writer import RecommendationWriter

FORMATS = ("upr_info", "ohchr_matrix")


def detect_format(filename):
    suffix = Path(filename).suffix.lower()
    if suffix == ".docx":
        return "ohchr_matrix"
    if suffix == ".csv":
        return None  # both formats come as CSV: the header decides
    raise ImportFileError(f"“{Path(filename).name}” is neither a .csv nor a .docx file.")


def sniff_csv_format(binary_file):
    """Tell a UPR Info export from an OHCHR matrix CSV by its header line."""
    position = binary_file.tell()
    header = binary_file.readline(64 * 1024).decode("utf-8-sig", errors="replace")
    binary_file.seek(position)
    columns = {column.strip().strip('"').lower() for column in header.split(",")}
    if {"to", "from", "text"} <= columns:
        return "upr_info"
    if "recommendation" in columns or "recommendation_id" in columns:
        return "ohchr_matrix"
    raise ImportFileError(
        "The CSV header is neither a UPR Info export (To, Text, From, …) nor an OHCHR matrix "
        f"(recommendation, position, …): {header.strip()[:200]!r}"
    )


def import_recommendations(
    binary_file,
    *,
    filename,
    file_format=None,
    state=None,
    session=None,
    user=None,
    dry_run=False,
    skip_invalid=False,
    on_batch=None,
    record=None,
):
    """Import a file of recommendations; return its RecommendationImport, or raise ImportFailed.

    ``state`` (ISO code or name) and ``session`` (number) say whose review an
    OHCHR matrix is about, since the matrix itself does not.
    """
    vocabularies = VocabularyIndex()
    file_format = file_format or detect_format(filename) or sniff_csv_format(binary_file)
    writer = RecommendationWriter(
        vocabularies,
        source=file_format,
        filename=Path(filename).name,
        user=user,
        dry_run=dry_run,
        skip_invalid=skip_invalid,
    )
    if file_format == "upr_info":
        items = UprInfoReader(vocabularies).read(binary_file)
    elif file_format == "ohchr_matrix":
        from .ohchr_records import OhchrRecords

        items = OhchrRecords(vocabularies, state=state, session=session).read(binary_file, filename)
    else:
        raise ImportFileError(f"Unknown format “{file_format}”; expected one of {', '.join(FORMATS)}.")
    return writer.run(items, on_batch=on_batch, record=record)
