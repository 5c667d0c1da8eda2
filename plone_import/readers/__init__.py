"""Readers of the two export formats Plone sites produce, each giving one PloneExport of ExportItems."""

from pathlib import Path

from . import collective_exportimport, plone_exportimport
from .base import Blob, ExportError, ExportItem, PloneExport

FORMATS = {
    plone_exportimport.FORMAT: plone_exportimport,
    collective_exportimport.FORMAT: collective_exportimport,
}

__all__ = ["FORMATS", "Blob", "ExportError", "ExportItem", "PloneExport", "detect_format", "read_export"]


def detect_format(path) -> str:
    path = Path(path)
    if not path.exists():
        raise ExportError(f"{path}: no such file or folder.")
    if plone_exportimport.is_plone_exportimport(path):
        return plone_exportimport.FORMAT
    if collective_exportimport.is_collective_exportimport(path):
        return collective_exportimport.FORMAT
    raise ExportError(
        f"{path}: neither a plone.exportimport export (a folder with content/__metadata__.json) "
        "nor a collective.exportimport export (a JSON file of content items)."
    )


def read_export(path, export_format="auto", *, blob_dir=None) -> PloneExport:
    """Read and check the whole export; raise ExportError before anything is written.

    ``blob_dir``: where the blobs of a collective.exportimport export made with
    blob paths are (the Plone site's ``var/blobstorage``).
    """
    if export_format in (None, "", "auto"):
        export_format = detect_format(path)
    if export_format not in FORMATS:
        raise ExportError(f"Unknown format “{export_format}”; expected one of {', '.join(FORMATS)}.")
    return FORMATS[export_format].read(Path(path), blob_dir=blob_dir)
