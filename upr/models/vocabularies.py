"""The UPR's vocabularies: states, organisations, cycles, sessions, themes, SDGs, affected groups.

States, organisations, themes, SDGs and affected groups are translatable
snippets: the English row is the source, French and Kinyarwanda rows are its
translations (same ``translation_key``), and a label falls back to English
until someone translates it. Codes (ISO 3166 alpha-3, SDG numbers, slugs)
are the same in every language and are what the API filters on.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from api.openapi import STRING, obj
from api.versions import VOCABULARIES


def source_rows():
    """``limit_choices_to`` for what points to a vocabulary: its source (default-locale) rows.

    A page and its translations point to the same rows; the API gives their
    names in the page's language (see ``upr.labels``).
    """
    return models.Q(locale__language_code=settings.LANGUAGE_CODE)


class RegionalGroup(models.TextChoices):
    AFRICA = "AFRICA", _("African Group")
    ASIA_PACIFIC = "ASIA_PACIFIC", _("Asia-Pacific Group")
    EEG = "EEG", _("Eastern European Group")
    GRULAC = "GRULAC", _("Latin American and Caribbean Group")
    WEOG = "WEOG", _("Western European and Others Group")
    OBSERVER = "OBSERVER", _("Observer")


class VocabularyQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def in_locale(self, locale):
        return self.filter(locale=locale)


class Organisation(TranslatableMixin, models.Model):
    """An intergovernmental organisation states belong to (AU, EU, OIF, Commonwealth…)."""

    api_versions = (VOCABULARIES,)

    code = models.CharField(_("code"), max_length=20, help_text=_("Short code, e.g. AU or OIF."))
    name = models.CharField(_("name"), max_length=255)

    translatable_fields = [SynchronizedField("code"), TranslatableField("name")]
    panels = [FieldPanel("code"), FieldPanel("name")]

    objects = VocabularyQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["code"]
        unique_together = [("translation_key", "locale"), ("code", "locale")]

    def __str__(self):
        return self.name


class Country(TranslatableMixin, index.Indexed, ClusterableModel):
    """A state under review or a recommending state (UN member states and observers)."""

    api_versions = (VOCABULARIES,)
    # How the API names one wherever it shows it, in the reader's language (upr/labels.py, table 'countries').
    api_label = {"code": "iso3", "name": "name"}
    api_label_schema = obj({"code": {"type": "string", "description": "ISO 3166-1 alpha-3"}, "name": STRING})

    iso3 = models.CharField(
        _("ISO code"), max_length=3, help_text=_("ISO 3166-1 alpha-3 code, e.g. RWA."), db_index=True
    )
    name = models.CharField(_("name"), max_length=255)
    regional_group = models.CharField(_("regional group"), max_length=16, choices=RegionalGroup.choices)
    memberships = ParentalManyToManyField(
        Organisation, verbose_name=_("memberships"), blank=True, related_name="members"
    )

    translatable_fields = [
        SynchronizedField("iso3"),
        TranslatableField("name"),
        SynchronizedField("regional_group"),
        SynchronizedField("memberships"),
    ]
    panels = [FieldPanel("name"), FieldPanel("iso3"), FieldPanel("regional_group"), FieldPanel("memberships")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("iso3"),
        index.FilterField("locale"),
    ]

    objects = VocabularyQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("state")
        verbose_name_plural = _("states")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("iso3", "locale")]

    def __str__(self):
        return self.name


class CountryAlias(models.Model):
    """Another spelling of a state's name, as found in data files ("Cote d'Ivoire", "DPR Korea")."""

    api_versions = (VOCABULARIES,)

    alias = models.CharField(_("alias"), max_length=255, unique=True)
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.CASCADE, related_name="aliases"
    )

    panels = [FieldPanel("alias"), FieldPanel("country")]

    class Meta:
        verbose_name = _("state alias")
        verbose_name_plural = _("state aliases")
        ordering = ["alias"]

    def __str__(self):
        return f"{self.alias} → {self.country}"


class Cycle(models.Model):
    """A UPR cycle: every state is reviewed once per cycle."""

    api_versions = (VOCABULARIES,)

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    start_year = models.PositiveSmallIntegerField(_("start year"))
    end_year = models.PositiveSmallIntegerField(_("end year"))

    panels = [FieldPanel("number"), FieldPanel("start_year"), FieldPanel("end_year")]

    class Meta:
        verbose_name = _("cycle")
        verbose_name_plural = _("cycles")
        ordering = ["number"]

    def __str__(self):
        return f"Cycle {self.number} ({self.start_year}–{self.end_year})"


def date_source():
    """The field that says where the date beside it is stated."""
    return models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("The document that states this date: its UN symbol (A/HRC/17/4) or its file name."),
    )


def dated_panel(field):
    """A date of a session beside its source, on one row of the admin's form."""
    return FieldRowPanel([FieldPanel(field), FieldPanel(f"{field}_source")])


