"""collective.exportimport: one JSON list of items, and side files exported beside it.

The content file is the list ``@@export_content`` writes; blobs are inline
(``{"data": base64, "encoding": "base64", ...}``) or, with the "blob path"
option, ``{"blob_path": ...}`` relative to the site's blobstorage (``blob_dir``). The side
files are read from the same folder when present:

* ``translations.json``: a list of ``{lang: UID}`` groups
* ``redirects.json``: ``{old path: new path}``, paths from the Zope root
* ``ordering.json``: a list of ``{"uuid", "order"}``
* ``defaultpages.json``: a list of ``{"uuid", "default_page"}``
"""

import base64
import binascii
from pathlib import Path
from urllib.parse import urlsplit

from .base import (
    Blob,
    ExportError,
    ExportItem,
    PloneExport,
    check_blob_file,
    first,
    load_json,
    parse_date,
    plain_language,
    rich_text,
)
from .plone_exportimport import add_old_paths
from .volto import blocks_to_html

FORMAT = "collective.exportimport"
SIDE_FILES = {"translations.json", "redirects.json", "ordering.json", "defaultpages.json"}
SIDE_FILE_PREFIXES = ("export_", "")


def content_file(path: Path) -> Path | None:
    """The content list of a collective.exportimport export: the file given, or the one list in a folder."""
    path = Path(path)
    if path.is_file():
        return path
    if not path.is_dir():
        return None
    candidates = [
        file
        for file in sorted(path.glob("*.json"))
        if _side_name(file.name) not in SIDE_FILES | {"localroles.json", "relations.json", "members.json"}
        and file.name not in {"discussions.json", "portlets.json", "principals.json"}
    ]
    return candidates[0] if len(candidates) == 1 else None


def is_collective_exportimport(path: Path) -> bool:
    return content_file(path) is not None


def read(path: Path, blob_dir=None) -> PloneExport:
    file = content_file(path)
    if file is None:
        raise ExportError(
            f"{path}: expected the content JSON file of a collective.exportimport export "
            "(or a folder holding exactly one, with its side files)."
        )
    base = file.parent
    data = load_json(file, base)
    if not isinstance(data, list):
        raise ExportError(f"{file.name}: expected a JSON list of content items.")

    portal_url = _portal_url(data, file.name)
    export = PloneExport(export_format=FORMAT, items=[], portal_url=portal_url)
    for index, entry in enumerate(data):
        source = f"{file.name} item {index + 1}"
        if not isinstance(entry, dict) or not entry.get("@type") or not entry.get("UID"):
            raise ExportError(f"{source}: not a content item (no @type or UID).")
        source = f"{source} ({entry.get('@id')})"
        if entry["@type"] == "Plone Site":
            export.root_uids.add(entry["UID"])
            continue
        item = _item(entry, source, portal_url)
        for name in ("file", "image"):
            value = entry.get(name)
            if not isinstance(value, dict) or not value:
                continue
            blob = _blob(value, name, base, source, blob_dir)
            setattr(item, "blob" if name == "file" or entry["@type"] == "Image" else "image", blob)
        item.position = entry.get("getObjPositionInParent")
        if item.position is None:
            item.position = index
        export.items.append(item)

    portal_path = urlsplit(portal_url).path.rstrip("/")
    _read_side_files(base, export, portal_path)
    return export


def _portal_url(data, name):
    """The site's URL: the parent of the items at the top of the site."""
    for entry in data:
        if not isinstance(entry, dict):
            continue
        parent = entry.get("parent") or {}
        if parent.get("@type") == "Plone Site" and parent.get("@id"):
            return parent["@id"].rstrip("/")
        if entry.get("@type") == "Plone Site" and entry.get("@id"):
            return entry["@id"].rstrip("/")
    if not data:
        raise ExportError(f"{name}: the export holds no items.")
    raise ExportError(f"{name}: no item sits at the top of the site, so its address cannot be told.")


def _local_path(url, portal_url):
    if url == portal_url:
        return "/"
    if url.startswith(portal_url + "/"):
        return url[len(portal_url) :].rstrip("/") or "/"
    return urlsplit(url).path.rstrip("/") or "/"


