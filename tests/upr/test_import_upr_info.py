"""Importing the UPR Info database export: the real file, and deliberately broken copies of it."""

import csv
import io
from collections import Counter

import pytest

from django.core.management import CommandError, call_command
from django.db.models import Count

from tests.support.files import SHARED_DATA
from upr.filters import text_matches
from upr.importers.records import ImportFileError
from upr.importers.service import import_recommendations
from upr.importers.writer import ImportFailed
from upr.models import Recommendation, RecommendationImport

UPR_INFO = SHARED_DATA / "upr-info"
RWANDA = UPR_INFO / "rwanda.csv"
ALL = UPR_INFO / "recommendations-2008-2014.csv"

pytestmark = pytest.mark.django_db


def run_import(path_or_bytes, filename="recommendations.csv", **options):
    if isinstance(path_or_bytes, bytes):
        return import_recommendations(io.BytesIO(path_or_bytes), filename=filename, **options)
    with open(path_or_bytes, "rb") as file:
        return import_recommendations(file, filename=path_or_bytes.name, **options)


def rows_of(path):
    with open(path, newline="", encoding="utf-8") as file:
        return list(csv.reader(file))


def as_csv_bytes(rows, encoding="utf-8"):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def test_rwanda_rows_are_imported_with_their_vocabularies(upr_vocabularies):
    result = run_import(RWANDA)

    assert result.status == RecommendationImport.Status.SUCCEEDED
    assert (result.rows_read, result.created, result.rejected) == (125, 125, 0)
    recommendations = Recommendation.objects.originals()
    assert recommendations.count() == 125
    assert set(recommendations.values_list("state_under_review__iso3", flat=True)) == {"RWA"}
    assert set(recommendations.values_list("session__number", "cycle__number")) == {(10, 1)}
    assert dict(Counter(recommendations.values_list("response", flat=True))) == {"supported": 118, "noted": 7}
    assert set(recommendations.values_list("response_as_published", flat=True)) == {"Accepted", "Noted"}

    first = recommendations.get(
        text__startswith="Continue its commendable efforts in the area of good governance"
    )
    assert [state.iso3 for state in first.recommending_states.all()] == ["BWA"]
    assert first.action_category == 2
    assert [theme.name for theme in first.themes.all()] == ["Justice"]
    # Trailing spaces of the export are gone.
    assert not recommendations.filter(text__endswith=" ").exists()


def test_importing_the_same_file_again_changes_nothing(upr_vocabularies):
    run_import(RWANDA)
    before = list(Recommendation.objects.order_by("pk").values_list("pk", "text", "response", "updated_at"))

    again = run_import(RWANDA)

    assert (again.created, again.updated, again.unchanged) == (0, 0, 125)
    assert (
        list(Recommendation.objects.order_by("pk").values_list("pk", "text", "response", "updated_at"))
        == before
    )


def test_a_changed_response_updates_the_recommendation(upr_vocabularies):
    run_import(RWANDA)
    rows = rows_of(RWANDA)
    noted = next(index for index, row in enumerate(rows) if row[7] == "Noted")
    rows[noted][7] = "Accepted"
    rows[noted][9] = "Justice,Women's rights"

    result = run_import(as_csv_bytes(rows))

    assert (result.created, result.updated, result.unchanged) == (0, 1, 124)
    changed = Recommendation.objects.get(text=" ".join(rows[noted][3].split()))
    assert changed.response == "supported"
    assert sorted(theme.name for theme in changed.themes.all()) == ["Justice", "Women's rights"]
    assert Recommendation.objects.count() == 125


def test_a_dry_run_reports_without_writing(upr_vocabularies):
    result = run_import(RWANDA, dry_run=True)

    assert result.status == RecommendationImport.Status.DRY_RUN
    assert result.created == 125
    assert not Recommendation.objects.exists()
    assert RecommendationImport.objects.get().status == RecommendationImport.Status.DRY_RUN


def test_one_bad_row_rejects_the_whole_file_and_says_where(upr_vocabularies):
    rows = rows_of(RWANDA)
    rows[5][0] = "Ruanda-Urundi"
    rows[9][8] = "seven"
    rows[12][10] = "99"

    with pytest.raises(ImportFailed) as failure:
        run_import(as_csv_bytes(rows))

    record = failure.value.record
    assert record.status == RecommendationImport.Status.FAILED
    assert record.rejections == [
        {"line": 6, "reason": "unknown state under review “Ruanda-Urundi”"},
        {"line": 10, "reason": "action category “seven” is not a number from 1 to 5"},
        {"line": 13, "reason": "unknown session “99”"},
    ]
    assert "3 row(s) were rejected, so nothing was imported" in record.error
    assert not Recommendation.objects.exists()
    assert RecommendationImport.objects.get().pk == record.pk


def test_the_aliases_are_named_only_when_a_state_was_unknown(upr_vocabularies):
    rows = rows_of(RWANDA)
    rows[12][10] = "99"

    with pytest.raises(ImportFailed) as failure:
        run_import(as_csv_bytes(rows))

    error = failure.value.record.error
    assert "--skip-invalid" in error
    assert "State aliases" not in error


