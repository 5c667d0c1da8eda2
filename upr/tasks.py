from django.db import transaction

from api import versions
from background import task
from background.retry import DATABASE
from upr.facets import warm
from upr.models import Recommendation
from upr.signals import recommendations_imported


@task(queue_name="urgent", retry=DATABASE)
def reindex_import(import_id):
    """Bring what answers from recommendations up to date with what one import created or changed:
    their search entries (written by the search app, on the signal), then the counts."""
    recommendations_imported.send(Recommendation, import_id=import_id)
    # Text queries answer differently now: forget the cached answers, and count
    # the whole database again before a visitor has to wait for it.
    versions.bump(versions.RECOMMENDATIONS)
    # Under the new version: after it moved (at once in a worker, at commit inside a transaction).
    transaction.on_commit(warm)
