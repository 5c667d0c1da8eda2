"""Load the recommendations part of the demo; running it again changes nothing."""

from wagtail.models import Locale

from demo.content import upr as content
from locales.translation import translate
from upr.importers.service import import_recommendations
from upr.loading import load_reference_vocabularies
from upr.models import Assessment, Cluster, ImplementationPlan, Recommendation, Session
from upr.session_calendar import load_session_calendar


def load_upr_demo(report):
    load_reference_vocabularies()
    calendar = load_session_calendar()
    report("UPR calendar dates", bool(calendar.set))
    for number, dates in content.SESSIONS.items():
        sources = {f"{name}_source": content.DEMO_SOURCE for name in dates}
        Session.objects.filter(number=number).update(**dates, **sources)

    originals = Recommendation.objects.originals().filter(state_under_review__iso3="RWA", session__number=10)
    # Import once: a second import would change nothing but would be logged.
    imported = originals.count() >= content.RECOMMENDATION_COUNT
    if not imported:
        with open(content.RECOMMENDATIONS_FILE, "rb") as file:
            import_recommendations(file, filename=content.RECOMMENDATIONS_FILE.name)
    report("recommendations (Rwanda, 2011)", not imported)

    def by_text(text):
        return originals.get(text=text)

    for text, status, assessed_on, comments in content.ASSESSMENTS:
        _, created = Assessment.objects.get_or_create(
            recommendation=by_text(text),
            assessed_on=assessed_on,
            assessed_by=content.COALITION,
            defaults={"status": status, "comments": comments},
        )
        report("assessment", created)

    plan = dict(content.PLAN)
    recommendation = by_text(plan.pop("recommendation"))
    cluster, created = Cluster.objects.get_or_create(name=plan.pop("cluster"), locale=recommendation.locale)
    cluster.recommendations.set(originals.filter(themes__slug="freedom-of-the-press").distinct())
    cluster.save()
    report("thematic cluster", created)
    _, created = ImplementationPlan.objects.get_or_create(
        recommendation=recommendation, locale=recommendation.locale, defaults={**plan, "cluster": cluster}
    )
    report("implementation plan", created)

    # Translations last: they copy the synchronised fields (the implementation status) of their source.
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for text, translations in content.TRANSLATIONS.items():
        recommendation = by_text(text)
        for code, translated in translations.items():
            before = recommendation.get_translation_or_none(locales[code])
            after = translate(recommendation, locales[code], {text: translated})
            report(f"recommendation translation ({code})", before is None or before.text != after.text)
