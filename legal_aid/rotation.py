"""Key rotation: every ciphertext of legal_aid re-encrypted with the newest key of LEGAL_AID_KEYS, and the proof of it.

``rotate()`` goes through every case (answers, notes), every attachment
(metadata and object) and never stops at a failure: it reports what it could
not re-encrypt and goes on. What already opens with the newest key is left as
it is, so a second run does only what the first could not (resumable,
idempotent). An attachment's object is written anew, then its row points at
it, then the old object is deleted: a fault in between leaves the file
readable (an old object left behind is swept later). Each run writes an
audit entry, even when interrupted.

``check()`` opens every ciphertext with the newest key alone: until it finds
nothing, the old key must stay in LEGAL_AID_KEYS.
"""

import logging
from dataclasses import dataclass, field

from cryptography.fernet import Fernet, InvalidToken

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from legal_aid import crypto
from legal_aid.models import AuditEntry, LegalAidAttachment, LegalAidRequest
from legal_aid.models.cases import new_object_name

logger = logging.getLogger(__name__)


@dataclass
class Outcome:
    cases: int = 0
    attachments: int = 0
    unchanged: int = 0
    problems: list = field(default_factory=list)  # (what, why)

    def summary(self):
        return (
            f"{self.cases} cases and {self.attachments} attachments re-encrypted, {self.unchanged} already "
            f"with the newest key, {len(self.problems)} problems"
        )


def newest_key() -> Fernet:
    crypto.fernet()  # the same error as everywhere if LEGAL_AID_KEYS is empty
    return Fernet(next(key.strip() for key in settings.LEGAL_AID_KEYS if key.strip()).encode())


def opens_with_newest(token: bytes | str, newest=None) -> bool:
    token = token.encode("ascii") if isinstance(token, str) else bytes(token)
    try:
        (newest or newest_key()).decrypt(token)
    except InvalidToken:
        return False
    return True


def _rotated(token: str, newest) -> str | None:
    """``token`` re-encrypted with the newest key, or None if it already is."""
    return None if opens_with_newest(token, newest) else crypto.rotate(token.encode("ascii")).decode("ascii")


def rotate(log=None) -> Outcome:
    outcome = Outcome()
    newest = newest_key()
    try:
        for case_pk in LegalAidRequest.objects.order_by("pk").values_list("pk", flat=True):
            _rotate_case(case_pk, newest, outcome)
        for attachment_pk in LegalAidAttachment.objects.order_by("pk").values_list("pk", flat=True):
            _rotate_attachment(attachment_pk, newest, outcome, log)
    finally:
        detail = outcome.summary()
        if outcome.problems:
            detail += ": " + "; ".join(what for what, _why in outcome.problems)
        AuditEntry.record(None, AuditEntry.Action.ROTATE, detail=detail)
    return outcome


def _rotate_case(pk, newest, outcome):
    try:
        with transaction.atomic():
            case = LegalAidRequest.objects.select_for_update().filter(pk=pk).first()
            if case is None:
                return  # deleted meanwhile
            updates = {"payload": _rotated(case.payload, newest)}
            if case.notes:
                updates["notes"] = _rotated(case.notes, newest)
            updates = {name: value for name, value in updates.items() if value is not None}
            if not updates:
                outcome.unchanged += 1
                return
            LegalAidRequest.objects.filter(pk=pk).update(**updates)
            outcome.cases += 1
    except Exception as error:
        outcome.problems.append((f"case {pk}", f"{type(error).__name__}: {error}"))


def _rotate_attachment(pk, newest, outcome, log):
    attachment = LegalAidAttachment.objects.filter(pk=pk).select_related("request").first()
    if attachment is None:
        return
    what = f"attachment {pk} of {attachment.request.reference}"
    try:
        with default_storage.open(attachment.object_name, "rb") as stored:
            token = stored.read()
    except Exception as error:  # missing object, storage down
        outcome.problems.append(
            (what, f"object {attachment.object_name} unreadable: {type(error).__name__}: {error}")
        )
        return
    try:
        metadata = _rotated(attachment.metadata, newest)
        if opens_with_newest(token, newest):
            if metadata is None:
                outcome.unchanged += 1
            else:
                LegalAidAttachment.objects.filter(pk=pk).update(metadata=metadata)
                outcome.attachments += 1
            return
        rotated = crypto.rotate(token)
        new_name = default_storage.save(new_object_name(), ContentFile(rotated))
    except Exception as error:
        outcome.problems.append((what, f"{type(error).__name__}: {error}"))
        return
    with transaction.atomic():
        changes = {"object_name": new_name}
        if metadata is not None:
            changes["metadata"] = metadata
        moved = LegalAidAttachment.objects.filter(pk=pk, object_name=attachment.object_name).update(**changes)
    if not moved:  # deleted or changed meanwhile: the new copy is not needed
        _delete_quietly(new_name, log)
        return
    outcome.attachments += 1
    _delete_quietly(attachment.object_name, log)


def _delete_quietly(name, log):
    try:
        default_storage.delete(name)
    except Exception as error:  # left for the sweeper: no case refers to it any more
        logger.warning(
            "Old legal-aid object %s not deleted (%s); the sweeper will", name, type(error).__name__
        )
        if log:
            log(f"old object {name} not deleted ({type(error).__name__}); the sweeper will delete it")


def check() -> list:
    """Every ciphertext that does not open with the newest key alone, as (what, why)."""
    newest = newest_key()
    problems = []
    for case in LegalAidRequest.objects.order_by("pk").only("pk", "reference", "payload", "notes"):
        if not opens_with_newest(case.payload, newest):
            problems.append((f"case {case.reference}", "answers not readable with the newest key"))
        if case.notes and not opens_with_newest(case.notes, newest):
            problems.append((f"case {case.reference}", "notes not readable with the newest key"))
    for attachment in LegalAidAttachment.objects.order_by("pk").select_related("request"):
        what = f"attachment {attachment.pk} of {attachment.request.reference}"
        if not opens_with_newest(attachment.metadata, newest):
            problems.append((what, "metadata not readable with the newest key"))
        try:
            with default_storage.open(attachment.object_name, "rb") as stored:
                token = stored.read()
        except Exception as error:
            problems.append((what, f"object {attachment.object_name} unreadable: {type(error).__name__}"))
            continue
        if not opens_with_newest(token, newest):
            problems.append((what, f"object {attachment.object_name} not readable with the newest key"))
    return problems
