"""Accents and case never stand between a reader and a text, on every backend and in every search."""

import csv
import io

import pytest

from django.urls import reverse

from tests.support.files import SHARED_DATA
from upr.importers.service import import_recommendations

pytestmark = pytest.mark.django_db


@pytest.fixture
def thailand(upr_vocabularies, django_capture_on_commit_callbacks):
    """Thailand's real recommendations of 2011, several about its lèse-majesté law."""
    with open(
        SHARED_DATA / "upr-info" / "recommendations-2008-2014.csv", encoding="utf-8", newline=""
    ) as file:
        reader = csv.DictReader(file)
        rows = [row for row in reader if row["To"] == "Thailand"]
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=reader.fieldnames)
        writer.writeheader()
        writer.writerows(rows)
    with django_capture_on_commit_callbacks(execute=True):
        import_recommendations(io.BytesIO(out.getvalue().encode()), filename="thailand.csv")
    return sum("lèse-majesté" in row["Text"] or "lèse- majesté" in row["Text"] for row in rows)


def count(client, endpoint, **params):
    response = client.get(reverse(f"wagtailapi:{endpoint}:listing"), params)
    assert response.status_code == 200, response.content
    return response.json()["meta"]["total_count"]


@pytest.mark.parametrize("query", ["lese-majeste", "LÈSE-MAJESTÉ", "lèse majesté", "Lese Majeste"])
def test_recommendations_are_found_without_their_accents(client, thailand, query):
    assert thailand >= 6
    assert count(client, "recommendations", q=query) == thailand
    assert count(client, "search", q=query, type="recommendation") == thailand
