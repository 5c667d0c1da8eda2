"""Storing a request, reading it back for the legal team (always audited), exporting and deleting it.

Every read of a case's content goes through ``open_case``, ``read_attachment``
or ``export_case``, each of which writes an audit entry.
"""

import io
import json
import logging
import secrets
import time
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import InterfaceError, OperationalError, connection, transaction
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from background import enqueue_on_commit
from legal_aid import crypto

# The modules themselves, not the package: the request form page submits through this service.
from legal_aid.models.cases import (
    REFERENCE_PATTERN,
    AuditEntry,
    CaseEvent,
    LegalAidAttachment,
    LegalAidRequest,
    new_object_name,
)
from legal_aid.models.choices import ACKNOWLEDGEMENT

logger = logging.getLogger(__name__)


class StorageUnavailable(Exception):
    """The private storage could not take the attachments: nothing of the request was kept."""


@dataclass
class Upload:
    name: str
    content_type: str
    data: bytes


@dataclass
class Submitted:
    case: LegalAidRequest
    secret: str


def new_secret():
    return secrets.token_urlsafe(24)


@sensitive_variables()
def submit_request(page, language, data: dict, uploads: list[Upload], *, notify=True) -> Submitted:
    """Encrypt and store a request with its files; return the case and the one-time status secret.

    The encrypted files are written first, then every row, with the
    notifications, in one transaction: the notifications are queued through
    the task backend in that transaction (a database queue stores them with
    the case; any other backend is handed them once the case is committed, and
    a failure there is logged, never raised). Nothing can fail after the commit.

    The answer to the acknowledgement box (``ACKNOWLEDGEMENT.key`` of ``data``)
    is not stored: ticked, the acknowledgement is queued with the team's
    notification; unticked, no mail is ever queued for the requester.

    If storage fails, the files already written are deleted and
    StorageUnavailable is raised; if the database fails before the commit, the
    files are deleted and the error goes on. If the database went away during
    the commit itself, the case is looked for: found, it is returned; not found,
    the error goes on and the files are left to the sweeper (the database may
    yet hold the case). Either way the answer tells what was kept.
    """
    data = dict(data)
    acknowledge = bool(data.pop(ACKNOWLEDGEMENT.key, False))
    written = []
    try:
        for upload in uploads:
            name = new_object_name()
            saved = default_storage.save(name, ContentFile(crypto.encrypt_bytes(upload.data)))
            written.append((saved, upload))
    except Exception as error:
        _delete_objects(name for name, _upload in written)
        logger.error("Legal-aid attachment could not be stored: %s", type(error).__name__)
        raise StorageUnavailable from error

    secret = new_secret()
    committing = False
    try:
        with transaction.atomic():
            case = LegalAidRequest(form_page=page, language=language, secret_hash=make_password(secret))
            case.set_data(data)
            case.save()
            LegalAidAttachment.objects.bulk_create(
                LegalAidAttachment(
                    request=case,
                    object_name=name,
                    metadata=crypto.encrypt_json(
                        {"name": upload.name, "content_type": upload.content_type, "size": len(upload.data)}
                    ),
                )
                for name, upload in written
            )
            CaseEvent.objects.create(request=case, kind=CaseEvent.Kind.RECEIVED, new_value=case.status)
            if notify:
                from legal_aid.tasks import acknowledge_request, notify_legal_team

                enqueue_on_commit(notify_legal_team, case.pk)
                if acknowledge:
                    enqueue_on_commit(acknowledge_request, case.pk)
            committing = True
    except (OperationalError, InterfaceError):
        if committing and _was_committed(case):
            return Submitted(case=case, secret=secret)
        if not committing:
            _delete_objects(name for name, _upload in written)
        raise
    except Exception:
        _delete_objects(name for name, _upload in written)
        raise
    return Submitted(case=case, secret=secret)


def _was_committed(case):
    """Whether the case whose commit lost its answer is in the database, asked again for a few seconds."""
    deadline = time.monotonic() + settings.LEGAL_AID_COMMIT_CHECK_SECONDS
    while True:
        try:
            connection.close()
            return LegalAidRequest.objects.filter(pk=case.pk, reference=case.reference).exists()
        except (OperationalError, InterfaceError):
            if time.monotonic() >= deadline:
                logger.error("Legal-aid request %s: commit not confirmed, database unreachable", case.pk)
                return False
            time.sleep(0.5)


