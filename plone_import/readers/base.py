"""The one item type both readers hand the importer, and the checks they share."""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.utils.dateparse import parse_datetime

# Plone's marker for "no language of its own": the item goes to the default locale.
NO_LANGUAGE = {"", "##DEFAULT##", None}


class ExportError(ValueError):
    """The export as a whole cannot be imported (broken JSON, missing blob, truncated file): nothing is written."""


@dataclass
class Blob:
    """A file of a File, an Image or a News Item's lead image: on disk (``path``) or inline (``data``)."""

    filename: str
    content_type: str = ""
    path: Path | None = None
    data: bytes | None = None
    size: int | None = None

    def read(self) -> bytes:
        return self.data if self.data is not None else self.path.read_bytes()

    def digest(self) -> str:
        return hashlib.sha256(self.read()).hexdigest()


@dataclass
class ExportItem:
    uid: str
    portal_type: str
    path: str  # from the site root, e.g. "/publications/annual-report-2024"
    parent_path: str
    parent_uid: str
    source: str  # the file (and item) it was read from, for error messages
    language: str = ""
    translation_group: str = ""
    plone_id: str = ""
    title: str = ""
    description: str = ""
    text: str = ""
    subjects: list[str] = field(default_factory=list)
    created: datetime | None = None
    effective: datetime | None = None
    modified: datetime | None = None
    review_state: str = ""
    owner: str = ""
    blob: Blob | None = None  # a File's file or an Image's image
    image: Blob | None = None  # a News Item's or Event's lead image
    position: int | None = None
    old_paths: list[str] = field(default_factory=list)
    remote_url: str = ""
    start: datetime | None = None
    end: datetime | None = None
    whole_day: bool = False
    open_end: bool = False
    time_zone: str = ""
    location: str = ""
    rights: str = ""

    @property
    def depth(self):
        return self.path.rstrip("/").count("/")

    @property
    def is_published(self):
        # An item without a workflow state has no workflow: Plone shows it like its folder.
        return self.review_state in {"", "published", "internally_published", "external"}

    def checksum(self) -> str:
        """A digest of everything the importer reads from the item: equal digests, nothing to update."""
        values = {
            name: value
            for name, value in vars(self).items()
            if name not in {"blob", "image", "source", "position"}
        }
        for name in ("blob", "image"):
            blob = getattr(self, name)
            values[name] = blob and [blob.filename, blob.content_type, blob.digest()]
        encoded = json.dumps(values, sort_keys=True, default=str).encode()
        return hashlib.sha256(encoded).hexdigest()


@dataclass
class PloneExport:
    export_format: str
    items: list[ExportItem]
    root_uids: set[str] = field(default_factory=set)
    # The site's own address in absolute links (collective.exportimport), e.g. "http://host/Plone".
    portal_url: str = ""
    default_pages: dict[str, str] = field(default_factory=dict)  # folder UID -> default page UID


def load_json(path: Path, base: Path):
    """The parsed JSON file, or an ExportError naming the file and what is wrong with it."""
    name = _relative(path, base)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ExportError(f"{name}: the file is missing.") from None
    except OSError as error:
        raise ExportError(f"{name}: cannot be read ({error.strerror}).") from None
    if not raw.strip():
        raise ExportError(f"{name}: the file is empty (a truncated export?).")
    try:
        return json.loads(raw)
    except UnicodeDecodeError:
        raise ExportError(f"{name}: the file is not UTF-8.") from None
    except json.JSONDecodeError as error:
        ends_early = error.pos >= len(raw.rstrip()) or not raw.rstrip().endswith((b"}", b"]"))
        hint = " (the file ends too early: a truncated export?)" if ends_early else ""
        raise ExportError(
            f"{name}: invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}{hint}."
        ) from None


def check_blob_file(blob: Blob, base: Path, source: str):
    name = _relative(blob.path, base)
    if not blob.path.is_file():
        raise ExportError(f"{source}: its file {name} is missing.")
    actual = blob.path.stat().st_size
    if blob.size is not None and actual != blob.size:
        raise ExportError(f"{source}: its file {name} has {actual} bytes where the export says {blob.size}.")


def parse_date(value) -> datetime | None:
    if not value or not isinstance(value, str) or value == "None":
        return None
    try:
        return parse_datetime(value.replace(" ", "T", 1) if "T" not in value else value)
    except ValueError:
        return None


def plain_language(value) -> str:
    return "" if value in NO_LANGUAGE else str(value).lower()


def rich_text(value) -> str:
    """A Plone RichText value ({"data", "content-type", "encoding"}) or a bare string, as HTML."""
    if isinstance(value, dict):
        data = value.get("data") or ""
        if value.get("content-type", "text/html") in {"text/plain", "text/x-web-intelligent"}:
            from django.utils.html import linebreaks

            return linebreaks(data)
        return data
    return value if isinstance(value, str) else ""


def first(values) -> str:
    return values[0] if isinstance(values, list) and values else ""


def _relative(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)
