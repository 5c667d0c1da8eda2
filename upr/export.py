"""CSV and XLSX exports of any filtered set of recommendations, streamed, with no row limit."""

import csv
import tempfile

from openpyxl import Workbook

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone

from upr.api_fields import serialize_recommendations

CHUNK = 2000
COLUMNS = [
    "id",
    "number",
    "text",
    "text_language",
    "state_under_review",
    "state_under_review_name",
    "recommending_states",
    "cycle",
    "session",
    "response",
    "response_as_published",
    "action_category",
    "themes",
    "sdgs",
    "affected_groups",
    "implementation_status",
    "source_symbol",
]


def _join(values):
    return "; ".join(str(value) for value in values)


def _row(item):
    state = item["state_under_review"] or {}
    return [
        item["id"],
        item["number"],
        item["text"],
        item["meta"]["text_language"],
        state.get("code", ""),
        state.get("name", ""),
        _join(country["code"] for country in item["recommending_states"]),
        item["cycle"],
        item["session"] or "",
        item["response"],
        item["response_as_published"],
        item["action_category"] or "",
        _join(theme["name"] for theme in item["themes"]),
        _join(goal["number"] for goal in item["sdgs"]),
        _join(group["name"] for group in item["affected_groups"]),
        item["implementation_status"] or "",
        item["source_symbol"],
    ]


def rows(queryset, labels, language, detail_url):
    """Every row of ``queryset``, read in chunks by primary key so that memory stays flat."""
    last_pk = 0
    queryset = queryset.order_by("pk")
    while chunk := list(queryset.filter(pk__gt=last_pk)[:CHUNK]):
        last_pk = chunk[-1].pk
        for item in serialize_recommendations(chunk, labels, language, detail_url):
            yield _row(item)


class _Echo:
    def write(self, value):
        return value


def _filename(extension):
    return f"recommendations-{timezone.now():%Y%m%d-%H%M}.{extension}"


def csv_response(queryset, labels, language, detail_url):
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow(COLUMNS)  # a BOM, so that spreadsheet programs read UTF-8
        for row in rows(queryset, labels, language, detail_url):
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    return response


def xlsx_response(queryset, labels, language, detail_url):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Recommendations")
    sheet.append(COLUMNS)
    for row in rows(queryset, labels, language, detail_url):
        sheet.append(row)
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the response
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=_filename("xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
