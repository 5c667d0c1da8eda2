"""The search entries in the backend's index: written in bulk, as Wagtail itself would write them,
and the one index the recommendations are found in, by the search and the listing alike."""

import datetime

import pytest

from django.db import connection
from django.urls import reverse

from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from locales.translation import translate
from publications.factories import NewsIndexPageFactory, NewsPageFactory
from search import entries
from search.indexing import index_entries
from search.models import SearchEntry
from upr.models import Recommendation

pytestmark = pytest.mark.django_db

LISTING = reverse("wagtailapi:recommendations:listing")
SEARCH = reverse("wagtailapi:search:listing")


@pytest.fixture
def rwanda(rwanda_recommendations):
    return rwanda_recommendations.filter(state_code="RWA")


def index_rows():
    return {
        row[0]: row[1:]
        for row in IndexEntry.objects.filter(content_type__model="searchentry")
        .order_by("object_id")
        .values_list("object_id", "title", "autocomplete", "body", "title_text", "body_text")
    }


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the bulk path is PostgreSQL's (elsewhere add_bulk)"
)
def test_the_bulk_index_writes_what_wagtail_would_write(
    home_pages, rwanda, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        news = NewsPageFactory(
            parent=NewsIndexPageFactory(parent=home_pages["en"]),
            title="Journalists arrested in Kigali",
            summary="  Our lawyers assist the reporters.  ",
            date=datetime.date(2025, 6, 2),
        )
        news.save_revision().publish()
    pks = list(SearchEntry.objects.values_list("pk", flat=True))
    assert len(pks) > rwanda.count()  # the recommendations and the page

    index_entries(pks)
    ours = index_rows()
    IndexEntry.objects.filter(content_type__model="searchentry").delete()
    get_search_backend().add_bulk(SearchEntry, list(SearchEntry.objects.all()))
    wagtails = index_rows()

    assert set(ours) == {str(pk) for pk in pks}
    assert ours == wagtails


def test_an_import_is_searchable_in_every_way_once_it_commits(
    client, rwanda, django_capture_on_commit_callbacks
):
    journalists = {r.pk for r in rwanda if "journalist" in r.text.lower()}
    assert journalists

    listing = client.get(LISTING, {"q": "journalists", "limit": 100, "facets": "none"}).json()
    found = client.get(SEARCH, {"q": "journalists", "type": "recommendation"}).json()

    assert {item["id"] for item in listing["items"]} == journalists
    assert listing["meta"]["total_count"] == found["meta"]["total_count"] == len(journalists)
    # By the state's name and by the paragraph number, as before the one index.
    assert (
        client.get(LISTING, {"q": "Rwanda", "facets": "none"}).json()["meta"]["total_count"] == rwanda.count()
    )
    numbered = rwanda.first()
    Recommendation.objects.filter(pk=numbered.pk).update(number="89.112")
    with django_capture_on_commit_callbacks(execute=True):
        entries.update_recommendations(Recommendation.objects.filter(pk=numbered.pk))
    numbered.refresh_from_db()
    by_number = client.get(LISTING, {"q": numbered.number, "facets": "none", "limit": 100}).json()
    assert numbered.pk in {item["id"] for item in by_number["items"]}
    # Recommendations are in Wagtail's index once only: as search entries.
    assert not IndexEntry.objects.filter(content_type__model="recommendation").exists()


def test_a_translation_is_found_by_its_words_once_its_entry_follows(
    client, rwanda, django_capture_on_commit_callbacks
):
    original = rwanda.get(text__startswith="Continue its efforts towards the protection and promotion")
    assert (
        client.get(LISTING, {"q": "Gukomeza imbaraga", "facets": "none"}).json()["meta"]["total_count"] == 0
    )

    with django_capture_on_commit_callbacks(execute=True):
        translate(
            original,
            Locale.objects.get(language_code="rw"),
            {original.text: "Gukomeza imbaraga zayo mu kurengera no guteza imbere uburenganzira bwa muntu"},
        )

    data = client.get(LISTING, {"q": "Gukomeza imbaraga", "facets": "none"}).json()
    assert [item["id"] for item in data["items"]] == [original.pk]


def test_a_text_query_follows_the_entries_not_only_the_recommendations(
    client, rwanda, django_capture_on_commit_callbacks
):
    """The listing's answers to a text query are kept under the search entries' version too: an answer
    computed between a change and its entry's update is not kept past that update."""
    recommendation = rwanda.exclude(text__icontains="zebra").first()
    params = {"q": "zebra", "facets": "none"}
    assert client.get(LISTING, params).json()["meta"]["total_count"] == 0

    Recommendation.objects.filter(pk=recommendation.pk).update(
        text=recommendation.text + " Protect the zebra."
    )
    # The entry follows (what the task queued on save does), and its version moves.
    with django_capture_on_commit_callbacks(execute=True):
        entries.update_recommendations(Recommendation.objects.filter(pk=recommendation.pk))

    assert client.get(LISTING, params).json()["meta"]["total_count"] == 1
