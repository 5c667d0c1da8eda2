"""Which answers a change of a page can change, and the versions that say so.

A page's answers are its own detail and the listings it appears in; other pages' answers show
only its summary (title, address, type, language, public or not, place in the tree: related
pages, the parent, the translations, a chosen page in a stream). So a change of a page moves:

- ``page:<id>``, the version of its own detail;
- ``pagetype:<label>`` of its type and of every page type it derives from (``wagtailcore.page``
  for the listings of every type): the listings that can contain it;
- ``page-summaries`` (:data:`api.versions.SUMMARIES`), the version of what every page answer
  shows of other pages, only when the change is one the others show: a field of the summary
  changed (compared with the row as it was before the save), or the page was created live,
  deleted, unpublished or moved, or its view restriction changed;
- ``content``, for the answers that do not say more precisely what they show.

A body-only edit (the most common: fixing text) thus leaves every other page's detail, the
listings of other types and every other kind of answer as they were. A part of a page (an
orderable, a tag, a many-to-many of the page) moves the versions of the page it belongs to.
"""

from functools import cache

from django.apps import apps
from django.db.models.signals import pre_save

from wagtail.models import Page, get_page_models

from api import versions
from api.versions import is_page, owning_page_field

# What the answers of other pages show of a page, or use to decide whether to show it.
SUMMARY_FIELDS = (
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "live",
    "expired",
    "locale_id",
    "translation_key",
    "content_type_id",
    "first_published_at",
    "alias_of_id",
)
# Fields of a page that no answer shows: a save of these alone (a draft saved, a page locked)
# moves nothing.
NOT_SHOWN = frozenset(
    {
        "draft_title",
        "latest_revision",
        "latest_revision_id",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
        "locked_by_id",
        "numchild",
        "wagtail_admin_comments",
    }
)


@cache
def _summary_fields(model):
    """The summary's fields and, for ``model``, its keys to other pages: a page that points to
    another may be listed by it (a training video by its programme)."""
    to_pages = [
        field.attname
        for field in model._meta.concrete_fields
        if field.many_to_one and is_page(field.related_model) and field.attname not in SUMMARY_FIELDS
    ]
    return (*SUMMARY_FIELDS, *to_pages)


@cache
def type_versions(model):
    """The versions of the listings that can contain a page of ``model``: its type's and those of
    the types it derives from."""
    return tuple(
        versions.type_version(base)
        for base in model.__mro__
        if is_page(base) and not base._meta.abstract and not base._meta.proxy
    )


@cache
def _types_under(model):
    """The versions of the listings that can contain a page of ``model`` or of a type derived
    from it (a part's key names the base; the page may be of a type derived from it)."""
    names = dict.fromkeys(type_versions(model))
    for page_model in get_page_models():
        if issubclass(page_model, model):
            names.update(dict.fromkeys(type_versions(page_model)))
    return tuple(names)


def _summary(model, values):
    return tuple(values.get(name) for name in _summary_fields(model))


def _summary_of(page):
    return tuple(getattr(page, name, None) for name in _summary_fields(type(page)))


def before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save of a page: what the others show of it, as the database has it before the save."""
    if not is_page(sender) or raw or instance.pk is None:
        return
    if update_fields is not None and set(update_fields) <= NOT_SHOWN:
        instance._api_summary_before = None
        return
    row = sender._base_manager.filter(pk=instance.pk).values(*_summary_fields(sender)).first()
    instance._api_summary_before = _summary(sender, row) if row is not None else None


def page_saved(instance, created=False, raw=False, update_fields=None):
    """post_save of a page: the versions of its detail and of its type's listings; the summaries'
    when the others show what changed."""
    if update_fields is not None and set(update_fields) <= NOT_SHOWN:
        return
    names = [versions.CONTENT, versions.page_version(instance.pk), *type_versions(_specific_class(instance))]
    before = getattr(instance, "_api_summary_before", None)
    if raw or (created and instance.live) or (before is not None and before != _summary_of(instance)):
        names.append(versions.SUMMARIES)
    elif not created and before is None and update_fields is None:
        names.append(versions.SUMMARIES)  # its row was not found before the save: nothing to compare
    instance._api_summary_before = None
    versions.bump(*names)


def page_gone(instance):
    """post_delete of a page: it vanishes from every answer that showed it."""
    versions.bump(
        versions.CONTENT,
        versions.SUMMARIES,
        versions.page_version(instance.pk),
        *type_versions(_specific_class(instance)),
    )


def _specific_class(page):
    """The page's own type, even when ``page`` was read as a ``Page`` (its content type, cached)."""
    return page.specific_class or type(page)


