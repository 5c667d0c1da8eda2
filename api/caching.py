"""HTTP caching of the API's public reads, a cache of their answers, and its invalidation.

Every read answers with ``Cache-Control``, an ``ETag`` and a ``Last-Modified`` date. Both
validators come from the content versions its endpoint depends on (:mod:`api.versions`: when the
page itself, the pages of the types it lists, the other content, the recommendations, the
vocabularies or the search entries last changed), so a conditional request (``If-None-Match``,
``If-Modified-Since``) is answered with a 304 before the view runs at all; and the answer itself is kept in the cache under its ETag, so
the next reader of the same address gets it without the view running either. Saving or deleting
content (a page published, a recommendation imported, an image replaced…) moves the versions its
model declares once the transaction commits, and, when Wagtail's frontend cache is configured
(``WAGTAILFRONTENDCACHE``), purges the API's addresses from the CDN or proxy.
"""

import hashlib
from functools import lru_cache

from django_tasks.signals import task_finished, task_started

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.urls import NoReverseMatch, Resolver404, get_resolver, resolve, reverse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from api import page_versions, versions

SAFE_METHODS = ("GET", "HEAD")
# What an answer depends on when its endpoint does not say (``content_versions``).
DEFAULT_VERSIONS = versions.NAMES


def content_changed(sender, **kwargs):
    """A signal receiver: rows changed; move the versions their model declares once committed."""
    if kwargs.get("action", "post_").startswith("pre_"):
        return
    if page_versions.changed(sender, kwargs):
        return  # a page, or a part of one: the versions of what it can change (api/page_versions.py)
    versions.bump(*versions.moved_by(sender))


def page_changed(sender, instance, **kwargs):
    """page_published: the page's answers and its search entry changed (its detail in the API is
    purged from the frontend cache once that commits: :func:`purge_api_from_frontend_cache`)."""
    page_versions.page_published(instance)


def page_left_its_place(sender, instance, **kwargs):
    """page_unpublished, post_page_move: besides, every answer that showed it, or its address."""
    page_versions.page_left_its_place(instance)


def connect_signals():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(content_changed, dispatch_uid="api-content-saved")
    post_delete.connect(content_changed, dispatch_uid="api-content-deleted")
    m2m_changed.connect(content_changed, dispatch_uid="api-content-links")
    page_published.connect(page_changed, dispatch_uid="api-page-published")
    page_unpublished.connect(page_left_its_place, dispatch_uid="api-page-unpublished")
    post_page_move.connect(page_left_its_place, dispatch_uid="api-page-moved")
    page_versions.connect_signals()
    request_started.connect(versions.request_started, dispatch_uid="api-versions-request-started")
    request_finished.connect(versions.request_finished, dispatch_uid="api-versions-request-finished")
    versions.on_bump(purge_api_from_frontend_cache)
    task_started.connect(references_read, dispatch_uid="api-references-read")
    task_finished.connect(references_written, dispatch_uid="api-references-written")


REFERENCE_TASKS = frozenset({"wagtail.tasks.update_reference_index_task"})
# The reference index as a task found it, by task, until that task ends (in the same process).
_references_before = {}


def references_fingerprint():
    """Rows of the reference index added or removed change this: how many there are, and the
    highest id (ids are never given twice, on SQLite as on PostgreSQL)."""
    from django.db.models import Count, Max

    from wagtail.models import ReferenceIndex

    rows = ReferenceIndex.objects.aggregate(count=Count("id"), last=Max("id"))
    return rows["count"], rows["last"]


def references_read(sender, task_result, **kwargs):
    """A signal receiver: a task that writes Wagtail's reference index (which pages cite which
    recommendation, document, image) starts, after the commit of the page it reads."""
    if task_result.task.module_path in REFERENCE_TASKS:
        _references_before[task_result.id] = references_fingerprint()


