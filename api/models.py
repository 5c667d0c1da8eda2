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


class StoredPageAnswer(models.Model):
    """A public page's detail as the API answered it, and the versions of the content it was
    built on: served to the readers of the plain address while those versions are today's
    (api/stored_pages.py). Deleted with its page."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    # The page's place in the tree, to tell whether it is on the site a request asks.
    path = models.CharField(max_length=255)
    # The scheme and host it was asked at (its images' full addresses are built on them): served
    # only to requests at the same.
    origin = models.CharField(max_length=300)
    built_on = models.TextField()
    content_type = models.CharField(max_length=100)
    content = models.BinaryField()
    built_at = models.DateTimeField()

    # A stored answer is not content: it moves no version and cites nothing.
    api_versions = ()
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "stored page answer"

    def __str__(self):
        return f"page {self.page_id} as of {self.built_at.isoformat()}"
