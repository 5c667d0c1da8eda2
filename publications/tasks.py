import logging

from django.db import transaction

from wagtail.images import get_image_model

from background import task
from background.retry import STORAGE
from publications.covers import cover_image_file, read_pdf
from publications.models import ReportDocument

logger = logging.getLogger(__name__)


@task(retry=STORAGE)
def describe_document(document_id):
    """Read an uploaded document from storage: is it a PDF, how many pages, and its cover."""
    document = ReportDocument.objects.filter(pk=document_id).first()
    if document is None:
        return  # deleted since
    described_file = document.file.name
    with document.open_file() as file:
        facts = read_pdf(file)
    if facts.problem:
        logger.warning("Document %s (%s): %s", document.pk, described_file, facts.problem)

    image_model = get_image_model()
    with transaction.atomic():
        document = ReportDocument.objects.select_for_update().filter(pk=document_id).first()
        if document is None or document.file.name != described_file:
            return  # deleted or replaced meanwhile: the task of the new file does the work
        old_cover = document.cover
        cover = None
        if facts.cover_png:
            cover = image_model(
                title=f"{document.title} (cover)"[:255],
                collection=document.collection,
                alt_text="",
                file=cover_image_file(facts.cover_png, document),
            )
            cover.save()
        ReportDocument.objects.filter(pk=document.pk).update(
            is_pdf=facts.is_pdf,
            page_count=facts.page_count,
            cover=cover,
            described_file=described_file,
            file_size=facts.size,
        )
        if old_cover is not None:
            old_cover.delete()
