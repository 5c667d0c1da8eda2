"""Each public page's detail, stored in the database as the API answers it, and served from there.

A page's detail (``/api/v2/pages/<id>/``) is the answer readers ask for most, and the costliest to
build: the page and its type, its files, authors, vocabularies, images and renditions, its
parent and translations, each a query, then Wagtail's serialisers. So the answer is built once
for the versions of the content it shows (its page's own, the other pages' summaries, the
assets, the vocabularies, the recommendations: :func:`api.page_versions.answer_versions`) and
stored beside the page (:class:`api.models.StoredPageAnswer`): when the page is published (a task
on the default queue, after the search entries of the urgent one), and by the view whenever it finds none for today's versions.

A reader of the plain address then gets the stored answer in one query (the versions and the
row), before any view or serialiser runs: shared by every web and worker process (it is in
the database), never stale (it is served only while the versions it was built on are today's:
any change of what it shows moves one of them, and the view builds it anew). This is not the
answer cache (:mod:`api.caching`, switched off by ``API_CACHE_SERVER_SECONDS=0``), which keeps
any address's answer in the cache for its next reader; ``API_STORED_PAGES=false`` switches this
off, and every detail is built by the view.
"""

import logging
import re
from urllib.parse import urlsplit

from django_tasks import task

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse
from django.http.request import validate_host
from django.urls import reverse
from django.utils import timezone

from api import versions
from api.caching import _not_modified, _personal, _with, keep, public, validators
from api.page_versions import answer_versions
from api.public import site_roots

logger = logging.getLogger(__name__)

DETAIL = re.compile(r"^/api/v2/pages/(?P<pk>[0-9]{1,18})/$")


def names_of(page_id):
    """The versions a page's detail is built on."""
    return answer_versions({}, "detail", {"pk": page_id})


def enabled():
    return settings.API_STORED_PAGES


def _page_of(request):
    """The page id of a plain detail address (no query string, no credentials), else None."""
    if request.META.get("QUERY_STRING") or not enabled():
        return None
    match = DETAIL.match(request.path_info)
    return int(match["pk"]) if match else None


def _stored_row():
    """The query of a stored answer: ``(built_on, path, origin, content_type, content)``."""
    from api.models import StoredPageAnswer

    table = connection.ops.quote_name(StoredPageAnswer._meta.db_table)
    return f"SELECT built_on, path, origin, content_type, content FROM {table} WHERE page_id = %s"  # noqa: S608


def stored_answer(request):
    """The stored detail of the page this plain address asks for, with its validators (or a 304),
    when it was built on today's versions of what it shows and the page is on the requested site;
    else None (the view answers, and stores what it built)."""
    page_id = _page_of(request)
    if page_id is None:
        return None
    names = names_of(page_id)
    # The versions and the stored answer in one query.
    current, rows = versions.current_and_rows(names, _stored_row(), [page_id], 5)
    if not rows:
        return None
    built_on, path, origin, content_type, content = rows[0]
    if (
        built_on != versions.token_of(current, names)
        or origin != _origin(request)
        or not path.startswith(site_roots(request))
    ):
        return None
    etag, last_modified = validators(request, names)
    response = _not_modified(request, etag, last_modified)
    if response is not None:
        return public(response)
    response = _with(HttpResponse(bytes(content), content_type=content_type), etag, last_modified)
    if not settings.API_CACHE_SERVER_SECONDS:
        return public(response)
    # Kept in the answer cache too, when it is on: its next reader gets it in one round trip to the
    # cache (Redis) rather than one to the database.
    return keep(response, request, names)


def store(request, response, page):
    """After the view answered the plain detail address of ``page``: its answer, stored for the
    versions read when the request began (a change committed while it was built leaves it unused)."""
    if (
        page is None
        or request.method != "GET"
        or response.status_code != 200
        or response.streaming
        or _personal(request)
        or _page_of(request) != page.pk
    ):
        return
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    write(
        page, versions.token(names_of(page.pk)), _origin(request), response["Content-Type"], response.content
    )


def _origin(request):
    return f"{request.scheme}://{request.get_host()}"


def write(page, built_on, origin, content_type, content):
    from api.models import StoredPageAnswer

    try:
        with transaction.atomic():
            StoredPageAnswer.objects.update_or_create(
                page_id=page.pk,
                defaults={
                    "path": page.path,
                    "origin": origin,
                    "built_on": built_on,
                    "content_type": content_type,
                    "content": content,
                    "built_at": timezone.now(),
                },
            )
    except DatabaseError:
        # Two processes storing the same page at once, or the page deleted meanwhile: the answer
        # was given; the next reader's view stores it.
        logger.info("The detail of page %s was not stored", page.pk, exc_info=True)


def _address_of_the_api():
    """``(scheme, host)`` at which readers ask the API: those of ``WAGTAILAPI_BASE_URL`` when the
    settings allow its host, else the first host they allow."""
    base = urlsplit(settings.WAGTAILAPI_BASE_URL)
    if base.hostname and validate_host(base.hostname, settings.ALLOWED_HOSTS):
        return base.scheme or "http", base.netloc
    allowed = [host for host in settings.ALLOWED_HOSTS if host != "*" and not host.startswith(".")]
    return "http", allowed[0] if allowed else "localhost"


def connect_signals():
    from wagtail.signals import page_published, page_unpublished

    page_published.connect(_published, dispatch_uid="api-stored-page-published")
    page_unpublished.connect(_unpublished, dispatch_uid="api-stored-page-unpublished")


def _published(sender, instance, **kwargs):
    published(instance.pk)


def _unpublished(sender, instance, **kwargs):
    forget(instance.pk)


def published(page_id):
    """After a publication commits: its detail built before the first reader asks."""
    if enabled():
        transaction.on_commit(lambda: build_stored_page.enqueue(page_id))


@task(queue_name="default")
def build_stored_page(page_id):
    """The detail of one page built by the pages endpoint, as its site's readers get it, and
    stored (nothing when the page is not public any more)."""
    from django.test import RequestFactory
    from django.urls import resolve

    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    address = reverse("wagtailapi:pages:detail", args=[page_id])
    scheme, host = _address_of_the_api()
    secure = {}
    if scheme == "https":  # as the proxy in front tells it, when one is configured
        header, value = settings.SECURE_PROXY_SSL_HEADER or ("wsgi.url_scheme", "https")
        secure = {header: value}
    request = RequestFactory().get(address, HTTP_HOST=host, secure=scheme == "https", **secure)
    request.user = AnonymousUser()
    request.LANGUAGE_CODE = settings.LANGUAGE_CODE
    with versions.read_once():  # one reading of the versions for the whole answer, as in a request
        response = resolve(address).func(request, pk=page_id)
    if response.status_code == 404:
        forget(page_id)


def forget(page_id):
    from api.models import StoredPageAnswer

    StoredPageAnswer.objects.filter(page_id=page_id).delete()
