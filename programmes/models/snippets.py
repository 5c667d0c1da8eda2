from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class ProgrammeKind(TranslatableMixin, index.Indexed, models.Model):
    """What sort of work a programme is (policy and advocacy, capacity building…): a vocabulary editors extend."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        blank=True,
        help_text=_(
            "Stable identifier used in the API, the same in every language. Leave empty to make one from the name."
        ),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One or two sentences shown where programmes are listed by kind."),
    )

    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        TranslatableField("description"),
    ]

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale"),
        index.FilterField("slug"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("programme kind")
        verbose_name_plural = _("programme kinds")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self._fill_slug()
        super().save(*args, **kwargs)

    def _fill_slug(self):
        if not self.slug:
            self.slug = slugify(self.name)[: self._meta.get_field("slug").max_length]

    def clean(self):
        super().clean()
        self._fill_slug()
        # The admin form has no locale field, so Django's unique_together check skips it.
        if (
            self.locale_id
            and ProgrammeKind.objects.filter(locale_id=self.locale_id, slug=self.slug)
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError(
                {"slug": _("Another programme kind in this language already has this slug.")}
            )
