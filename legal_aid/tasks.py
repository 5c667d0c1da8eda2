"""Notifications of a new request, and the periodic retention work; notifications never carry a request's content.

Each notification is sent once: the case row is locked, the mail goes out,
and the time it went is written in the same transaction. A failing mail
server makes the task fail; the worker tries again later (``EMAIL`` policy),
and ``manage.py rerun_failed_tasks`` runs those whose attempts ran out.
Each mail's Message-ID is fixed by the case, so that a mail sent again after
a crash between sending and recording it is recognisable as the same one.
"""

import logging

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
from legal_aid.team import notification_addresses

logger = logging.getLogger(__name__)


def _message_id(case, kind):
    # A neutral domain: the header is read by the requester's mail provider too.
    return f"<{keyed_hash(case.reference, f'message-id.{kind}')[:40]}@notification.invalid>"


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
    """Tell the legal team that a request arrived, with the link to it in the admin, and nothing else:
    no answer of the request, not even its reference."""

    def compose(case):
        recipients = notification_addresses()
        if not recipients:
            logger.warning(
                "Nobody was told of legal-assistance request %s: set LEGAL_AID_NOTIFY_EMAILS, "
                "or give the members of the Legal team an email address.",
                case.pk,
            )
            return None
        link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("legal_aid_cases:inspect", args=[case.pk])
        with translation.override(settings.LANGUAGE_CODE):
            return EmailMessage(
                subject=_("A new request arrived"),
                body=_(
                    "A new request arrived. Read it in the admin (you need to be in the legal team):\n%(link)s\n"
                )
                % {"link": link},
                to=recipients,
                headers={"Message-ID": _message_id(case, "team")},
            )

    return _send_once(case_id, "team_notified_at", compose)


@task(queue_name="urgent", retry=EMAIL)
def acknowledge_request(case_id):
    """Tell the requester, in their language, that their message arrived: queued only when they asked for it.

    Whoever else reads their mailbox learns nothing from it: a plain subject, no word of the request,
    no reference, no name of the service, from LEGAL_AID_ACKNOWLEDGEMENT_FROM_EMAIL.
    """

    def compose(case):
        data = case.get_data()
        if data.get("contact_method") != ContactMethod.EMAIL or not data.get("contact"):
            return None
        language = data.get("preferred_language") or case.language or settings.LANGUAGE_CODE
        with translation.override(language):
            return EmailMessage(
                subject=_("Your message was received"),
                body=_(
                    "Hello,\n\nYour message was received. We will get in touch with you.\n\n"
                    "This email was sent automatically: please do not reply to it.\n"
                ),
                from_email=settings.LEGAL_AID_ACKNOWLEDGEMENT_FROM_EMAIL,
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
