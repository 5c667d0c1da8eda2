import logging

from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.search.backends import get_search_backend

from background import task
from background.retry import DATABASE, STORAGE
from search import entries, text
from search.extraction import EXTRACTOR, extract
from search.language import detect
from search.models import DocumentPage, DocumentText

logger = logging.getLogger(__name__)


@task(retry=STORAGE)
def extract_text(document_id):
    """Read a document's text from storage and keep it page by page, with what happened.

    A bad PDF (encrypted, damaged, scanned, too large) is a status, not an
    error: the document stays and the worker goes on. An unexpected error
    (storage down…) is recorded as "failed" and raised, so that the task
    shows as failed and can be run again.
    """
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return None  # deleted since: its text went with it
    record, _created = DocumentText.objects.get_or_create(document=document)
    file_name = document.file.name
    try:
        with document.open_file() as file:
            result = extract(file)
    except Exception as error:
        DocumentText.objects.filter(pk=record.pk).update(
            status=DocumentText.Status.FAILED, detail=f"{type(error).__name__}: {error}"
        )
        raise
    with transaction.atomic():
        record = DocumentText.objects.select_for_update().get(pk=record.pk)
        if (
            get_document_model().objects.filter(pk=document_id).values_list("file", flat=True).first()
            != file_name
        ):
            return None  # replaced meanwhile: the task of the new file does the work
        record.pages.all().delete()  # one by one, so that each leaves the search index
        language = detect("\n".join(result.pages))
        DocumentPage.objects.bulk_create(
            DocumentPage(
                document_text=record, number=number, text=page_text, terms=text.terms(page_text, language)
            )
            for number, page_text in enumerate(result.pages, start=1)
            if page_text.strip()
        )
        record.language = language
        record.status = result.status
        record.detail = result.detail
        record.page_count = len(result.pages) if result.pages else None
        record.characters = sum(len(text) for text in result.pages)
        record.extractor = EXTRACTOR
        record.extracted_file = file_name
        record.save()
        # Indexing is a task of its own: a worker reads the next PDF meanwhile.
        transaction.on_commit(lambda: index_document_text.enqueue(document_id))
    if result.status != DocumentText.Status.EXTRACTED:
        logger.warning("Document %s (%s): %s, %s", document_id, file_name, result.status, result.detail)
    return result.status


@task(queue_name="urgent", retry=DATABASE)
def index_document_text(document_id):
    """The pages of a document's text into the search index (bulk_create sends no signal for
    Wagtail to do it), and the publications that use the document found by their new text."""
    pages = list(DocumentPage.objects.filter(document_text__document_id=document_id).defer("text"))
    if pages:
        get_search_backend().add_bulk(DocumentPage, pages)
    entries.update_publications(document_id=document_id)


@task(queue_name="urgent", retry=DATABASE)
def update_page_entry(page_id):
    """The search entry of one page, as the page is now (gone if it was deleted or unpublished)."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        entries.remove(Page, [page_id])
        return
    entries.update_page(page)


@task(retry=DATABASE)
def update_subtree_entries(page_id):
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        entries.update_subtree(page)


@task(queue_name="urgent", retry=DATABASE)
def update_entries_of_document(document_id):
    entries.update_publications(document_id=document_id)


@task(queue_name="bulk", retry=DATABASE)
def update_entries_of_collection(collection_id):
    """The publications with documents in one collection, whose privacy changed."""
    entries.update_publications(document__collection_id=collection_id)


@task(queue_name="urgent", retry=DATABASE)
def update_recommendation_entries(translation_key):
    """The entry of one recommendation (its text or a translation's changed)."""
    from upr.models import Recommendation

    entries.update_recommendations(Recommendation.objects.filter(translation_key=translation_key))
