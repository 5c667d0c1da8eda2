"""What a PDF is, read from its bytes in the background: page count and a cover from its first page."""

import io
import logging
import shutil
import tempfile
from dataclasses import dataclass

import pypdfium2

from django.core.files.images import ImageFile

from publications.validators import HEADER_WINDOW, PDF_MAGIC

logger = logging.getLogger(__name__)

COVER_WIDTH = 1200  # pixels: sharp on a retina thumbnail, small enough to store


@dataclass
class PdfFacts:
    is_pdf: bool
    size: int | None = None
    page_count: int | None = None
    cover_png: bytes | None = None
    problem: str = ""


def read_pdf(file) -> PdfFacts:
    """Page count and first-page PNG of an open binary file; never raises for a bad PDF."""
    # pdfium wants random access: copy the stream (perhaps from S3) to a local file first.
    with tempfile.NamedTemporaryFile(suffix=".pdf") as local:
        shutil.copyfileobj(file, local, length=1024 * 1024)
        size = local.tell()
        local.flush()
        local.seek(0)
        if PDF_MAGIC not in local.read(HEADER_WINDOW):
            return PdfFacts(is_pdf=False, size=size, problem="not a PDF")
        try:
            pdf = pypdfium2.PdfDocument(local.name)
        except pypdfium2.PdfiumError as error:
            return PdfFacts(is_pdf=True, size=size, problem=f"unreadable PDF ({error})")
        try:
            page_count = len(pdf)
            if not page_count:
                return PdfFacts(is_pdf=True, size=size, page_count=0, problem="the PDF has no pages")
            page = pdf[0]
            width = page.get_width() or COVER_WIDTH
            image = page.render(scale=COVER_WIDTH / width).to_pil()
            buffer = io.BytesIO()
            image.convert("RGB").save(buffer, format="PNG", optimize=True)
            return PdfFacts(is_pdf=True, size=size, page_count=page_count, cover_png=buffer.getvalue())
        except pypdfium2.PdfiumError as error:
            return PdfFacts(
                is_pdf=True,
                size=size,
                page_count=len(pdf),
                problem=f"first page cannot be rendered ({error})",
            )
        finally:
            pdf.close()


def cover_image_file(png, document):
    return ImageFile(io.BytesIO(png), name=f"cover-{document.pk}.png")
