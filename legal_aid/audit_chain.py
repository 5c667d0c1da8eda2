"""The audit log's hash chain: each entry is sealed with an HMAC over the previous entry's seal and its own fields.

Someone with write access to the database but without ``AUDIT_LOG_KEY``
cannot change, remove or insert an entry without the check below finding
the first entry that no longer matches.
"""

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC

from django.conf import settings
from django.db import connection, transaction
from django.utils.translation import gettext_lazy as _

# The seal "before" the first entry.
GENESIS = "0" * 64
# An arbitrary number naming the lock that puts writers of the audit log in one line (PostgreSQL).
ADVISORY_LOCK_ID = 0x4155444954  # "AUDIT"
CHUNK = 2000


def canonical(sequence, at, user_id, username, action, reference, detail):
    """The fields of an entry as one unambiguous string (JSON array, times in UTC to the microsecond)."""
    return json.dumps(
        [
            sequence,
            at.astimezone(UTC).isoformat(timespec="microseconds"),
            user_id,
            username,
            action,
            reference,
            detail,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def seal(previous, sequence, at, user_id, username, action, reference, detail, key=None):
    """HMAC-SHA256 (hex) of the previous entry's seal and this entry's fields."""
    key = (key if key is not None else settings.AUDIT_LOG_KEY).encode()
    message = previous + "\n" + canonical(sequence, at, user_id, username, action, reference, detail)
    return hmac.new(key, message.encode(), hashlib.sha256).hexdigest()


def seal_of(entry, previous, sequence=None, key=None):
    return seal(
        previous,
        entry.sequence if sequence is None else sequence,
        entry.at,
        entry.user_id,
        entry.username,
        entry.action,
        entry.reference,
        entry.detail,
        key=key,
    )


def append(model, **fields):
    """Write one entry at the end of the chain; concurrent writers wait for each other."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Held to the end of the transaction; a query made after it sees every entry committed before.
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK_ID])
        # SQLite lets one writer in at a time: a writer that read an older end of the chain cannot commit.
        last = model.objects.order_by("-sequence", "-pk").only("sequence", "hash").first()
        entry = model(**fields)
        entry.sequence = last.sequence + 1 if last else 1
        entry.hash = seal_of(entry, last.hash if last else GENESIS)
        entry.save(force_insert=True)
    return entry


@dataclass
class Break:
    """The first entry that does not match, and what was done to the log there."""

    CHANGED = "changed"
    REMOVED = "removed"
    INSERTED = "inserted"
    CHANGED_OR_INSERTED = "changed_or_inserted"
    DESCRIPTIONS = {
        CHANGED: _("changed: its fields no longer match its seal"),
        REMOVED: _("entries are missing before it (removed)"),
        INSERTED: _("inserted: it is not part of the chain"),
        CHANGED_OR_INSERTED: _("changed or inserted: it does not match the entry before it"),
    }

    kind: str
    sequence: int  # the entry's number in the chain, as it should be
    entry: object  # the entry found there (for a removal, the first one after the gap)
    missing: int = 0

    @property
    def description(self):
        return self.DESCRIPTIONS[self.kind]


@dataclass
class Verification:
    checked: int = 0
    last: object = None
    broken: Break | None = None

    @property
    def intact(self):
        return self.broken is None


def _entries(model):
    fields = ("pk", "sequence", "hash", "at", "user_id", "username", "action", "reference", "detail")
    return model.objects.order_by("sequence", "pk").only(*fields).iterator(chunk_size=CHUNK)


def verify(model, key=None):
    """Walk the whole chain in order, a chunk at a time; stop at the first entry that does not match."""
    result = Verification()
    previous_hash, previous_sequence = GENESIS, 0
    entries = _entries(model)
    entry = next(entries, None)
    while entry is not None:
        following = next(entries, None)
        expected = previous_sequence + 1
        if entry.sequence is None or entry.sequence < expected:
            result.broken = Break(Break.INSERTED, expected, entry)
            return result
        if entry.sequence > expected:
            result.broken = Break(Break.REMOVED, expected, entry, missing=entry.sequence - expected)
            return result
        if not hmac.compare_digest(seal_of(entry, previous_hash, key=key), entry.hash or ""):
            result.broken = Break(
                _kind_of_mismatch(entry, following, previous_hash, expected, key), expected, entry
            )
            return result
        result.checked += 1
        result.last = entry
        previous_hash, previous_sequence = entry.hash, entry.sequence
        entry = following
    return result


def _kind_of_mismatch(entry, following, previous_hash, expected, key):
    """An entry whose seal is wrong: the entry after it tells whether it was changed or slipped in."""
    if following is None:
        return Break.CHANGED_OR_INSERTED
    if following.sequence == entry.sequence + 1 and hmac.compare_digest(
        seal_of(following, entry.hash or "", key=key), following.hash or ""
    ):
        # The next entry still vouches for this entry's seal: its fields were edited afterwards.
        return Break.CHANGED
    if hmac.compare_digest(
        seal_of(following, previous_hash, sequence=expected, key=key), following.hash or ""
    ):
        # The next entry follows straight on from the one before: this one was put between them
        # (and the numbers after it shifted).
        return Break.INSERTED
    return Break.CHANGED_OR_INSERTED