def test_skip_invalid_imports_the_valid_rows_and_lists_the_others(upr_vocabularies):
    rows = rows_of(RWANDA)
    rows[5][4] = "Atlantis"

    result = run_import(as_csv_bytes(rows), skip_invalid=True)

    assert result.status == RecommendationImport.Status.SUCCEEDED
    assert (result.created, result.rejected) == (124, 1)
    assert result.rejections == [{"line": 6, "reason": "unknown recommending state “Atlantis”"}]
    assert Recommendation.objects.count() == 124


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (
            b"To,Text,From,Response\nRwanda,x,Chad,Accepted\n",
            "the column(s) Action, Issue, Session are missing",
        ),
    ],
    ids=["empty", "missing columns"],
)
def test_a_file_that_is_not_an_export_gets_a_clear_error(upr_vocabularies, content, message):
    with pytest.raises(ImportFailed) as failure:
        run_import(content, file_format="upr_info")
    assert message in failure.value.record.error
    assert not Recommendation.objects.exists()


def test_a_file_of_another_kind_is_refused(upr_vocabularies):
    with pytest.raises(ImportFileError, match="neither a .csv nor a .docx"):
        run_import(b"%PDF-1.4", filename="report.pdf")


def test_the_original_mac_roman_encoding_is_refused_with_the_line(upr_vocabularies):
    rows = rows_of(ALL)
    accented = [rows[0], *[row for row in rows[1:] if any(ord(c) > 127 for c in "".join(row))][:3]]
    content = as_csv_bytes(accented, encoding="mac_roman")

    with pytest.raises(ImportFailed) as failure:
        run_import(content)

    assert "Line 2 is not valid UTF-8" in failure.value.record.error
    assert "Save the file as UTF-8" in failure.value.record.error
    assert not Recommendation.objects.exists()


def test_a_truncated_file_is_refused_and_nothing_is_imported(upr_vocabularies):
    content = RWANDA.read_bytes()
    cut = content[: len(content) // 2]
    cut = cut[: cut.rindex(b",")]  # the last line stops in the middle of a row

    with pytest.raises(ImportFailed) as failure:
        run_import(cut)

    (rejection,) = failure.value.record.rejections
    assert "fields where the header has 11" in rejection["reason"]
    assert not Recommendation.objects.exists()


def test_a_file_cut_inside_quotes_is_refused(upr_vocabularies):
    content = RWANDA.read_bytes()
    cut = content[: content.index(b'"Continue its commendable') + 30]

    with pytest.raises(ImportFailed) as failure:
        run_import(cut)

    assert "the CSV is malformed" in failure.value.record.error
    assert not Recommendation.objects.exists()


def test_the_whole_upr_info_export(upr_vocabularies, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = run_import(ALL)

    assert result.status == RecommendationImport.Status.SUCCEEDED
    assert (result.rows_read, result.created, result.rejected) == (41066, 41066, 0)
    # Nine rows of session 1 do not say who made the recommendation.
    assert len(result.warnings) == 9
    recommendations = Recommendation.objects.originals()
    assert recommendations.count() == 41066
    assert dict(Counter(recommendations.values_list("response", flat=True))) == {
        "supported": 30472,
        "noted": 10594,
    }
    assert dict(Counter(recommendations.values_list("action_category", flat=True))) == {
        1: 603,
        2: 6981,
        3: 3449,
        4: 16261,
        5: 13772,
    }
    assert recommendations.values("state_under_review").distinct().count() == 193
    assert recommendations.values("session").distinct().count() == 20
    assert recommendations.filter(recommending_states__isnull=True).count() == 9
    multi = recommendations.annotate(n=Count("themes")).filter(n__gt=1).count()
    assert multi == 20979
    assert recommendations.filter(text__contains="lèse-majesté", state_under_review__iso3="THA").exists()

    # The search entries (the one index recommendations are found in) were written after the commit.
    hits = Recommendation.objects.filter(pk__in=text_matches("journalists"), state_under_review__iso3="RWA")
    assert hits.exists()


def test_the_command_prints_the_report_and_fails_loudly(upr_vocabularies, tmp_path):
    out = io.StringIO()
    call_command("import_recommendations", str(RWANDA), "--no-progress", stdout=out)
    assert "Succeeded: 125 rows read, 125 created" in out.getvalue()

    broken = tmp_path / "broken.csv"
    rows = rows_of(RWANDA)
    rows[3][0] = "Narnia"
    broken.write_bytes(as_csv_bytes(rows))
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 row\\(s\\) were rejected"):
        call_command("import_recommendations", str(broken), "--no-progress", stdout=out)
    assert "line 4: rejected: unknown state under review “Narnia”" in out.getvalue()

    with pytest.raises(CommandError, match="No such file"):
        call_command("import_recommendations", str(tmp_path / "missing.csv"))


def planner_rows(table):
    """The number of rows the database's planner believes the table has, from its statistics."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
            return int(cursor.fetchone()[0])
        cursor.execute(
            "SELECT stat FROM sqlite_stat1 WHERE tbl = %s AND idx IS NULL OR tbl = %s", [table, table]
        )
        row = cursor.fetchone()
        return int(row[0].split()[0]) if row else -1


def test_the_planner_knows_the_imported_rows_when_the_import_returns(
    upr_vocabularies, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run_import(RWANDA)
    assert planner_rows("upr_recommendation") >= 125
    assert planner_rows("search_searchentry") >= 125
