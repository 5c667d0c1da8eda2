from django.db import transaction
from django.db.models.signals import post_save

from publications.models import ReportDocument


def document_saved(sender, instance, **kwargs):
    """A new or replaced file is described in the background once the upload is committed."""
    if instance.file and instance.file.name != instance.described_file:
        from publications.tasks import describe_document

        document_id = instance.pk
        transaction.on_commit(lambda: describe_document.enqueue(document_id))


def connect():
    post_save.connect(document_saved, sender=ReportDocument, dispatch_uid="publications-describe-document")
