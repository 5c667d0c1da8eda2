"""The pages of the mails' links, served by the CMS at /newsletter/… (NEWSLETTER_LINKS_URL).

GET shows a page with a button and changes nothing (mail scanners open links); POST does it. The
unsubscribe address is also the RFC 8058 one-click target: a POST of ``List-Unsubscribe=One-Click``
from a mail client, with no session or CSRF token, unsubscribes at once.
"""

from django.shortcuts import render
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import services, tokens


def _page(request, template, token, purpose, act):
    try:
        subscriber = tokens.read_token(token, purpose)
    except tokens.InvalidToken as error:
        context = {"problem": "expired" if error.expired else "invalid"}
        status = 400 if request.method == "POST" else 200
        with translation.override(
            error.subscriber.language if error.subscriber else translation.get_language()
        ):
            return render(request, template, context, status=status)
    with translation.override(subscriber.language):
        if request.method != "POST":
            return render(request, template, {"token": token})
        if act(subscriber) is False:  # no longer waiting for confirmation (unsubscribed since)
            return render(request, template, {"problem": "invalid"}, status=400)
        return render(request, template, {"done": True})


@csrf_exempt  # the token is the authority; a mail client's one-click POST has no session
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    return _page(request, "newsletter/confirm.html", token, tokens.CONFIRM, services.confirm)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    return _page(request, "newsletter/unsubscribe.html", token, tokens.UNSUBSCRIBE, services.unsubscribe)
