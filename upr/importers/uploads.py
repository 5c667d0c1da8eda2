"""Imports uploaded in the admin, run by a worker.

An upload is stored under ``upr-imports/<uuid>/`` in the default storage (a
private bucket in production), recorded as a queued RecommendationImport and
handed to ``run_import``. The worker reads the file from there, writes its
progress beside it (see upr/models/imports.py for why not in the database),
fills the record with the report and deletes both files, whatever happened.
"""

import contextlib
import logging
import os
import posixpath
import time
import uuid

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from background import enqueue_on_commit, task
from background.retry import DATABASE
from upr.models import RecommendationImport

from .records import ImportFileError
from .service import import_recommendations
from .writer import ImportFailed

logger = logging.getLogger(__name__)

UPLOAD_PREFIX = "upr-imports"
# The worker writes the progress of a running import at most this often.
PROGRESS_EVERY_SECONDS = 1.0


def queue_import(upload, *, source, user, **options):
    """Store an uploaded file, record its import as queued and queue ``run_import``; return the record.

    ``options`` are those of ``import_recommendations`` (file_format, state,
    session, dry_run, skip_invalid). If the record cannot be written, the
    stored file is deleted again.
    """
    name = default_storage.generate_filename(
        posixpath.join(UPLOAD_PREFIX, uuid.uuid4().hex, posixpath.basename(upload.name))
    )
    stored = default_storage.save(name, upload)
    try:
        with transaction.atomic():
            record = RecommendationImport.objects.create(
                source=source,
                filename=posixpath.basename(upload.name)[:255],
                status=RecommendationImport.Status.QUEUED,
                started_at=timezone.now(),
                stored_file=stored,
                file_size=upload.size or 0,
                user=user,
            )
            enqueue_on_commit(run_import, record.pk, **options)
    except BaseException:
        default_storage.delete(stored)
        raise
    return record


# Not retried when it fails (the failure is the import's report); the retries are
# for a worker lost in the middle, whose task comes back: nothing was written then.
@task(queue_name="default", retry=DATABASE)
def run_import(import_id, *, file_format=None, state=None, session=None, dry_run=False, skip_invalid=False):
    """Run an import queued from the admin; every end (done, failed, crashed) is written on its record."""
    # Imported here: the writer enqueues reindex_import from this module.

    record = RecommendationImport.objects.filter(pk=import_id).first()
    if record is None or record.is_finished:
        return  # deleted, or finished by an earlier run of this task
    record.status = RecommendationImport.Status.RUNNING
    record.started_at = timezone.now()
    record.save(update_fields=["status", "started_at"])
    try:
        with default_storage.open(record.stored_file, "rb") as stored:
            import_recommendations(
                stored,
                filename=record.filename,
                file_format=file_format,
                state=state,
                session=session,
                user=record.user,
                dry_run=dry_run,
                skip_invalid=skip_invalid,
                on_batch=ProgressReport(record, stored),
                record=record,
            )
    except ImportFailed:
        pass  # the writer recorded why on the record
    except ImportFileError as error:
        _fail(record, str(error))
    except FileNotFoundError:
        _fail(record, "The uploaded file is no longer in the storage: upload it again.")
    except Exception as error:
        logger.exception("Import %s (%s) stopped on an error", record.pk, record.filename)
        _fail(
            record,
            f"The import stopped on an unexpected error ({type(error).__name__}); nothing was changed.",
        )
    finally:
        _delete_upload(record)


class ProgressReport:
    """The ``on_batch`` of a queued import: the counts so far, at most every PROGRESS_EVERY_SECONDS.

    Written beside the upload, outside the import's transaction; how far into
    the file the reader is (its bytes) gives the percentage and the time left.
    """

    def __init__(self, record, stored):
        self.record = record
        self.stored = stored
        self.started = time.monotonic()
        self.written = None

    def __call__(self, progress):
        now = time.monotonic()
        if self.written is not None and now - self.written < PROGRESS_EVERY_SECONDS:
            return
        self.written = now
        try:
            bytes_read = self.stored.tell()
        except (OSError, ValueError):
            bytes_read = 0
        values = {
            "rows_read": progress.rows_read,
            "created": progress.created,
            "updated": progress.updated,
            "unchanged": progress.unchanged,
            "rejected": len(progress.rejections),
            "bytes_read": min(bytes_read, self.record.file_size),
            "seconds": round(now - self.started, 1),
        }
        try:
            self.record.write_progress(values)
        except Exception as error:  # the storage is down: the import goes on, only its progress is missing
            logger.warning("Import %s: progress not written (%s)", self.record.pk, error)


def _fail(record, error):
    """The import ended before the writer could report: nothing was changed."""
    record.status = RecommendationImport.Status.FAILED
    record.error = error
    record.created = record.updated = record.unchanged = 0
    record.finished_at = timezone.now()
    record.save()


def _delete_upload(record):
    """Delete the upload and its progress; the record then says it holds no file any more."""
    if not record.stored_file:
        return
    try:
        for name in (record.progress_file, record.stored_file):
            default_storage.delete(name)
        with contextlib.suppress(NotImplementedError, OSError):  # a folder on a local disk: empty now
            os.rmdir(default_storage.path(posixpath.dirname(record.stored_file)))
    except Exception as error:  # the storage is down: say so, the file stays named on the record
        logger.error(
            "Import %s: the upload %s could not be deleted (%s)", record.pk, record.stored_file, error
        )
        return
    RecommendationImport.objects.filter(pk=record.pk).update(stored_file="")
    record.stored_file = ""
