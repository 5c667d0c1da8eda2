"""Wagtail's own document screens, with what the background work found in each file.

The document listing, edit form and chooser are Wagtail's views, subclassed
to show the cover, the page count and how far the processing got (see
publications.processing); wagtail_hooks.py mounts them at Wagtail's own
addresses, ahead of Wagtail's, so every link to those screens reaches them.
``ProcessAgainView`` queues again the steps that failed.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from wagtail.admin import messages
from wagtail.admin.ui.tables import BaseColumn
from wagtail.documents import get_document_model
from wagtail.documents.views import chooser, documents
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.permissions import policy_registry

from background import enqueue_on_commit
from publications.processing import ProcessingStep, StepState, processing_states, run_again
from publications.tasks import describe_document


class CoverColumn(BaseColumn):
    """A small image of the document's first page (empty until there is one)."""

    cell_template_name = "publications/admin/documents/cover_cell.html"

    def __init__(self, name="cover", *, label=None, size="max-80x110", **kwargs):
        super().__init__(name, label=label or gettext_lazy("Cover"), **kwargs)
        self.size = size

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        cover = getattr(instance, "cover", None)
        context["rendition"] = get_rendition_or_not_found(cover, self.size) if cover else None
        return context


class PageCountColumn(BaseColumn):
    """The page count, as "12 pages" (empty until the PDF was read)."""

    cell_template_name = "publications/admin/documents/page_count_cell.html"

    def __init__(self, name="page_count", *, label=None, **kwargs):
        super().__init__(name, label=label or gettext_lazy("Pages"), **kwargs)


class ProcessingColumn(BaseColumn):
    """How far each background step got for the document (states put on it by the view)."""

    cell_template_name = "publications/admin/documents/processing_cell.html"

    def __init__(self, name="processing", *, label=None, **kwargs):
        super().__init__(name, label=label or gettext_lazy("Processing"), **kwargs)


class DocumentIndexView(documents.IndexView):
    """Wagtail's document listing with a cover, page count and processing column."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("cover")

    @cached_property
    def columns(self):
        columns = super().columns
        title = next(index for index, column in enumerate(columns) if column.name == "title")
        columns[title:title] = [CoverColumn(width="10%")]
        columns[title + 2 : title + 2] = [PageCountColumn(width="8%"), ProcessingColumn(width="24%")]
        return columns

    def decorate_paginated_queryset(self, object_list):
        object_list = super().decorate_paginated_queryset(object_list)
        states = processing_states(object_list)
        for document in object_list:
            document.processing = states.get(document.pk, [])
        return object_list


class DocumentEditView(documents.EditView):
    """Wagtail's document edit form with the cover shown large, the page count and the processing."""

    template_name = "publications/admin/documents/edit.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        states = processing_states([self.object]).get(self.object.pk, [])
        context["processing"] = states
        context["processing_failed"] = any(state.failed for state in states)
        context["can_process_again"] = any(state.can_run_again for state in states)
        context["process_again_url"] = reverse("publications_document_process_again", args=[self.object.pk])
        return context


class ChooserColumnsMixin:
    """The chooser's results with each document's cover and page count."""

    def get_object_list(self):
        return super().get_object_list().select_related("cover")

    @property
    def columns(self):
        columns = super().columns
        columns[1:1] = [CoverColumn(size="max-50x70", width="10%"), PageCountColumn(width="12%")]
        return columns


class DocumentChooseView(ChooserColumnsMixin, chooser.DocumentChooseView):
    pass


class DocumentChooseResultsView(ChooserColumnsMixin, chooser.DocumentChooseResultsView):
    pass


class ProcessAgainView(View):
    """Queue again the background work on a document that failed or never finished (POST only)."""

    http_method_names = ["post"]

    def post(self, request, document_id):
        model = get_document_model()
        document = get_object_or_404(model, pk=document_id)
        policy = policy_registry.get_by_type(model)
        if not policy.user_has_permission_for_instance(request.user, "change", document):
            raise PermissionDenied
        queued = run_again(document)
        if queued:
            messages.success(
                request,
                _(
                    "“%(title)s” will be processed again in the background in a moment (%(steps)s). "
                    "Reload this page in a minute to see the result."
                )
                % {"title": document.title, "steps": ", ".join(str(label) for label in queued)},
            )
        else:
            messages.info(
                request, _("Nothing to do: “%(title)s” is fully processed.") % {"title": document.title}
            )
        return redirect("wagtaildocs:edit", document.pk)


class CoverStep(ProcessingStep):
    """The cover image and page count, read from the PDF by publications.tasks.describe_document."""

    label = gettext_lazy("Cover and page count")

    def states(self, documents):
        return {document.pk: self.state(document) for document in documents if document.file}

    def state(self, document):
        if document.described_file != document.file.name:
            return StepState(
                self.label,
                StepState.WAITING,
                _("waiting"),
                help=_(
                    "The file is read in the background a few moments after it is uploaded. "
                    "Reload the page in a minute to see the cover."
                ),
            )
        if not document.is_pdf:
            return StepState(
                self.label,
                StepState.NOT_APPLICABLE,
                _("not a PDF"),
                help=_("Only PDF files get a cover image and a page count."),
            )
        if document.cover_id:
            return StepState(self.label, StepState.DONE, _("done"))
        if document.page_count is None:
            reason = _("the PDF could not be opened; it may be damaged, cut short or protected by a password")
        elif document.page_count == 0:
            reason = _("the PDF has no pages")
        else:
            reason = _("the first page could not be drawn as an image")
        return StepState(
            self.label,
            StepState.FAILED,
            _("failed: %(reason)s") % {"reason": reason},
            help=_(
                "Export the PDF again from the original file and upload it in place of this one, "
                "or choose a cover image yourself on the publication."
            ),
        )

    def run_again(self, document):
        enqueue_on_commit(describe_document, document.pk)
