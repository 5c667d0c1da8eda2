"""Sign-ins, lockouts and factor changes in the audit log (legal_aid's AuditEntry)."""

from legal_aid.models import AuditEntry

Action = AuditEntry.Action


def record(user, action, detail=""):
    """One entry by ``user`` (None for an anonymous attempt); ``detail`` names the account or address."""
    return AuditEntry.record(user, action, detail=detail)
