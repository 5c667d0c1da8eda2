"""Load the reference vocabularies: states, organisations, cycles, sessions, UPR Info issues, SDGs.

Idempotent: running it again updates names and adds what is missing, and
never removes what editors added. English rows are the sources; French and
Kinyarwanda rows are their translations (same translation key). A state
without a Kinyarwanda name has no ``rw`` row and shows its English name.
"""

from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Locale

from upr.models import Country, Cycle, Organisation, SDGGoal, Session, Theme
from upr.reference.countries import ORGANISATIONS, STATES

# Cycle: (first session, last session, first year, last year)
CYCLES = {1: (1, 12, 2008, 2011), 2: (13, 26, 2012, 2016), 3: (27, 40, 2017, 2022), 4: (41, 54, 2022, 2027)}

UPR_INFO_ISSUES = [
    "Asylum-seekers - refugees", "CP rights - general", "Civil society", "Corruption", "Counter-terrorism",
    "Death penalty", "Detention", "Development", "Disabilities", "ESC rights - general", "Elections",
    "Enforced disappearances", "Environment", "Extrajudicial executions",
    "Freedom of association and peaceful assembly", "Freedom of movement", "Freedom of opinion and expression",
    "Freedom of religion and belief", "Freedom of the press", "General", "HIV - Aids", "Human rights defenders",
    "Human rights education and training", "Human rights violations by state agents", "Impunity",
    "Indigenous peoples", "Internally displaced persons", "International humanitarian law",
    "International instruments", "Justice", "Labour", "Migrants", "Minorities", "NHRI",
    "National plan of action", "Other", "Poverty", "Public security", "Racial discrimination",
    "Right to education", "Right to food", "Right to health", "Right to housing", "Right to land",
    "Right to water", "Rights of the Child", "Sexual Orientation and Gender Identity", "Special procedures",
    "Technical assistance and cooperation", "Torture and other CID treatment", "Trafficking", "Treaty bodies",
    "UPR process", "Women's rights",
]  # fmt: skip

SDG_GOALS = {
    1: ("No poverty", "Pas de pauvreté"),
    2: ("Zero hunger", "Faim « zéro »"),
    3: ("Good health and well-being", "Bonne santé et bien-être"),
    4: ("Quality education", "Éducation de qualité"),
    5: ("Gender equality", "Égalité entre les sexes"),
    6: ("Clean water and sanitation", "Eau propre et assainissement"),
    7: ("Affordable and clean energy", "Énergie propre et d’un coût abordable"),
    8: ("Decent work and economic growth", "Travail décent et croissance économique"),
    9: ("Industry, innovation and infrastructure", "Industrie, innovation et infrastructure"),
    10: ("Reduced inequalities", "Inégalités réduites"),
    11: ("Sustainable cities and communities", "Villes et communautés durables"),
    12: ("Responsible consumption and production", "Consommation et production responsables"),
    13: ("Climate action", "Mesures relatives à la lutte contre les changements climatiques"),
    14: ("Life below water", "Vie aquatique"),
    15: ("Life on land", "Vie terrestre"),
    16: ("Peace, justice and strong institutions", "Paix, justice et institutions efficaces"),
    17: ("Partnerships for the goals", "Partenariats pour la réalisation des objectifs"),
}


def _locales():
    return {locale.language_code: locale for locale in Locale.objects.all()}


def _translated(model, source, locale, lookup, values):
    """Create or update the translation of ``source`` in ``locale``."""
    instance, _ = model.objects.update_or_create(
        locale=locale, **lookup, defaults={"translation_key": source.translation_key, **values}
    )
    return instance


@transaction.atomic
def load_reference_vocabularies():
    locales = _locales()
    english = locales["en"]
    counts = {}

    organisations = {}
    for code, (name_en, name_fr) in ORGANISATIONS.items():
        source, _ = Organisation.objects.update_or_create(
            locale=english, code=code, defaults={"name": name_en}
        )
        organisations[("en", code)] = source
        if "fr" in locales:
            organisations[("fr", code)] = _translated(
                Organisation, source, locales["fr"], {"code": code}, {"name": name_fr}
            )
    counts["organisations"] = len(ORGANISATIONS)

    for state in STATES:
        source, _ = Country.objects.update_or_create(
            locale=english,
            iso3=state.iso3,
            defaults={"name": state.name_en, "regional_group": state.regional_group},
        )
        source.memberships.set([organisations[("en", code)] for code in state.memberships])
        source.save()
        for code, name in (("fr", state.name_fr), ("rw", state.name_rw)):
            if name and code in locales:
                translation = _translated(
                    Country,
                    source,
                    locales[code],
                    {"iso3": state.iso3},
                    {"name": name, "regional_group": state.regional_group},
                )
                translation.memberships.set(
                    [organisations.get((code, org), organisations[("en", org)]) for org in state.memberships]
                )
                translation.save()
    counts["states"] = len(STATES)

    for number, (first, last, start_year, end_year) in CYCLES.items():
        cycle, _ = Cycle.objects.update_or_create(
            number=number, defaults={"start_year": start_year, "end_year": end_year}
        )
        for session in range(first, last + 1):
            Session.objects.update_or_create(number=session, defaults={"cycle": cycle})
    counts["sessions"] = Session.objects.count()

    for name in UPR_INFO_ISSUES:
        Theme.objects.update_or_create(
            locale=english, slug=slugify(name), defaults={"name": name, "source": Theme.Source.UPR_INFO}
        )
    counts["themes"] = len(UPR_INFO_ISSUES)

    for number, (title_en, title_fr) in SDG_GOALS.items():
        source, _ = SDGGoal.objects.update_or_create(
            locale=english, number=number, defaults={"title": title_en}
        )
        if "fr" in locales:
            _translated(SDGGoal, source, locales["fr"], {"number": number}, {"title": title_fr})
    counts["sdgs"] = len(SDG_GOALS)
    return counts
