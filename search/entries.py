"""Building, updating and removing the search entries of pages and recommendations.

An entry is written when its item is live and public, and removed when it no
longer is; what it holds is read from the item's own search fields, so a page
type's ``search_fields`` decide what of it is searchable here too.
"""

import datetime
import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.html import strip_tags

from wagtail.models import Page
from wagtail.search import index

from api import versions
from search import text, words
from search.indexing import index_entries
from search.models import DocumentText, SearchEntry, SearchEntryTag
from search.models.entries import EVERY_LOCALE, Kind

logger = logging.getLogger(__name__)

CHUNK = 1000


def kind_of(page_class):
    """The kind of a page type's entries, as the page type declares it (``search_result_kind``)."""
    return Kind(page_class.search_result_kind)


def is_searchable_page(page):
    """Whether a page is a search result: the page types that are only a way in (the home page,
    listings) declare ``search_result_kind = None``."""
    return page.depth > 1 and getattr(type(page), "search_result_kind", None) is not None


# Text ---------------------------------------------------------------------


def searchable_text(obj, fields=None):
    """The text of ``obj``'s search fields (StreamFields and rich text as plain text), one string."""
    parts = []
    for field in obj.get_search_fields() if fields is None else fields:
        if isinstance(field, index.RelatedFields):
            related = getattr(obj, field.field_name, None)
            if related is None:
                continue
            for item in related.all() if hasattr(related, "all") else [related]:
                parts.append(
                    searchable_text(item, [f for f in field.fields if isinstance(f, index.SearchField)])
                )
        elif isinstance(field, index.SearchField) and field.field_name not in ("title",):
            value = field.get_value(obj)
            parts.extend(_flatten(value))
    return "\n".join(part for part in parts if part)


def _flatten(value):
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [item for element in value for item in _flatten(element)]
    if isinstance(value, dict):
        return [item for element in value.values() for item in _flatten(element)]
    return [" ".join(strip_tags(str(value)).split())]


# Pages --------------------------------------------------------------------


def page_entry(page):
    """The entry of a live, public page, unsaved; None for a page that has none."""
    page = page.specific
    if not is_searchable_page(page) or not page.live or page.get_view_restrictions().exists():
        return None
    language = page.locale.language_code
    body = searchable_text(page)
    # The facets of a page are what its type offers to filter it by in the API (``api_filters``).
    declared = _declared_values(page)
    tags = {
        "country": declared.get("country", set()),
        "theme": declared.get("theme", set()),
        "language": declared.get("language") or {language},
    }
    files = _files(page)
    if files:
        tags["language"] = {file.language for file in files if file.language} or tags["language"]
    restricted = restricted_collection_paths() if files else ()
    documents_pages = [
        (file.document.text.language, terms, page_text)
        for file in files
        if is_public_document(file.document, restricted)
        and getattr(file.document, "text", None)
        and file.document.text.status == DocumentText.Status.EXTRACTED
        for terms, page_text in file.document.text.pages.order_by("number").values_list("terms", "text")
    ]
    documents_terms = [terms for _language, terms, _text in documents_pages]
    page_type = type(page)
    date = getattr(page, page_type.search_result_date) if page_type.search_result_date else None
    if isinstance(date, datetime.datetime):
        date = date.date()
    date = date or (page.first_published_at.date() if page.first_published_at else None)
    summary = next(
        (str(getattr(page, name)) for name in page_type.search_result_summary if getattr(page, name, "")), ""
    )
    entry = SearchEntry(
        content_type=ContentType.objects.get_for_model(Page),
        object_id=page.pk,
        kind=kind_of(type(page)),
        scope=language,
        title=page.title,
        summary=" ".join(strip_tags(summary).split()),
        body=body,
        language=language,
        date=date,
        year=date.year if date else None,
        cycle=min(declared.get("cycle", ()), default=None),
        session=min(declared.get("session", ()), default=None),
    )
    if documents_terms:
        # The documents' words are matched (stemmed in their own language when they were read);
        # excerpts of them come from the page of the PDF where they are (search.hits).
        entry.body_terms = " ".join([text.terms(f"{entry.summary}\n{body}", language), *documents_terms])
    entry.words = words.tagged_words(
        [
            (language, f"{entry.title}\n{entry.summary}\n{body}"),
            *((language_, page_text) for language_, _terms, page_text in documents_pages),
        ]
    )
    return entry, tags


# The filters of the API that are facets of search too.
FACET_FILTERS = ("country", "theme", "language", "cycle", "session")


def _declared_values(page):
    """``{filter: {values}}`` of the page, read through the lookups its type declares (``api_filters``)."""
    from api.filters import declared_filters

    values = {}
    for name, api_filter in declared_filters(type(page)).items():
        if name not in FACET_FILTERS:
            continue
        found = (
            type(page)
            .objects.filter(pk=page.pk)
            .exclude(**{f"{api_filter.lookup}__isnull": True})
            .values_list(api_filter.lookup, flat=True)
        )
        values[name] = {value for value in found if value not in ("", None)}
    return values