def _item(entry, source, portal_url) -> ExportItem:
    parent = entry.get("parent") or {}
    path = _local_path(entry.get("@id") or "", portal_url)
    text = rich_text(entry.get("text")) or blocks_to_html(entry.get("blocks"), entry.get("blocks_layout"))
    return ExportItem(
        uid=entry["UID"],
        portal_type=entry["@type"],
        path=path,
        parent_path=_local_path(parent.get("@id") or portal_url, portal_url),
        parent_uid=parent.get("UID") or "",
        source=source,
        language=plain_language(entry.get("language")),
        plone_id=entry.get("id") or path.rsplit("/", 1)[-1],
        title=entry.get("title") or "",
        description=entry.get("description") or "",
        text=text,
        subjects=list(entry.get("subjects") or entry.get("subject") or []),
        created=parse_date(entry.get("created")),
        effective=parse_date(entry.get("effective")),
        modified=parse_date(entry.get("modified")),
        review_state=entry.get("review_state") or "",
        owner=first(entry.get("creators")),
        remote_url=entry.get("remoteUrl") or "",
        start=parse_date(entry.get("start")),
        end=parse_date(entry.get("end")),
        whole_day=bool(entry.get("whole_day")),
        open_end=bool(entry.get("open_end")),
        time_zone=entry.get("timezone") or "",
        location=entry.get("location") or "",
        rights=entry.get("rights") or "",
    )


def _blob(value, name, base, source, blob_dir=None):
    filename = value.get("filename") or name
    content_type = value.get("content-type") or ""
    if value.get("blob_path"):
        # Written relative to the site's blobstorage (with a leading slash): found under
        # --blob-dir, else beside the export; an absolute path that exists is taken as it is.
        blob_path = Path(value["blob_path"])
        if blob_dir is not None:
            path = Path(blob_dir) / str(blob_path).lstrip("/")
        elif blob_path.is_absolute() and blob_path.exists():
            path = blob_path
        else:
            path = base / str(blob_path).lstrip("/")
        blob = Blob(filename=filename, content_type=content_type, path=path, size=value.get("size"))
        check_blob_file(blob, base, source)
        return blob
    if "data" not in value:
        raise ExportError(f"{source}: its {name} has neither inline data nor a blob_path.")
    raw = value.get("data") or ""
    if value.get("encoding", "base64") == "base64":
        try:
            data = base64.b64decode(raw, validate=True)
        except (binascii.Error, ValueError):
            raise ExportError(f"{source}: its {name} is not valid base64 (a truncated export?).") from None
    else:
        data = raw.encode(value["encoding"])
    if value.get("size") is not None and value["size"] != len(data):
        raise ExportError(
            f"{source}: its {name} has {len(data)} bytes where the export says {value['size']}."
        )
    return Blob(filename=filename, content_type=content_type, data=data, size=len(data))


def _side_name(filename):
    return filename.removeprefix("export_")


def _side_file(base, name):
    for prefix in SIDE_FILE_PREFIXES:
        file = base / f"{prefix}{name}"
        if file.is_file():
            return file
    return None


def _read_side_files(base, export, portal_path):
    by_uid = {item.uid: item for item in export.items}

    if file := _side_file(base, "translations.json"):
        groups = load_json(file, base)
        if not isinstance(groups, list):
            raise ExportError(f"{file.name}: expected a list of {{language: UID}} groups.")
        for group in groups:
            if not isinstance(group, dict):
                raise ExportError(f"{file.name}: a translation group is not an object: {group!r:.200}.")
            uids = sorted(uid for uid in group.values() if isinstance(uid, str))
            for uid in uids:
                if uid in by_uid:
                    by_uid[uid].translation_group = uids[0]

    if file := _side_file(base, "ordering.json"):
        for entry in _list_of_objects(load_json(file, base), file.name):
            if entry.get("uuid") in by_uid:
                by_uid[entry["uuid"]].position = entry.get("order")

    if file := _side_file(base, "defaultpages.json"):
        by_parent_and_id = {(item.parent_uid, item.plone_id): item.uid for item in export.items}
        for entry in _list_of_objects(load_json(file, base), file.name):
            page = by_parent_and_id.get((entry.get("uuid"), entry.get("default_page")))
            if page:
                export.default_pages[entry["uuid"]] = page

    if file := _side_file(base, "redirects.json"):
        redirects = load_json(file, base)
        if not isinstance(redirects, dict):
            raise ExportError(f"{file.name}: expected an object of old path → new path.")
        add_old_paths(export.items, redirects, strip_prefix=portal_path)


def _list_of_objects(value, name):
    if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
        raise ExportError(f"{name}: expected a list of objects.")
    return value
