"""One search entry per public item: what the one search of the site ranks, filters and counts.

Pages of every kind, publications with the text of their PDFs, and UPR
recommendations each have an entry holding their text (as shown, and as
matched: see search.text) and the values they are filtered and counted by,
like Plone's catalog. An item that is not live and public has no entry.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

# The scope of an entry that belongs to no language: it is found in every locale.
EVERY_LOCALE = "*"


class Kind(models.TextChoices):
    PAGE = "page", _("Page")
    PUBLICATION = "publication", _("Publication")
    NEWS = "news", _("News")
    NEWSLETTER = "newsletter", _("Newsletter")
    EVENT = "event", _("Event")
    PROGRAMME = "programme", _("Programme")
    VIDEO = "video", _("Training video")
    LEGAL_INFORMATION = "legal_information", _("Legal information")
    RECOMMENDATION = "recommendation", _("UPR recommendation")


class SearchEntryQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False), object_id=obj.pk
        )


class SearchEntry(index.Indexed, models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")

    kind = models.CharField(max_length=24, choices=Kind.choices)
    # The language code of the locale the entry is found in, or EVERY_LOCALE.
    scope = models.CharField(max_length=8)
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True, help_text=_("The whole text, as shown in excerpts."))
    language = models.CharField(max_length=8, help_text=_("The language the text is in."))
    date = models.DateField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    cycle = models.PositiveSmallIntegerField(null=True, blank=True)
    session = models.PositiveSmallIntegerField(null=True, blank=True)
    response = models.CharField(max_length=24, blank=True)
    # The text as matched: folded and stemmed words (search.text.terms).
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    # The distinct words of the text as written, each with the language it is in ("en:genocide"):
    # what the table of index words counts (search.words).
    words = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SearchEntryQuerySet.as_manager()

    search_fields = [
        index.SearchField("title_terms", boost=3),
        index.SearchField("body_terms"),
        index.FilterField("id"),
        index.FilterField("kind"),
        index.FilterField("scope"),
        index.FilterField("date"),
        index.FilterField("year"),
        index.FilterField("cycle"),
        index.FilterField("session"),
        index.FilterField("response"),
    ]

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="search_entry_one_per_item")
        ]
        indexes = [
            models.Index(fields=["scope", "kind"], name="search_entry_scope_kind"),
            # Wagtail's database backend joins its index on the text of the primary key: with this,
            # PostgreSQL looks up the ranked hits instead of reading every entry.
            models.Index(Cast("id", models.CharField(max_length=50)), name="search_entry_id_as_text"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title[:80]}"


class SearchEntryTag(models.Model):
    """A value an entry is filtered and counted by, of which it may have several (countries, themes, languages)."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="tags")
    facet = models.CharField(max_length=16)
    value = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "facet", "value"], name="search_entry_tag_unique")
        ]
        indexes = [models.Index(fields=["facet", "value", "entry"], name="search_entry_tag_lookup")]

    def __str__(self):
        return f"{self.facet}={self.value}"
