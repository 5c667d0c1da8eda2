"""Cached counts of the recommendations API: facets, totals and statistics.

Counting 100,000 recommendations by eleven facets takes the database
hundreds of milliseconds, and the answer only changes when recommendations
change. Results are kept in the cache under a data version that every
change of a recommendation, its links or its assessments moves on, so a
cached count is never stale: it is simply never read again.
"""

import hashlib

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

TIMEOUT = 24 * 60 * 60


class CacheVersion:
    """A number in the cache that moves on whenever some data changes.

    Cache keys built on it are never stale: after a change they are simply
    never read again, and expire.
    """

    def __init__(self, key):
        self.key = key

    def get(self):
        return cache.get_or_set(self.key, 1, timeout=None)

    def bump(self, **kwargs):
        """Move the version on; usable as a signal receiver."""
        try:
            cache.incr(self.key)
        except ValueError:  # not in the cache (any more)
            cache.set(self.key, 2, timeout=None)


DATA_VERSION = CacheVersion("upr:data:version")
data_version = DATA_VERSION.get
recommendations_changed = DATA_VERSION.bump


def cached(namespace, parts, compute):
    """``compute()``, or its result for the same ``parts`` since the data last changed."""
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    key = f"upr:{namespace}:{data_version()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=TIMEOUT)
    return value


def connect_signals():
    from upr.models import Assessment, Recommendation

    for model in (Recommendation, Assessment):
        uid = f"upr-data-{model.__name__}"
        post_save.connect(recommendations_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(recommendations_changed, sender=model, dispatch_uid=f"{uid}-delete")
    for field in Recommendation._meta.many_to_many:
        through = field.remote_field.through
        m2m_changed.connect(
            recommendations_changed, sender=through, dispatch_uid=f"upr-data-{through.__name__}"
        )
