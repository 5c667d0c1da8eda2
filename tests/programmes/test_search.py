"""Programmes and videos in search: their text, and filters a front end or the admin combines with it."""

import pytest

from django.urls import reverse

from programmes.factories import ProgrammePageFactory, TrainingVideoPageFactory
from programmes.models import ProgrammePage, TrainingVideoPage

from .support import country

pytestmark = pytest.mark.django_db


@pytest.fixture
def programmes(programme_index, programme_kinds, upr_vocabularies, django_capture_on_commit_callbacks):
    # The search index is brought up to date when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        rwanda = ProgrammePageFactory(
            parent=programme_index,
            title="Press freedom in Rwanda",
            summary="Reporters in Kigali follow the recommendations on defamation.",
            kind=programme_kinds["in-country"],
            countries=[country("RWA")],
        )
        congo = ProgrammePageFactory(
            parent=programme_index,
            title="Lawyers for journalists",
            summary="Lawyers in Kinshasa defend reporters on trial.",
            kind=programme_kinds["legal-protection-of-journalists"],
            countries=[country("COD")],
        )
    return {"RWA": rwanda, "COD": congo}


def test_programmes_are_found_by_their_text_and_filtered_by_kind_and_state(
    programmes, locales, programme_kinds
):
    english = ProgrammePage.objects.live().filter(locale=locales["en"])

    assert list(english.search("Kigali")) == [programmes["RWA"]]
    assert list(english.filter(kind=programme_kinds["in-country"]).search("reporters")) == [programmes["RWA"]]
    assert list(english.filter(countries__iso3="COD").search("reporters")) == [programmes["COD"]]


def test_the_api_searches_programmes(client, programmes):
    response = client.get(
        reverse("wagtailapi:pages:listing"), {"type": "programmes.ProgrammePage", "search": "Kinshasa"}
    )
    assert response.status_code == 200, response.content
    assert [item["id"] for item in response.json()["items"]] == [programmes["COD"].pk]


def test_videos_are_found_by_their_transcript_and_filtered_by_language(
    video_index, locales, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        french = TrainingVideoPageFactory(
            parent=video_index, language="fr", transcript="<p>Comment rédiger un rapport alternatif.</p>"
        )
        TrainingVideoPageFactory(
            parent=video_index, language="en", transcript="<p>How to write a report.</p>"
        )

    videos = TrainingVideoPage.objects.live().filter(locale=locales["en"])
    assert list(videos.filter(language="fr").search("rapport")) == [french]
