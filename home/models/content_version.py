from django.db import models
from django.utils import timezone


class ContentVersion(models.Model):
    """When the public content last changed, in one row: the validators of every API answer.

    Kept in the database rather than the cache so that every web process, however many,
    answers a conditional request alike (home/caching.py moves it on).
    """

    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return f"content as of {self.changed_at.isoformat()}"

    @classmethod
    def current(cls):
        changed_at = cls.objects.filter(pk=1).values_list("changed_at", flat=True).first()
        if changed_at is None:
            changed_at = cls.bump()
        return changed_at

    @classmethod
    def bump(cls):
        changed_at = timezone.now()
        cls.objects.update_or_create(pk=1, defaults={"changed_at": changed_at})
        return changed_at
