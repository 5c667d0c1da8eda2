"""Programmes and videos in French: text translated through wagtail-localize, everything else shared."""

import pytest

from django.urls import reverse

from locales.translation import translate
from programmes.factories import (
    ProgrammePageFactory,
    ProgrammePartnerFactory,
    ProgrammeRelatedPageFactory,
    TrainingVideoPageFactory,
)
from programmes.models import ProgrammePage, TrainingVideoPage

from .support import country, theme

pytestmark = pytest.mark.django_db

LISTING = reverse("wagtailapi:pages:listing")


@pytest.fixture
def translate_now(django_capture_on_commit_callbacks):
    """translate(), with wagtail-localize's on-commit publishing run at once."""

    def run(instance, locale, strings=None):
        with django_capture_on_commit_callbacks(execute=True):
            translated = translate(instance, locale, strings)
        # Read back once the translation is published.
        return type(translated).objects.get(pk=translated.pk)

    return run


@pytest.fixture
def english(programme_index, video_index, programme_kinds, upr_vocabularies):
    """A programme and a training video about it, in English."""
    programme = ProgrammePageFactory(
        parent=programme_index,
        title="Journalists and the UPR",
        summary="Journalists learn to report on the recommendations made to their country.",
        kind=programme_kinds["capacity-building"],
        body=[{"type": "paragraph", "value": "<p>We train journalists.</p>"}],
        countries=[country("RWA"), country("COD")],
        themes=[theme("freedom-of-the-press")],
    )
    ProgrammePartnerFactory(page=programme, name="Rwanda Media Commission")
    video = TrainingVideoPageFactory(
        parent=video_index,
        title="Writing a stakeholder report",
        transcript="<p>Welcome to this training.</p>",
        programme=programme,
    )
    ProgrammeRelatedPageFactory(programme=programme, page=video)
    programme.save_revision().publish()
    return {"index": programme_index, "video_index": video_index, "programme": programme, "video": video}


def french_listing(client, page_type):
    response = client.get(LISTING, {"locale": "fr", "type": page_type, "fields": "*"})
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_a_programme_round_trip_into_french(client, english, locales, programme_kinds, translate_now):
    fr = locales["fr"]
    translate_now(
        programme_kinds["capacity-building"], fr, {"Capacity building": "Renforcement des capacités"}
    )
    translate_now(english["index"], fr, {"Programmes": "Programmes"})
    translate_now(english["video_index"], fr, {"Training videos": "Vidéos de formation"})
    translate_now(
        english["video"], fr, {"Writing a stakeholder report": "Rédiger un rapport des parties prenantes"}
    )

    french = translate_now(
        english["programme"],
        fr,
        {
            "Journalists and the UPR": "Les journalistes et l’EPU",
            "Journalists learn to report on the recommendations made to their country.": (
                "Les journalistes apprennent à suivre les recommandations faites à leur pays."
            ),
            "We train journalists.": "Nous formons des journalistes.",
            "Rwanda Media Commission": "Commission rwandaise des médias",
        },
    )

    assert french.live
    assert french.locale == fr
    assert french.translation_key == english["programme"].translation_key
    assert french.slug == english["programme"].slug
    # Vocabularies are shared: the French page points to the same (English) rows.
    assert set(french.countries.all()) == set(english["programme"].countries.all())
    assert french.kind == english["programme"].kind
    assert [partner.name for partner in french.partners.all()] == ["Commission rwandaise des médias"]
    assert french.partners.get().locale == fr

    (item,) = french_listing(client, "programmes.ProgrammePage")
    assert item["id"] == french.pk
    assert item["title"] == "Les journalistes et l’EPU"
    assert item["meta"]["locale"] == "fr"
    assert item["summary"].startswith("Les journalistes apprennent")
    assert item["body"][0]["value"] == "<p>Nous formons des journalistes.</p>"
    assert item["countries"] == [
        {"code": "COD", "name": "République démocratique du Congo"},
        {"code": "RWA", "name": "Rwanda"},
    ]
    assert item["themes"] == [{"slug": "freedom-of-the-press", "name": "Freedom of the press"}]
    assert item["kind"]["name"] == "Renforcement des capacités"
    assert item["kind"]["id"] == programme_kinds["capacity-building"].pk
    assert item["partners"][0]["name"] == "Commission rwandaise des médias"
    french_video = english["video"].get_translation(fr)
    assert item["related_pages"] == [
        {
            "id": french_video.pk,
            "title": "Rédiger un rapport des parties prenantes",
            "url": french_video.url,
            "type": "programmes.TrainingVideoPage",
        }
    ]
    assert item["training_videos"] == item["related_pages"]

    # The English page changes: what is synchronised follows, the translation stays.
    english_programme = ProgrammePage.objects.get(pk=english["programme"].pk)
    english_programme.countries.add(country("DEU"))
    english_programme.contact_email = "programmes@example.org"
    english_programme.save_revision().publish()
    translate_now(english_programme, fr)

    (item,) = french_listing(client, "programmes.ProgrammePage")
    assert [c["code"] for c in item["countries"]] == ["COD", "DEU", "RWA"]
    assert item["countries"][1]["name"] == "Allemagne"
    assert item["contact"]["email"] == "programmes@example.org"
    assert item["title"] == "Les journalistes et l’EPU"


def test_a_training_video_round_trip_into_french(client, english, locales, translate_now):
    fr = locales["fr"]
    translate_now(english["index"], fr)
    translate_now(english["video_index"], fr)
    french_programme = translate_now(
        english["programme"], fr, {"Journalists and the UPR": "Les journalistes et l’EPU"}
    )

    french = translate_now(
        english["video"],
        fr,
        {
            "Writing a stakeholder report": "Rédiger un rapport des parties prenantes",
            "Welcome to this training.": "Bienvenue dans cette formation.",
        },
    )

    assert isinstance(french, TrainingVideoPage)
    assert french.video_url == english["video"].video_url
    assert french.programme == english["programme"]

    (item,) = french_listing(client, "programmes.TrainingVideoPage")
    assert item["title"] == "Rédiger un rapport des parties prenantes"
    assert item["transcript"] == "<p>Bienvenue dans cette formation.</p>"
    assert item["embed"]["embed_url"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    # The programme is given in the reader's language.
    assert item["programme"]["id"] == french_programme.pk
    assert item["programme"]["title"] == "Les journalistes et l’EPU"

    english_items = client.get(LISTING, {"locale": "en", "type": "programmes.TrainingVideoPage"}).json()
    assert [video["id"] for video in english_items["items"]] == [english["video"].pk]
