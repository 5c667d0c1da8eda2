"""Resolve the names found in data files to the vocabularies in the database, once per import."""

from django.utils.text import slugify

from wagtail.models import Locale

from upr.models import AffectedGroup, Country, CountryAlias, Cycle, SDGGoal, Session, Theme
from upr.reference.matching import CountryMatcher, normalise


class VocabularyIndex:
    def __init__(self):
        self.locale = Locale.get_default()
        extra_aliases = dict(CountryAlias.objects.values_list("alias", "country__iso3"))
        self.matcher = CountryMatcher(extra_aliases)
        self._matched = {}
        self.countries = dict(Country.objects.filter(locale=self.locale).values_list("iso3", "pk"))
        self.cycles = dict(Cycle.objects.values_list("number", "pk"))
        sessions = Session.objects.values_list("number", "pk", "cycle__number")
        self.sessions = {number: pk for number, pk, _ in sessions}
        self.session_cycles = {number: cycle for number, _, cycle in sessions}
        self.themes = {}
        self.theme_slugs = {}
        for pk, slug, name in Theme.objects.filter(locale=self.locale).values_list("pk", "slug", "name"):
            self.themes[slug] = pk
            self.theme_slugs[name] = slug
            self.theme_slugs[normalise(name)] = slug
            self.theme_slugs[normalise(slug)] = slug
        self.sdgs = dict(SDGGoal.objects.filter(locale=self.locale).values_list("number", "pk"))
        self.affected_groups = {}
        self.affected_group_slugs = {}
        for pk, slug, name in AffectedGroup.objects.filter(locale=self.locale).values_list(
            "pk", "slug", "name"
        ):
            self.affected_groups[slug] = pk
            self.affected_group_slugs[normalise(name)] = slug

    # Names -> codes ------------------------------------------------------

    def country(self, name):
        """The ISO code of a state known to the database, or None: never a guess."""
        if name not in self._matched:
            code = self.matcher.match(name)
            self._matched[name] = code if code in self.countries else None
        return self._matched[name]

    def cycle_of_session(self, number):
        return self.session_cycles.get(number)

    def theme_slug(self, name, *, create_as=None):
        """The slug of the theme called ``name``; with ``create_as`` (a Theme.Source), add it if unknown."""
        slug = self.theme_slugs.get(name) or self.theme_slugs.get(normalise(name))
        if slug is None and create_as:
            slug = self._unique_slug(name, self.themes)
            theme = Theme.objects.create(
                locale=self.locale, slug=slug, name=name.strip()[:255], source=create_as
            )
            self.themes[slug] = theme.pk
            self.theme_slugs[normalise(name)] = slug
        return slug

    def affected_group_slug(self, name, *, create=False):
        slug = self.affected_group_slugs.get(normalise(name))
        if slug is None and create:
            slug = self._unique_slug(name, self.affected_groups)
            group = AffectedGroup.objects.create(locale=self.locale, slug=slug, name=name.strip()[:255])
            self.affected_groups[slug] = group.pk
            self.affected_group_slugs[normalise(name)] = slug
        return slug

    @staticmethod
    def _unique_slug(name, taken):
        base = slugify(name)[:100] or "item"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        return slug

    # Codes -> primary keys ------------------------------------------------

    def country_id(self, iso3):
        return self.countries[iso3]

    def cycle_id(self, number):
        return self.cycles[number]

    def session_id(self, number):
        return self.sessions[number]

    def theme_id(self, slug):
        return self.themes[slug]

    def sdg_id(self, number):
        return self.sdgs[number]

    def affected_group_id(self, slug):
        return self.affected_groups[slug]
