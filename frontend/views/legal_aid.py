"""The legal-assistance request form and status page, relayed server-to-server to the CMS's API.

The journalist's browser talks to this site only. A request is sent to the API once, with the
client known to the API only as ``X-Relayed-Client`` (a keyed hash of its address, for the
API's rate limits). Nothing of what is typed is logged or kept here: the answers go to the API
and into the page shown back, and nowhere else. When the CMS cannot be reached, the form comes
back with what was typed and a message to try again.
"""

from django_ratelimit.core import is_ratelimited

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from frontend import api_client, languages
from frontend.clients import client_address, relayed_client
from frontend.relay_form import RelayForm


def _limited(request, group, rate):
    return is_ratelimited(
        request,
        group=group,
        key=lambda _group, request: client_address(request),
        rate=rate,
        method="POST",
        increment=True,
    )


def _relay(form, page_id, request):
    """POST the answers to the API (multipart with the files, else JSON); the ``requests`` response."""
    path = f"legal-aid/forms/{int(page_id)}/"
    params = {"locale": get_language()}
    headers = {"X-Relayed-Client": relayed_client(request), "Accept-Language": get_language()}
    files = form.attachment_files()
    if not files:
        return api_client.post(path, params, json=form.answers(), headers=headers)
    data = []
    for key, value in form.answers().items():
        for item in value if isinstance(value, list) else [value]:
            data.append((key, "true" if item is True else "false" if item is False else item))
    field = form.schema["attachments"]["field"]
    sent = [
        (field, (upload.name, upload, upload.content_type or "application/octet-stream")) for upload in files
    ]
    return api_client.post(path, params, data=data, files=sent, headers=headers)


@never_cache
def request_form(request, page, render_page):
    """GET: the form; POST: relay it and show the reference and secret, or the form with its errors."""
    schema = api_client.get_data(f"legal-aid/forms/{int(page['id'])}/", {"locale": get_language()})
    if request.method != "POST":
        return render_page(request, page, {"form": RelayForm(schema), "schema": schema})
    if int(request.META.get("CONTENT_LENGTH") or 0) > settings.FRONTEND_MAX_BODY_BYTES:
        form = RelayForm(schema)
        notice = _("The request is too large: send fewer or smaller files.")
        return render_page(request, page, {"form": form, "schema": schema, "notice": notice}, status=413)
    form = RelayForm(schema, request.POST, request.FILES)
    form.is_valid()  # checks nothing of substance (the API does): makes the form take errors
    if _limited(request, "legal-aid", settings.FRONTEND_LEGAL_AID_RATE):
        notice, status = (
            _("Too many requests were sent from your connection. Please try again in an hour."),
            429,
        )
    else:
        try:
            response = _relay(form, page["id"], request)
        except api_client.CMSUnavailable:
            response = None
        if response is not None and response.status_code == 201:
            answer = response.json()
            return render(
                request,
                "frontend/legal_aid/sent.html",
                {
                    "title": _("Your request was sent"),
                    "page": page,
                    "answer": answer,
                    "thank_you": schema.get("thank_you_text", ""),
                    **languages.switch(request, {get_language(): request.path}),
                },
            )
        notice, status = _failure(form, response)
    return render_page(request, page, {"form": form, "schema": schema, "notice": notice}, status=status)


def _failure(form, response):
    """The message and status of a request the API did not take; field errors put on the form."""
    unreachable = _(
        "Our service could not be reached, so your request was not sent. What you typed is kept below: "
        "please try again in a few minutes. In an emergency, call the legal hotline."
    )
    if response is None or response.status_code >= 500:
        return unreachable, 503
    try:
        body = response.json()
    except ValueError:
        body = {}
    if response.status_code == 400:
        form.add_api_errors(body.get("errors"))
        return body.get("message") or _("Some answers need correcting."), 400
    if response.status_code in (413, 415):
        field = form.schema.get("attachments", {}).get("field")
        form.add_api_errors({field: [body.get("message", "")]} if field else {})
        return body.get("message") or _("A file cannot be sent."), 400
    if response.status_code == 429:
        return _("Too many requests were sent from your connection. Please try again in an hour."), 429
    return body.get("message") or unreachable, 400


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def request_status(request):
    context = {
        "title": _("The status of your request"),
        **languages.switch(request, languages.same_path(request)),
    }
    if request.method == "POST":
        reference = request.POST.get("reference", "").strip()[:40]
        secret = request.POST.get("secret", "").strip()[:200]
        context.update(reference=reference)
        errors = {}
        if not reference:
            errors["reference"] = _("Give the reference of your request.")
        if not secret:
            errors["secret"] = _("Give the secret you were given with it.")
        if errors:
            context.update(errors=errors)
            return render(request, "frontend/legal_aid/status.html", context, status=400)
        if _limited(request, "legal-aid-status", settings.FRONTEND_LEGAL_AID_STATUS_RATE):
            context["notice"] = _(
                "Too many requests were sent from your connection. Please try again in an hour."
            )
            return render(request, "frontend/legal_aid/status.html", context, status=429)
        try:
            response = api_client.post(
                "legal-aid/status/",
                {"locale": get_language()},
                json={"reference": reference, "secret": secret},
                headers={"X-Relayed-Client": relayed_client(request)},
            )
        except api_client.CMSUnavailable:
            response = None
        if response is not None and response.status_code == 200:
            context["status"] = response.json()
        elif response is not None and response.status_code == 404:
            context["notice"] = _("No request matches this reference and secret. Check them and try again.")
            return render(request, "frontend/legal_aid/status.html", context, status=404)
        else:
            context["notice"] = _("Our service could not be reached. Please try again in a few minutes.")
            return render(request, "frontend/legal_aid/status.html", context, status=503)
    return render(request, "frontend/legal_aid/status.html", context)
