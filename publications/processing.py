"""What happens to a document after its upload, step by step, in words for the staff who upload it.

Each step of the background work on a document (its cover and page count,
read here; its text for search, read by search/) says how far it got for a
document: waiting, done, failed and why, or not applicable. The admin shows
these states in the document listing, on the document's edit form and on
the publication form, and may run a step again.

Steps are ``ProcessingStep`` objects returned by functions registered with
the Wagtail hook ``register_document_processing_step``: the app that does
the work describes it, so publications shows the text extraction without
importing search (which depends on publications, not the other way round).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

HOOK = "register_document_processing_step"


@dataclass(frozen=True)
class StepState:
    """How far one step got for one document."""

    WAITING = "waiting"
    DONE = "done"
    FAILED = "failed"
    NOT_APPLICABLE = "not_applicable"

    label: str  # what the step makes: "Text for search"
    status: str  # one of the four above
    summary: str  # after the label: "extracted", "waiting", "failed: <reason>", "not a PDF"
    help: str = ""  # what the reader may do about it
    detail: str = ""  # the technical reason, for the technical team

    @property
    def text(self):
        return _("%(step)s: %(summary)s") % {"step": self.label, "summary": self.summary}

    @property
    def failed(self):
        return self.status == self.FAILED

    @property
    def can_run_again(self):
        return self.status in (self.FAILED, self.WAITING)


class ProcessingStep:
    """One kind of background work on a document; subclasses say how far it got and how to redo it."""

    label = ""

    def states(self, documents):
        """``{document pk: StepState}`` for the given documents, in as few queries as possible.

        A document the step does not concern (no file) may be left out.
        """
        raise NotImplementedError

    def run_again(self, document):
        """Queue the work again for one document, once the current transaction commits."""
        raise NotImplementedError


def steps():
    return [register() for register in hooks.get_hooks(HOOK)]


def processing_states(documents):
    """``{document pk: [StepState, ...]}``: every registered step, in the order of registration."""
    documents = list(documents)
    states = {document.pk: [] for document in documents}
    for step in steps():
        for pk, state in step.states(documents).items():
            states[pk].append(state)
    return states


def run_again(document):
    """Queue again the steps of a document that failed or are still waiting; the labels of those queued."""
    queued = []
    for step in steps():
        state = step.states([document]).get(document.pk)
        if state is not None and state.can_run_again:
            step.run_again(document)
            queued.append(state.label)
    return queued
