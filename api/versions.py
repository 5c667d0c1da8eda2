"""The one content-version mechanism of the API: which kind of content changed, and when.

Every answer of the API depends on some kinds of content, named by its endpoint
(``content_versions``); a model says which kinds its changes move (``api_versions`` on the
model, else on its app's config; Wagtail's own tables below). When a change commits, the
versions it moves are set to now, in the database, once per commit however many rows it
wrote. The validators of an answer (``ETag``, ``Last-Modified``), the answers kept in the
cache and the counts kept by the apps (:func:`cached`) are all built on these versions, so
nothing read after a change is stale: what was kept before it is simply never read again.

Besides the kinds, each page has its own version and each page type one for its listings, and
what pages show of each other (their summaries) one more (:mod:`api.page_versions`): an edit of
a news item's text empties its detail and the listings of news, not every page's answer.

The database is the reference: with the default, per-process cache, every process reads the
versions there (one query of one small table per answer), so a web process sees at once what a
worker or a command-line import changed. With a shared cache (``REDIS_URL``), the versions are
mirrored in it and read from it.
"""

import contextlib
import datetime
import functools
import hashlib
import threading

from django.apps import apps as global_apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

# Any content at all, pages included: for answers that do not say more precisely what they show.
CONTENT = "content"
# Content that is not a page: images, documents, snippets, sites, locales, collections, redirects.
ASSETS = "assets"
# What an answer shows of pages other than its own (api/page_versions.py): title, address, type,
# language, public or not, place in the tree; moved by a page published for the first time,
# unpublished, moved, deleted or restricted, or by an edit of one of those fields.
SUMMARIES = "page-summaries"
RECOMMENDATIONS = "recommendations"
VOCABULARIES = "vocabularies"
SEARCH = "search"
# The search entries of recommendations only (a subset of SEARCH): what the recommendations' text
# queries read, so that a page's new entry leaves them warm.
RECOMMENDATION_SEARCH = "search:recommendations"
# Which pages link to which objects (Wagtail's reference index): written after a page's commit,
# by a task of its own (``api.caching.references_written``).
REFERENCES = "references"
NAMES = (CONTENT, ASSETS, SUMMARIES, RECOMMENDATIONS, VOCABULARIES, SEARCH, RECOMMENDATION_SEARCH, REFERENCES)


def page_version(page_id):
    """The version of one page's own answer (its detail), moved by any change of the page."""
    return f"page:{page_id}"


def type_version(model):
    """The version of the listings of one page type, moved by a change of any page of that type
    (or of a type derived from it: ``wagtailcore.page`` is moved by every page)."""
    return f"pagetype:{model._meta.label_lower}"


# Tables of Wagtail and its add-ons that public answers show. Every other table of a
# third-party app (revisions, log entries, sessions, task results…) moves no version.
# (Pages and their parts move their own versions: api/page_versions.py.)
THIRD_PARTY = {
    "wagtailcore.page": (CONTENT,),
    "wagtailcore.site": (CONTENT, ASSETS, SUMMARIES),
    "wagtailcore.locale": (CONTENT, ASSETS, SUMMARIES, VOCABULARIES),
    "wagtailcore.collection": (CONTENT, ASSETS, SEARCH),
    "wagtailcore.pageviewrestriction": (CONTENT, SUMMARIES, SEARCH),
    "wagtailcore.collectionviewrestriction": (CONTENT, ASSETS, SEARCH),
    "wagtailredirects.redirect": (CONTENT, ASSETS),
    "taggit.tag": (CONTENT, ASSETS),
    "taggit.taggeditem": (CONTENT, ASSETS),
}
_CACHE_PREFIX = "api:version:"
# Within one request, the versions read once (every part of one answer is built on the same);
# nothing is kept from one request to the next.
_request = threading.local()


def moved_by(model):
    """The versions that a change of ``model``'s rows moves: declared on the model
    (``api_versions = ()`` for data no answer shows), else by its app's config."""
    if model._meta.apps is not global_apps:  # a migration's historical model
        return ()
    declared = getattr(model, "api_versions", None)
    if declared is None:
        declared = getattr(model._meta.app_config, "api_versions", None)
    if declared is None:
        declared = THIRD_PARTY.get(model._meta.label_lower, ())
    declared = tuple(declared)
    if CONTENT in declared and ASSETS not in declared and not _is_page_or_part(model):
        declared = (*declared, ASSETS)
    return declared


def _is_page_or_part(model):
    return is_page(model) or owning_page_field(model) is not None


