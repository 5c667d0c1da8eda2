"""What an uploaded document or image must be, read from its bytes rather than its name.

Two checks, used by the custom document and image models (their ``clean`` and ``save``) and so by
every form, view, API or import that saves one:

* ``refuse_active_content``: nothing a browser would run as a web page or a script is stored,
  whatever its name (the start of the file as browsers sniff it, and in an image, markup hidden
  anywhere in it: a JPEG or GIF that is also an HTML page). ``save`` always applies it.
* ``check_file_type``: the bytes are of the kind the name's extension says (a PDF, a Word or
  OpenDocument file, a spreadsheet, a video, an image, subtitles or plain text). ``clean`` applies
  it, which the admin's forms (single and multiple upload) call before anything is stored.

Kinds are read with the ``filetype`` library where its matchers fit, with ``zipfile`` for the
zipped office formats (which ``filetype`` only guesses from the first entries' names).
"""

import os
import re
import zipfile

import filetype

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# How much of a file the kind and the sniffing are read from.
HEAD_BYTES = 8192
# The patterns by which browsers take a response for HTML (WHATWG MIME Sniffing, "identifying a
# resource with an unknown MIME type"), after white space; an XML prologue and SVG besides.
HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?[\t\n\x0c\r ]*<(?:!doctype html|html|head|script|iframe|h1|div|font|table|a|style|"
    rb"title|b|body|br|p|!--|\?xml|svg)[\t\n\x0c\r />]",
    re.IGNORECASE,
)
# Markup that makes an image also a page or a script, anywhere in its bytes.
ACTIVE_MARKUP = re.compile(rb"<(?:script|html|body|iframe|svg|object|embed)[\t\n\x0c\r />]", re.IGNORECASE)

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 and other compound files
EBML_SIGNATURE = b"\x1a\x45\xdf\xa3"  # WebM and Matroska
PDF_MAGIC = b"%PDF-"
PDF_HEADER_WINDOW = 1024  # the PDF specification lets the header come anywhere in the first 1024 bytes
IMAGE_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
    "avif": "image/avif",
}
ZIPPED_OFFICE = {
    # extension: (an entry the archive must hold, the content of its "mimetype" entry if any)
    "docx": ("word/document.xml", None),
    "xlsx": ("xl/workbook.xml", None),
    "pptx": ("ppt/presentation.xml", None),
    "odt": ("content.xml", b"application/vnd.oasis.opendocument.text"),
    "ods": ("content.xml", b"application/vnd.oasis.opendocument.spreadsheet"),
    "odp": ("content.xml", b"application/vnd.oasis.opendocument.presentation"),
}
TEXT_KINDS = {"txt", "csv", "vtt", "srt"}


def _read(file, size=None):
    """The file's first ``size`` bytes (all of them if None); its position is kept."""
    position = file.tell() if hasattr(file, "tell") else None
    try:
        file.seek(0)
        return file.read() if size is None else file.read(size)
    finally:
        if position is not None:
            file.seek(position)


def extension_of(name):
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def refuse_active_content(file, name, *, image=None):
    """Raise ValidationError if the file is a web page or a script (or, for an image, hides one).

    ``image``: whether to look for markup hidden anywhere in it; by default, if the name is an image's.
    """
    if image is None:
        image = extension_of(name) in IMAGE_TYPES
    head = _read(file, HEAD_BYTES)
    hidden = image and ACTIVE_MARKUP.search(_read(file))
    if HTML_START.match(head) or hidden:
        raise ValidationError(
            _(
                "“%(name)s” holds a web page or a script, whatever its name says: it cannot be uploaded. "
                "Upload the document or image itself."
            )
            % {"name": os.path.basename(name)},
            code="active_content",
        )


def _zipped_office_kind_matches(file, extension):
    entry, mimetype = ZIPPED_OFFICE[extension]
    position = file.tell() if hasattr(file, "tell") else None
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if entry not in names:
                return False
            return mimetype is None or archive.read("mimetype").strip() == mimetype
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError):
        return False
    finally:
        if position is not None:
            file.seek(position)


def _is_text(head):
    if b"\x00" in head:
        return False
    # A cut in the middle of a multi-byte character at the end of the head is not an error.
    for encoding in ("utf-8", "cp1252"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as error:
            if encoding == "utf-8" and error.start >= len(head) - 3:
                return True
    return False


def kind_matches(file, extension):
    """Whether the bytes are of the kind ``extension`` names; True for an extension not known here."""
    head = _read(file, HEAD_BYTES)
    if extension == "pdf":
        return PDF_MAGIC in head[:PDF_HEADER_WINDOW]
    if extension in IMAGE_TYPES:
        kind = filetype.image_match(head)
        return kind is not None and kind.mime == IMAGE_TYPES[extension]
    if extension in ZIPPED_OFFICE:
        return _zipped_office_kind_matches(file, extension)
    if extension in ("doc", "xls", "ppt"):
        return head.startswith(OLE2_SIGNATURE)
    if extension in ("mp4", "m4v", "mov"):
        return head[4:8] == b"ftyp"  # an ISO base media file, whatever its brand
    if extension in ("webm", "mkv"):
        return head.startswith(EBML_SIGNATURE)
    if extension == "vtt":
        return head.lstrip(b"\xef\xbb\xbf").startswith(b"WEBVTT") and _is_text(head)
    if extension in TEXT_KINDS:
        return _is_text(head)
    return True


def check_file_type(file, name):
    """Raise ValidationError unless the bytes are what the name's extension says (and no page or script)."""
    refuse_active_content(file, name)
    extension = extension_of(name)
    if not kind_matches(file, extension):
        raise ValidationError(
            _(
                "“%(name)s” is not a .%(extension)s file, whatever its name says. "
                "Save it again in that format, or give it the name of its real format."
            )
            % {"name": os.path.basename(name), "extension": extension},
            code="not_what_its_name_says",
        )


def new_file(field_file):
    """The file about to be stored for a file field (an upload not yet saved), or None."""
    if not field_file or getattr(field_file, "_committed", True):
        return None
    return field_file.file


def clean_upload(field_file):
    """``Model.clean``: the file about to be stored is of the kind its name says (errors under "file")."""
    upload = new_file(field_file)
    if upload is None:
        return
    try:
        check_file_type(upload, field_file.name)
    except ValidationError as error:
        raise ValidationError({"file": error.error_list}) from None


def guard_upload(field_file, *, image=False):
    """``Model.save``: whatever path saves it, no page or script reaches the storage."""
    upload = new_file(field_file)
    if upload is not None:
        refuse_active_content(upload, field_file.name, image=image or None)
