"""The sweeper deletes objects no case refers to (after a grace period); purge covers every closed case."""

import datetime
import io

import pytest

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

from legal_aid import crypto
from legal_aid.factories import make_case
from legal_aid.models import LegalAidRequest
from legal_aid.tasks import sweep_orphaned_objects
from tests.support.files import png_bytes

from .test_storage import bucket_objects

pytestmark = [pytest.mark.django_db, pytest.mark.s3]


def test_orphaned_objects_go_after_the_grace_period_and_nothing_else(request_form, s3_bucket, seaweedfs):
    case, _secret = make_case(request_form, files=[("scan.png", "image/png", png_bytes())])
    kept = case.attachments.get().object_name
    # What a submission interrupted between its files and its rows leaves behind.
    orphan = default_storage.save("legal-aid/" + "a" * 40, ContentFile(crypto.encrypt_bytes(b"left behind")))
    unrelated = default_storage.save("documents/report.pdf", ContentFile(b"%PDF-1.4"))

    out = io.StringIO()
    call_command("sweep_legal_aid_objects", stdout=out)  # 24 hours of grace: too young to go
    assert set(bucket_objects(seaweedfs, s3_bucket)) == {kept, orphan, unrelated}
    call_command("sweep_legal_aid_objects", "--grace-hours=0", "--dry-run", stdout=out)
    assert f"would delete orphaned object {orphan}" in out.getvalue()
    assert set(bucket_objects(seaweedfs, s3_bucket)) == {kept, orphan, unrelated}

    call_command("sweep_legal_aid_objects", "--grace-hours=0", stdout=out)
    assert set(bucket_objects(seaweedfs, s3_bucket)) == {kept, unrelated}
    assert "deleted 1, kept 1" in out.getvalue()


def test_the_periodic_sweep_task_does_the_same(request_form, s3_bucket, seaweedfs, settings):
    settings.LEGAL_AID_SWEEP_GRACE_HOURS = 0
    default_storage.save("legal-aid/" + "b" * 40, ContentFile(b"x"))
    result = sweep_orphaned_objects.enqueue()
    assert result.status == "SUCCESSFUL" and result.return_value == "deleted 1, kept 0"
    assert bucket_objects(seaweedfs, s3_bucket) == {}


def test_a_case_closed_without_a_closing_date_is_purged_too(request_form, s3_bucket, seaweedfs, settings):
    settings.LEGAL_AID_RETENTION_DAYS = 30
    undated, _secret = make_case(request_form, files=[("old.png", "image/png", png_bytes())])
    still_open, _secret = make_case(request_form)
    long_ago = timezone.now() - datetime.timedelta(days=31)
    LegalAidRequest.objects.filter(pk=undated.pk).update(status="closed", closed_at=None, updated_at=long_ago)
    LegalAidRequest.objects.filter(pk=still_open.pk).update(updated_at=long_ago)

    call_command("purge_legal_aid_requests", stdout=io.StringIO())

    assert list(LegalAidRequest.objects.values_list("pk", flat=True)) == [still_open.pk]
    assert bucket_objects(seaweedfs, s3_bucket) == {}
