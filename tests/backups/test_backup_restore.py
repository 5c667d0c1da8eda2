"""A backup restored into an empty database and an empty bucket: every case opens, every file is the same."""

import hashlib
import io
import json
import subprocess
import sys
import uuid

import psycopg
import pytest

from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection

from legal_aid.factories import make_case
from legal_aid.models import LegalAidRequest
from legal_aid.services import read_attachment
from tests.support.files import png_bytes, shared_pdf
from tests.support.settings import REPO, clean_environment

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.s3]


@pytest.fixture
def empty_database(tmp_path):
    """The URL of a new, empty database on the same server as the test database (or a new SQLite file)."""
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    name = f"cms_restore_{uuid.uuid4().hex[:10]}"
    server = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/postgres"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{name}"
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_cms(database_url, seaweedfs, bucket, *arguments):
    """manage.py on production settings, against the restored database and bucket."""
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=REPO,
        env=clean_environment(
            DJANGO_SETTINGS_MODULE="cms.settings.production",
            SECRET_KEY=django_settings.SECRET_KEY,
            ALLOWED_HOSTS="127.0.0.1",
            LEGAL_AID_KEYS=",".join(django_settings.LEGAL_AID_KEYS),
            AUDIT_LOG_KEY=django_settings.AUDIT_LOG_KEY,
            DATABASE_URL=database_url,
            AWS_STORAGE_BUCKET_NAME=bucket,
            AWS_S3_ENDPOINT_URL=seaweedfs.endpoint_url,
            AWS_S3_REGION_NAME=seaweedfs.region,
            AWS_ACCESS_KEY_ID=seaweedfs.access_key,
            AWS_SECRET_ACCESS_KEY=seaweedfs.secret_key,
            AWS_S3_ADDRESSING_STYLE="path",
        ),
        capture_output=True,
        text=True,
        timeout=300,
    )


def bucket_contents(seaweedfs, bucket):
    client = seaweedfs.client()
    keys = [item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])]
    return {key: client.get_object(Bucket=bucket, Key=key)["Body"].read() for key in keys}


def test_a_backup_restores_into_an_empty_database_and_bucket_whole(
    request_form, s3_bucket, seaweedfs, empty_database, tmp_path
):
    for number in range(3):
        files = [
            ("summons.pdf", "application/pdf", shared_pdf()),
            (f"{number}.png", "image/png", png_bytes()),
        ]
        case, _secret = make_case(request_form, files=files[: number + 1])
        case.add_note(f"note {number}", None)
        case.save()
    originals = {
        case.reference: sorted(
            hashlib.sha256(read_attachment(attachment, None)[1]).hexdigest()
            for attachment in case.attachments.all()
        )
        for case in LegalAidRequest.objects.all()
    }

    out = io.StringIO()
    call_command("backup_cms", str(tmp_path / "backup"), stdout=out)
    assert "backup written" in out.getvalue()

    restored_bucket = f"cms-restore-{uuid.uuid4().hex[:8]}"
    seaweedfs.client().create_bucket(Bucket=restored_bucket)
    restored = run_cms(empty_database, seaweedfs, restored_bucket, "restore_cms", str(tmp_path / "backup"))
    assert restored.returncode == 0, restored.stderr
    check = run_cms(empty_database, seaweedfs, restored_bucket, "rotate_legal_aid_keys", "--check")
    assert check.returncode == 0, check.stderr
    state = run_cms(
        empty_database,
        seaweedfs,
        restored_bucket,
        "shell",
        "--no-imports",
        "-c",
        "from tests.faults.state import main; main()",
    )
    assert state.returncode == 0, state.stderr
    cases = {case["reference"]: case["files"] for case in json.loads(state.stdout)["cases"]}
    assert cases == originals and len(cases) == 3
    assert bucket_contents(seaweedfs, restored_bucket) == bucket_contents(seaweedfs, s3_bucket)

    again = run_cms(empty_database, seaweedfs, restored_bucket, "restore_cms", str(tmp_path / "backup"))
    assert again.returncode != 0 and "not empty" in again.stderr


def test_a_backup_missing_a_file_the_database_refers_to_fails_and_says_which(
    request_form, s3_bucket, seaweedfs, tmp_path
):
    from django.core.management.base import CommandError

    case, _secret = make_case(request_form, files=[("scan.png", "image/png", png_bytes())])
    lost = case.attachments.get().object_name
    seaweedfs.client().delete_object(Bucket=s3_bucket, Key=lost)
    with pytest.raises(CommandError, match=lost):
        call_command("backup_cms", str(tmp_path / "backup"), stdout=io.StringIO())
