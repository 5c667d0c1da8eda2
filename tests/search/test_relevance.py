"""Relevance, judged on real data: for questions a reader of the site asks, the items that answer
them (told from the data itself, not from the search) rank in the first five."""

import csv
import io

import pytest

from django.core.files.base import ContentFile
from django.urls import reverse

from publications.factories import (
    PublicationFileFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    ReportDocumentFactory,
)
from tests.support.files import SHARED_DATA
from upr.importers.service import import_recommendations
from upr.models import Recommendation

pytestmark = pytest.mark.django_db

URL = reverse("wagtailapi:search:listing")
STATES = ("Rwanda", "Burundi", "Slovenia", "Kenya", "France")
# (locale, title, PDF)
REPORTS = [
    ("en", "Report of the Working Group: Rwanda (A/HRC/17/4)", SHARED_DATA / "pdfs" / "rwanda2011.pdf"),
    ("en", "National report: Slovenia (A/HRC/WG.6/48/SVN/1)", SHARED_DATA / "pdfs" / "g2420070.pdf"),
    ("en", "Universal Declaration of Human Rights", SHARED_DATA / "udhr" / "udhr-en.pdf"),
    ("fr", "Déclaration universelle des droits de l’homme", SHARED_DATA / "udhr" / "udhr-fr.pdf"),
    ("rw", "Itangazo mpuzamahanga ry’uburenganzira bwa muntu", SHARED_DATA / "udhr" / "udhr-rw.pdf"),
]


@pytest.fixture
def library(home_pages, upr_vocabularies, django_capture_on_commit_callbacks):
    """The UPR Info recommendations to five states (1,057 real rows) and five real reports in three languages."""
    source = SHARED_DATA / "upr-info" / "recommendations-2008-2014.csv"
    with open(source, encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        rows = [row for row in reader if row["To"] in STATES]
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=reader.fieldnames)
        writer.writeheader()
        writer.writerows(rows)
    with django_capture_on_commit_callbacks(execute=True):
        import_recommendations(io.BytesIO(out.getvalue().encode()), filename="five-states.csv")
        shelves = {code: PublicationIndexPageFactory(parent=home_pages[code]) for code in ("en", "fr", "rw")}
        for code, title, pdf in REPORTS:
            shelf = shelves[code]
            page = PublicationPageFactory(parent=shelf, title=title, summary=title)
            document = ReportDocumentFactory(
                title=pdf.name, file=ContentFile(pdf.read_bytes(), name=pdf.name)
            )
            PublicationFileFactory(page=page, document=document, language=code)
            page.save_revision().publish()
    return rows


def top_five(client, **params):
    response = client.get(URL, {**params, "limit": 5})
    assert response.status_code == 200, response.content
    return response.json()["items"]


def recommendation_ids(state, *phrases):
    """The recommendations to ``state`` whose text has every one of ``phrases``: the right answers."""
    found = Recommendation.objects.originals().filter(state_under_review__name=state)
    for phrase in phrases:
        found = found.filter(text__icontains=phrase)
    return set(found.values_list("pk", flat=True))


RECOMMENDATION_QUESTIONS = [
    # (query, extra parameters, state, phrases the answers contain)
    ("gacaca", {"country": "RWA"}, "Rwanda", ["gacaca"]),
    ("Roma education", {"country": "SVN"}, "Slovenia", ["Roma", "educat"]),
    ("female genital mutilation Kenya", {}, "Kenya", ["genital mutilation"]),
    ("death penalty", {"country": "KEN"}, "Kenya", ["death penalty"]),
    ("journalists", {"country": "RWA", "type": "recommendation"}, "Rwanda", ["journalist"]),
    ("torture Burundi", {"type": "recommendation"}, "Burundi", ["torture"]),
    ('"freedom of expression"', {"country": "RWA"}, "Rwanda", ["freedom of expression"]),
]
REPORT_QUESTIONS = [
    # (query, locale, the report that answers)
    ("Botswana", "en", REPORTS[0][1]),
    ("national report Slovenia Roma", "en", REPORTS[1][1]),
    ('"born free and equal in dignity and rights"', "en", REPORTS[2][1]),
    ('"égaux en dignité et en droits"', "fr", REPORTS[3][1]),
    ("liberte d'opinion et d'expression", "fr", REPORTS[3][1]),
    ("uburenganzira bwa muntu", "rw", REPORTS[4][1]),
]


def test_the_answers_rank_in_the_first_five(client, library, subtests):
    for query, params, state, phrases in RECOMMENDATION_QUESTIONS:
        with subtests.test(query=query):
            answers = recommendation_ids(state, *phrases)
            assert answers, "the data has answers to this question"
            found = [
                item["recommendation"]["id"]
                for item in top_five(client, q=query, **params)
                if "recommendation" in item
            ]
            assert found, query
            # Every one of the first five answers the question (there are at least as many answers).
            expected = min(5, len(answers))
            assert len(set(found) & answers) >= expected, (query, found)
    for query, locale, title in REPORT_QUESTIONS:
        with subtests.test(query=query):
            titles = [item["title"] for item in top_five(client, q=query, locale=locale)]
            assert title in titles, (query, titles)
