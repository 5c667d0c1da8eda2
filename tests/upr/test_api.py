"""The recommendations API: filters, facets, ordering, paging, detail, locales, statistics, export."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from django.urls import reverse

from wagtail.models import Locale

from api import versions
from locales.translation import translate
from upr.models import Assessment, Country, ImplementationPlan

pytestmark = pytest.mark.django_db

LISTING = reverse("wagtailapi:recommendations:listing")
STATS = reverse("wagtailapi:recommendations:stats")


@pytest.fixture
def rwanda(rwanda_recommendations):
    return rwanda_recommendations


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def facet(data, name):
    return {row["value"]: row["count"] for row in data["meta"]["facets"][name]}


def test_listing_pages_and_counts(client, rwanda):
    data = get(client, LISTING, limit=10)
    assert data["meta"]["total_count"] == 125
    assert len(data["items"]) == 10
    item = data["items"][0]
    assert item["state_under_review"] == {"code": "RWA", "name": "Rwanda"}
    assert item["cycle"] == 1 and item["session"] == 10
    assert item["response"] in {"supported", "noted"}
    assert item["meta"]["detail_url"].endswith(f"/api/v2/recommendations/{item['id']}/")

    second = get(client, LISTING, limit=10, offset=10)
    assert not {i["id"] for i in data["items"]} & {i["id"] for i in second["items"]}


def test_filters_combine_and_facets_count_the_alternatives(client, rwanda):
    data = get(client, LISTING, response="noted")
    assert data["meta"]["total_count"] == 7
    assert {item["response"] for item in data["items"]} == {"noted"}
    # The response facet ignores its own filter, so the reader sees both answers.
    assert facet(data, "response") == {"supported": 118, "noted": 7}
    assert sum(facet(data, "theme").values()) >= 7

    france = get(client, LISTING, recommending_state="FRA")
    assert france["meta"]["total_count"] == sum(
        1 for r in rwanda if r.recommending_states.filter(iso3="FRA").exists()
    )
    assert all("FRA" in [state["code"] for state in item["recommending_states"]] for item in france["items"])
    combined = get(client, LISTING, recommending_state="FRA", response="noted", theme="death-penalty")
    assert combined["meta"]["total_count"] <= france["meta"]["total_count"]


def test_every_filter_is_validated(client, rwanda):
    for params, message in [
        ({"response": "accepted"}, "response: “accepted” is not one of"),
        ({"cycle": "two"}, "cycle: “two” is not a whole number"),
        ({"sdg": "18"}, "sdg: “18” is not one of"),
        ({"colour": "red"}, "not an operation or a recognised filter: colour"),
        ({"order": "text"}, "order: “text” is not one of"),
        ({"locale": "de"}, "locale: “de” is not one of"),
        ({"facets": "planets"}, "facets: unknown facet(s) planets"),
        ({"limit": "1000"}, "limit: at most 100"),
    ]:
        response = client.get(LISTING, params)
        assert response.status_code == 400, params
        assert message in response.json()["message"], (params, response.json())


def test_text_query(client, rwanda):
    data = get(client, LISTING, q="journalists")
    assert data["meta"]["total_count"] > 0
    assert all("journalist" in item["text"].lower() for item in data["items"])


def test_translation_is_served_in_its_locale(client, rwanda, django_capture_on_commit_callbacks):
    original = rwanda.get(text__startswith="Continue its efforts towards the protection and promotion")
    with django_capture_on_commit_callbacks(execute=True):
        translate(
            original,
            Locale.objects.get(language_code="rw"),
            {original.text: "Gukomeza imbaraga zayo mu kurengera no guteza imbere uburenganzira bwa muntu"},
        )

    english = get(client, reverse("wagtailapi:recommendations:detail", args=[original.pk]))
    kinyarwanda = get(client, reverse("wagtailapi:recommendations:detail", args=[original.pk]), locale="rw")
    assert english["text"] == original.text
    assert kinyarwanda["text"].startswith("Gukomeza imbaraga")
    assert kinyarwanda["meta"]["text_language"] == "rw"
    assert kinyarwanda["translations"] == ["en", "rw"]
    # Labels follow the locale; untranslated ones fall back to English.
    assert (
        kinyarwanda["state_under_review"]["name"]
        == Country.objects.get(iso3="RWA", locale__language_code="rw").name
    )
    french = get(client, reverse("wagtailapi:recommendations:detail", args=[original.pk]), locale="fr")
    assert french["text"] == original.text
    assert french["meta"]["text_language"] == "en"
    # A translation never counts twice.
    assert get(client, LISTING, locale="rw")["meta"]["total_count"] == 125


def test_detail_has_assessments_and_plans(client, rwanda):
    recommendation = rwanda.filter(response="supported").first()
    Assessment.objects.create(
        recommendation=recommendation,
        status="not_implemented",
        assessed_on=datetime.date(2013, 6, 1),
        assessed_by="Coalition of Rwandan CSOs",
    )
    Assessment.objects.create(
        recommendation=recommendation,
        status="partially_implemented",
        assessed_on=datetime.date(2018, 6, 1),
        assessed_by="Coalition of Rwandan CSOs",
    )
    ImplementationPlan.objects.create(
        recommendation=recommendation,
        locale=recommendation.locale,
        goal="Journalists work without fear of arrest",
        action_strategy=[
            {"type": "action", "value": {"activity": "Train judges on media law", "timeframe": "2026"}}
        ],
    )

    data = get(client, reverse("wagtailapi:recommendations:detail", args=[recommendation.pk]))

    assert [a["status"] for a in data["assessments"]] == ["partially_implemented", "not_implemented"]
    assert data["implementation_status"] == "partially_implemented"
    (plan,) = data["implementation_plans"]
    assert plan["goal"] == "Journalists work without fear of arrest"
    assert plan["action_strategy"][0]["activity"] == "Train judges on media law"

    filtered = get(client, LISTING, implementation_status="partially_implemented")
    assert [item["id"] for item in filtered["items"]] == [recommendation.pk]
    assert facet(filtered, "implementation_status") == {"not_assessed": 124, "partially_implemented": 1}


def test_stats(client, rwanda):
    data = get(client, STATS)
    assert data["total_count"] == 125
    assert {row["value"]: row["count"] for row in data["response"]} == {"supported": 118, "noted": 7}
    assert data["response"][0]["share"] == round(118 / 125, 4)
    assert {row["value"] for row in data["cycle"]} == {1}
    assert data["implementation"]["assessed"] == 0

    noted = get(client, STATS, response="noted")
    assert noted["total_count"] == 7


def test_export_csv_and_xlsx_of_a_filtered_set(client, rwanda):
    response = client.get(reverse("wagtailapi:recommendations:export", args=["csv"]), {"response": "noted"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 7
    assert {row["response"] for row in rows} == {"noted"}
    assert {row["state_under_review"] for row in rows} == {"RWA"}

    response = client.get(reverse("wagtailapi:recommendations:export", args=["xlsx"]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    sheet_rows = list(workbook.active.iter_rows(values_only=True))
    assert sheet_rows[0][:3] == ("id", "number", "text")
    assert len(sheet_rows) == 126


def test_vocabularies(client, upr_vocabularies):
    countries = get(client, reverse("wagtailapi:countries:listing"))["items"]
    assert len(countries) == 195
    rwanda = next(country for country in countries if country["code"] == "RWA")
    assert rwanda["regional_group"]["value"] == "AFRICA"
    assert "EAC" in rwanda["memberships"]
    french = get(client, reverse("wagtailapi:countries:listing"), locale="fr")["items"]
    assert next(c for c in french if c["code"] == "CIV")["name"].startswith("Côte")

    sessions = get(client, reverse("wagtailapi:sessions:listing"))["items"]
    assert {k: next(s for s in sessions if s["number"] == 48)[k] for k in ("number", "cycle")} == {
        "number": 48,
        "cycle": 4,
    }
    sdgs = get(client, reverse("wagtailapi:sdgs:listing"), locale="fr")["items"]
    assert sdgs[15] == {"number": 16, "title": "Paix, justice et institutions efficaces"}
    themes = get(client, reverse("wagtailapi:themes:listing"))["items"]
    assert len(themes) == 54


def test_cached_counts_follow_every_change_of_the_data(client, rwanda, django_capture_on_commit_callbacks):
    """Facets and statistics are cached, and never served stale after a change."""
    before = get(client, LISTING, limit=1)
    stats_before = get(client, STATS)
    assert facet(before, "implementation_status") == {"not_assessed": 125}

    # An assessment recorded by staff (the counts move on when it commits).
    recommendation = rwanda.order_by("pk").first()
    with django_capture_on_commit_callbacks(execute=True):
        Assessment.objects.create(
            recommendation=recommendation,
            status="fully_implemented",
            assessed_on=datetime.date(2014, 6, 1),
            assessed_by="Rwanda Civil Society Platform",
        )
    after = get(client, LISTING, limit=1)
    assert facet(after, "implementation_status") == {"not_assessed": 124, "fully_implemented": 1}
    assert get(client, STATS)["implementation"]["partially_or_fully_implemented"] == 1
    assert stats_before["implementation"]["partially_or_fully_implemented"] == 0

    # A response changed in the admin.
    supported = rwanda.filter(response="supported").order_by("pk").first()
    supported.response = "noted"
    with django_capture_on_commit_callbacks(execute=True):
        supported.save()
    assert facet(get(client, LISTING, limit=1), "response") == {"supported": 117, "noted": 8}
    assert facet(before, "response") == {"supported": 118, "noted": 7}


@pytest.mark.parametrize("versions_in_cache", [True, False], ids=["shared cache", "database"])
def test_after_an_import_the_whole_database_is_counted_before_anyone_asks(
    client, rwanda, django_assert_num_queries, settings, versions_in_cache
):
    # The content versions come from the shared cache (Redis), or else one query of the database.
    settings.API_VERSIONS_IN_CACHE = versions_in_cache
    versions.current(versions.NAMES)  # what any earlier request leaves in a shared cache
    versions_query = 0 if versions_in_cache else 1
    # The import's background task (run at commit here) counted everything in every language:
    # the first visitor's statistics and facets come from the cache.
    with django_assert_num_queries(versions_query):
        stats = get(client, STATS, locale="fr")
    assert stats["total_count"] == 125
    # Only the page itself: its rows and their four link tables (one query); no count, and no
    # translation to read when the rows are in the reader's language.
    with django_assert_num_queries(2 + versions_query):
        listing = get(client, LISTING, limit=1)
    assert facet(listing, "response") == {"supported": 118, "noted": 7}


def test_a_vocabulary_takes_limit_and_offset_as_every_listing(client, upr_vocabularies):
    address = reverse("wagtailapi:sessions:listing")
    every = get(client, address)
    window = get(client, address + "?limit=2&offset=1")
    assert window["meta"]["total_count"] == every["meta"]["total_count"] > 3
    assert window["items"] == every["items"][1:3]
    assert client.get(address, {"limit": "-1"}).status_code == 400
    assert client.get(address, {"limit": "1000"}).status_code == 400
