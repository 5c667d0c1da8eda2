"""Key rotation goes through everything, reports without stopping, resumes, and --check proves it (real S3)."""

import io
from unittest import mock

import pytest
from cryptography.fernet import Fernet

from django.core.management import call_command
from django.core.management.base import CommandError

from legal_aid.factories import make_case
from legal_aid.models import AuditEntry, LegalAidRequest
from tests.support.files import png_bytes

from .test_storage import bucket_objects

pytestmark = [pytest.mark.django_db, pytest.mark.s3]


def rotate(*arguments):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("rotate_legal_aid_keys", *arguments, stdout=out, stderr=err)
    except CommandError as error:
        return False, out.getvalue() + err.getvalue() + str(error)
    return True, out.getvalue()


def test_rotation_reports_what_it_cannot_re_encrypt_goes_on_and_resumes(
    request_form, s3_bucket, seaweedfs, settings
):
    from storages.backends.s3 import S3Storage

    cases = [
        make_case(request_form, files=[(f"scan-{n}.png", "image/png", png_bytes())])[0] for n in range(4)
    ]
    cases[0].add_note("A note", None)
    cases[0].save()
    lost = cases[1].attachments.get().object_name
    seaweedfs.client().delete_object(Bucket=s3_bucket, Key=lost)  # an object lost before the rotation
    unreachable = cases[2].attachments.get().object_name
    old_key = settings.LEGAL_AID_KEYS[0]
    new_key = Fernet.generate_key().decode()
    settings.LEGAL_AID_KEYS = [new_key, old_key]
    real_open = S3Storage._open

    def flaky_open(storage, name, mode="rb"):
        if name == unreachable:
            raise ConnectionError("S3 timed out")
        return real_open(storage, name, mode)

    with mock.patch.object(S3Storage, "_open", flaky_open):
        done, output = rotate()

    assert not done
    assert lost in output and unreachable in output and "Do not remove the old key" in output
    (entry,) = AuditEntry.objects.filter(action="rotate")
    assert "2 problems" in entry.detail and "4 cases" in entry.detail
    done, output = rotate("--check")
    assert not done and lost in output and unreachable in output

    # Run again: only what was left is done; the lost object is still reported.
    done, output = rotate()
    assert (
        not done and "1 attachments re-encrypted" in output and lost in output and unreachable not in output
    )
    assert AuditEntry.objects.filter(action="rotate").count() == 2

    # The case whose file was lost is dealt with (here: deleted); then --check passes.
    LegalAidRequest.objects.filter(pk=cases[1].pk).delete()
    assert rotate("--check") == (True, "every case and attachment opens with the newest key\n")
    settings.LEGAL_AID_KEYS = [new_key]  # only now may the old key go
    for case in LegalAidRequest.objects.all():
        assert case.get_data()["consent"] is True
        assert case.attachments.get().get_metadata()["name"].startswith("scan-")
    assert LegalAidRequest.objects.get(pk=cases[0].pk).get_notes()[0]["text"] == "A note"
    assert len(bucket_objects(seaweedfs, s3_bucket)) == 3  # the old copies went


def test_a_second_rotation_changes_nothing(request_form, s3_bucket, seaweedfs, settings):
    make_case(request_form, files=[("scan.png", "image/png", png_bytes())])
    settings.LEGAL_AID_KEYS = [Fernet.generate_key().decode(), settings.LEGAL_AID_KEYS[0]]
    assert rotate()[0]
    objects = bucket_objects(seaweedfs, s3_bucket)
    done, output = rotate()
    assert done and "0 cases and 0 attachments re-encrypted, 2 already with the newest key" in output
    assert bucket_objects(seaweedfs, s3_bucket) == objects


def test_check_fails_until_the_rotation_ran(request_form, s3_bucket, settings):
    make_case(request_form, files=[("scan.png", "image/png", png_bytes())])
    settings.LEGAL_AID_KEYS = [Fernet.generate_key().decode(), settings.LEGAL_AID_KEYS[0]]
    done, output = rotate("--check")
    assert not done and "answers not readable with the newest key" in output
    assert "keep the old key" in output
