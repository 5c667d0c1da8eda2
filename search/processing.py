"""How far the reading of a document's text for search got, told to the admin of publications.

Registered with the hook ``register_document_processing_step`` (see
publications.processing) by search/wagtail_hooks.py: the document screens
show it without publications importing search.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from background import enqueue_on_commit
from publications.processing import ProcessingStep, StepState
from search.models import DocumentText

Status = DocumentText.Status

# Why the text could not be read, and what the person who uploaded the file can do about it.
REASONS = {
    Status.NO_TEXT: (
        _("no page has text to read (it is probably a scan)"),
        _(
            "Export the PDF from the original document rather than scanning it, or run it through "
            "text recognition (OCR), then upload it in place of this one."
        ),
    ),
    Status.ENCRYPTED: (
        _("the PDF is protected by a password"),
        _("Upload a copy saved without the password protection."),
    ),
    Status.DAMAGED: (
        _("the PDF is damaged or cut short"),
        _("Export the PDF again from the original file and upload it in place of this one."),
    ),
    Status.TOO_LARGE: (
        None,  # the limit is in the reason: see TextForSearchStep.state
        _("Make the PDF smaller (for example with lower-resolution images) and upload it again."),
    ),
    Status.FAILED: (
        _("the file could not be read this time (the storage may have been unreachable)"),
        _("It is tried again automatically; you may also process it again now."),
    ),
}


class TextForSearchStep(ProcessingStep):
    """The text of a PDF, page by page, read by search.tasks.extract_text."""

    label = _("Text for search")

    def states(self, documents):
        documents = [document for document in documents if document.file]
        records = {
            record.document_id: record
            for record in DocumentText.objects.filter(document__in=[document.pk for document in documents])
            .only("document_id", "status", "detail", "extracted_file")
            .order_by()
        }
        return {document.pk: self.state(document, records.get(document.pk)) for document in documents}

    def state(self, document, record):
        is_pdf_name = document.file.name.lower().endswith(".pdf")
        if (record is None and not is_pdf_name) or (record is not None and record.status == Status.NOT_PDF):
            return StepState(
                self.label,
                StepState.NOT_APPLICABLE,
                _("not a PDF"),
                help=_("Only the text of PDF files is read for the search."),
            )
        if record is None or record.status == Status.PENDING:
            return StepState(
                self.label,
                StepState.WAITING,
                _("waiting"),
                help=_(
                    "The text is read in the background a few moments after the upload; "
                    "until then the publication is found by its title and summary only."
                ),
            )
        if record.status == Status.EXTRACTED:
            return StepState(self.label, StepState.DONE, _("extracted"))
        reason, advice = REASONS.get(record.status, (record.get_status_display(), ""))
        if record.status == Status.TOO_LARGE:
            reason = _("the file is larger than the %(size)s MB the search reads") % {
                "size": settings.SEARCH_EXTRACT_MAX_MB
            }
        return StepState(
            self.label,
            StepState.FAILED,
            _("failed: %(reason)s") % {"reason": reason},
            help=advice,
            detail=record.detail,
        )

    def run_again(self, document):
        from search.tasks import extract_text

        DocumentText.objects.update_or_create(
            document=document, defaults={"status": Status.PENDING, "detail": ""}
        )
        enqueue_on_commit(extract_text, document.pk)
