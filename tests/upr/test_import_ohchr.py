"""Importing OHCHR matrices into the database: the real .docx and CSV files, and broken ones."""

import io
from collections import Counter

import pytest

from django.core.management import call_command

from tests.support.files import SHARED_DATA
from upr.importers.records import ImportFileError
from upr.importers.service import import_recommendations
from upr.importers.writer import ImportFailed
from upr.models import AffectedGroup, Recommendation, RecommendationImport, Theme

MATRICES = SHARED_DATA / "ohchr-matrices"
EGYPT = MATRICES / "EgyptMatriceRecommendations.docx"
UPR34_CSV = MATRICES / "UPR34_Slovenia_Thematic_list_of_Recommendations.csv"
UPR48 = MATRICES / "upr48-slovenia-thematic-list-of-recommendatio.docx"

pytestmark = pytest.mark.django_db


def run_import(path, **options):
    with open(path, "rb") as file:
        return import_recommendations(file, filename=path.name, **options)


def test_the_egypt_matrix_with_its_partly_supported_recommendations(upr_vocabularies):
    result = run_import(EGYPT, state="Egypt", session=20)

    assert result.source == RecommendationImport.Source.OHCHR_MATRIX
    assert (result.rows_read, result.created, result.rejected) == (300, 300, 0)
    recommendations = Recommendation.objects.originals().filter(state_under_review__iso3="EGY")
    assert dict(Counter(recommendations.values_list("response", flat=True))) == {
        "supported": 224,
        "noted": 53,
        "supported_in_part": 23,
    }
    assert set(recommendations.values_list("session__number", "cycle__number")) == {(20, 2)}
    rome = recommendations.get(number="166.6")
    assert rome.text == "Ratify the Rome Statute of the ICC"
    assert sorted(rome.recommending_states.values_list("iso3", flat=True)) == [
        "CHL",
        "EST",
        "SVN",
        "TUN",
        "URY",
    ]
    assert list(rome.themes.values_list("name", "source")) == [("Acceptance of international norms", "ohchr")]
    assert rome.source_symbol == "A/HRC/28/16/Add.1"
    assert rome.response_as_published == "Noted"


def test_a_slovenia_matrix_from_its_csv_with_sdgs_and_groups(upr_vocabularies):
    result = run_import(UPR34_CSV, state="SVN", session=34)

    assert (result.created, result.rejected) == (215, 0)
    recommendations = Recommendation.objects.originals().filter(session__number=34)
    assert recommendations.count() == 215
    first = recommendations.get(number="121.1")
    assert sorted(first.recommending_states.values_list("iso3", flat=True)) == ["FRA", "LTU"]
    assert list(first.sdgs.values_list("number", flat=True)) == [16]
    assert list(first.affected_groups.values_list("name", flat=True)) == ["Disappeared persons"]
    ilo = recommendations.get(number="121.3")
    assert list(ilo.recommending_states.values_list("iso3", flat=True)) == ["GBR"]
    assert "(No. 29)" in ilo.text
    # Each theme is linked once: the ones the vocabulary lacked are added as OHCHR themes.
    themes = Theme.objects.filter(pk__in=recommendations.values("themes"))
    assert themes.count() == 62
    assert (
        themes.filter(source=Theme.Source.OHCHR).count()
        == Theme.objects.filter(source=Theme.Source.OHCHR).count()
    )
    assert set(themes.exclude(source=Theme.Source.OHCHR).values_list("source", flat=True)) <= {"upr_info"}
    assert AffectedGroup.objects.filter(locale__language_code="en").count() >= 26


def test_the_docx_and_the_csv_of_one_matrix_are_the_same_recommendations(upr_vocabularies):
    stem = "UPR34_Slovenia_Thematic_list_of_Recommendations"
    run_import(MATRICES / f"{stem}.docx", state="SVN", session=34)
    before = list(Recommendation.objects.order_by("pk").values_list("pk", "text", "response", "updated_at"))

    again = run_import(MATRICES / f"{stem}.csv", state="SVN", session=34)

    assert (again.created, again.updated, again.unchanged) == (0, 0, 215)
    after = list(Recommendation.objects.order_by("pk").values_list("pk", "text", "response", "updated_at"))
    assert after == before


def test_a_dry_run_adds_no_theme_and_no_recommendation(upr_vocabularies):
    themes = Theme.objects.count()

    result = run_import(UPR48, state="SVN", session=48, dry_run=True)

    assert (result.status, result.created) == (RecommendationImport.Status.DRY_RUN, 254)
    assert not Recommendation.objects.exists()
    assert Theme.objects.count() == themes


def test_an_unknown_state_rejects_the_file_with_the_table_row(upr_vocabularies):
    data = EGYPT.read_bytes()
    import docx

    document = docx.Document(io.BytesIO(data))
    cell = document.tables[0].rows[2].cells[1]
    cell.text = "Atlantis"
    buffer = io.BytesIO()
    document.save(buffer)
    themes = Theme.objects.count()

    with pytest.raises(ImportFailed) as failure:
        import_recommendations(io.BytesIO(buffer.getvalue()), filename="egypt.docx", state="EGY", session=20)

    assert failure.value.record.rejections == [{"line": 3, "reason": "unknown recommending state “Atlantis”"}]
    assert not Recommendation.objects.exists()
    assert Theme.objects.count() == themes


def test_a_state_misspelt_in_the_middle_of_a_recommendation_is_reported_not_dropped(upr_vocabularies):
    """ "…Enforced Disappearance (Ukrai ne); Increase efforts…": the misspelt state ends a sentence
    of the text, not the text itself; it is reported with the state it most likely is."""
    import docx

    path = MATRICES / "UPR34_Slovenia_Thematic_list_of_Recommendations.docx"
    document = docx.Document(str(path))
    cell = document.tables[0].rows[3].cells[0]
    assert "(Ukraine); Increase" in cell.text
    cell.text = cell.text.replace("(Ukraine)", "(Ukrai ne)")
    buffer = io.BytesIO()
    document.save(buffer)

    with pytest.raises(ImportFailed) as failure:
        import_recommendations(io.BytesIO(buffer.getvalue()), filename=path.name, state="SVN", session=34)

    record = failure.value.record
    assert record.rejections == [
        {"line": 4, "reason": "unknown recommending state “Ukrai ne” (did you mean Ukraine?)"}
    ]
    assert "--skip-invalid" in record.error
    assert "State aliases" in record.error
    assert not Recommendation.objects.exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"session": 20}, "give the state under review"),
        ({"state": "EGY"}, "give the session"),
        ({"state": "Atlantis", "session": 20}, "Unknown state under review “Atlantis”"),
        ({"state": "EGY", "session": 99}, "Unknown session “99”"),
    ],
)
def test_a_matrix_needs_its_state_and_session(upr_vocabularies, options, message):
    with pytest.raises(ImportFileError, match=message):
        run_import(EGYPT, **options)
    assert not Recommendation.objects.exists()


def test_a_docx_that_is_not_a_matrix_fails_cleanly(upr_vocabularies):
    with pytest.raises(ImportFailed) as failure:
        import_recommendations(io.BytesIO(b"%PDF-1.7"), filename="report.docx", state="EGY", session=20)

    assert "not a Word document" in failure.value.record.error
    assert failure.value.record.status == RecommendationImport.Status.FAILED


def test_the_command_imports_a_matrix(upr_vocabularies, capsys):
    call_command("import_recommendations", str(UPR48), "--state", "Slovenia", "--session", "48")

    assert Recommendation.objects.originals().filter(session__number=48).count() == 254
    assert "254" in capsys.readouterr().out