def restricted_collection_paths():
    """The tree paths of the collections that are private (their documents, and those of the
    collections under them, are not public)."""
    from wagtail.models import CollectionViewRestriction

    return tuple(CollectionViewRestriction.objects.values_list("collection__path", flat=True).distinct())


def is_public_document(document, restricted_paths):
    return not document.collection.path.startswith(restricted_paths) if restricted_paths else True


def _files(page):
    """A publication's PDF files with their documents, their collections and their text, in order."""
    files = getattr(page, "files", None)
    if files is None:
        return []
    return list(files.all().select_related("document__collection", "document__text"))


def update_page(page):
    """Write, rewrite or remove the entry of one page, as it is now."""
    built = page_entry(page)
    if built is None:
        remove(Page, [page.pk])
        return None
    return _save(*built)


def update_subtree(page):
    """The entries of a page and everything under it (moved, or its privacy changed)."""
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific().iterator(chunk_size=200):
        update_page(descendant)


def update_publications(**files):
    """The entries of the publications whose files match ``files`` (e.g. ``document_id=3``)."""
    from publications.models import PublicationPage

    lookups = {f"files__{name}": value for name, value in files.items()}
    for page in PublicationPage.objects.filter(**lookups).distinct():
        update_page(page)


# Recommendations ----------------------------------------------------------


# What an entry of a recommendation is made of, read as plain rows (no model instances: an import
# writes tens of thousands of entries).
RECOMMENDATION_COLUMNS = (
    "pk",
    "translation_key",
    "text",
    "number",
    "language",
    "response",
    "session_number",
    "cycle__number",
    "session__starts_on",
    "session__ends_on",
    "state_under_review__name",
    "state_under_review__iso3",
)


def recommendation_entries(rows):
    """Entries for original recommendations (rows of RECOMMENDATION_COLUMNS), their translations'
    text included: found in every locale."""
    from upr.models import Recommendation

    content_type = ContentType.objects.get_for_model(Recommendation)
    rows = list(rows)
    translations = {}
    for key, locale, text_ in Recommendation.objects.filter(
        translation_key__in=[row["translation_key"] for row in rows], is_original=False
    ).values_list("translation_key", "locale__language_code", "text"):
        translations.setdefault(key, []).append((locale, text_))
    through, column = Recommendation.link_table("themes")
    themes = {}
    for recommendation_id, slug in through.objects.filter(
        recommendation_id__in=[row["pk"] for row in rows]
    ).values_list("recommendation_id", f"{column.removesuffix('_id')}__slug"):
        themes.setdefault(recommendation_id, set()).add(slug)
    for row in rows:
        body = [(row["language"], row["text"]), *translations.get(row["translation_key"], [])]
        day = row["session__starts_on"] or row["session__ends_on"]
        entry = SearchEntry(
            content_type=content_type,
            object_id=row["pk"],
            kind=Kind.RECOMMENDATION,
            scope=EVERY_LOCALE,
            title=row["text"][:200],
            body="\n".join(part for _language, part in body),
            language=row["language"],
            date=day,
            year=day.year if day else None,
            cycle=row["cycle__number"],
            session=row["session_number"],
            response=row["response"],
        )
        entry.body_terms = " ".join(text.terms(part, language) for language, part in body)
        # Found by its state's name and its paragraph number too.
        entry.title_terms = text.terms(f"{row['state_under_review__name'] or ''} {row['number']}", "en")
        entry.words = words.tagged_words([*body, ("en", row["state_under_review__name"])])
        tags = {
            "country": {row["state_under_review__iso3"]} if row["state_under_review__iso3"] else set(),
            "theme": themes.get(row["pk"], set()),
            "language": {row["language"]},
        }
        yield entry, tags


def update_recommendations(queryset):
    """Write the entries of the original recommendations of ``queryset``, in chunks; remove the others'."""
    from upr.models import Recommendation

    queryset = queryset.order_by("pk")
    stale = list(queryset.filter(is_original=False).values_list("pk", flat=True))
    remove(Recommendation, stale)
    originals = queryset.filter(is_original=True).values(*RECOMMENDATION_COLUMNS)
    last_pk, written = 0, 0
    while chunk := list(originals.filter(pk__gt=last_pk)[:CHUNK]):
        written += _save_many(list(recommendation_entries(chunk)))
        last_pk = chunk[-1]["pk"]
    return written


# Writing ------------------------------------------------------------------


def _with_terms(entry):
    if not entry.words:
        entry.words = words.tagged_words([(entry.language, f"{entry.title}\n{entry.summary}\n{entry.body}")])
    if not entry.title_terms:
        entry.title_terms = text.terms(entry.title, entry.language)
    if not entry.body_terms:
        entry.body_terms = text.terms(f"{entry.summary}\n{entry.body}", entry.language)
    return entry


def _save(entry, tags):
    _save_many([(entry, tags)])
    return SearchEntry.objects.get(content_type=entry.content_type, object_id=entry.object_id)


