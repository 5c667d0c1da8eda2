"""Notifications of a new request, and the periodic retention work; notifications never carry a request's content.

Each notification is sent once: the case row is locked, the mail goes out,
and the time it went is written in the same transaction. A failing mail
server makes the task fail; the worker tries again later (``EMAIL`` policy),
and ``manage.py rerun_failed_tasks`` runs those whose attempts ran out.
Each mail's Message-ID is fixed by the case, so that a mail sent again after
a crash between sending and recording it is recognisable as the same one.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from background import task
from background.retry import DATABASE, EMAIL, STORAGE
from legal_aid import retention
from legal_aid.crypto import keyed_hash
from legal_aid.models.cases import LegalAidRequest
from legal_aid.models.choices import ContactMethod


def _message_id(case, kind):
    return f"<{keyed_hash(case.reference, f'message-id.{kind}')[:40]}@legal-aid.invalid>"


def _send_once(case_id, sent_field, compose):
    """Lock the case, send what ``compose(case)`` gives (unless already sent), record it. Returns True if sent."""
    with transaction.atomic():
        case = LegalAidRequest.objects.select_for_update().filter(pk=case_id).first()
        if case is None or getattr(case, sent_field) is not None:
            return False
        message = compose(case)
        if message is None:
            return False
        message.send()
        # update(): the case's own "updated" time stays that of the team's last change.
        LegalAidRequest.objects.filter(pk=case.pk).update(**{sent_field: timezone.now()})
    return True


@task(queue_name="urgent", retry=EMAIL)
def notify_legal_team(case_id):
    """Tell the legal team that request REF arrived, with a link to the admin, and nothing else."""

    def compose(case):
        if not settings.LEGAL_AID_NOTIFY_EMAILS:
            return None
        link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("legal_aid_cases:inspect", args=[case.pk])
        with translation.override(settings.LANGUAGE_CODE):
            return EmailMessage(
                subject=_("New legal assistance request %(reference)s") % {"reference": case.reference},
                body=_(
                    "Request %(reference)s has arrived. Read it in the admin (you need to be in the legal team):\n%(link)s\n"
                )
                % {"reference": case.reference, "link": link},
                to=settings.LEGAL_AID_NOTIFY_EMAILS,
                headers={"Message-ID": _message_id(case, "team")},
            )

    return _send_once(case_id, "team_notified_at", compose)


@task(queue_name="urgent", retry=EMAIL)
def acknowledge_request(case_id):
    """Tell the requester, in their language, that their request arrived (if they gave an email address)."""

    def compose(case):
        data = case.get_data()
        if data.get("contact_method") != ContactMethod.EMAIL or not data.get("contact"):
            return None
        language = data.get("preferred_language") or case.language or settings.LANGUAGE_CODE
        with translation.override(language):
            return EmailMessage(
                subject=_("We received your request %(reference)s") % {"reference": case.reference},
                body=_(
                    "We received your request for legal assistance. Its reference is %(reference)s. "
                    "A member of our legal team will contact you. You can check its status with the reference "
                    "and the secret you were given."
                )
                % {"reference": case.reference},
                to=[data["contact"]],
                headers={"Message-ID": _message_id(case, "acknowledgement")},
            )

    return _send_once(case_id, "acknowledged_at", compose)


@task(queue_name="bulk", retry=STORAGE)
def sweep_orphaned_objects():
    """Delete the objects under legal-aid/ that no case refers to, once LEGAL_AID_SWEEP_GRACE_HOURS have passed."""
    report = retention.sweep_orphaned_objects()
    if report.failed:
        raise retention.SweepIncomplete(report.summary())
    return report.summary()


@task(queue_name="bulk", retry=DATABASE)
def purge_closed_requests():
    """Delete the cases closed more than LEGAL_AID_RETENTION_DAYS ago, with their files."""
    report = retention.purge_closed_cases()
    if report.failed:
        raise retention.PurgeIncomplete(report.summary())
    return report.summary()
