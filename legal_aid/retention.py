"""Retention: closed cases deleted after LEGAL_AID_RETENTION_DAYS, and objects no case refers to swept away.

An object is orphaned when a fault interrupted a submission after its files
were written (or a rotation after it wrote the new copy): no row refers to
it. The sweeper deletes such objects under ``legal-aid/`` once they are older
than LEGAL_AID_SWEEP_GRACE_HOURS, so that a submission still in progress
(files written, rows not yet committed) is never touched.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone

from legal_aid.models.cases import ATTACHMENT_PREFIX, AuditEntry, LegalAidAttachment, LegalAidRequest
from legal_aid.models.choices import CaseStatus

logger = logging.getLogger(__name__)


class SweepIncomplete(Exception):
    """Some orphaned objects could not be deleted; the next sweep tries again."""


class PurgeIncomplete(Exception):
    """Some closed cases could not be deleted; the next purge tries again."""


@dataclass
class Report:
    done: list = field(default_factory=list)
    kept: int = 0
    failed: list = field(default_factory=list)
    verb: str = "deleted"

    def summary(self):
        text = f"{self.verb} {len(self.done)}, kept {self.kept}"
        return text + (f", could not delete {len(self.failed)}" if self.failed else "")


def closed_cases_to_purge(days=None, *, now=None):
    """Closed cases past retention; one closed without a closing date counts from its last change."""
    days = settings.LEGAL_AID_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    return (
        LegalAidRequest.objects.filter(status=CaseStatus.CLOSED)
        .annotate(closed_on=Coalesce("closed_at", "updated_at"))
        .filter(closed_on__lt=cutoff)
        .order_by("closed_on")
    )


def purge_closed_cases(days=None, *, dry_run=False, log=None):
    report = Report(verb="would delete" if dry_run else "deleted")
    for case in closed_cases_to_purge(days):
        if dry_run:
            report.done.append(case.reference)
            _log(log, f"would delete {case.reference} (closed {case.closed_on:%Y-%m-%d})")
            continue
        try:
            delete_case(case)
        except Exception as error:  # storage down: the case stays whole, the next run tries again
            report.failed.append((case.reference, f"{type(error).__name__}: {error}"))
            continue
        report.done.append(case.reference)
        _log(log, f"deleted {case.reference}")
    return report


def stored_objects(storage=None):
    """Names of the objects under legal-aid/ in the storage."""
    storage = storage or default_storage
    try:
        _folders, files = storage.listdir(ATTACHMENT_PREFIX.rstrip("/"))
    except FileNotFoundError:  # local storage that never held an attachment
        return []
    return [f"{ATTACHMENT_PREFIX}{name}" for name in files]


def sweep_orphaned_objects(grace_hours=None, *, dry_run=False, log=None, storage=None):
    storage = storage or default_storage
    grace_hours = settings.LEGAL_AID_SWEEP_GRACE_HOURS if grace_hours is None else grace_hours
    cutoff = timezone.now() - datetime.timedelta(hours=grace_hours)
    report = Report(verb="would delete" if dry_run else "deleted")
    names = stored_objects(storage)
    # Read after listing: a row committed after this was written after the listing, so its
    # object is younger than the grace period.
    referenced = set(LegalAidAttachment.objects.values_list("object_name", flat=True))
    for name in names:
        if name in referenced:
            report.kept += 1
            continue
        try:
            if storage.get_modified_time(name) > cutoff:
                report.kept += 1
                continue
            if not dry_run:
                storage.delete(name)
        except FileNotFoundError:
            continue  # deleted meanwhile
        except Exception as error:
            report.failed.append((name, f"{type(error).__name__}: {error}"))
            continue
        report.done.append(name)
        _log(log, f"{report.verb} orphaned object {name}")
    return report


def _log(log, line):
    if log:
        log(line)


def delete_case(case):
    """Delete a case's encrypted objects in storage, then its rows. Returns how many files went.

    The objects go first: if storage fails, the case stays whole and the next
    run tries again, so that no object is left behind without its row.
    """
    names = list(case.attachments.values_list("object_name", flat=True))
    for name in names:
        default_storage.delete(name)
    with transaction.atomic():
        reference = case.reference
        case.delete()
        AuditEntry.record(None, AuditEntry.Action.PURGE, reference)
    return len(names)
