"""Requests and their files in S3 (a real SeaweedFS server): encrypted, never half-saved, deleted by retention."""

import datetime
import io
from unittest import mock

import pytest
import requests
from botocore.config import Config

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone

from legal_aid import crypto
from legal_aid.factories import make_case
from legal_aid.models import AuditEntry, CaseEvent, LegalAidAttachment, LegalAidRequest
from tests.support.files import png_bytes, shared_pdf
from tests.support.seaweedfs import SeaweedFSProcess

from .helpers import SECRET_WORDS, VALID, form_url

pytestmark = [pytest.mark.django_db, pytest.mark.s3]


def bucket_objects(seaweedfs, bucket):
    listing = seaweedfs.client().list_objects_v2(Bucket=bucket)
    return {
        item["Key"]: seaweedfs.client().get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
        for item in listing.get("Contents", [])
    }


def multipart(client, page, *files):
    return client.post(form_url(page), {**VALID, "consent": "true", "attachments": list(files)})


def files():
    return [
        SimpleUploadedFile("Amina-summons.pdf", shared_pdf(), "application/pdf"),
        SimpleUploadedFile("Amina-injury.png", png_bytes(), "image/png"),
    ]


def nothing_kept(seaweedfs, s3_bucket):
    assert not LegalAidRequest.objects.exists()
    assert not LegalAidAttachment.objects.exists()
    assert not CaseEvent.objects.exists()
    assert bucket_objects(seaweedfs, s3_bucket) == {}


def test_the_raw_objects_in_the_bucket_hold_no_plaintext(client, request_form, s3_bucket, seaweedfs):
    pdf, png = shared_pdf(), png_bytes()
    response = multipart(
        client,
        request_form,
        SimpleUploadedFile("Amina-summons.pdf", pdf, "application/pdf"),
        SimpleUploadedFile("Amina-injury.png", png, "image/png"),
    )
    assert response.status_code == 201, response.content

    objects = bucket_objects(seaweedfs, s3_bucket)
    assert len(objects) == 2
    for key, raw in objects.items():
        assert key.startswith("legal-aid/") and "Amina" not in key
        assert raw.startswith(b"gAAAAA")  # a Fernet token, not the file
        assert pdf[:64] not in raw and png[:32] not in raw and pdf[-64:] not in raw
        for word in SECRET_WORDS:
            assert word.encode() not in raw
    assert sorted(crypto.decrypt_bytes(raw) for raw in objects.values()) == sorted([pdf, png])
    # Private: an unsigned request for the object is refused.
    key = next(iter(objects))
    assert requests.get(f"{seaweedfs.endpoint_url}/{s3_bucket}/{key}", timeout=10).status_code == 403


def test_an_unreachable_storage_keeps_nothing_and_says_try_again(client, request_form, settings, seaweedfs):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            # A server that is down: nothing listens on this port.
            "OPTIONS": {
                **seaweedfs.storage_options("cms-stopped"),
                "endpoint_url": "http://127.0.0.1:9",
                "client_config": Config(retries={"max_attempts": 1}, connect_timeout=2),
            },
        },
    }
    response = multipart(client, request_form, *files())

    assert response.status_code == 503
    body = response.json()
    assert body["code"] == "storage_unavailable" and "try again" in body["message"]
    assert not LegalAidRequest.objects.exists() and not LegalAidAttachment.objects.exists()


def test_the_s3_server_stopped_during_a_submission_leaves_no_request(client, request_form, settings):
    """A server of its own, killed once the first file is written: the request is refused, no row is kept."""
    from storages.backends.s3 import S3Storage

    process = SeaweedFSProcess()
    server = process.start()
    try:
        server.client().create_bucket(Bucket="cms-stopping")
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    **server.storage_options("cms-stopping"),
                    "client_config": Config(
                        retries={"max_attempts": 1},
                        connect_timeout=2,
                        signature_version="s3v4",
                        s3={"addressing_style": "path"},
                    ),
                },
            },
        }
        real_save = S3Storage._save

        def save_then_stop_the_server(storage, name, content):
            saved = real_save(storage, name, content)
            process.stop()
            return saved

        with mock.patch.object(S3Storage, "_save", save_then_stop_the_server):
            response = multipart(client, request_form, *files())
    finally:
        process.stop()

    assert response.status_code == 503
    assert response.json()["code"] == "storage_unavailable"
    assert not LegalAidRequest.objects.exists()
    assert not LegalAidAttachment.objects.exists()


def test_storage_failing_in_the_middle_of_a_submission_leaves_nothing_half_saved(
    client, request_form, s3_bucket, seaweedfs
):
    from storages.backends.s3 import S3Storage

    real_save = S3Storage._save
    calls = []

    def second_write_fails(storage, name, content):
        calls.append(name)
        if len(calls) == 2:
            raise ConnectionError("the S3 server went away")
        return real_save(storage, name, content)

    with mock.patch.object(S3Storage, "_save", second_write_fails):
        response = multipart(client, request_form, *files())

    assert response.status_code == 503
    assert len(calls) == 2
    nothing_kept(seaweedfs, s3_bucket)