def is_page(model):
    from wagtail.models import Page

    return isinstance(model, type) and issubclass(model, Page)


@functools.cache
def owning_page_field(model):
    """The field by which ``model``'s rows are part of a page (a ``ParentalKey`` to a page type,
    or the key to the page of a many-to-many's own table), or None."""
    from modelcluster.fields import ParentalKey

    if is_page(model) or "api_versions" in vars(model):
        return None
    owner = model._meta.auto_created  # a many-to-many's table: the model whose relation it is
    for field in model._meta.concrete_fields:
        if not (field.many_to_one and is_page(field.related_model)):
            continue
        if isinstance(field, ParentalKey) or (owner and field.related_model is owner):
            return field
    return None


def _shared_cache():
    return settings.API_VERSIONS_IN_CACHE


def current(names):
    """``{name: changed_at}`` of these versions, as the database (or the shared cache) has them."""
    return _current(names)[0]


def current_and_rows(names, select, params, width):
    """``(current(names), rows)``: with the rows of one more query of the caller's (``select``, of
    ``width`` columns), read in the same round trip as the versions, from the database (where
    they are kept, even when a shared cache mirrors them: one round trip rather than two)."""
    found, rows = _current(names, (select, params, width), shared=False)
    if rows is None:
        with connection.cursor() as cursor:
            cursor.execute(select, params)
            rows = cursor.fetchall()
    return found, rows


def _current(names, also=None, *, shared=None):
    names = tuple(names)
    shared = _shared_cache() if shared is None else shared
    memo = getattr(_request, "versions", None)
    found = {name: memo[name] for name in names if name in memo} if memo is not None else {}
    if len(found) == len(names):
        return found, None
    if shared:
        kept = cache.get_many([_CACHE_PREFIX + name for name in names])
        found = {name: kept[_CACHE_PREFIX + name] for name in names if _CACHE_PREFIX + name in kept}
    missing = [name for name in names if name not in found]
    extra = None
    if missing:
        # A page's or a page type's version that never moved is the content version (read in
        # the same query): a page's change moves its own version past it, and no row is written
        # for each page read.
        wanted = missing if all(name in NAMES for name in missing) else [*missing, CONTENT]
        rows, extra = _read(wanted, also)
        if CONTENT in wanted and CONTENT not in rows:
            rows[CONTENT] = _first(CONTENT)
        for name in missing:
            if name not in rows:
                rows[name] = _first(name) if name in NAMES else rows[CONTENT]
        found.update({name: rows[name] for name in missing})
        if shared:
            # ``add``, never ``set``: a change that committed since the rows were read has
            # written its newer version there, which must not be put back to the older one.
            for name in missing:
                cache.add(_CACHE_PREFIX + name, rows[name], None)
    if memo is not None:
        memo.update(found)
    return {name: found[name] for name in names}, extra


