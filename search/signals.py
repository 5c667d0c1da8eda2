from django.db import transaction
from django.db.models.signals import post_save

from wagtail.documents import get_document_model


def document_saved(sender, instance, **kwargs):
    """A new or replaced PDF is read in the background once its upload is committed."""
    from search.models import DocumentText
    from search.tasks import extract_text

    if not instance.file or not instance.file.name.lower().endswith(".pdf"):
        return
    known = DocumentText.objects.filter(document=instance).values_list("extracted_file", flat=True).first()
    if known == instance.file.name:
        return
    DocumentText.objects.update_or_create(
        document=instance, defaults={"status": DocumentText.Status.PENDING, "detail": ""}
    )
    document_id = instance.pk
    transaction.on_commit(lambda: extract_text.enqueue(document_id))


def connect():
    post_save.connect(document_saved, sender=get_document_model(), dispatch_uid="search-extract-text")
