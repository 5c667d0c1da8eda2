"""/api/v2/search/: one ranked list of every kind of public item, filtered, counted by facets,
with excerpts and the page of a PDF where a report matches."""

import datetime

import pytest

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from locales.translation import translate
from programmes.factories import TrainingVideoIndexPageFactory, TrainingVideoPageFactory
from publications.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PublicationFileFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    ReportDocumentFactory,
)
from search.models import SearchEntry
from tests.support.files import SHARED_DATA, shared_pdf
from upr.importers.service import import_recommendations
from upr.models import Country, Session, Theme

pytestmark = pytest.mark.django_db

URL = reverse("wagtailapi:search:listing")


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def corpus(home_pages, locales, upr_vocabularies, django_capture_on_commit_callbacks):
    """Pages of each kind in English and French, a report with its PDF, Rwanda's 2011 recommendations."""
    home = home_pages["en"]
    rwanda = Country.objects.get(iso3="RWA", locale=locales["en"])
    press = Theme.objects.filter(locale=locales["en"], name__icontains="freedom of opinion").first()
    with django_capture_on_commit_callbacks(execute=True):
        shelf = PublicationIndexPageFactory(parent=home)
        report = PublicationPageFactory(
            parent=shelf,
            title="Rwanda: report of the Working Group, 2011",
            summary="The outcome of Rwanda's first review.",
            publication_date=datetime.date(2011, 3, 14),
            session=Session.objects.get(number=10),
        )
        report.countries.set([rwanda])
        document = ReportDocumentFactory(
            title="A/HRC/17/4", file=ContentFile(shared_pdf("rwanda2011.pdf"), name="rwanda2011.pdf")
        )
        PublicationFileFactory(page=report, document=document, language="en")
        publish(report)
        newsroom = NewsIndexPageFactory(parent=home)
        arrested = NewsPageFactory(
            parent=newsroom,
            title="Two journalists arrested in Kigali",
            summary="Our lawyers are assisting the reporters.",
            date=datetime.date(2025, 6, 2),
        )
        if press:
            arrested.themes.set([press])
        arrested.countries.set([rwanda])
        publish(arrested)
        publish(
            NewsPageFactory(
                parent=newsroom,
                title="Newsletter season",
                summary="Nothing about the press here.",
                date=datetime.date(2024, 1, 9),
            )
        )
        draft = NewsPageFactory(parent=newsroom, title="Journalists draft statement", live=False)
        draft.save_revision()
        private = publish(NewsPageFactory(parent=newsroom, title="Journalists internal briefing"))
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        events = EventIndexPageFactory(parent=home)
        publish(EventPageFactory(parent=events, title="Workshop for journalists on the UPR", country=rwanda))
        videos = TrainingVideoIndexPageFactory(parent=home)
        publish(TrainingVideoPageFactory(parent=videos, title="How journalists can follow the UPR"))
        french_news = translate(newsroom, locales["fr"])
        translate(
            arrested,
            locales["fr"],
            {
                "Two journalists arrested in Kigali": "Deux journalistes arrêtés à Kigali",
                "Our lawyers are assisting the reporters.": "Nos avocats assistent les reporters. La liberté de la presse est menacée.",
            },
        )
        with open(SHARED_DATA / "upr-info" / "rwanda.csv", "rb") as file:
            import_recommendations(file, filename="rwanda.csv")
    return {"report": report, "document": document, "arrested": arrested, "french_news": french_news}


