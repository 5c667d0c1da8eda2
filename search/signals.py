"""What keeps the search current: documents read in the background, entries following their items."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move


def _after_commit(task_name, *args):
    """Run a task of search.tasks once the change that calls for it is committed."""
    from search import tasks

    transaction.on_commit(lambda: getattr(tasks, task_name).enqueue(*args))


def document_saved(sender, instance, **kwargs):
    """A new or replaced PDF is read in the background once its upload is committed."""
    from search.models import DocumentText

    if not instance.file or not instance.file.name.lower().endswith(".pdf"):
        return
    known = DocumentText.objects.filter(document=instance).values_list("extracted_file", flat=True).first()
    if known == instance.file.name:
        return
    DocumentText.objects.update_or_create(
        document=instance, defaults={"status": DocumentText.Status.PENDING, "detail": ""}
    )
    _after_commit("extract_text", instance.pk)


def document_deleted(sender, instance, **kwargs):
    """The publications that used a deleted document are no longer found by its text."""
    _after_commit("update_entries_of_document", instance.pk)


def page_changed(sender, instance, **kwargs):
    """Published, unpublished: the page's entry follows."""
    _after_commit("update_page_entry", instance.pk)


def page_deleted(sender, instance, **kwargs):
    from search import entries

    entries.remove(Page, [instance.pk])


def subtree_changed(sender, instance, **kwargs):
    """Moved, or made private or public again: the page and everything under it."""
    _after_commit("update_subtree_entries", (getattr(instance, "page", None) or instance).pk)


def collection_privacy_changed(sender, instance, **kwargs):
    """A collection made private or public: the publications with documents in it."""
    _after_commit("update_entries_of_collection", instance.collection_id)


def recommendation_saved(sender, instance, **kwargs):
    _after_commit("update_recommendation_entries", str(instance.translation_key))


def recommendation_links_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and hasattr(instance, "translation_key"):
        recommendation_saved(sender, instance)


def recommendation_deleted(sender, instance, **kwargs):
    from search import entries

    entries.remove(type(instance), [instance.pk])


def recommendations_imported(sender, import_id, **kwargs):
    """An import committed: its recommendations' entries, in the worker that indexes the import."""
    from search import entries
    from upr.models import Recommendation

    entries.update_recommendations(Recommendation.objects.filter(imported_by_id=import_id))
    transaction.on_commit(entries.analyze_entries)


def connect():
    from upr.models import Recommendation
    from upr.signals import recommendations_imported as imported

    document = get_document_model()
    post_save.connect(document_saved, sender=document, dispatch_uid="search-extract-text")
    post_delete.connect(document_deleted, sender=document, dispatch_uid="search-document-deleted")
    page_published.connect(page_changed, dispatch_uid="search-page-published")
    page_unpublished.connect(page_changed, dispatch_uid="search-page-unpublished")
    # Per page type: a receiver for every model would keep Django from deleting anything in bulk.
    for model in get_page_models():
        pre_delete.connect(
            page_deleted, sender=model, dispatch_uid=f"search-page-deleted-{model._meta.label}"
        )
    post_page_move.connect(subtree_changed, dispatch_uid="search-page-moved")
    for restriction, uid in ((PageViewRestriction, "page"), (CollectionViewRestriction, "collection")):
        receiver = subtree_changed if restriction is PageViewRestriction else collection_privacy_changed
        post_save.connect(receiver, sender=restriction, dispatch_uid=f"search-{uid}-restricted")
        post_delete.connect(receiver, sender=restriction, dispatch_uid=f"search-{uid}-unrestricted")
    post_save.connect(recommendation_saved, sender=Recommendation, dispatch_uid="search-recommendation")
    post_delete.connect(
        recommendation_deleted, sender=Recommendation, dispatch_uid="search-recommendation-del"
    )
    for field in Recommendation._meta.many_to_many:
        m2m_changed.connect(
            recommendation_links_changed,
            sender=field.remote_field.through,
            dispatch_uid=f"search-recommendation-{field.name}",
        )
    imported.connect(recommendations_imported, dispatch_uid="search-recommendations-imported")
