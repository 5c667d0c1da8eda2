from django.core.cache import cache
from django.db import models
from django.utils import timezone

CACHE_KEY = "api:content-version"
# Seconds a web process may go on with the version it read: with a shared cache (Redis) every
# process sees a change at once; with a per-process cache, at the latest after this long.
CACHE_SECONDS = 5


class ContentVersion(models.Model):
    """When the public content last changed, in one row: the validators of every API answer.

    Kept in the database so that every web process, however many, answers a conditional
    request alike (home/caching.py moves it on); read through the cache, so a read of the API
    costs no query for it.
    """

    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return f"content as of {self.changed_at.isoformat()}"

    @classmethod
    def current(cls):
        changed_at = cache.get(CACHE_KEY)
        if changed_at is None:
            changed_at = cls.objects.filter(pk=1).values_list("changed_at", flat=True).first()
            if changed_at is None:
                return cls.bump()
            cache.set(CACHE_KEY, changed_at, CACHE_SECONDS)
        return changed_at

    @classmethod
    def bump(cls):
        changed_at = timezone.now()
        cls.objects.update_or_create(pk=1, defaults={"changed_at": changed_at})
        cache.set(CACHE_KEY, changed_at, CACHE_SECONDS)
        return changed_at
