"""plone.exportimport: ``content/__metadata__.json``, one ``content/<UID>/data.json`` per item, blobs beside it.

Site-wide files sit next to ``content/``: ``translations.json`` (groups of
``{"canonical": UID, "translations": {lang: UID}}``) and ``redirects.json``
(``{old path: new path}``).
"""

from pathlib import Path

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
from .volto import blocks_to_html

FORMAT = "plone.exportimport"
SITE_ROOT_DIR = "plone_site_root"
BLOB_FIELDS = ("file", "image")


def is_plone_exportimport(path: Path) -> bool:
    return path.is_dir() and (path / "content" / "__metadata__.json").is_file()


def read(path: Path, blob_dir=None) -> PloneExport:
    base = Path(path)
    content = base / "content"
    if not (content / "__metadata__.json").is_file():
        raise ExportError(
            f"{base}: no content/__metadata__.json, so this is not a plone.exportimport export."
        )
    metadata = load_json(content / "__metadata__.json", base)
    if not isinstance(metadata, dict):
        raise ExportError("content/__metadata__.json: expected a JSON object.")
    data_files = metadata.get("_data_files_") or sorted(
        str(file.relative_to(content)) for file in content.glob("*/data.json")
    )
    ordering = metadata.get("ordering") or {}

    export = PloneExport(export_format=FORMAT, items=[])
    export.default_pages = {
        uid: value.get("default_page_uuid", "")
        for uid, value in (metadata.get("default_page") or {}).items()
        if isinstance(value, dict)
    }
    export.root_uids.add(SITE_ROOT_DIR)
    for relative in data_files:
        file = content / relative
        data = load_json(file, base)
        source = f"content/{relative}"
        if not isinstance(data, dict) or not data.get("@type"):
            raise ExportError(f"{source}: not a content item (no @type).")
        if data["@type"] == "Plone Site" or Path(relative).parts[0] == SITE_ROOT_DIR:
            export.root_uids.add(data.get("UID") or SITE_ROOT_DIR)
            continue
        source = f"{source} ({data.get('@id')})"
        item = _item(data, source)
        for name in BLOB_FIELDS:
            value = data.get(name)
            if isinstance(value, dict) and value.get("blob_path"):
                blob = Blob(
                    filename=value.get("filename") or Path(value["blob_path"]).name,
                    content_type=value.get("content-type") or "",
                    path=content / value["blob_path"],
                    size=value.get("size"),
                )
                check_blob_file(blob, base, source)
                setattr(item, "blob" if name == "file" or data["@type"] == "Image" else "image", blob)
            elif isinstance(value, dict) and value:
                raise ExportError(f"{source}: its {name} has no blob_path.")
        item.position = ordering.get(item.uid)
        export.items.append(item)

    _read_translations(base, export)
    _read_redirects(base, export)
    return export


def _item(data, source) -> ExportItem:
    uid = data.get("UID")
    path = data.get("@id")
    if not uid or not path:
        raise ExportError(f"{source}: the item has no UID or no @id.")
    parent = data.get("parent") or {}
    text = rich_text(data.get("text")) or blocks_to_html(data.get("blocks"), data.get("blocks_layout"))
    return ExportItem(
        uid=uid,
        portal_type=data["@type"],
        path=path.rstrip("/") or "/",
        parent_path=(parent.get("@id") or "/").rstrip("/") or "/",
        parent_uid=parent.get("UID") or SITE_ROOT_DIR,
        source=source,
        language=plain_language(data.get("language")),
        plone_id=data.get("id") or path.rstrip("/").rsplit("/", 1)[-1],
        title=data.get("title") or "",
        description=data.get("description") or "",
        text=text,
        subjects=list(data.get("subjects") or []),
        created=parse_date(data.get("created")),
        effective=parse_date(data.get("effective")),
        modified=parse_date(data.get("modified")),
        review_state=data.get("review_state") or "",
        owner=first(data.get("creators")),
        remote_url=data.get("remoteUrl") or "",
        start=parse_date(data.get("start")),
        end=parse_date(data.get("end")),
        whole_day=bool(data.get("whole_day")),
        open_end=bool(data.get("open_end")),
        time_zone=data.get("timezone") or "",
        location=data.get("location") or "",
        rights=data.get("rights") or "",
    )


def _read_translations(base, export):
    file = base / "translations.json"
    if not file.exists():
        return
    groups = load_json(file, base)
    if not isinstance(groups, list):
        raise ExportError("translations.json: expected a list of translation groups.")
    by_uid = {item.uid: item for item in export.items}
    for group in groups:
        canonical = group.get("canonical") if isinstance(group, dict) else None
        if not canonical:
            raise ExportError(f"translations.json: a group has no canonical item: {group!r:.200}.")
        for uid in [canonical, *(group.get("translations") or {}).values()]:
            if uid in by_uid:
                by_uid[uid].translation_group = canonical


def _read_redirects(base, export):
    file = base / "redirects.json"
    if not file.exists():
        return
    redirects = load_json(file, base)
    if not isinstance(redirects, dict):
        raise ExportError("redirects.json: expected an object of old path → new path.")
    add_old_paths(export.items, redirects)


def add_old_paths(items, redirects, strip_prefix=""):
    """Give each item the paths that redirect to it (following chains of moves)."""

    def local(path):
        path = path.rstrip("/") or "/"
        if strip_prefix and (path == strip_prefix or path.startswith(strip_prefix + "/")):
            path = path[len(strip_prefix) :] or "/"
        return path

    by_path = {item.path: item for item in items}
    targets = {local(old): local(new) for old, new in redirects.items() if isinstance(new, str)}
    for old, new in targets.items():
        seen = {old}
        while new in targets and new not in seen:  # a page moved twice
            seen.add(new)
            new = targets[new]
        item = by_path.get(new)
        if item is None:
            # The redirect points inside a moved folder: /old-folder/page -> /new-folder/page
            # is not listed, only /old-folder -> /new-folder; descendants are handled below.
            continue
        if old != item.path and old not in item.old_paths:
            item.old_paths.append(old)
    # A moved folder moves its descendants: their old paths follow the folder's.
    for item in sorted(items, key=lambda entry: entry.depth):
        parent = by_path.get(item.parent_path)
        if parent is None:
            continue
        for old_parent in parent.old_paths:
            old = f"{old_parent.rstrip('/')}/{item.plone_id}"
            if old not in item.old_paths:
                item.old_paths.append(old)
