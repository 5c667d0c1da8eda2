"""Notifications of a new request, sent after it was committed; they never carry its content.

A failing mail server makes the task fail (visible in the task results and
logs, and retried by running it again); the request itself is already saved.
"""

from django_tasks import task

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from legal_aid.models.cases import LegalAidRequest
from legal_aid.models.choices import ContactMethod


@task()
def notify_legal_team(case_id):
    """Tell the legal team that request REF arrived, with a link to the admin, and nothing else."""
    case = LegalAidRequest.objects.filter(pk=case_id).first()
    if case is None or not settings.LEGAL_AID_NOTIFY_EMAILS:
        return False
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("legal_aid_cases:inspect", args=[case.pk])
    with translation.override(settings.LANGUAGE_CODE):
        send_mail(
            subject=_("New legal assistance request %(reference)s") % {"reference": case.reference},
            message=_(
                "Request %(reference)s has arrived. Read it in the admin (you need to be in the legal team):\n%(link)s\n"
            )
            % {"reference": case.reference, "link": link},
            from_email=None,
            recipient_list=settings.LEGAL_AID_NOTIFY_EMAILS,
        )
    return True


@task()
def acknowledge_request(case_id):
    """Tell the requester, in their language, that their request arrived (if they gave an email address)."""
    case = LegalAidRequest.objects.filter(pk=case_id).first()
    if case is None:
        return False
    data = case.get_data()
    if data.get("contact_method") != ContactMethod.EMAIL or not data.get("contact"):
        return False
    language = data.get("preferred_language") or case.language or settings.LANGUAGE_CODE
    with translation.override(language):
        send_mail(
            subject=_("We received your request %(reference)s") % {"reference": case.reference},
            message=_(
                "We received your request for legal assistance. Its reference is %(reference)s. "
                "A member of our legal team will contact you. You can check its status with the reference "
                "and the secret you were given."
            )
            % {"reference": case.reference},
            from_email=None,
            recipient_list=[data["contact"]],
        )
    return True
