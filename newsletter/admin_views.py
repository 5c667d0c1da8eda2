"""Sending an issue from the admin: a preview, a test to the editor's own address, the sending to the
language's confirmed subscribers (with the fallback option), and the progress of each edition.

For editors with the ``newsletter.add_edition`` permission (superusers have it)."""

import smtplib

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from wagtail.users.models import UserProfile

from publications.models import NewsletterPage

from . import rendering, sender, tasks
from .models import Delivery, Edition, Subscriber, SubscriberStatus

PERMISSION = "newsletter.add_edition"


def _page(request, page_id):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    return get_object_or_404(NewsletterPage, pk=page_id)


def preview(request, page_id):
    """The issue as its readers' mail client shows it (the HTML part)."""
    page = _page(request, page_id)
    _text, html = rendering.render(page).for_recipient("#unsubscribe")
    return HttpResponse(html)


def send(request, page_id):
    page = _page(request, page_id)
    if request.method == "POST" and request.POST.get("action") == "test":
        return _test(request, page)
    fallback = request.POST.get("fallback") == "on"
    if request.method == "POST" and request.POST.get("action") == "send":
        if not page.live:
            messages.error(request, _("Publish the issue before sending it."))
        else:
            edition = tasks.start_edition(page, fallback=fallback, user=request.user)
            messages.success(request, _("The sending has started."))
            return redirect("newsletter_admin:edition", edition.pk)
    context = {
        "page": page,
        "language": page.locale.get_display_name(),
        "recipients": sender.recipients(page, False).count(),
        "with_fallback": sender.recipients(page, True).count(),
        "editions": Edition.objects.filter(page=page).order_by("-created_at"),
        "can_fall_back": page.locale.language_code == _default_language(),
    }
    return TemplateResponse(request, "newsletter/admin/send.html", context)


def _default_language():
    from django.conf import settings

    return settings.LANGUAGE_CODE


def _test(request, page):
    address = request.user.email
    if not address:
        messages.error(request, _("Your account has no e-mail address: add one to your profile first."))
        return redirect("newsletter_admin:send", page.pk)
    # A stand-in recipient: the real unsubscribe link of a test would unsubscribe no one.
    stand_in = Subscriber(
        pk=0, email=address, language=page.locale.language_code, status=SubscriberStatus.CONFIRMED
    )
    message = sender.compose(
        Edition(pk=0, page=page, language=stand_in.language),
        # Events in the editor's own time zone (their account's), as a subscriber who chose one reads them.
        rendering.render(page, UserProfile.get_for_user(request.user).current_time_zone),
        Delivery(pk=0, edition_id=0),
        stand_in,
    )
    message.subject = _("[Test] %(subject)s") % {"subject": message.subject}
    try:
        message.send()
    except (smtplib.SMTPException, OSError):
        messages.error(
            request, _("The test could not be sent: the mail server did not accept it. Try again later.")
        )
    else:
        messages.success(request, _("A test was sent to %(address)s.") % {"address": address})
    return redirect("newsletter_admin:send", page.pk)


def edition(request, edition_id):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    edition = get_object_or_404(Edition.objects.select_related("page"), pk=edition_id)
    counts = sender.progress(edition)
    context = {
        "edition": edition,
        "counts": counts,
        "sent": counts["sent"],
        "failed": counts["failed"] + counts["bounced"],
        "pending": counts["pending"] + counts["claimed"],
        "skipped": counts["skipped"],
        "send_url": reverse("newsletter_admin:send", args=[edition.page_id]),
    }
    return TemplateResponse(request, "newsletter/admin/edition.html", context)


urlpatterns = [
    path("send/<int:page_id>/", send, name="send"),
    path("preview/<int:page_id>/", preview, name="preview"),
    path("editions/<int:edition_id>/", edition, name="edition"),
]
