"""What goes to Sentry (if SENTRY_DSN is set): never a journalist's data.

Read by the settings, so nothing here imports Django's models or views.
For an event of a legal-assistance endpoint, the request's body, cookies,
headers and query string, the breadcrumbs and every local variable are
removed; elsewhere, the local variables of legal_aid's own code (which
holds decrypted answers in its tasks and services).
"""

from urllib.parse import urlsplit

# The legal-assistance endpoints of the API (/api/v2/legal-aid/...) and of the admin (/admin/legal-aid/...).
LEGAL_AID_SEGMENT = "/legal-aid/"
REMOVED = "[removed]"


def is_legal_aid_path(path):
    return LEGAL_AID_SEGMENT in (path or "")


def _frames(event):
    for exception in (event.get("exception") or {}).get("values") or []:
        yield from (exception.get("stacktrace") or {}).get("frames") or []
    for thread in (event.get("threads") or {}).get("values") or []:
        yield from (thread.get("stacktrace") or {}).get("frames") or []


def _from_legal_aid(frame):
    module = frame.get("module") or ""
    return module == "legal_aid" or module.startswith("legal_aid.")


def before_send(event, hint):
    request = event.get("request") or {}
    url = request.get("url") or ""
    sensitive = is_legal_aid_path(urlsplit(url).path) or is_legal_aid_path(event.get("transaction") or "")
    if sensitive:
        event["request"] = {key: request[key] for key in ("url", "method") if key in request}
        event.pop("breadcrumbs", None)
        event.pop("extra", None)
        for exception in (event.get("exception") or {}).get("values") or []:
            # A message may quote what was sent; its type and traceback are enough to find the fault.
            if exception.get("value"):
                exception["value"] = REMOVED
    for frame in _frames(event):
        if sensitive or _from_legal_aid(frame):
            frame.pop("vars", None)
    return event


def init(dsn, **options):
    """Start the SDK: no personal data, no request body, the filter above on every event."""
    import sentry_sdk

    sentry_sdk.init(
        dsn=dsn,
        send_default_pii=False,
        before_send=before_send,
        **options,
    )
