from django.db import models


class ContentVersion(models.Model):
    """When one kind of public content last changed: the validators of the API's answers.

    One row per kind (``content``: pages, images, documents…; ``assets``: all but pages;
    ``page-summaries``; ``recommendations``; ``vocabularies``; ``search``), one per page
    (``page:12``) and one per page type (``pagetype:publications.newspage``), moved on by
    :mod:`api.versions` when such content commits.
    Kept in the database so that every web and worker process, however many, agrees on it
    without a shared cache; mirrored in the cache when the cache is shared (Redis).
    """

    name = models.CharField(max_length=200, primary_key=True)
    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return f"{self.name} as of {self.changed_at.isoformat()}"
