"""The UPR database's background work that follows each import: search entries, counts, repeats.
(Imports uploaded in the admin run in upr/importers/uploads.py.)"""

import logging

from django.db import transaction
from django.db.models import Min

from api import versions
from background import enqueue_on_commit, task
from background.retry import DATABASE
from upr.facets import warm
from upr.models import Recommendation
from upr.repetitions import find_repetitions
from upr.signals import recommendations_imported

logger = logging.getLogger(__name__)


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
    # Then, with no hurry, the recommendations it repeats and those repeating it.
    enqueue_on_commit(find_repetitions_of_import, import_id)


@task(queue_name="bulk", retry=DATABASE)
def find_repetitions_of_import(import_id):
    """Suggest again the repeated recommendations of the states an import wrote to, from the
    earliest cycle it wrote on (a recommendation is compared with earlier cycles only: those
    before are unchanged). Staff decisions are kept (``upr.repetitions.store``)."""
    touched = (
        Recommendation.objects.originals()
        .filter(imported_by_id=import_id)
        .values("state_code")
        .annotate(from_cycle=Min("cycle__number"))
        .order_by("state_code")
    )
    for scope in touched:
        changes = find_repetitions(scope["state_code"], from_cycle=scope["from_cycle"])
        logger.info("Import %s, repeated recommendations of %s: %s", import_id, scope["state_code"], changes)
