"""Taking a backup into a folder, and restoring one into an empty database and storage."""

import datetime
import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection

from . import database, objects
from .database import BackupError

FORMAT = 1


def extra_columns():
    """(table, column) of the object names kept in plain text columns (BACKUP_OBJECT_NAME_FIELDS)."""
    columns = []
    for path in getattr(settings, "BACKUP_OBJECT_NAME_FIELDS", []):
        app_model, field_name = path.rsplit(".", 1)
        model = apps.get_model(app_model)
        columns.append((model._meta.db_table, model._meta.get_field(field_name).column))
    return columns


def take(destination: Path, log=lambda line: None):
    destination = Path(destination)
    if destination.exists() and any(destination.iterdir()):
        raise BackupError(f"{destination} is not empty: a backup goes into a new folder.")
    destination.mkdir(parents=True, exist_ok=True)
    with database.snapshot(destination, extra_columns()) as (referenced, database_file):
        log(f"database copied ({connection.vendor}), {len(referenced)} stored files referred to")
        # Objects are never overwritten (random or unique names): every object the snapshot refers
        # to is still there unless it was deleted since (retention, rotation); that is checked below.
        copied = {}
        for name in objects.walk(default_storage):
            try:
                copied[name] = objects.copy_out(default_storage, name, destination / "objects" / name)
            except FileNotFoundError:
                continue  # deleted meanwhile: the snapshot refers to it only if it is reported missing below
        missing = sorted(referenced - set(copied))
    if missing:
        raise BackupError(
            f"{len(missing)} files the database refers to are not in the storage (deleted meanwhile, or lost): "
            + ", ".join(missing[:20])
        )
    manifest = {
        "format": FORMAT,
        "taken_at": datetime.datetime.now(datetime.UTC).isoformat(),
        "database": {"vendor": connection.vendor, "file": database_file},
        "objects": copied,
    }
    (destination / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
    log(f"{len(copied)} objects copied")
    return manifest


def restore(source: Path, log=lambda line: None):
    source = Path(source)
    try:
        manifest = json.loads((source / "manifest.json").read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{source} is not a backup: no readable manifest.json ({error})") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{source}: unknown backup format {manifest.get('format')!r}")
    present = next(objects.walk(default_storage), None)
    if present is not None:
        raise BackupError(f"The storage is not empty (it holds {present}…): restore into an empty bucket.")
    database.restore(source, manifest["database"]["file"])
    log(f"database restored from {manifest['database']['file']}")
    wrong = []
    for name, expected in sorted(manifest["objects"].items()):
        if objects.copy_in(default_storage, name, source / "objects" / name) != expected["sha256"]:
            wrong.append(name)
    if wrong:
        raise BackupError(f"{len(wrong)} objects differ once stored again: {', '.join(wrong[:20])}")
    log(f"{len(manifest['objects'])} objects restored, each checked against its SHA-256")
    return manifest