class Session(models.Model):
    """A session of the UPR Working Group, with the dates civil society plans around.

    Each date has its source: the UN document (or the file) that states it, so
    that a reader can check it. A date nobody can source stays empty.
    """

    api_versions = (VOCABULARIES,)

    # The dates of a session; each has its ``<name>_source`` beside it.
    DATE_FIELDS = (
        "national_report_deadline",
        "un_compilation_deadline",
        "stakeholder_deadline",
        "starts_on",
        "ends_on",
        "mid_term_report_due",
    )

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    cycle = models.ForeignKey(
        Cycle, verbose_name=_("cycle"), on_delete=models.PROTECT, related_name="sessions"
    )
    starts_on = models.DateField(_("review starts"), null=True, blank=True)
    starts_on_source = date_source()
    ends_on = models.DateField(_("review ends"), null=True, blank=True)
    ends_on_source = date_source()
    national_report_deadline = models.DateField(
        _("national report deadline"),
        null=True,
        blank=True,
        help_text=_("Last day for the State under review to submit its national report."),
    )
    national_report_deadline_source = date_source()
    un_compilation_deadline = models.DateField(
        _("UN compilation deadline"),
        null=True,
        blank=True,
        help_text=_("Last day for UN entities to send OHCHR their information for the compilation."),
    )
    un_compilation_deadline_source = date_source()
    stakeholder_deadline = models.DateField(
        _("stakeholder submission deadline"),
        null=True,
        blank=True,
        help_text=_("Last day for civil society to send its submission to OHCHR."),
    )
    stakeholder_deadline_source = date_source()
    mid_term_report_due = models.DateField(_("mid-term report due"), null=True, blank=True)
    mid_term_report_due_source = date_source()

    panels = [FieldPanel("number"), FieldPanel("cycle"), *map(dated_panel, DATE_FIELDS)]

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["number"]

    def __str__(self):
        return f"Session {self.number}"

    def dates(self):
        """``{name: (date, source)}`` for each date of the session that is known."""
        return {
            name: (getattr(self, name), getattr(self, f"{name}_source"))
            for name in self.DATE_FIELDS
            if getattr(self, name) is not None
        }

    def clean(self):
        """A date needs its source, and a review cannot end before it starts."""
        super().clean()
        errors = {}
        for name in self.DATE_FIELDS:
            if getattr(self, name) is not None and not getattr(self, f"{name}_source").strip():
                errors[f"{name}_source"] = _(
                    "Say where this date is stated: a UN document symbol or the file it comes from."
                )
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The review cannot end before it starts.")
        if errors:
            raise ValidationError(errors)


class Theme(TranslatableMixin, models.Model):
    """A human-rights theme (UPR Info issues, OHCHR themes)."""

    api_versions = (VOCABULARIES,)
    # How the API names one wherever it shows it, in the reader's language (upr/labels.py, table 'themes').
    api_label = {"slug": "slug", "name": "name"}
    api_label_schema = obj({"slug": STRING, "name": STRING})

    class Source(models.TextChoices):
        UPR_INFO = "upr_info", _("UPR Info")
        OHCHR = "ohchr", _("OHCHR")
        LOCAL = "local", _("This organisation")

    slug = models.SlugField(_("slug"), max_length=120, help_text=_("Stable identifier used in the API."))
    name = models.CharField(_("name"), max_length=255)
    source = models.CharField(_("source"), max_length=16, choices=Source.choices, default=Source.LOCAL)

    translatable_fields = [SynchronizedField("slug"), TranslatableField("name"), SynchronizedField("source")]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("source")]

    objects = VocabularyQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class SDGGoal(TranslatableMixin, models.Model):
    api_versions = (VOCABULARIES,)
    # How the API names one wherever it shows it, in the reader's language (upr/labels.py, table 'sdgs').
    api_label = {"number": "number", "title": "title"}
    api_label_schema = obj({"number": {"type": "integer", "minimum": 1, "maximum": 17}, "title": STRING})
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=255)

    translatable_fields = [SynchronizedField("number"), TranslatableField("title")]
    panels = [FieldPanel("number"), FieldPanel("title")]

    objects = VocabularyQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("SDG goal")
        verbose_name_plural = _("SDG goals")
        ordering = ["number"]
        unique_together = [("translation_key", "locale"), ("number", "locale")]

    def __str__(self):
        return f"{self.number}. {self.title}"


class SDGTarget(TranslatableMixin, models.Model):
    api_versions = (VOCABULARIES,)
    code = models.CharField(_("code"), max_length=8, help_text=_("e.g. 16.10"))
    goal = models.ForeignKey(
        SDGGoal, verbose_name=_("goal"), on_delete=models.PROTECT, related_name="targets"
    )
    title = models.TextField(_("title"))

    translatable_fields = [SynchronizedField("code"), SynchronizedField("goal"), TranslatableField("title")]
    panels = [FieldPanel("code"), FieldPanel("goal"), FieldPanel("title")]

    objects = VocabularyQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")
        ordering = ["goal__number", "code"]
        unique_together = [("translation_key", "locale"), ("code", "locale")]

    def __str__(self):
        return f"{self.code} {self.title[:60]}"


class AffectedGroup(TranslatableMixin, models.Model):
    """A group of persons a recommendation concerns (women, children, journalists…)."""

    api_versions = (VOCABULARIES,)
    # How the API names one wherever it shows it, in the reader's language (upr/labels.py, table 'affected_groups').
    api_label = {"slug": "slug", "name": "name"}
    api_label_schema = obj({"slug": STRING, "name": STRING})

    slug = models.SlugField(_("slug"), max_length=120)
    name = models.CharField(_("name"), max_length=255)

    translatable_fields = [SynchronizedField("slug"), TranslatableField("name")]
    panels = [FieldPanel("name"), FieldPanel("slug")]

    objects = VocabularyQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("affected group")
        verbose_name_plural = _("affected groups")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name
