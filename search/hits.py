"""The items of a search answer: what was found, an excerpt with the matching words marked, and for
a publication the page of its PDF where they are."""

from django.db.models import Case, Q, TextField, Value, When
from django.db.models.functions import Concat
from django.urls import reverse

from wagtail.models import Page

from api.api_fields import page_summary
from search.entries import is_public_document, restricted_collection_paths
from search.models import DocumentPage
from search.models.entries import Kind
from search.text import excerpt


def serialise_hits(entries, search, request):
    stems = search.query.stems()
    pages = _pages(entries)
    recommendations = _recommendations(entries, search.language, request)
    publications = [entry.object_id for entry in entries if entry.kind == Kind.PUBLICATION]
    documents = _document_hits(publications, search) if search.query and publications else {}
    items = []
    for entry in entries:
        recommendation = recommendations.get(entry.object_id) if entry.kind == Kind.RECOMMENDATION else None
        if recommendation:  # in the reader's language where it was translated
            shown, language = recommendation["text"], recommendation["meta"]["text_language"]
        else:
            shown, language = shown_text(entry), entry.language
        item = {
            "type": entry.kind,
            "title": (shown[:200] or entry.title) if recommendation else entry.title,
            "date": entry.date.isoformat() if entry.date else None,
            "language": entry.language,
            "excerpt": excerpt(shown, stems, language),
        }
        if entry.kind == Kind.RECOMMENDATION:
            item["recommendation"] = recommendation
        else:
            page = pages.get(entry.object_id)
            item["page"] = page_summary(page) if page else None
            item["detail_url"] = request.build_absolute_uri(
                reverse("wagtailapi:pages:detail", args=[entry.object_id])
            )
        if entry.kind == Kind.PUBLICATION and search.query:
            item["documents"] = documents.get(entry.object_id, [])
            if item["documents"] and "<mark>" not in item["excerpt"]:
                # Found by the words of a PDF: show them where they are.
                item["excerpt"] = item["documents"][0]["excerpt"]
        items.append(item)
    return items


def shown_text(entry):
    """The text an excerpt is taken from: the summary and the body, each passage once (a page's
    body holds its summary too, often as its first paragraph)."""
    summary = " ".join(entry.summary.split())
    passages = entry.body.split("\n")
    if summary and summary not in " ".join(entry.body.split()):
        passages.insert(0, entry.summary)
    seen, kept = set(), []
    for passage in passages:
        key = " ".join(passage.split())
        if key and key not in seen:
            seen.add(key)
            kept.append(passage)
    return "\n".join(kept)


def _pages(entries):
    ids = [entry.object_id for entry in entries if entry.kind != Kind.RECOMMENDATION]
    return {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()} if ids else {}


def _recommendations(entries, language, request):
    from upr.api_fields import serialize_recommendations
    from upr.labels import Labels
    from upr.models import Recommendation

    ids = [entry.object_id for entry in entries if entry.kind == Kind.RECOMMENDATION]
    if not ids:
        return {}
    found = Recommendation.objects.filter(pk__in=ids)
    items = serialize_recommendations(
        found,
        Labels.for_language(language),
        language,
        lambda pk: request.build_absolute_uri(reverse("wagtailapi:recommendations:detail", args=[pk])),
    )
    return {item["id"]: item for item in items}


def _document_hits(page_ids, search):
    """``{publication page id: [its PDFs that match, each with the page where it matches best and an
    excerpt]}``: one search over the pages of every PDF of these publications."""
    from publications.models import PublicationFile

    files = (
        PublicationFile.objects.filter(page_id__in=page_ids, document__text__isnull=False)
        .select_related("document__text", "document__collection")
        .order_by("page_id", "sort_order")
    )
    restricted = restricted_collection_paths()
    readable = {}
    for file in files:
        if is_public_document(file.document, restricted):
            readable.setdefault(file.document.text.pk, []).append(file)
    if not readable:
        return {}
    matching = _matching_pages(readable, search.query)
    shown = [page.pk for pages in matching.values() for page in pages]
    texts = dict(DocumentPage.objects.filter(pk__in=shown).values_list("pk", "text"))
    stems = search.query.stems()
    hits = {}
    for record_id, pages in matching.items():
        best = max(pages, key=lambda page: (page.score, -page.number))
        for file in readable[record_id]:
            language = file.document.text.language
            hits.setdefault(file.page_id, []).append(
                {
                    "id": file.document.pk,
                    "title": file.document.title,
                    "language": file.language,
                    "url": file.document.url,
                    "page": best.number,
                    "excerpt": excerpt(texts[best.pk], stems, language),
                    "pages": [
                        {"page": page.number, "excerpt": excerpt(texts[page.pk], stems, language)}
                        for page in pages
                    ],
                }
            )
    return hits


# The pages of one PDF given with their excerpts, at most.
MATCHING_PAGES = 50


def _matching_pages(document_text_ids, query):
    """``{document text id: its pages that hold the query's words, in order}``, each with its
    ``score`` (how many of the words); the best ones when there are more than MATCHING_PAGES.

    The documents already matched as a whole; which of their pages holds the words is read from
    the pages' stemmed words, as the index has them, in one query on any database.
    """
    padded = Concat(Value(" "), "terms", Value(" "), output_field=TextField())
    score = Value(0)
    for group in query.alternatives():
        found = Q()
        for option in group:
            found |= Q(padded_terms__contains=f" {option} ")
        score = score + Case(When(found, then=Value(1)), default=Value(0))
    pages = (
        DocumentPage.objects.filter(document_text_id__in=list(document_text_ids))
        .annotate(padded_terms=padded, score=score)
        .filter(score__gt=0)
        .order_by("document_text_id", "-score", "number")
        .only("pk", "document_text_id", "number")
    )
    matching = {}
    for page in pages:
        kept = matching.setdefault(page.document_text_id, [])
        if len(kept) < MATCHING_PAGES:
            kept.append(page)
    return {record_id: sorted(kept, key=lambda page: page.number) for record_id, kept in matching.items()}
