"""Translating the legal-assistance pages with wagtail-localize, and reading the translations from the API."""

import datetime

import pytest

from django.urls import reverse

from legal_aid.factories import HotlineContactFactory, LegalInformationPageFactory
from legal_aid.models import LegalInformationRelatedPage, Topic
from locales.translation import translate

pytestmark = pytest.mark.django_db

LISTING = reverse("wagtailapi:pages:listing")


def listing(client, **params):
    response = client.get(LISTING, params)
    assert response.status_code == 200, response.content
    return response.json()["items"]


@pytest.fixture
def translated(legal_aid_index, countries, locales, django_capture_on_commit_callbacks):
    """The section and one information page, in English and French."""
    HotlineContactFactory(
        page=legal_aid_index,
        label="Lawyers on call",
        hours="Every day",
        phone="+250 788 123 456",
        country=countries["RWA"],
    )
    legal_aid_index.request_form_url = "https://forms.example.org/legal-aid"
    legal_aid_index.save_revision().publish()
    page = LegalInformationPageFactory(
        parent=legal_aid_index,
        title="Arrest and detention",
        slug="arrest-and-detention",
        summary="Stay calm and ask for a lawyer.",
        topic=Topic.ARREST_AND_DETENTION,
        last_reviewed=datetime.date(2026, 2, 14),
        faqs__0__faq__question="Can I call a lawyer?",
        faqs__0__faq__answer="<p>Yes, from the first hour of custody.</p>",
    )
    page.countries.set([countries["RWA"]])
    LegalInformationRelatedPage.objects.create(source=page, page=legal_aid_index)
    page.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        translate(
            legal_aid_index,
            locales["fr"],
            {
                "Legal assistance": "Assistance juridique",
                "Lawyers on call": "Avocats de garde",
                "Every day": "Tous les jours",
            },
        )
        translate(
            page,
            locales["fr"],
            {
                "Arrest and detention": "Arrestation et détention",
                "Stay calm and ask for a lawyer.": "Restez calme et demandez un avocat.",
                "Can I call a lawyer?": "Puis-je appeler un avocat ?",
                "Yes, from the first hour of custody.": "Oui, dès la première heure de garde à vue.",
            },
        )
    return legal_aid_index, page