def search(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(data):
    return [item["title"] for item in data["items"]]


def facet(data, name):
    return {row["value"]: row["count"] for row in data["meta"]["facets"][name]}


def test_one_list_of_every_kind_ranked_by_relevance(client, corpus):
    data = search(client, q="journalists")

    kinds = {item["type"] for item in data["items"]}
    assert {"news", "event", "video"} <= kinds
    assert data["meta"]["total_count"] == len(data["items"]) or data["meta"]["total_count"] > 20
    # The title says it: the news of the arrest comes before the report that mentions journalists.
    assert titles(data).index("Two journalists arrested in Kigali") < 5


def test_a_question_whose_words_are_not_all_in_one_item_finds_those_with_most_of_them(client, corpus):
    """All the words first; with few such items, those with some of the words follow, ranked below."""
    data = search(client, q="journalists arrested Kigali")
    assert data["meta"]["all_words_count"] == 1
    assert titles(data)[0] == "Two journalists arrested in Kigali"
    assert data["meta"]["total_count"] > 1
    assert {"Workshop for journalists on the UPR", "How journalists can follow the UPR"} <= set(titles(data))
    # The total and the facets count the same items.
    assert sum(facet(data, "type").values()) == data["meta"]["total_count"]
    # Paging runs across both parts without repeating one.
    first, second = (
        search(client, q="journalists arrested Kigali", limit=1),
        search(client, q="journalists arrested Kigali", limit=2, offset=1),
    )
    assert titles(first) + titles(second) == titles(data)[:3]

    nothing = search(client, q="journalists arrested workshop")
    assert nothing["meta"]["all_words_count"] == 0 and nothing["meta"]["total_count"] >= 2
    assert titles(nothing)[:2] != [] and "Newsletter season" not in titles(nothing)


def test_phrases_stay_strict_when_the_words_are_widened(client, corpus):
    data = search(client, q='"two journalists" workshop video')
    assert data["meta"]["total_count"] == 0
    strict = search(client, q='"journalists arrested" Kigali lawyers')
    assert titles(strict) == ["Two journalists arrested in Kigali"]


def test_one_word_is_never_widened(client, corpus):
    data = search(client, q="zebra")
    assert data["meta"]["total_count"] == data["meta"]["all_words_count"] == 0


def test_drafts_and_private_pages_never_appear(client, corpus):
    found = titles(search(client, q="journalists", limit=50))
    assert "Journalists draft statement" not in found
    assert "Journalists internal briefing" not in found
    assert not SearchEntry.objects.filter(title__startswith="Journalists draft").exists()


def test_a_report_is_found_by_the_text_of_its_pdf_with_the_page(client, corpus):
    data = search(client, q="Botswana", type="publication")

    assert titles(data) == ["Rwanda: report of the Working Group, 2011"]
    (document,) = data["items"][0]["documents"]
    assert document["title"] == "A/HRC/17/4"
    assert document["page"] in (11, 13, 14)
    assert "<mark>Botswana</mark>" in document["excerpt"]
    assert "<mark>Botswana</mark>" in data["items"][0]["excerpt"]
    # Every page where the word is, in order, each with its excerpt ("search inside this report").
    numbers = [page["page"] for page in document["pages"]]
    assert numbers == sorted(numbers) and document["page"] in numbers and len(numbers) >= 2
    assert all("<mark>Botswana</mark>" in page["excerpt"] for page in document["pages"])


def test_english_words_match_by_their_stem(client, corpus):
    # "arrests" and "arrested" share their stem; "assisting" finds "assisting".
    assert "Two journalists arrested in Kigali" in titles(search(client, q="arrests"))


def test_french_search_is_accent_and_case_insensitive_and_stemmed(client, corpus):
    for query in ("liberte de la presse", "LIBERTÉ", "journaliste arrete", "libertés"):
        data = search(client, q=query, locale="fr")
        assert titles(data)[:1] == ["Deux journalistes arrêtés à Kigali"], query
    # English pages are not in the French list.
    assert "Two journalists arrested in Kigali" not in titles(search(client, q="journalists", locale="fr"))


def test_a_page_is_found_in_its_language_through_the_words_of_its_translation(
    client, corpus, django_capture_on_commit_callbacks
):
    # "menacée" is only in the French version of the news item: an English reader finds the English one.
    data = search(client, q="menacée", locale="en")
    assert titles(data) == ["Two journalists arrested in Kigali"]
    assert data["meta"]["total_count"] == 1 and data["meta"]["all_words_count"] == 0
    assert facet(data, "type") == {"news": 1}
    assert titles(search(client, q="menacée", locale="fr")) == ["Deux journalistes arrêtés à Kigali"]
    french = corpus["arrested"].get_translation(corpus["french_news"].locale)
    with django_capture_on_commit_callbacks(execute=True):
        french.unpublish()
    assert titles(search(client, q="menacée", locale="en")) == []


def test_the_excerpt_marks_the_matching_words(client, corpus):
    data = search(client, q="liberte presse", locale="fr", type="news")
    excerpt = data["items"][0]["excerpt"]
    assert "<mark>liberté</mark>" in excerpt and "<mark>presse</mark>" in excerpt


def test_recommendations_are_found_in_every_locale_with_their_data(client, corpus):
    for locale in ("en", "fr", "rw"):
        data = search(client, q="torture", type="recommendation", locale=locale)
        assert data["meta"]["total_count"] >= 1
        item = data["items"][0]
        assert item["recommendation"]["state_under_review"]["code"] == "RWA"
        assert "<mark>" in item["excerpt"]


def test_filters_and_facets(client, corpus):
    data = search(client, q="Rwanda", limit=50)
    kinds = facet(data, "type")
    assert kinds["recommendation"] >= 1 and kinds["publication"] == 1
    assert facet(data, "country")["RWA"] >= kinds["publication"] + kinds["recommendation"]
    assert {row["value"]: row["label"] for row in data["meta"]["facets"]["country"]}["RWA"] == "Rwanda"

    noted = search(client, q="Rwanda", type="recommendation", response="noted", limit=50)
    assert noted["meta"]["total_count"] == 7
    assert all(item["recommendation"]["response"] == "noted" for item in noted["items"])
    # A chosen facet still counts its other values, so the reader can switch.
    responses = facet(noted, "response")
    assert responses["noted"] == 7 and responses["supported"] == 118
    assert facet(noted, "type") == {"recommendation": 7}
    selected = [row for row in noted["meta"]["facets"]["response"] if row["selected"]]
    assert [row["value"] for row in selected] == ["noted"]

    by_year = search(client, q="journalists", year=2025)
    assert titles(by_year) == ["Two journalists arrested in Kigali"]
    by_session = search(client, session=10, type="publication")
    assert titles(by_session) == ["Rwanda: report of the Working Group, 2011"]


def test_labels_of_facets_are_in_the_readers_language(client, corpus):
    data = search(client, q="Rwanda", locale="fr", type="recommendation")
    types = {row["value"]: row["label"] for row in data["meta"]["facets"]["type"]}
    assert types["recommendation"] == "Recommandation de l’EPU"
    languages = {row["value"]: row["label"] for row in data["meta"]["facets"]["language"]}
    assert languages["en"].lower() == "anglais"


def test_ordering_by_date_and_paging(client, corpus):
    newest = search(client, q="journalists", order="-date", type="news,publication", limit=50)
    dates = [item["date"] for item in newest["items"]]
    assert dates == sorted(dates, reverse=True)
    first = search(client, q="Rwanda", limit=5)
    second = search(client, q="Rwanda", limit=5, offset=5)
    assert first["meta"]["total_count"] == second["meta"]["total_count"] > 10
    assert not {i["title"] for i in first["items"]} & {i["title"] for i in second["items"]}


def test_without_a_query_the_newest_come_first(client, corpus):
    data = search(client, type="news")
    assert titles(data)[:2] == ["Two journalists arrested in Kigali", "Newsletter season"]


def test_unpublished_moved_under_a_private_page_or_deleted_items_leave(
    client, corpus, django_capture_on_commit_callbacks
):
    arrested = corpus["arrested"]
    with django_capture_on_commit_callbacks(execute=True):
        arrested.unpublish()
    assert "Two journalists arrested in Kigali" not in titles(search(client, q="arrested"))
    with django_capture_on_commit_callbacks(execute=True):
        publish(arrested)
    assert "Two journalists arrested in Kigali" in titles(search(client, q="arrested"))

    home = corpus["report"].get_parent().get_parent()
    with django_capture_on_commit_callbacks(execute=True):
        vault = publish(NewsIndexPageFactory(parent=home, title="Archive", slug="archive"))
        PageViewRestriction.objects.create(page=vault, restriction_type="login")
        arrested.move(vault, pos="last-child")
    assert "Two journalists arrested in Kigali" not in titles(search(client, q="arrested"))

    report = corpus["report"]
    with django_capture_on_commit_callbacks(execute=True):
        report.delete()
    assert search(client, q="Botswana")["meta"]["total_count"] == 0


def test_a_report_in_a_private_collection_is_not_found_by_its_text(
    client, corpus, django_capture_on_commit_callbacks
):
    document = corpus["document"]
    private = Collection.get_first_root_node().add_child(name="Internal")
    with django_capture_on_commit_callbacks(execute=True):
        document.collection = private
        document.save()
        CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    assert search(client, q="Botswana")["meta"]["total_count"] == 0
    # Its page stays, found by its own words.
    assert titles(search(client, q="Working Group", type="publication"))


def test_the_rebuild_command_finds_the_same(client, corpus, django_capture_on_commit_callbacks):
    before = search(client, q="journalists", limit=50)
    with django_capture_on_commit_callbacks(execute=True):
        SearchEntry.objects.all().delete()
    assert search(client, q="journalists")["meta"]["total_count"] == 0

    with django_capture_on_commit_callbacks(execute=True):
        call_command("rebuild_search", "--no-progress", verbosity=0)

    after = search(client, q="journalists", limit=50)
    assert titles(after) == titles(before)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"type": "snippet"}, "type: “snippet” is not one of"),
        ({"year": "last"}, "year: give whole numbers"),
        ({"order": "random"}, "order: give one of"),
        ({"limit": "500"}, "limit: at most 50"),
        ({"offset": "-1"}, "offset: give a number of 0 or more"),
        ({"sort": "date"}, "query parameter is not recognised: sort"),
        ({"locale": "de"}, "locale: “de” is not one of"),
    ],
)
def test_bad_requests_are_explained(client, corpus, params, message):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert message in response.json()["message"]