def _read(names, also=None):
    """``({name: changed_at}, rows of also)`` of the rows of these versions in the database, and of
    the caller's query ``also`` (``(select, params, width)``, or None) in the same round trip.

    The query written out rather than built by the ORM: every answer of the API makes it, and
    building it costs more than running it."""
    from api.models import ContentVersion

    table = connection.ops.quote_name(ContentVersion._meta.db_table)
    marks = ", ".join(["%s"] * len(names))
    sql, params = f"SELECT name, changed_at FROM {table} WHERE name IN ({marks})", list(names)  # noqa: S608
    if also is not None:
        select, also_params, width = also
        sql = (
            f"SELECT name, changed_at{', NULL' * width} FROM {table} WHERE name IN ({marks}) "  # noqa: S608
            f"UNION ALL SELECT NULL, NULL, also.* FROM ({select}) AS also"
        )
        params = [*params, *also_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    found = {row[0]: _as_datetime(row[1]) for row in rows if row[0] is not None}
    return found, None if also is None else [row[2:] for row in rows if row[0] is None]


def _as_datetime(value):
    """A time of the database as an aware datetime (SQLite gives the text it stores, in UTC)."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return value


def current_and_kept(keys, names=NAMES):
    """``(versions, {key: value})``: the versions and other values of the cache, in one round trip
    to a shared cache (with the per-process cache, the versions come from the database)."""
    if not _shared_cache():
        return current(names), cache.get_many(keys)
    version_keys = [_CACHE_PREFIX + name for name in names]
    found = cache.get_many([*keys, *version_keys])
    memo = getattr(_request, "versions", None)
    known = {name: found[_CACHE_PREFIX + name] for name in names if _CACHE_PREFIX + name in found}
    if memo is not None:
        memo.update(known)
    return current(names), {key: found[key] for key in keys if key in found}


def token_of(versions, names):
    return "|".join(f"{name}={versions[name].isoformat()}" for name in sorted(names))


def token(names):
    """One string that changes whenever one of these versions moves."""
    versions = current(names)
    return "|".join(f"{name}={versions[name].isoformat()}" for name in sorted(versions))


def _first(name):
    """The first version of ``name`` (never moved yet), as now; a version written meanwhile by
    another process wins (created, never overwritten)."""
    from api.models import ContentVersion

    row, _created = ContentVersion.objects.get_or_create(name=name, defaults={"changed_at": timezone.now()})
    if _shared_cache():
        cache.add(_CACHE_PREFIX + name, row.changed_at, None)
    return row.changed_at


def _write(name):
    from api.models import ContentVersion

    changed_at = timezone.now()
    ContentVersion.objects.update_or_create(name=name, defaults={"changed_at": changed_at})
    if _shared_cache():
        cache.set(_CACHE_PREFIX + name, changed_at, None)
    memo = getattr(_request, "versions", None)
    if memo is not None:
        memo[name] = changed_at
    return changed_at


def bump(*names):
    """Move these versions on now (after the transaction commits, when inside one).

    Once per commit and name, however many rows the commit wrote (an import writes thousands),
    and all the names of one commit together: the receivers of :func:`on_bump` (the CDN purge)
    are called once per commit.
    """
    names = [name for name in names if name]
    if not names:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _bump_now(sorted(set(names)))
        return
    # The names of this transaction gathered in one set, moved together by whichever of its
    # callbacks runs first (the others find nothing left). Django's list of callbacks is one
    # object for one transaction, and a new one after a commit or after a savepoint rolled back
    # (which drops the callbacks registered inside it): then a new set is begun.
    hooks = connection.run_on_commit
    pending = getattr(connection, "_api_versions_pending", None)
    if pending is None or pending.hooks is not hooks:
        pending = _Pending(hooks)
        connection._api_versions_pending = pending
    pending.names.update(names)
    transaction.on_commit(pending.run)


class _Pending:
    def __init__(self, hooks):
        self.hooks = hooks
        self.names = set()

    def run(self):
        names, self.names = sorted(self.names), set()
        if names:
            _bump_now(names)


def _bump_now(names):
    for name in names:
        _write(name)
    heard = getattr(_request, "bumped", None)
    if heard is not None:  # in a request: its receivers hear once, when it has ended
        heard.update(names)
        return
    _tell(names)


def _tell(names):
    for receiver in _after_bump:
        receiver(names)


_after_bump = []


def on_bump(receiver):
    """Call ``receiver(names)`` after versions moved (the API's CDN purge): once a request has
    ended for all it moved (an editor's publication, and what runs after its commit), at once
    elsewhere (a worker's task, a command)."""
    if receiver not in _after_bump:
        _after_bump.append(receiver)
    return receiver


@contextlib.contextmanager
def read_once():
    """Versions read once for everything inside, as within a request (a task building an answer),
    and the memo of the request around it, if any, put back after."""
    before = getattr(_request, "versions", None)
    _request.versions = {}
    try:
        yield
    finally:
        _request.versions = before


def request_started(**kwargs):
    """Signal receiver: a request starts with no version read or moved yet."""
    _request.versions = {}
    _request.bumped = set()


def request_finished(**kwargs):
    _request.versions = None
    bumped, _request.bumped = getattr(_request, "bumped", None), None
    if bumped:
        _tell(sorted(bumped))


def cached(names, namespace, parts, compute, timeout=24 * 60 * 60, *, immutable=False):
    """``compute()``, or its result for the same ``parts`` since the versions ``names`` last moved.

    ``immutable``: the value is never changed by its readers (a tuple, a frozen dataclass), and is
    kept in this process's memory too, under the same key: the key holds the versions as read for
    this request, so a value kept there is never one of older content (nothing there needs to be
    told of a change), and the next request of the process is spared a round trip to the cache."""
    digest = hashlib.sha256(repr((token(names), parts)).encode()).hexdigest()[:32]
    key = f"api:cached:{namespace}:{digest}"
    if immutable and key in _immutable:
        return _immutable[key]
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=timeout)
    if immutable:
        if len(_immutable) >= IMMUTABLE_KEPT:
            _immutable.clear()  # keys of older versions are never asked again
        _immutable[key] = value
    return value


# Immutable values of :func:`cached` kept in this process, by key (at most this many).
IMMUTABLE_KEPT = 256
_immutable = {}