def _save_many(built):
    """Replace the entries of these items (and their tags), then index them in one go."""
    if not built:
        return 0
    entries = [_with_terms(entry) for entry, _tags in built]
    with transaction.atomic():
        by_type = {}
        for entry in entries:
            by_type.setdefault(entry.content_type_id, []).append(entry.object_id)
        before = [
            old
            for content_type_id, ids in by_type.items()
            for old in SearchEntry.objects.filter(content_type_id=content_type_id, object_id__in=ids)
            .order_by()
            .values_list("words", flat=True)
        ]
        words.apply(words.difference(before, [entry.words for entry in entries]))
        for content_type_id, ids in by_type.items():
            SearchEntryTag.objects.filter(
                entry__content_type_id=content_type_id, entry__object_id__in=ids
            ).delete()
        saved = SearchEntry.objects.bulk_create(
            entries,
            update_conflicts=True,
            unique_fields=["content_type", "object_id"],
            update_fields=[
                f.name
                for f in SearchEntry._meta.concrete_fields
                if f.name not in ("id", "content_type", "object_id")
            ],
        )
        keys = {(entry.content_type_id, entry.object_id): entry.pk for entry in saved}
        if None in keys.values():
            # A database that gives no primary key back on update (MySQL): read them.
            for content_type_id, ids in by_type.items():
                for pk, object_id in SearchEntry.objects.filter(
                    content_type_id=content_type_id, object_id__in=ids
                ).values_list("pk", "object_id"):
                    keys[content_type_id, object_id] = pk
        SearchEntryTag.objects.bulk_create(
            SearchEntryTag(
                entry_id=keys[entry.content_type_id, entry.object_id], facet=facet, value=str(value)[:64]
            )
            for entry, (_e, tags) in zip(entries, built, strict=True)
            for facet, values in tags.items()
            for value in values
            if value not in (None, "")
        )
        for entry in saved:
            entry.pk = keys[entry.content_type_id, entry.object_id]
        transaction.on_commit(lambda: _indexed(saved))
    return len(saved)


def _indexed(saved):
    index_entries([entry.pk for entry in saved])
    versions.bump(*_versions_of(entry.kind for entry in saved))


def _versions_of(kinds):
    """What entries of these kinds changing moves: the search's answers, and the recommendations'
    text queries when recommendations' entries are among them."""
    recommendations = Kind.RECOMMENDATION in set(kinds)
    return (versions.SEARCH, *((versions.RECOMMENDATION_SEARCH,) if recommendations else ()))


def remove(model, object_ids):
    """Remove the entries of these items of ``model`` (from the index too)."""
    if not object_ids:
        return
    content_type = ContentType.objects.get_for_model(model)
    # One by one: each delete takes the entry out of the search index too.
    kinds, gone = set(), []
    with transaction.atomic():
        for entry in SearchEntry.objects.filter(content_type=content_type, object_id__in=list(object_ids)):
            kinds.add(entry.kind)
            gone.append(entry.words)
            entry.delete()
        words.apply(words.difference(gone, []))
    versions.bump(*_versions_of(kinds))


def rebuild(progress=None):
    """Every entry anew: those of the live, public pages and of the original recommendations,
    and no entry left for an item that has none any more."""
    from upr.models import Recommendation

    progress = progress or (lambda count: None)
    before = set(SearchEntry.objects.values_list("pk", flat=True))
    kept, written = set(), 0
    pages = Page.objects.live().public().filter(depth__gt=1).specific().order_by("path")
    for page in pages.iterator(chunk_size=200):
        if entry := update_page(page):
            kept.add(entry.pk)
            written += 1
        progress(1)
    originals = Recommendation.objects.originals().order_by("pk")
    last_pk = 0
    while ids := list(originals.filter(pk__gt=last_pk).values_list("pk", flat=True)[:CHUNK]):
        written += update_recommendations(Recommendation.objects.filter(pk__in=ids))
        last_pk = ids[-1]
        progress(len(ids))
    kept.update(
        SearchEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Recommendation),
            object_id__in=Recommendation.objects.originals().values("pk"),
        ).values_list("pk", flat=True)
    )
    for entry in SearchEntry.objects.filter(pk__in=before - kept):
        entry.delete()
    words.recount()
    versions.bump(versions.SEARCH, versions.RECOMMENDATION_SEARCH)
    transaction.on_commit(analyze_entries)
    return written


def analyze_entries():
    """The planner's statistics of the entries and their index, once many were written."""
    from django.db import connection

    from wagtail.search.models import IndexEntry

    with connection.cursor() as cursor:
        for model in (SearchEntry, SearchEntryTag, IndexEntry):
            # A table name of our models, quoted: nothing from outside reaches this statement.
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def rebuild_total():
    """How many items ``rebuild`` goes through: for its progress bar."""
    from upr.models import Recommendation

    return (
        Page.objects.live().public().filter(depth__gt=1).count() + Recommendation.objects.originals().count()
    )
