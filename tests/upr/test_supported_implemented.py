"""The fourth response, "supported and considered already implemented": import, filter, facets, stats.

Slovenia's 2025 responses (A/HRC/59/15/Add.1, g2505828.pdf) file recommendation
140.11 under "Accepted recommendations that Slovenia considers already
implemented"; the OHCHR matrix of that review prints its position as
"Supported". The rows imported here are the matrix's own rows (its CSV) with the
position written as matrices write this response.
"""

import csv
import io

import pypdfium2
import pytest

from django.urls import reverse

from tests.support.files import PDFS, SHARED_DATA
from upr.importers.ohchr import read_matrix
from upr.importers.service import import_recommendations
from upr.models import Recommendation, Response

pytestmark = pytest.mark.django_db

UPR48_CSV = SHARED_DATA / "ohchr-matrices" / "upr48-slovenia-thematic-list-of-recommendatio.csv"
ADDENDUM = PDFS / "g2505828.pdf"
LISTING = reverse("wagtailapi:recommendations:listing")
STATS = reverse("wagtailapi:recommendations:stats")


def matrix_rows(positions):
    """The real UPR48 matrix's header and the rows numbered in ``positions``, with those positions."""
    with UPR48_CSV.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        rows = [row for row in reader if row["recommendation_id"] in positions]
        columns = reader.fieldnames
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "position": positions[row["recommendation_id"]]})
    return out.getvalue().encode()


def addendum_text():
    pdf = pypdfium2.PdfDocument(ADDENDUM)
    try:
        return "\n".join(pdf[index].get_textpage().get_text_range() for index in range(len(pdf)))
    finally:
        pdf.close()


def test_the_addendum_files_the_row_as_already_implemented():
    text = " ".join(addendum_text().split())
    section = text.split("II. Accepted recommendations that Slovenia considers already implemented")[2]
    assert "140.11," in section.split("III. Noted recommendations")[0]


@pytest.mark.parametrize(
    "position",
    [
        "Supported/Already implemented",
        "Supported / already implemented",
        "Accepted and considered implemented",
        "Supported and considered already implemented",
        "already implemented",
    ],
)
def test_the_reader_maps_the_ways_matrices_write_it(position, upr_vocabularies):
    (row,) = read_matrix(io.BytesIO(matrix_rows({"140.11": position})), "upr48.csv")
    assert row.position == Response.SUPPORTED_IMPLEMENTED
    assert row.position_as_published == " ".join(position.split())


@pytest.fixture
def slovenia(upr_vocabularies, django_capture_on_commit_callbacks):
    """Two rows of the real UPR48 matrix: 140.11 already implemented, 140.7 supported."""
    content = matrix_rows({"140.11": "Supported/Already implemented", "140.7": "Supported"})
    with django_capture_on_commit_callbacks(execute=True):
        result = import_recommendations(io.BytesIO(content), filename="upr48.csv", state="SVN", session=48)
    assert (result.created, result.rejected) == (2, 0)
    return Recommendation.objects.originals().filter(state_under_review__iso3="SVN", session__number=48)


def test_an_import_of_the_row_yields_the_new_response(slovenia):
    implemented = slovenia.get(number="140.11")
    assert implemented.response == "supported_implemented"
    assert implemented.get_response_display() == "Supported and considered already implemented"
    assert implemented.response_as_published == "Supported/Already implemented"
    assert implemented.source_symbol == "A/HRC/59/15/Add.1"
    assert slovenia.get(number="140.7").response == "supported"


def test_the_api_filters_counts_and_labels_it(client, slovenia):
    data = client.get(LISTING, {"response": "supported_implemented"}).json()
    assert data["meta"]["total_count"] == 1
    assert [item["number"] for item in data["items"]] == ["140.11"]
    assert data["items"][0]["response"] == "supported_implemented"
    facet = {row["value"]: row for row in data["meta"]["facets"]["response"]}
    assert facet["supported_implemented"]["count"] == 1
    assert facet["supported_implemented"]["label"] == "Supported and considered already implemented"
    assert facet["supported"]["count"] == 1

    both = client.get(LISTING, {"response": "supported,supported_implemented"}).json()
    assert both["meta"]["total_count"] == 2

    stats = client.get(STATS, {"state": "SVN"}).json()
    assert {row["value"]: row["count"] for row in stats["response"]} == {
        "supported": 1,
        "supported_implemented": 1,
    }
