"""Requests for legal assistance (cases), their attachments, history and the audit log.

What the requester wrote (every answer, the names and types of the files,
the team's notes) is only ever stored encrypted (see legal_aid.crypto); the
files themselves are encrypted objects with random names in the private
storage. No IP address or user agent is kept.
"""

import re
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from legal_aid import audit_chain, crypto

from .choices import CaseStatus

# No 0/O, 1/I/L, U: a reference read over the phone is not misheard.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_PATTERN = re.compile(rf"^LA-[{REFERENCE_ALPHABET}]{{4}}-[{REFERENCE_ALPHABET}]{{4}}\Z")
ATTACHMENT_PREFIX = "legal-aid/"


def new_reference():
    part = lambda: "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(4))  # noqa: E731
    return f"LA-{part()}-{part()}"


def new_object_name():
    return f"{ATTACHMENT_PREFIX}{secrets.token_hex(20)}"


class LegalAidRequest(models.Model):
    """A request for legal assistance and the case the legal team handles."""

    # Never shown by the API: a request or its handling moves no version of its answers.
    api_versions = ()

    reference = models.CharField(
        _("reference"), max_length=16, unique=True, default=new_reference, editable=False
    )
    status = models.CharField(_("status"), max_length=16, choices=CaseStatus.choices, default=CaseStatus.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="legal_aid_cases",
        limit_choices_to={"groups__name": "Legal team", "is_active": True},
    )
    form_page = models.ForeignKey(
        "legal_aid.LegalAidRequestPage",
        verbose_name=_("form"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    language = models.CharField(_("language of the form"), max_length=8, editable=False)
    payload = models.TextField(editable=False)  # encrypted JSON: every answer, by field key
    notes = models.TextField(editable=False, blank=True)  # encrypted JSON: the team's notes
    secret_hash = models.CharField(max_length=128, editable=False)
    created_at = models.DateTimeField(_("received"), default=timezone.now, editable=False, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    # When each notification went out: a task run again (after a fault) sends nothing twice.
    team_notified_at = models.DateTimeField(_("legal team notified"), null=True, blank=True, editable=False)
    acknowledged_at = models.DateTimeField(_("requester notified"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("legal assistance request")
        verbose_name_plural = _("legal assistance requests")
        default_permissions = ("view", "change")

    def __str__(self):
        return self.reference

    # Encrypted parts --------------------------------------------------------

    def get_data(self) -> dict:
        return crypto.decrypt_json(self.payload)

    def set_data(self, data: dict):
        self.payload = crypto.encrypt_json(data)

    def get_notes(self) -> list:
        return crypto.decrypt_json(self.notes) if self.notes else []

    def add_note(self, text, user):
        notes = self.get_notes()
        notes.append(
            {"at": timezone.now().isoformat(), "by": user.get_username() if user else "", "text": text}
        )
        self.notes = crypto.encrypt_json(notes)


class LegalAidAttachment(models.Model):
    """A file sent with a request, stored encrypted under a random name; its real name and type are encrypted too."""

    # Never shown by the API: a request or its handling moves no version of its answers.
    api_versions = ()

    request = models.ForeignKey(LegalAidRequest, on_delete=models.CASCADE, related_name="attachments")
    object_name = models.CharField(max_length=255, unique=True, default=new_object_name, editable=False)
    metadata = models.TextField(editable=False)  # encrypted JSON: name, content type, size
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        default_permissions = ()

    def __str__(self):
        return _("Attachment %(number)s") % {"number": self.pk}

    def get_metadata(self) -> dict:
        return crypto.decrypt_json(self.metadata)


class CaseEvent(models.Model):
    """One change to a case (received, status, assignee, note added), for its history."""

    # Never shown by the API: a request or its handling moves no version of its answers.
    api_versions = ()

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Received")
        STATUS = "status", _("Status changed")
        ASSIGNEE = "assignee", _("Assignee changed")
        NOTE = "note", _("Note added")

    request = models.ForeignKey(LegalAidRequest, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("when"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(_("change"), max_length=16, choices=Kind.choices)
    old_value = models.CharField(_("before"), max_length=255, blank=True)
    new_value = models.CharField(_("after"), max_length=255, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        default_permissions = ()

    def __str__(self):
        return f"{self.get_kind_display()} {self.old_value} → {self.new_value}".strip()


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Audit entries cannot be changed.")

    def delete(self):
        raise PermissionError("Audit entries cannot be deleted.")


class AuditEntry(models.Model):
    """Who viewed, downloaded or exported what, who signed in or changed a factor, and when. Never changed or deleted.

    The case is named by its reference (not a foreign key), so the log
    outlives the cases that retention deletes.
    """

    # Never shown by the API: a request or its handling moves no version of its answers.
    api_versions = ()

    class Action(models.TextChoices):
        VIEW = "view", _("Viewed a case")
        DOWNLOAD = "download", _("Downloaded an attachment")
        EXPORT = "export", _("Exported a case")
        EDIT = "edit", _("Edited a case")
        PURGE = "purge", _("Deleted by retention")
        ROTATE = "rotate", _("Re-encrypted with a new key")
        # Staff accounts (the accounts app)
        LOGIN = "login", _("Signed in")
        LOGIN_FAILED = "login_failed", _("Failed sign-in")
        LOCKOUT = "lockout", _("Locked out")
        UNLOCK = "unlock", _("Lockout lifted")
        FACTOR_OK = "factor_ok", _("Second factor accepted")
        FACTOR_FAILED = "factor_failed", _("Second factor refused")
        FACTOR_ADDED = "factor_added", _("Second factor added")
        FACTOR_REMOVED = "factor_removed", _("Second factor removed")
        FACTOR_RESET = "factor_reset", _("Second factors reset by an administrator")
        CODES_NEW = "codes_new", _("New recovery codes")
        PASSWORD = "password", _("Password changed")

    at = models.DateTimeField(_("when"), default=timezone.now, editable=False, db_index=True)
    # The user's id stays when the account is deleted: it is sealed into the entry.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        editable=False,
    )
    username = models.CharField(_("username"), max_length=150, blank=True, editable=False)
    action = models.CharField(_("action"), max_length=16, choices=Action.choices, editable=False)
    reference = models.CharField(_("case"), max_length=16, blank=True, editable=False, db_index=True)
    detail = models.CharField(_("detail"), max_length=255, blank=True, editable=False)
    # Its place in the chain (1, 2, 3, ...) and its seal: the HMAC of the previous seal and its fields
    # (legal_aid.audit_chain).
    sequence = models.PositiveBigIntegerField(_("number"), editable=False, db_index=True)
    hash = models.CharField(_("seal"), max_length=64, editable=False)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-sequence", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.reference}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit entries cannot be deleted.")

    @classmethod
    def record(cls, user, action, reference="", detail=""):
        """Append an entry, sealed to the one before it."""
        return audit_chain.append(
            cls,
            at=timezone.now(),
            user=user if user and user.is_authenticated else None,
            username=user.get_username() if user and user.is_authenticated else "",
            action=action,
            reference=reference,
            detail=detail[:255],
        )