def references_written(sender, task_result, **kwargs):
    """A signal receiver: that task has ended; the references' version moves when it changed
    them (a page edited without a new link changes none)."""
    if task_result.task.module_path not in REFERENCE_TASKS:
        return
    before = _references_before.pop(task_result.id, None)
    if before is None or references_fingerprint() != before:
        versions.bump(versions.REFERENCES)


# Frontend cache (CDN, proxy) --------------------------------------------------


def purge_api_from_frontend_cache(names=()):
    """Purge the API's listings, and the details of the pages that changed, from the frontend
    cache, when one is configured.

    Answers with a query string (a filtered listing, a detail in another locale), and the details
    of other pages whose related pages changed, cannot be listed: they expire after
    ``API_CACHE_SHARED_MAX_AGE``.
    """
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = [absolute(reverse(f"wagtailapi:{name}:listing")) for name in listings()]
    prefix = versions.page_version("")
    for name in names:
        if name.startswith(prefix) and name[len(prefix) :].isdigit():
            urls.append(absolute(reverse("wagtailapi:pages:detail", args=[int(name[len(prefix) :])])))
    purge_urls_from_cache(urls)


def absolute(path):
    return settings.WAGTAILAPI_BASE_URL.rstrip("/") + path


def listings():
    """The names of the API's endpoints that have a listing, as the router mounted them."""
    _prefix, resolver = get_resolver().namespace_dict["wagtailapi"]
    names = []
    for name in resolver.namespace_dict:
        try:
            reverse(f"wagtailapi:{name}:listing")
        except NoReverseMatch:
            continue
        names.append(name)
    return sorted(names)


# Answers ----------------------------------------------------------------------


def validators(request, names=DEFAULT_VERSIONS):
    """``(etag, last_modified)`` of the answer to ``request`` as the content ``names`` stands now."""
    current = versions.current(names)
    changed_at = max(current.values())
    key = "|".join(
        (
            *(f"{name}={current[name].isoformat()}" for name in sorted(current)),
            request.get_host(),
            request.get_full_path(),
            translation.get_language() or "",
            request.META.get("HTTP_ACCEPT", ""),
        )
    )
    # HTTP dates have whole seconds.
    return f'W/"{hashlib.sha256(key.encode()).hexdigest()[:32]}"', int(changed_at.timestamp())


def cache_control(response, request):
    """``Cache-Control`` of an answer: public for a while when it is a public read that succeeded."""
    if response.status_code not in (200, 304):
        patch_cache_control(response, no_cache=True)
        return response
    if _personal(request):
        patch_cache_control(response, private=True, max_age=0)
        patch_vary_headers(response, ("Accept", "Accept-Language"))
        return response
    return public(response)


def public(response):
    patch_cache_control(
        response,
        public=True,
        max_age=settings.API_CACHE_MAX_AGE,
        s_maxage=settings.API_CACHE_SHARED_MAX_AGE,
    )
    patch_vary_headers(response, ("Accept", "Accept-Language"))
    return response


def uncached(response):
    """An answer no browser, CDN or proxy may keep (a draft's preview)."""
    patch_cache_control(response, private=True, no_store=True)
    return response


def answer_without_the_view(request, names=DEFAULT_VERSIONS):
    """A 304 to a conditional request whose answer has not changed since the content ``names``
    last changed, without the view running. Else None. (Kept answers are served before the view,
    by :class:`api.middleware.KeptAnswerMiddleware`.)"""
    if request.method not in SAFE_METHODS:
        return None
    etag, last_modified = validators(request, names)
    request._api_validators = (etag, last_modified)
    response = _not_modified(request, etag, last_modified)
    return cache_control(response, request) if response is not None else None


def _not_modified(request, etag, last_modified):
    """The answer to a conditional request whose copy is current (a 304 with the validators, or a
    412), else None."""
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is not None and response.status_code == 304:
        _with(response, etag, last_modified)
    return response


def _with(response, etag, last_modified):
    response.headers["ETag"] = etag
    response.headers["Last-Modified"] = http_date(last_modified)
    return response


