"""An import uploaded in the admin runs as a background task: the upload is stored privately and
queued, its page follows it (queued, running with growing counts, done) and shows its report; the
stored file is gone at the end, whatever happened."""

import csv
import re

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from tests.support.files import SHARED_DATA
from tests.support.worker import start_worker, stop_worker, wait_for
from upr.models import Recommendation, RecommendationImport
from users.factories import UserFactory

UPR_INFO = SHARED_DATA / "upr-info"
RWANDA = UPR_INFO / "rwanda.csv"
ALL = UPR_INFO / "recommendations-2008-2014.csv"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def post_upload(client, content, name="rwanda.csv", **fields):
    return client.post(
        reverse("upr_import"), {"file": SimpleUploadedFile(name, content, content_type="text/csv"), **fields}
    )


def uploads_left(media):
    folder = media / "upr-imports"
    return (
        sorted(path.relative_to(folder) for path in folder.rglob("*") if path.is_file())
        if folder.exists()
        else []
    )


@pytest.mark.django_db
def test_an_upload_is_queued_imported_and_its_page_shows_the_report(admin_client, upr_vocabularies, media):
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = post_upload(admin_client, RWANDA.read_bytes())

    record = RecommendationImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("upr_import_progress", args=[record.pk])
    page = admin_client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert "rwanda.csv" in html
    assert "Succeeded" in html
    assert "125 rows read: 125 created, 0 updated, 0 unchanged, 0 rejected." in html
    assert 'http-equiv="refresh"' not in html  # finished: it stops reloading
    assert Recommendation.objects.filter(imported_by=record).count() == 125
    assert record.status == RecommendationImport.Status.SUCCEEDED
    assert record.stored_file == ""
    assert record.file_size == RWANDA.stat().st_size
    assert uploads_left(media) == []
    # The list of imports leads to it.
    listing = admin_client.get("/admin/snippets/upr/recommendationimport/").content.decode()
    assert f'href="{response["Location"]}"' in listing


@pytest.mark.django_db
def test_a_dry_run_goes_the_same_way_and_changes_nothing(admin_client, upr_vocabularies, media):
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = post_upload(admin_client, RWANDA.read_bytes(), dry_run="on")

    html = admin_client.get(response["Location"]).content.decode()
    assert "Dry run: nothing was changed" in html
    assert "125 rows read: 125 created" in html
    assert not Recommendation.objects.exists()
    assert uploads_left(media) == []


@pytest.mark.django_db
def test_a_rejected_row_fails_the_import_with_its_line_and_reason(admin_client, upr_vocabularies, media):
    content = RWANDA.read_bytes().replace(b"Rwanda,Africa", b"Rwandaa,Africa", 1)

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = post_upload(admin_client, content)

    html = admin_client.get(response["Location"]).content.decode()
    assert "Failed: nothing was changed" in html
    assert "<td>2</td><td>unknown state under review “Rwandaa” (did you mean Rwanda?)</td>" in html
    assert "nothing was imported" in html
    assert "--skip-invalid" in html
    assert "State aliases" in html
    assert not Recommendation.objects.exists()
    record = RecommendationImport.objects.get()
    assert (record.status, record.rejected, record.stored_file) == ("failed", 1, "")
    assert uploads_left(media) == []


@pytest.mark.django_db
def test_a_file_that_breaks_in_the_worker_ends_as_a_failed_import(admin_client, upr_vocabularies, media):
    # Its header passes the check of the upload; the reader refuses the file further on.
    content = RWANDA.read_bytes()[:2000] + b'\n"an unterminated'

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = post_upload(admin_client, content)

    assert response.status_code == 302
    html = admin_client.get(response["Location"]).content.decode()
    assert "Failed: nothing was changed" in html
    assert not Recommendation.objects.exists()
    assert uploads_left(media) == []


