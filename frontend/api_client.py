"""The one way the public site talks to the CMS: its public JSON API, over HTTP.

Every read goes through ``get``. An answer is stored in the cache with its ``ETag``; within
``FRONTEND_API_FRESH_SECONDS`` it is reused as it is, after that it is asked for again with
``If-None-Match`` and a 304 keeps the stored copy. When the CMS cannot be reached (refused,
timed out, 5xx), the last good answer is served for ``FRONTEND_API_STALE_SECONDS``; an address
never seen raises ``CMSUnavailable``, which the site answers with a 503 page. API errors become
``NotFound`` (404) and ``BadRequest`` (400) with the API's own message.

Writes (the legal-assistance form) go through ``post``: never cached, never retried, so a
request is sent once or not at all.
"""

import logging
import threading
import time
from dataclasses import dataclass
from hashlib import sha256
from urllib.parse import urlencode

import requests

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)
_local = threading.local()


class APIError(Exception):
    """The API answered with an error; ``message`` is its own text, in the reader's language."""

    status = 500

    def __init__(self, message="", errors=None, status=None):
        super().__init__(message)
        self.message = message
        self.errors = errors or {}
        if status:
            self.status = status


class NotFound(APIError):
    status = 404


class BadRequest(APIError):
    status = 400


class CMSUnavailable(APIError):
    """The CMS cannot be reached (or failed) and nothing is stored for this address."""

    status = 503


@dataclass
class Answer:
    """A JSON answer of the API; ``stale`` when it is the last good one served while the CMS is down."""

    data: object
    stale: bool = False


def reset_stale():
    _local.stale = False


def served_stale():
    """Whether an answer of this request was a stored one served while the CMS was unreachable."""
    return getattr(_local, "stale", False)


def _session():
    if not hasattr(_local, "session"):
        _local.session = requests.Session()
        _local.session.headers["User-Agent"] = "public-site"
    return _local.session


def api_url(path, params=None):
    """The API's address for ``path`` (relative to /api/v2/) with ``params``, in a stable order."""
    url = f"{settings.CMS_API_URL}/api/v2/{path.lstrip('/')}"
    if params:
        cleaned = sorted((key, str(value)) for key, value in params.items() if value not in (None, ""))
        if cleaned:
            url = f"{url}?{urlencode(cleaned)}"
    return url


def _cache_key(url):
    return "frontend:api:" + sha256(url.encode()).hexdigest()


def _error_from(response):
    try:
        body = response.json()
    except ValueError:
        body = {}
    if not isinstance(body, dict):
        body = {}
    message, errors = body.get("message", ""), body.get("errors") or {}
    if response.status_code == 404:
        return NotFound(message, errors)
    if 400 <= response.status_code < 500:
        return BadRequest(message, errors, status=response.status_code)
    return None


def get(path, params=None, language=None):
    """The API's answer for ``path`` (an ``Answer``), from the store or the CMS.

    Raises NotFound, BadRequest or CMSUnavailable.
    """
    url = api_url(path, params)
    key = _cache_key(url)
    stored = cache.get(key)
    now = time.time()
    if stored and now - stored["checked"] < settings.FRONTEND_API_FRESH_SECONDS:
        return Answer(stored["data"])
    headers = {"Accept": "application/json"}
    if language:
        headers["Accept-Language"] = language
    if stored and stored.get("etag"):
        headers["If-None-Match"] = stored["etag"]
    try:
        response = _session().get(url, headers=headers, timeout=settings.FRONTEND_API_TIMEOUT)
    except requests.RequestException as error:
        return _stale_or_unavailable(url, key, stored, error)
    if response.status_code == 304 and stored:
        stored["checked"] = now
        cache.set(key, stored, settings.FRONTEND_API_STALE_SECONDS)
        return Answer(stored["data"])
    if response.status_code == 200:
        try:
            data = response.json()
        except ValueError as error:
            return _stale_or_unavailable(url, key, stored, error)
        entry = {"data": data, "etag": response.headers.get("ETag", ""), "checked": now}
        cache.set(key, entry, settings.FRONTEND_API_STALE_SECONDS)
        return Answer(data)
    error = _error_from(response)
    if error is not None:
        if response.status_code == 429:  # throttled: as if unreachable, for this reader
            return _stale_or_unavailable(url, key, stored, error)
        raise error
    return _stale_or_unavailable(url, key, stored, f"status {response.status_code}")


def _stale_or_unavailable(url, key, stored, error):
    if stored:
        logger.warning("CMS unreachable (%s): serving the stored answer for %s", error, url)
        _local.stale = True
        return Answer(stored["data"], stale=True)
    logger.warning("CMS unreachable (%s) and no stored answer for %s", error, url)
    raise CMSUnavailable(str(error))


def get_data(path, params=None, language=None):
    """Only the JSON of ``get``."""
    return get(path, params, language).data


def get_uncached(path, params=None):
    """The API's JSON for ``path``, asked for now and never stored (an editor's preview)."""
    try:
        response = _session().get(
            api_url(path, params),
            headers={"Accept": "application/json"},
            timeout=settings.FRONTEND_API_TIMEOUT,
        )
    except requests.RequestException as error:
        raise CMSUnavailable(str(error)) from None
    if response.status_code == 200:
        return response.json()
    raise _error_from(response) or CMSUnavailable(f"status {response.status_code}")


def post(path, params=None, *, json=None, data=None, files=None, headers=None):
    """One POST to the API; the ``requests`` response. Raises CMSUnavailable when it cannot be sent.

    Sent once: no retry, so that a request reaches the CMS once or not at all.
    """
    url = api_url(path, params)
    try:
        return _session().post(
            url,
            json=json,
            data=data,
            files=files,
            headers={"Accept": "application/json", **(headers or {})},
            timeout=settings.FRONTEND_API_POST_TIMEOUT,
        )
    except requests.RequestException as error:
        logger.warning("CMS unreachable for a POST to %s (%s)", path, type(error).__name__)
        raise CMSUnavailable(str(error)) from None


def stream(path):
    """A streamed GET of a file the CMS serves (``/media/…``, ``/documents/…``), redirects followed."""
    url = f"{settings.CMS_API_URL}/{path.lstrip('/')}"
    try:
        response = _session().get(url, stream=True, timeout=settings.FRONTEND_API_TIMEOUT)
    except requests.RequestException as error:
        raise CMSUnavailable(str(error)) from None
    if response.status_code != 200:
        error = _error_from(response) or CMSUnavailable(f"status {response.status_code}")
        response.close()
        raise error
    return response
