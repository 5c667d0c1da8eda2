from django.db import transaction

from wagtail.search.backends import get_search_backend

from api import versions
from background import task
from background.retry import DATABASE
from upr.facets import warm
from upr.models import Recommendation
from upr.signals import recommendations_imported

INDEX_CHUNK = 2000


@task(queue_name="urgent", retry=DATABASE)
def reindex_import(import_id):
    """Bring the search index up to date with what one import created or changed."""
    backend = get_search_backend()
    recommendations = (
        Recommendation.objects.filter(imported_by_id=import_id)
        .select_related("state_under_review")
        .order_by("pk")
    )
    last_pk = 0
    while chunk := list(recommendations.filter(pk__gt=last_pk)[:INDEX_CHUNK]):
        backend.add_bulk(Recommendation, chunk)
        last_pk = chunk[-1].pk
    recommendations_imported.send(Recommendation, import_id=import_id)
    # Text queries answer differently now: forget the cached answers, and count
    # the whole database again before a visitor has to wait for it.
    versions.bump(versions.RECOMMENDATIONS)
    # Under the new version: after it moved (at once in a worker, at commit inside a transaction).
    transaction.on_commit(warm)
