"""Read the text of a PDF page by page, whatever state the PDF is in.

pypdfium2 (PDFium, the engine of Chromium's PDF viewer) was chosen by
measurement: see bench/pdf_extractors.py.
"""

from dataclasses import dataclass, field
from importlib.metadata import version

import pypdfium2

from django.conf import settings

from publications.covers import local_copy

EXTRACTOR = f"pypdfium2 {version('pypdfium2')}"


@dataclass
class Extraction:
    status: str  # a DocumentText.Status value
    pages: list[str] = field(default_factory=list)
    detail: str = ""


def max_bytes():
    return settings.SEARCH_EXTRACT_MAX_MB * 1024 * 1024


def extract(file) -> Extraction:
    """The pages of an open binary file (from any storage); never raises for a bad PDF."""
    with local_copy(file, max_bytes=max_bytes()) as local:
        if local.too_large:
            return Extraction(
                "too_large", detail=f"larger than {settings.SEARCH_EXTRACT_MAX_MB} MB (SEARCH_EXTRACT_MAX_MB)"
            )
        if not local.is_pdf:
            return Extraction("not_pdf", detail="the file does not start like a PDF")
        return _extract_path(local.path)


def _extract_path(path):
    try:
        pdf = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as error:
        message = str(error)
        status = "encrypted" if "password" in message.lower() else "damaged"
        return Extraction(status, detail=message)
    try:
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                text_page = page.get_textpage()
                try:
                    pages.append(_clean(text_page.get_text_bounded()))
                finally:
                    text_page.close()
            finally:
                page.close()
    except pypdfium2.PdfiumError as error:
        return Extraction("damaged", pages=pages, detail=f"page {len(pages) + 1}: {error}")
    finally:
        pdf.close()
    if not any(text.strip() for text in pages):
        return Extraction("no_text", pages=pages, detail="no page has a text layer")
    return Extraction("extracted", pages=pages)


# PDFium gives a hyphen that ends a line as \x02 ("mid\x02term"): it was a real hyphen in every
# case measured (bench/pdf_extractors.py). Other control characters (NUL, glyphs it could not
# map) are dropped: the database and the search index want none.
_CONTROL = {code: None for code in range(32) if chr(code) not in "\n\t"} | {0x02: "-", 0x7F: None}


def _clean(text):
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL).strip()
