"""What a PDF is, read from its bytes in the background: page count and a cover from its first page."""

import io
import logging
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass

import pypdfium2

from django.core.files.images import ImageFile

from publications.validators import HEADER_WINDOW, PDF_MAGIC

logger = logging.getLogger(__name__)

COVER_WIDTH = 1200  # pixels: sharp on a retina thumbnail, small enough to store


@dataclass
class LocalCopy:
    path: str
    size: int
    is_pdf: bool
    too_large: bool = False


@contextmanager
def local_copy(file, *, max_bytes=None):
    """A local copy of an open stored file (perhaps on S3), since PDFium wants random access.

    With ``max_bytes``, copying stops as soon as the file is larger, and the
    copy says ``too_large``. The copy is deleted on leaving the block.
    """
    with tempfile.NamedTemporaryFile(suffix=".pdf") as local:
        size = 0
        while chunk := file.read(1024 * 1024):
            size += len(chunk)
            if max_bytes is not None and size > max_bytes:
                yield LocalCopy(local.name, size, is_pdf=False, too_large=True)
                return
            local.write(chunk)
        local.flush()
        local.seek(0)
        yield LocalCopy(local.name, size, is_pdf=PDF_MAGIC in local.read(HEADER_WINDOW))


@dataclass
class PdfFacts:
    is_pdf: bool
    size: int | None = None
    page_count: int | None = None
    cover_png: bytes | None = None
    problem: str = ""


def read_pdf(file) -> PdfFacts:
    """Page count and first-page PNG of an open binary file; never raises for a bad PDF."""
    with local_copy(file) as local:
        size = local.size
        if not local.is_pdf:
            return PdfFacts(is_pdf=False, size=size, problem="not a PDF")
        try:
            pdf = pypdfium2.PdfDocument(local.path)
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
