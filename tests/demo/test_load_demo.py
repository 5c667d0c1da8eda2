import io

import pytest

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from demo.content import home
from legal_aid.models import LegalAidRequest
from programmes.models import ProgrammeKind
from upr.models import Assessment, ImplementationPlan, Recommendation, RecommendationImport


def page_state():
    return (
        list(Page.objects.order_by("pk").values_list("pk", "title", "live", "latest_revision_id")),
        Revision.objects.count(),
        list(
            Recommendation.objects.order_by("pk").values_list(
                "pk", "locale__language_code", "text", "updated_at"
            )
        ),
        Assessment.objects.count(),
        ImplementationPlan.objects.count(),
        RecommendationImport.objects.count(),
        sorted(LegalAidRequest.objects.values_list("reference", "status", "payload")),
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_demo_content_in_three_languages_loads_once(client, home_pages):
    call_command("load_demo", stdout=None)
    first = page_state()
    call_command("load_demo")
    assert page_state() == first

    intros = {}
    for code in ("en", "fr", "rw"):
        response = client.get(
            reverse("wagtailapi:pages:listing"),
            {"locale": code, "type": "home.HomePage", "fields": "intro,body"},
        )
        (item,) = response.json()["items"]
        intros[code] = item["intro"]
        assert len(item["body"]) == len(home.HOME["body"])
    assert intros["en"] == home.INTRO
    assert intros["fr"].startswith("Nous aidons la société civile")
    assert intros["rw"].startswith("Dufasha imiryango itari iya Leta")

    response = client.get("/rw/")
    assert "Isuzuma Ngarukagihe Rusange" in response.content.decode()

    rwanda = Recommendation.objects.originals().filter(state_under_review__iso3="RWA")
    assert rwanda.count() == 125
    assert Recommendation.objects.filter(locale__language_code="rw").count() == 3
    assert Assessment.objects.count() == 4
    (plan,) = ImplementationPlan.objects.all()
    assert plan.recommendation.text == "Ensure that journalists are not harassed or intimidated"
    listing = client.get(
        reverse("wagtailapi:recommendations:listing"), {"locale": "rw", "theme": "freedom-of-the-press"}
    )
    texts = [item["text"] for item in listing.json()["items"]]
    assert "Kwemeza ko abanyamakuru badahohoterwa kandi badaterwa ubwoba" in texts

    # The editorial content, in every language where it was translated.
    def pages(code, page_type, fields=""):
        response = client.get(
            reverse("wagtailapi:pages:listing"),
            {"locale": code, "type": page_type, "fields": fields, "limit": 50},
        )
        return response.json()["items"]

    assert len(pages("en", "programmes.ProgrammePage")) == 5
    assert {item["kind"]["slug"] for item in pages("en", "programmes.ProgrammePage", "kind")} == {
        "policy-and-advocacy",
        "in-country",
        "stakeholders",
        "capacity-building",
        "legal-protection-of-journalists",
    }
    assert "Mise en œuvre au Rwanda" in {item["title"] for item in pages("fr", "programmes.ProgrammePage")}
    assert "Ishyirwa mu bikorwa mu Rwanda" in {
        item["title"] for item in pages("rw", "programmes.ProgrammePage")
    }
    (report,) = pages("fr", "publications.PublicationPage", "files,countries,session")
    assert report["title"] == "Rwanda : rapport du Groupe de travail (2011)"
    assert [file["page_count"] for file in report["files"]] == [20]
    assert report["countries"] == [{"code": "RWA", "name": "Rwanda"}]
    (event,) = pages("en", "publications.EventPage", "agenda,starts_at")
    assert event["starts_at"] == "2026-03-02T09:00:00+02:00"
    assert len(event["agenda"]) == 3
    (letter,) = pages("en", "publications.NewsletterPage", "items")
    assert [item["value"].get("page", item["value"].get("video"))["title"] for item in letter["items"]] == [
        "Workshop on the mid-term report",
        "Twenty journalists trained in Huye",
        "How the Universal Periodic Review works",
    ]
    assert len(pages("en", "programmes.TrainingVideoPage")) == 1
    (form,) = pages("rw", "legal_aid.LegalAidRequestPage")
    schema = client.get(reverse("wagtailapi:legal-aid:form", args=[form["id"]])).json()
    assert schema["title"] == "Saba ubufasha mu by’amategeko"
    assert {field["key"]: field["label"] for field in schema["fields"]}["description"] == "Ibisobanuro"
    (index,) = pages("fr", "legal_aid.LegalAidIndexPage", "request_form")
    assert index["request_form"]["title"] == "Demander une aide juridique"
    assert sorted(LegalAidRequest.objects.values_list("status", flat=True)) == ["assigned", "closed", "new"]
    (legal,) = pages("rw", "legal_aid.LegalInformationPage", "faqs")
    assert legal["faqs"][0]["question"] == "Nshobora guhamagara umunyamategeko?"
    (home_en,) = pages("en", "home.HomePage", "featured")
    assert [item["value"]["page"]["type"] for item in home_en["featured"]] == [
        "publications.PublicationPage",
        "publications.EventPage",
        "programmes.ProgrammePage",
    ]
    (home_fr,) = pages("fr", "home.HomePage", "featured")
    assert home_fr["featured"][0]["value"]["page"]["title"] == "Rwanda : rapport du Groupe de travail (2011)"

    # The one search finds the demo content in each language, the report by the text of its PDF.
    def search(code, query, **params):
        response = client.get(reverse("wagtailapi:search:listing"), {"locale": code, "q": query, **params})
        assert response.status_code == 200, response.content
        return response.json()

    (report,) = search("en", "Botswana", type="publication")["items"]
    assert report["title"] == "Rwanda: report of the Working Group (2011)"
    assert report["documents"][0]["page"] in (11, 13, 14)
    assert search("fr", "rapport groupe de travail", type="publication")["items"][0]["title"] == (
        "Rwanda : rapport du Groupe de travail (2011)"
    )
    found = search("rw", "abanyamakuru")
    # A recommendation comes in the reader's language where it was translated.
    assert "Kwemeza ko abanyamakuru badahohoterwa kandi badaterwa ubwoba" in [
        item["title"] for item in found["items"]
    ]
    assert search("en", "journalists harassed", type="recommendation")["meta"]["total_count"] >= 1


def untranslated(instance, locale):
    """The source texts of ``instance`` that its translation into ``locale`` leaves in English (none when
    wagtail-localize counts every segment translated)."""
    source = TranslationSource.objects.get_for_instance(instance)
    translation = Translation.objects.get(source=source, target_locale=locale)
    total, translated = translation.get_progress()
    if translated == total:
        return []
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    return [
        f"{segment.context.path}: {segment.string.data}"
        for segment in segments
        if not StringTranslation.objects.filter(
            translation_of_id=segment.string_id,
            context_id=segment.context_id,
            locale=locale,
            has_error=False,
        ).exists()
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_page_of_the_demo_is_translated_in_full_into_french_and_kinyarwanda(home_pages):
    call_command("load_demo", stdout=io.StringIO())
    locales = {locale.language_code: locale for locale in Locale.objects.all()}

    pages = Page.objects.filter(depth__gt=1, live=True)
    assert pages.filter(locale=locales["en"]).count() >= 20
    for page in pages:
        languages = set(
            pages.filter(translation_key=page.translation_key).values_list("locale__language_code", flat=True)
        )
        assert languages >= {"en", "fr", "rw"}, (
            f"{page.title!r} is missing in {sorted({'en', 'fr', 'rw'} - languages)}"
        )

    # Every segment wagtail-localize extracts (titles, paragraphs, list items, questions and answers,
    # form labels, notes…) has its translation: nothing of a French or Kinyarwanda page stays English.
    left_english = {
        (english.title, code): texts
        for english in pages.filter(locale=locales["en"]).specific()
        for code in ("fr", "rw")
        if (texts := untranslated(english, locales[code]))
    }
    assert left_english == {}

    kinds = ProgrammeKind.objects.filter(locale=locales["en"])
    assert kinds.count() == 5
    for kind in kinds:
        for code in ("fr", "rw"):
            translated = kind.get_translation(locales[code])
            assert translated.name != kind.name, (kind.name, code)
            assert translated.description and translated.description != kind.description, (kind.name, code)
            assert untranslated(kind, locales[code]) == [], (kind.name, code)
