"""What the files of a training video must be: a video, and subtitles in WebVTT (by their bytes)."""

import codecs
import os

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# What browsers play in a <video> element without a plug-in.
VIDEO_EXTENSIONS = ("mp4", "m4v", "webm", "ogv")
WEBVTT_SIGNATURE = b"WEBVTT"


def is_webvtt(head):
    """Whether ``head`` (the first bytes of a file) opens a WebVTT file.

    The WebVTT specification: an optional byte order mark, the string
    "WEBVTT", then a space, a tab, a line break or the end of the file.
    """
    head = head.removeprefix(codecs.BOM_UTF8)
    return head.startswith(WEBVTT_SIGNATURE) and head[len(WEBVTT_SIGNATURE) :][:1] in (
        b"",
        b" ",
        b"\t",
        b"\n",
        b"\r",
    )


def _head(document, size=32):
    with document.open_file() as file:
        position = file.tell()
        try:
            file.seek(0)
            return file.read(size)
        finally:
            file.seek(position)


def validate_webvtt_document(document):
    """Raise ValidationError unless the document is a WebVTT subtitle file."""
    try:
        head = _head(document)
    except (OSError, ValueError):
        raise ValidationError(
            _("The file of “%(title)s” cannot be read. Upload it again.") % {"title": document.title},
            code="unreadable",
        ) from None
    if not is_webvtt(head):
        raise ValidationError(
            _(
                "“%(title)s” is not a WebVTT subtitle file: its first line must be WEBVTT. "
                "Export the subtitles as .vtt (not .srt) and upload them again."
            )
            % {"title": document.title},
            code="not_webvtt",
        )


def validate_video_document(document):
    """Raise ValidationError unless the document's file is a video a browser can play."""
    extension = os.path.splitext(document.file.name)[1].lstrip(".").lower()
    if extension not in VIDEO_EXTENSIONS:
        raise ValidationError(
            _("“%(title)s” is not a video file a browser can play. Upload one of these: %(formats)s.")
            % {"title": document.title, "formats": ", ".join(e.upper() for e in VIDEO_EXTENSIONS)},
            code="not_a_video",
        )