def kept_answer(request):
    """The answer kept for this address, if the content it shows has not changed since: with its
    validators, or a 304. One cache round trip (with a shared cache), and no view. Else None.

    ``API_CACHE_SERVER_SECONDS=0`` turns the kept answers off: none is kept, none is served.
    """
    if not settings.API_CACHE_SERVER_SECONDS:
        return None
    key = answer_key(request)
    current, found = versions.current_and_kept([key], (*versions.NAMES, *address_versions(request)))
    kept = found.get(key)
    if kept is None:
        return None
    names, token, etag, last_modified, content_type, content = kept
    missing = [name for name in names if name not in current]
    if missing:  # not named by the address (an endpoint that changed since it was kept)
        current = {**current, **versions.current(missing)}
    if token != versions.token_of(current, names):
        return None  # built before the content changed: never served again
    response = _not_modified(request, etag, last_modified)
    if response is None:
        response = _with(HttpResponse(content, content_type=content_type), etag, last_modified)
    return public(response)


def keep(response, request, names=DEFAULT_VERSIONS):
    """``response`` with its validators and ``Cache-Control``; a successful public read is kept in
    the cache until the content changes (``API_CACHE_SERVER_SECONDS`` at most)."""
    response = with_validators(response, request, names)
    if (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not _personal(request)
        and settings.API_CACHE_SERVER_SECONDS
    ):
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        if len(response.content) <= MAX_KEPT_BYTES:
            _etag, last_modified = getattr(request, "_api_validators", None) or validators(request, names)
            kept = (
                tuple(names),
                versions.token(names),  # the versions it was built on, read when the request began
                response.headers["ETag"],
                last_modified,
                response.headers["Content-Type"],
                response.content,
            )
            cache.set(answer_key(request), kept, settings.API_CACHE_SERVER_SECONDS)
    return response


def address_versions(request):
    """The versions beyond :data:`api.versions.NAMES` (a page's, a page type's) that the answer
    to ``request`` is built on, as its endpoint tells from the address alone
    (``versions_of_request``), so that a kept answer is checked in the same round trip."""
    endpoint = _endpoint(request.path_info)
    if endpoint is None:
        return ()
    view_class, url_name, kwargs = endpoint
    of_request = getattr(view_class, "versions_of_request", None)
    if of_request is None:
        return ()
    return tuple(name for name in of_request(request, url_name, dict(kwargs)) if name not in versions.NAMES)


@lru_cache(maxsize=4096)
def _endpoint(path):
    """``(view class, url name, kwargs)`` of an address of the API, or None."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    view_class = getattr(match.func, "cls", None)
    return (view_class, match.url_name, tuple(match.kwargs.items())) if view_class else None


# Answers larger than this are not kept in the cache.
MAX_KEPT_BYTES = 1_000_000


def answer_key(request):
    """Where the answer to a read is kept: by what makes it differ (address, languages, format)."""
    parts = "|".join(
        (
            request.get_host(),
            request.get_full_path(),
            request.META.get("HTTP_ACCEPT_LANGUAGE", ""),
            request.META.get("HTTP_ACCEPT", ""),
        )
    )
    return "api:answer:" + hashlib.sha256(parts.encode()).hexdigest()


def _personal(request):
    """Whether the request is a person's own (signed in, or with credentials). Before the
    authentication middleware has run (the answers served without the view), only credentials
    tell: those requests have no session."""
    user = getattr(request, "user", None)
    return (user is not None and user.is_authenticated) or "HTTP_AUTHORIZATION" in request.META


def with_validators(response, request, names=DEFAULT_VERSIONS):
    """``response`` with its ``ETag``, ``Last-Modified`` and ``Cache-Control``."""
    if request.method in SAFE_METHODS and response.status_code == 200:
        etag, last_modified = getattr(request, "_api_validators", None) or validators(request, names)
        response.headers.setdefault("ETag", etag)
        response.headers.setdefault("Last-Modified", http_date(last_modified))
    return cache_control(response, request)