def _delete_objects(names):
    for name in names:
        try:
            default_storage.delete(name)
        except Exception:  # the storage is down: nothing more can be done here
            logger.exception("Could not delete the legal-aid object %s", name)


def check_status(reference, secret):
    """The case's status if ``secret`` is its status secret; None otherwise (unknown reference or wrong secret)."""
    reference = reference.strip().upper()
    # What cannot be a reference (a NUL character, which PostgreSQL refuses, too) is not looked up.
    case = (
        LegalAidRequest.objects.filter(reference=reference).first()
        if REFERENCE_PATTERN.match(reference)
        else None
    )
    if case is None:
        make_password(secret)  # the same time whether the reference exists or not
        return None
    if not check_password(secret, case.secret_hash):
        return None
    return case.status


# Reading, always audited --------------------------------------------------------


def open_case(case, user):
    """The decrypted answers of a case; the view is written to the audit log."""
    AuditEntry.record(user, AuditEntry.Action.VIEW, case.reference)
    return case.get_data()


def read_attachment(attachment, user):
    """The decrypted file and its metadata; the download is written to the audit log."""
    metadata = attachment.get_metadata()
    AuditEntry.record(
        user, AuditEntry.Action.DOWNLOAD, attachment.request.reference, f"attachment {attachment.pk}"
    )
    with default_storage.open(attachment.object_name, "rb") as stored:
        return metadata, crypto.decrypt_bytes(stored.read())


def export_case(case, user) -> bytes:
    """A zip for a lawyer: request.json (answers, status, history, notes) and the files under attachments/."""
    AuditEntry.record(user, AuditEntry.Action.EXPORT, case.reference)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        files = []
        for number, attachment in enumerate(case.attachments.all(), start=1):
            metadata = attachment.get_metadata()
            with default_storage.open(attachment.object_name, "rb") as stored:
                content = crypto.decrypt_bytes(stored.read())
            safe_name = "".join(c if c.isalnum() or c in "._- " else "_" for c in metadata["name"]) or "file"
            path = f"attachments/{number}-{safe_name}"
            archive.writestr(path, content)
            files.append({"path": path, "name": metadata["name"], "content_type": metadata["content_type"]})
        document = {
            "reference": case.reference,
            "status": case.status,
            "assignee": case.assignee.get_username() if case.assignee else None,
            "received": case.created_at.isoformat(),
            "language": case.language,
            "answers": case.get_data(),
            "attachments": files,
            "notes": case.get_notes(),
            "history": [
                {
                    "at": event.at.isoformat(),
                    "by": event.user.get_username() if event.user else None,
                    "change": event.kind,
                    "before": event.old_value,
                    "after": event.new_value,
                }
                for event in case.events.select_related("user")
            ],
            "exported_at": timezone.now().isoformat(),
        }
        archive.writestr("request.json", json.dumps(document, ensure_ascii=False, indent=2))
    return buffer.getvalue()


# Changing ----------------------------------------------------------------------


def update_case(case, user, *, status, assignee, note=""):
    """Apply the team's changes, each recorded in the case's history."""
    with transaction.atomic():
        case = LegalAidRequest.objects.select_for_update().get(pk=case.pk)
        if status != case.status:
            CaseEvent.objects.create(
                request=case, user=user, kind=CaseEvent.Kind.STATUS, old_value=case.status, new_value=status
            )
            case.status = status
            case.closed_at = timezone.now() if status == "closed" else None
        if assignee != case.assignee:
            CaseEvent.objects.create(
                request=case,
                user=user,
                kind=CaseEvent.Kind.ASSIGNEE,
                old_value=case.assignee.get_username() if case.assignee else "",
                new_value=assignee.get_username() if assignee else "",
            )
            case.assignee = assignee
        if note.strip():
            case.add_note(note.strip(), user)
            CaseEvent.objects.create(request=case, user=user, kind=CaseEvent.Kind.NOTE)
        case.save()
        AuditEntry.record(user, AuditEntry.Action.EDIT, case.reference)
    return case