def test_a_database_error_removes_the_objects_already_written(client, request_form, s3_bucket, seaweedfs):
    with mock.patch.object(
        LegalAidAttachment.objects, "bulk_create", side_effect=OperationalError("database down")
    ):
        response = multipart(client, request_form, *files())
    assert response.status_code == 503
    assert "try again" in response.json()["message"]
    nothing_kept(seaweedfs, s3_bucket)


def test_an_unexpected_error_after_the_files_were_written_removes_them(
    client, request_form, s3_bucket, seaweedfs
):
    with (
        mock.patch.object(LegalAidAttachment.objects, "bulk_create", side_effect=RuntimeError("a bug")),
        pytest.raises(RuntimeError),
    ):
        multipart(client, request_form, *files())
    nothing_kept(seaweedfs, s3_bucket)


def test_retention_deletes_old_closed_cases_with_their_objects(request_form, s3_bucket, seaweedfs, settings):
    settings.LEGAL_AID_RETENTION_DAYS = 30
    old, _secret = make_case(request_form, files=[("old.png", "image/png", png_bytes())])
    recent, _secret = make_case(request_form, files=[("recent.png", "image/png", png_bytes())])
    open_case, _secret = make_case(request_form, files=[("open.png", "image/png", png_bytes())])
    long_ago = timezone.now() - datetime.timedelta(days=31)
    LegalAidRequest.objects.filter(pk=old.pk).update(status="closed", closed_at=long_ago, created_at=long_ago)
    LegalAidRequest.objects.filter(pk=recent.pk).update(status="closed", closed_at=timezone.now())
    LegalAidRequest.objects.filter(pk=open_case.pk).update(created_at=long_ago)
    old_object = old.attachments.get().object_name
    assert len(bucket_objects(seaweedfs, s3_bucket)) == 3

    call_command("purge_legal_aid_requests", "--dry-run", stdout=io.StringIO())
    assert LegalAidRequest.objects.count() == 3
    assert len(bucket_objects(seaweedfs, s3_bucket)) == 3

    call_command("purge_legal_aid_requests", stdout=io.StringIO())

    assert set(LegalAidRequest.objects.values_list("pk", flat=True)) == {recent.pk, open_case.pk}
    remaining = bucket_objects(seaweedfs, s3_bucket)
    assert old_object not in remaining and len(remaining) == 2
    assert AuditEntry.objects.filter(action="purge", reference=old.reference).exists()


def test_key_rotation_re_encrypts_rows_and_objects(request_form, s3_bucket, seaweedfs, settings):
    from cryptography.fernet import Fernet

    old_key = settings.LEGAL_AID_KEYS[0]
    case, _secret = make_case(request_form, files=[("scan.png", "image/png", png_bytes())])
    case.add_note("A first note", None)
    case.save()
    new_key = Fernet.generate_key().decode()
    settings.LEGAL_AID_KEYS = [new_key, old_key]

    call_command("rotate_legal_aid_keys", stdout=io.StringIO())

    settings.LEGAL_AID_KEYS = [new_key]  # the old key is gone: everything still reads
    case = LegalAidRequest.objects.get(pk=case.pk)
    assert case.get_data()["media_outlet"] == "Umuseke"
    assert case.get_notes()[0]["text"] == "A first note"
    attachment = case.attachments.get()
    assert attachment.get_metadata()["name"] == "scan.png"
    (raw,) = bucket_objects(seaweedfs, s3_bucket).values()
    assert crypto.decrypt_bytes(raw) == png_bytes()


def test_retention_keeps_a_case_whose_files_cannot_be_deleted(request_form, s3_bucket, seaweedfs):
    from storages.backends.s3 import S3Storage

    from django.core.management.base import CommandError

    case, _secret = make_case(request_form, files=[("old.png", "image/png", png_bytes())])
    long_ago = timezone.now() - datetime.timedelta(days=400)
    LegalAidRequest.objects.filter(pk=case.pk).update(status="closed", closed_at=long_ago)

    with (
        mock.patch.object(S3Storage, "delete", side_effect=ConnectionError("S3 is down")),
        pytest.raises(CommandError, match=case.reference),
    ):
        call_command("purge_legal_aid_requests", stdout=io.StringIO(), stderr=io.StringIO())
    assert LegalAidRequest.objects.filter(pk=case.pk).exists()
    assert len(bucket_objects(seaweedfs, s3_bucket)) == 1

    call_command("purge_legal_aid_requests", stdout=io.StringIO())
    assert not LegalAidRequest.objects.exists()
    assert bucket_objects(seaweedfs, s3_bucket) == {}