@pytest.mark.django_db
def test_a_wrong_file_is_refused_at_the_upload_and_nothing_is_queued(admin_client, upr_vocabularies, media):
    response = post_upload(admin_client, b"%PDF-1.4", name="report.pdf")
    assert response.status_code == 400
    assert "is neither a .csv nor a .docx file" in response.content.decode()
    assert not RecommendationImport.objects.exists()
    assert uploads_left(media) == []


@pytest.mark.django_db
def test_the_page_of_an_unknown_import_is_not_found(admin_client):
    assert admin_client.get(reverse("upr_import_progress", args=[999999])).status_code == 404


@pytest.mark.django_db
def test_staff_without_the_permission_reach_neither_page(client, admin_client, upr_vocabularies, media):
    with TestCase.captureOnCommitCallbacks(execute=True):
        progress_url = post_upload(admin_client, RWANDA.read_bytes())["Location"]
    editor = UserFactory()
    editor.groups.add(Group.objects.get_or_create(name="Editors")[0])
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    for response in (client.get(reverse("upr_import")), client.get(progress_url)):
        # Wagtail sends a user who lacks a permission back to the dashboard.
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert post_upload(client, RWANDA.read_bytes()).status_code == 302
    assert RecommendationImport.objects.count() == 1
    client.logout()
    assert client.get(progress_url).status_code == 302  # to the login page


# With a real worker ---------------------------------------------------------------

ROWS = 12000


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {
        "default": {**settings.TASKS["default"], "BACKEND": "background.backends.DatabaseBackend"}
    }


def slice_of_the_export(path, rows):
    with (
        open(ALL, newline="", encoding="utf-8") as source,
        open(path, "w", newline="", encoding="utf-8") as out,
    ):
        writer = csv.writer(out, lineterminator="\n")
        for index, row in enumerate(csv.reader(source)):
            if index > rows:
                break
            writer.writerow(row)
    return path


STATE = re.compile(r"<h2>([^<]+)</h2>")
SO_FAR = re.compile(r"(?:So far )?(\d+) rows read")


def state_of(client, url):
    html = client.get(url).content.decode()
    return STATE.search(html).group(1), int(SO_FAR.search(html).group(1)), html


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_a_worker_the_page_follows_the_import_from_queued_to_done(
    admin_client, upr_vocabularies, database_queue, media, tmp_path
):
    export = slice_of_the_export(tmp_path / "slice.csv", ROWS)
    response = admin_client.post(
        reverse("upr_import"), {"file": SimpleUploadedFile("slice.csv", export.read_bytes(), "text/csv")}
    )
    url = response["Location"]
    assert state_of(admin_client, url)[:2] == ("Queued", 0)
    assert 'http-equiv="refresh" content="2"' in state_of(admin_client, url)[2]
    assert len(uploads_left(media)) == 1

    seen = []
    log = (tmp_path / "worker.log").open("wb")
    worker = start_worker(log=log, MEDIA_ROOT=str(media))
    try:

        def finished():
            state, rows, html = state_of(admin_client, url)
            seen.append((state, rows, "% of the file read" in html))
            return state not in ("Queued", "Running")

        wait_for(finished, timeout=300, interval=0.2, message="the import finished")
    finally:
        stop_worker(worker)
        log.close()

    running = [rows for state, rows, _percent in seen if state == "Running"]
    # Seen while it ran, part of the way through, and never going back (how many steps are seen
    # depends on the database's speed: the progress is written at most once a second).
    assert any(0 < rows < ROWS for rows in running), (seen, (tmp_path / "worker.log").read_text())
    assert running == sorted(running)
    assert any(percent for state, _rows, percent in seen if state == "Running")
    assert seen[-1][:2] == ("Succeeded", ROWS)
    html = admin_client.get(url).content.decode()
    assert f"{ROWS} rows read: {ROWS} created, 0 updated, 0 unchanged, 0 rejected." in html
    assert Recommendation.objects.count() == ROWS
    assert uploads_left(media) == []
