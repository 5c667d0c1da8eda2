"""What the public may see of the page tree, read once per content version, and the rows a page's
answer reads, fetched together.

Wagtail checks the view restrictions and finds the site with queries on every request, and
again for each related page; here both are read once after each change of what pages show of
each other (restrictions, sites, moves: the page summaries' version, api/page_versions.py) and the checks are made in Python on the pages' paths.
Every restriction hides a page from the API, whoever asks: the API's answers are shared by
every reader (and kept), so no answer may depend on a reader's session.
"""

from dataclasses import dataclass
from functools import cache

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Prefetch, Q

from wagtail.api.validators import SiteFilterValidator
from wagtail.models import Page, PageViewRestriction

from api import versions


@dataclass(frozen=True)
class PublicTree:
    """The paths of the pages with a view restriction: they and the pages under them are private."""

    restricted: tuple = ()

    def is_public(self, page):
        return bool(page.live) and not (self.restricted and page.path.startswith(self.restricted))


def public_tree():
    def read():
        paths = PageViewRestriction.objects.values_list("page__path", flat=True).distinct()
        return PublicTree(tuple(sorted(paths)))

    return versions.cached([versions.SUMMARIES], "public-tree", (), read, immutable=True)


def site_roots(request):
    """The paths of the requested site's root page and of its translations (``()``: no site).

    Raises ``ValueError`` for a ``?site=`` that names no site, as Wagtail does."""
    where = (request.get_host(), request.get_port(), request.GET.get("site"))

    def read():
        site = SiteFilterValidator(site=request.GET.get("site"), request=request).site_obj
        if site is None:
            return ()
        root = site.root_page
        return (root.path, *root.get_translations().values_list("path", flat=True))

    return versions.cached([versions.SUMMARIES], "site-roots", where, read, immutable=True)


def public_pages(request, model=Page):
    """The live pages of the requested site (in every language) that no restriction hides."""
    queryset = model._default_manager.live()
    for path in public_tree().restricted:
        queryset = queryset.exclude(path__startswith=path)
    roots = site_roots(request)
    if not roots:
        return queryset.none()
    in_site = Q()
    for root in roots:
        in_site |= Q(path__startswith=root)
    return queryset.filter(in_site)


def is_public(page, request=None):
    """Whether the public may see ``page`` (on the requested site, when a request is given)."""
    if page is None or not public_tree().is_public(page):
        return False
    return request is None or page.path.startswith(site_roots(request))


def rows_to_read(model):
    """``(select_related, prefetch_related)`` of the relations ``model``'s API fields read.

    Forward keys are joined, many-to-many and child relations prefetched, each in one query.
    ``api_related_rows`` on the model names what a field reads of each related row, joined to
    it (``()``: the relation itself, for a field whose source is a property):
    ``{"files": ("document__cover",), "session": ("cycle",), "cover_image": ()}``.
    The relations are worked out once per model; the prefetches' querysets are new each time.
    """
    select, prefetch = _relations_to_read(model)
    return select, tuple(
        Prefetch(name, queryset=_rows(related_model, deeper)) for name, related_model, deeper in prefetch
    )


def _rows(related_model, deeper):
    rows = related_model._default_manager.all()
    return rows.select_related(*deeper) if deeper else rows


@cache
def _relations_to_read(model):
    """``(select_related, ((name, related model, select_related of its rows), …))``."""
    deeper = getattr(model, "api_related_rows", {})
    select, prefetch = ["locale"], []
    names = [getattr(api_field, "name", api_field) for api_field in getattr(model, "api_fields", ())]
    for name in dict.fromkeys([*names, *deeper]):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not field.is_relation:
            continue
        if (field.many_to_one or field.one_to_one) and field.concrete:
            select.extend([name, *(f"{name}__{path}" for path in deeper.get(name, ()))])
        elif field.many_to_many or field.one_to_many:
            prefetch.append((name, field.related_model, tuple(deeper.get(name, ()))))
    return tuple(dict.fromkeys(select)), tuple(prefetch)


def with_rows_to_read(queryset):
    select, prefetch = rows_to_read(queryset.model)
    return queryset.select_related(*select).prefetch_related(*prefetch)


def related_rows(manager, *select_related):
    """The rows of a related manager: those prefetched with the object when they were
    (:func:`with_rows_to_read`), else read now with ``select_related``.

    (A prefetched relation must not be filtered or joined again: modelcluster's child relations
    would then read every row of the table, not the object's.)"""
    rows = manager.all()
    if rows._result_cache is not None or not select_related:
        return list(rows)
    return list(rows.select_related(*select_related))