def pages_changed(model, page_ids):
    """Pages of ``model`` (or of types derived from it) changed through one of their parts (every
    page's answers when which pages is not known)."""
    names = [versions.CONTENT, *_types_under(model), *(versions.page_version(pk) for pk in page_ids)]
    if not page_ids:
        names.append(versions.SUMMARIES)
    versions.bump(*names)


def changed(sender, kwargs):
    """The versions moved by a change of ``sender``'s rows, when they are pages or parts of pages
    (True), else False (the model's declared versions apply: :func:`api.versions.moved_by`)."""
    instance = kwargs.get("instance")
    if "action" in kwargs:  # m2m_changed: the page's own relation, or pages from the other side
        if isinstance(instance, Page):
            pages_changed(type(instance), [instance.pk])
            return True
        if is_page(kwargs.get("model")):
            pages_changed(kwargs["model"], sorted(kwargs.get("pk_set") or ()))
            return True
        return False
    if is_page(sender):
        if "created" in kwargs:
            page_saved(
                instance,
                created=kwargs["created"],
                raw=kwargs.get("raw", False),
                update_fields=kwargs.get("update_fields"),
            )
        else:
            page_gone(instance)
        return True
    field = owning_page_field(sender)
    if field is None:
        return False
    page_id = getattr(instance, field.attname, None)
    pages_changed(field.related_model, [page_id] if page_id is not None else [])
    return True


def page_published(instance):
    """A revision published: the page's own answers and its search entry (its summary, when it
    changed, was compared on save)."""
    versions.bump(
        versions.CONTENT,
        versions.SEARCH,
        versions.page_version(instance.pk),
        *type_versions(_specific_class(instance)),
    )


def page_left_its_place(instance):
    """Unpublished or moved: every answer that showed it, or its address."""
    page_published(instance)
    versions.bump(versions.SUMMARIES)


def connect_signals():
    """The row before a page's save; the saves and deletions themselves come through
    :func:`api.caching.content_changed`, which hands them to :func:`changed`."""
    pre_save.connect(before_save, dispatch_uid="api-page-summary-before-save")


def answer_versions(query, url_name, kwargs):
    """The versions an answer of the pages endpoint is built on: a detail on its page's own, a
    listing on those of the types it lists (``?type=``; every type without one); both on what
    they show of other pages and of other content."""
    shown = (versions.SUMMARIES, versions.ASSETS, versions.VOCABULARIES, versions.RECOMMENDATIONS)
    if url_name == "detail" and "pk" in kwargs:
        return (*shown, versions.page_version(kwargs["pk"]))
    if url_name == "listing":
        return (*shown, *listed_types(query.get("type", "")))
    return shown


def listed_types(value):
    """The type versions of a listing's ``?type=app.Model[,app.Other]`` (every page's when it
    names none, or something that is not a page type: such a listing answers 400)."""
    every = (versions.type_version(Page),)
    if not value:
        return every
    names = []
    for label in value.split(","):
        try:
            model = apps.get_model(label.strip())
        except (LookupError, ValueError):
            return every
        if not is_page(model):
            return every
        names.append(versions.type_version(model))
    return tuple(dict.fromkeys(names))
