"""The words of the search index as they are written, and how many entries hold each.

Search matches stems ("genocid"), which are no good to show a reader. This table keeps the
words themselves ("genocide"), with the language they were stemmed in and their stem, so that
a word of a query that matches nothing can be answered with the closest word that does
(search.suggestions), and the last word of a query being typed can be completed with the most
frequent words starting with it (search.words.completions). It is kept up to date as entries are
written (search.words.apply) and counted anew by ``rebuild_search``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchWord(models.Model):
    # In lower case, with its accents: as it is suggested.
    word = models.CharField(max_length=64)
    # Without case or accents (search.text.fold): as a reader's words are compared with it.
    folded = models.CharField(max_length=64)
    language = models.CharField(max_length=8)
    # Under which form the index holds it (search.text.stem): how a reader's word is known to match.
    stem = models.CharField(max_length=64)
    length = models.PositiveSmallIntegerField()
    count = models.PositiveIntegerField(help_text=_("How many search entries hold the word."))

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")
        constraints = [models.UniqueConstraint(fields=["word", "language"], name="search_word_unique")]
        indexes = [
            models.Index(fields=["stem"], name="search_word_stem"),
            # Prefix look-ups (``folded LIKE 'gen%'``): PostgreSQL needs the pattern operator class.
            models.Index(fields=["folded"], opclasses=["varchar_pattern_ops"], name="search_word_prefix"),
        ]

    def __str__(self):
        return f"{self.word} ({self.language}): {self.count}"