def test_translation_round_trip(client, translated, countries, locales, django_capture_on_commit_callbacks):
    index, page = translated
    french_index = index.get_translation(locales["fr"])
    french = page.get_translation(locales["fr"])

    assert french.live and french.translation_key == page.translation_key
    assert french.get_parent().specific == french_index
    assert french.url == "/fr/legal-assistance/arrest-and-detention/"
    assert french.faqs[0].value["question"] == "Puis-je appeler un avocat ?"
    # What is not text follows the source.
    assert list(french.countries.all()) == [countries["RWA"]]
    assert (french.topic, french.last_reviewed) == (Topic.ARREST_AND_DETENTION, datetime.date(2026, 2, 14))
    hotline = french_index.hotlines.get()
    assert (hotline.label, hotline.phone, hotline.locale) == (
        "Avocats de garde",
        "+250 788 123 456",
        locales["fr"],
    )

    items = listing(client, type="legal_aid.LegalInformationPage", locale="fr", fields="*")
    assert [item["id"] for item in items] == [french.pk]
    item = items[0]
    assert item["meta"]["locale"] == "fr"
    assert item["title"] == "Arrestation et détention"
    assert item["summary"] == "Restez calme et demandez un avocat."
    assert [{"question": faq["question"], "answer": faq["answer"]} for faq in item["faqs"]] == [
        {
            "question": "Puis-je appeler un avocat ?",
            "answer": "<p>Oui, dès la première heure de garde à vue.</p>",
        }
    ]
    assert item["countries"] == [{"code": "RWA", "name": "Rwanda"}]
    # Related pages are given in French where translated.
    assert item["related_pages"] == [
        {
            "id": french_index.pk,
            "title": "Assistance juridique",
            "url": "/fr/legal-assistance/",
            "type": "legal_aid.LegalAidIndexPage",
        }
    ]
    french_section = listing(client, type="legal_aid.LegalAidIndexPage", locale="fr", fields="*")
    assert [(h["label"], h["hours"], h["country"]) for h in french_section[0]["hotlines"]] == [
        ("Avocats de garde", "Tous les jours", {"code": "RWA", "name": "Rwanda"})
    ]
    assert french_section[0]["request_form"]["url"] == "https://forms.example.org/legal-aid"
    english = listing(client, type="legal_aid.LegalInformationPage", locale="en", fields="faqs")
    assert [item["faqs"][0]["question"] for item in english] == ["Can I call a lawyer?"]

    # The source is reviewed again: a new state, a new date and a new question.
    page = type(page).objects.get(pk=page.pk)
    page.countries.add(countries["COD"])
    page.last_reviewed = datetime.date(2026, 9, 1)
    page.faqs.append(
        ("faq", {"question": "Can they take my phone?", "answer": "<p>Only with a court order.</p>"})
    )
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translate(page, locales["fr"], {"Can they take my phone?": "Peuvent-ils prendre mon téléphone ?"})

    french.refresh_from_db()
    assert set(french.countries.all()) == {countries["RWA"], countries["COD"]}
    assert french.last_reviewed == datetime.date(2026, 9, 1)
    assert [faq.value["question"] for faq in french.faqs] == [
        "Puis-je appeler un avocat ?",
        "Peuvent-ils prendre mon téléphone ?",
    ]
    item = listing(client, type="legal_aid.LegalInformationPage", locale="fr", fields="countries,faqs")[0]
    assert item["countries"] == [
        {"code": "COD", "name": "République démocratique du Congo"},
        {"code": "RWA", "name": "Rwanda"},
    ]
    # A string nobody translated yet keeps the source text.
    assert item["faqs"][1]["answer"] == "<p>Only with a court order.</p>"


def test_translators_edit_both_pages_in_the_translation_editor(admin_client, translated, locales):
    html = {}
    for source in translated:
        french = source.get_translation(locales["fr"])
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
        assert response.status_code == 200
        assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
        html[type(source).__name__] = response.content.decode()
    # The hotline labels and the FAQs are among the strings to translate.
    assert "Lawyers on call" in html["LegalAidIndexPage"]
    assert "Puis-je appeler un avocat ?" in html["LegalInformationPage"]
    assert "Yes, from the first hour of custody." in html["LegalInformationPage"]


def test_kinyarwanda_translation(client, translated, locales, django_capture_on_commit_callbacks):
    index, page = translated
    with django_capture_on_commit_callbacks(execute=True):
        translate(index, locales["rw"], {"Legal assistance": "Ubufasha mu by'amategeko"})
        kinyarwanda = translate(
            page, locales["rw"], {"Can I call a lawyer?": "Nshobora guhamagara umunyamategeko?"}
        )

    items = listing(client, type="legal_aid.LegalInformationPage", locale="rw", fields="faqs,countries")
    assert [item["id"] for item in items] == [kinyarwanda.pk]
    assert items[0]["faqs"][0]["question"] == "Nshobora guhamagara umunyamategeko?"
    assert [country["code"] for country in items[0]["countries"]] == ["RWA"]
    assert [item["locale"] for item in (i["meta"] for i in items)] == ["rw"]


@pytest.mark.xfail(
    strict=True,
    reason="wagtail-localize 1.14.5 copies a synchronised ParentalManyToManyField only when the source "
    "has values (fields.copy_synchronised_fields), so emptying it on the source leaves the translation as it was",
)
def test_emptying_the_countries_of_the_source_empties_the_translation(
    translated, locales, django_capture_on_commit_callbacks
):
    _index, page = translated
    page = type(page).objects.get(pk=page.pk)
    page.countries.set([])
    page.summary = "Stay calm."
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        french = translate(page, locales["fr"])
    french = type(page).objects.get(pk=french.pk)
    assert french.summary == "Stay calm."  # the translation was synchronised…
    assert list(french.countries.all()) == []  # …but kept its states
