"""The items of a search answer: what was found, an excerpt with the matching words marked, and for
a publication the page of its PDF where they are."""

from django.urls import reverse

from wagtail.models import Page

from home.serializers import page_summary
from search.models import DocumentPage
from search.models.entries import Kind
from search.text import excerpt


def serialise_hits(entries, search, request):
    stems = search.query.stems()
    pages = _pages(entries)
    recommendations = _recommendations(entries, search.language, request)
    items = []
    for entry in entries:
        item = {
            "type": entry.kind,
            "title": entry.title,
            "date": entry.date.isoformat() if entry.date else None,
            "language": entry.language,
            "excerpt": excerpt("\n".join(filter(None, (entry.summary, entry.body))), stems, entry.language),
        }
        if entry.kind == Kind.RECOMMENDATION:
            item["recommendation"] = recommendations.get(entry.object_id)
        else:
            page = pages.get(entry.object_id)
            item["page"] = page_summary(page) if page else None
            item["detail_url"] = request.build_absolute_uri(
                reverse("wagtailapi:pages:detail", args=[entry.object_id])
            )
        if entry.kind == Kind.PUBLICATION and search.query and page is not None:
            item["documents"] = _document_hits(page, search)
            if item["documents"] and "<mark>" not in item["excerpt"]:
                # Found by the words of a PDF: show them where they are.
                item["excerpt"] = item["documents"][0]["excerpt"]
        items.append(item)
    return items


def _pages(entries):
    ids = [entry.object_id for entry in entries if entry.kind != Kind.RECOMMENDATION]
    return {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()} if ids else {}


def _recommendations(entries, language, request):
    from upr.labels import Labels
    from upr.models import Recommendation
    from upr.serializers import serialize_recommendations

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


def _document_hits(page, search):
    """For each PDF of a publication that matches: the page number where it matches best, with an excerpt."""
    hits = []
    stems = search.query.stems()
    for file in page.files.select_related("document", "document__text"):
        document = file.document
        record = getattr(document, "text", None)
        if record is None or document.collection.get_view_restrictions().exists():
            continue
        best = _best_page(record, search)
        if best is None:
            continue
        hits.append(
            {
                "id": document.pk,
                "title": document.title,
                "language": file.language,
                "url": document.url,
                "page": best.number,
                "excerpt": excerpt(best.text, stems, record.language),
            }
        )
    return hits


def _best_page(record, search):
    """The page of a document that the search ranks first: one with every word if there is one,
    else one with most of them (a document matches as a whole, its words may be on several pages)."""
    pages = DocumentPage.objects.filter(document_text=record)
    for query in (search.query.search_query(), search.query.search_query(any_word=True)):
        found = list(pages.search(query)[:1])
        if found:
            return found[0]
    return None
