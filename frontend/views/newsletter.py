"""The newsletter on the public site: the subscription form, and the pages of the mails' links.

Everything is relayed server-to-server to the CMS's API (``newsletter/…``), with the client known to
it only as ``X-Relayed-Client``; nothing typed is kept here. Works without JavaScript. The pages of
the links (``/newsletter/confirm/<token>/``, ``/newsletter/unsubscribe/<token>/``) change nothing on
GET (mail scanners open links) and act on POST; the unsubscribe one is also the RFC 8058 one-click
target, which a mail client POSTs to without a session, so it takes no CSRF token.
"""

import zoneinfo
from functools import cache

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from frontend import api_client, languages
from frontend.clients import relayed_client
from frontend.views.legal_aid import _limited

UNREACHABLE = "Our service could not be reached. Please try again in a few minutes."
MAX_TOPICS = 30
TOPIC_GROUPS = (
    ("programme-kind", gettext_noop("Our work")),
    ("theme", gettext_noop("Themes")),
    ("country", gettext_noop("States")),
)


@cache
def time_zones():
    """Every IANA time zone as ``(name, label)``, by region then place (Africa/Kigali: "Africa – Kigali")."""
    names = sorted(
        name for name in zoneinfo.available_timezones() if "/" in name and not name.startswith("Etc/")
    )
    return [(name, name.replace("/", " – ", 1).replace("_", " ")) for name in names]


def _topic_groups(topics, chosen):
    """The form's topics by kind, each ``{"code", "name", "checked"}``."""
    groups = []
    for kind, label in TOPIC_GROUPS:
        items = [{**topic, "checked": topic["code"] in chosen} for topic in topics if topic["kind"] == kind]
        if items:
            groups.append({"kind": kind, "label": _(label), "items": items})
    return groups


def _post(request, path, body):
    headers = {"X-Relayed-Client": relayed_client(request), "Accept-Language": get_language()}
    try:
        return api_client.post(f"newsletter/{path}/", {"locale": get_language()}, json=body, headers=headers)
    except api_client.CMSUnavailable:
        return None


def _message(response, fallback):
    try:
        return response.json().get("message") or fallback
    except ValueError:
        return fallback


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    language_names = dict(settings.LANGUAGES)
    context = {
        "title": _("Subscribe to the newsletter"),
        "languages": [(code, language_names.get(code, code)) for code, _name in settings.LANGUAGES],
        "values": {"email": "", "language": get_language(), "consent": False, "time_zone": ""},
        "errors": {},
        "time_zones": time_zones(),
        **languages.switch(request, languages.same_path(request)),
    }
    try:
        form = api_client.get_data("newsletter/subscriptions/", {"locale": get_language()})
        context["consent_text"], topics = form["consent_text"], form.get("topics", [])
    except api_client.APIError:
        context["consent_text"], topics = None, []
    if request.method != "POST":
        context["topic_groups"] = _topic_groups(topics, set())
        return render(request, "frontend/newsletter/subscribe.html", context)
    values = {
        "email": request.POST.get("email", "").strip()[:254],
        "language": request.POST.get("language", ""),
        "topics": [topic[:80] for topic in request.POST.getlist("topics")[:MAX_TOPICS]],
        "time_zone": request.POST.get("time_zone", "")[:64],
        "consent": request.POST.get("consent") == "on",
    }
    context["values"] = values
    context["topic_groups"] = _topic_groups(topics, set(values["topics"]))
    if _limited(request, "newsletter", settings.FRONTEND_NEWSLETTER_RATE):
        context["notice"] = _(
            "Too many requests were sent from your connection. Please try again in an hour."
        )
        return render(request, "frontend/newsletter/subscribe.html", context, status=429)
    response = _post(request, "subscriptions", values)
    if response is not None and response.status_code == 202:
        context["done"] = _message(response, "")
        return render(request, "frontend/newsletter/subscribe.html", context)
    if response is not None and response.status_code == 400:
        body = response.json()
        context["errors"] = {key: " ".join(messages) for key, messages in body.get("errors", {}).items()}
        context["notice"] = body.get("message")
        return render(request, "frontend/newsletter/subscribe.html", context, status=400)
    if response is not None and response.status_code == 429:
        context["notice"] = _(
            "Too many requests were sent from your connection. Please try again in an hour."
        )
        return render(request, "frontend/newsletter/subscribe.html", context, status=429)
    context["notice"] = _(UNREACHABLE)
    return render(request, "frontend/newsletter/subscribe.html", context, status=503)


def _link_page(request, token, path, title, button, template="frontend/newsletter/link.html"):
    context = {"title": title, "button": button, **languages.switch(request, {})}
    if request.method != "POST":
        return render(request, template, context)
    response = _post(request, path, {"token": token[:500]})
    if response is not None and response.status_code == 200:
        context["done"] = _message(response, "")
        return render(request, template, context)
    if response is not None and response.status_code in (400, 429):
        context["notice"] = _message(response, _(UNREACHABLE))
        return render(request, template, context, status=response.status_code)
    context["notice"] = _(UNREACHABLE)
    return render(request, template, context, status=503)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    return _link_page(
        request, token, "confirmations", _("Confirm your subscription"), _("Confirm my subscription")
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    return _link_page(
        request, token, "unsubscriptions", _("Unsubscribe from the newsletter"), _("Unsubscribe")
    )
