"""What a report file must be: a real PDF (by its bytes, not its name) within the size limit."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

PDF_MAGIC = b"%PDF-"
# The PDF specification lets the header come anywhere in the first 1024 bytes.
HEADER_WINDOW = 1024


def max_pdf_bytes():
    return settings.PUBLICATIONS_MAX_PDF_MB * 1024 * 1024


def looks_like_pdf(file):
    """Whether the file's first bytes hold the PDF header; the file position is kept."""
    position = file.tell() if hasattr(file, "tell") else None
    try:
        file.seek(0)
        head = file.read(HEADER_WINDOW)
    finally:
        if position is not None:
            file.seek(position)
    return PDF_MAGIC in head


def validate_report_pdf(file, name=""):
    """Raise ValidationError unless ``file`` is a PDF no larger than PUBLICATIONS_MAX_PDF_MB."""
    size = getattr(file, "size", None)
    if size is not None and size > max_pdf_bytes():
        raise ValidationError(
            _("This file is %(size)s; a report may be at most %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(max_pdf_bytes())},
            code="file_too_large",
        )
    if not looks_like_pdf(file):
        raise ValidationError(
            _(
                "“%(name)s” is not a PDF file, whatever its name says. Export the report as PDF and upload it again."
            )
            % {"name": name or getattr(file, "name", "")},
            code="not_a_pdf",
        )
