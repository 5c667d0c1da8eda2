"""The storage half of a backup: every object copied under its own name, with its SHA-256."""

import hashlib
from pathlib import Path

from django.core.files.base import File

CHUNK = 1024 * 1024


def walk(storage, folder=""):
    """Every object name in the storage, folders followed."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from walk(storage, f"{folder}/{sub}" if folder else sub)


def copy_out(storage, name, target: Path):
    digest, size = hashlib.sha256(), 0
    target.parent.mkdir(parents=True, exist_ok=True)
    with storage.open(name, "rb") as source, target.open("wb") as out:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    return {"sha256": digest.hexdigest(), "size": size}


def copy_in(storage, name, source: Path):
    with source.open("rb") as data:
        saved = storage.save(name, File(data, name=name))
    if saved != name:
        storage.delete(saved)
        raise FileExistsError(f"{name} already exists in the storage")
    digest = hashlib.sha256()
    with storage.open(name, "rb") as stored:
        while chunk := stored.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
