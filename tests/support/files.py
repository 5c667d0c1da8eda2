"""Real files for tests: PDFs from ../shared/data and images made with Pillow."""

import io
from pathlib import Path

from PIL import Image

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
PDFS = SHARED_DATA / "pdfs"


def shared_pdf(name="Slovenia_Add.pdf"):
    return (PDFS / name).read_bytes()


def png_bytes(width=320, height=200, colour=(30, 90, 160)):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()
