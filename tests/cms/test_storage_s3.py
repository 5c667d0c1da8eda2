"""Uploaded files go to a real S3-compatible server (SeaweedFS on loopback) and never become public."""

import pytest
import requests

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.models import Collection, CollectionViewRestriction

from home.factories import CustomImageFactory
from publications.factories import ReportDocumentFactory
from tests.support.files import png_bytes, shared_pdf

pytestmark = [pytest.mark.django_db, pytest.mark.s3]


def object_bytes(seaweedfs, bucket, key):
    return seaweedfs.client().get_object(Bucket=bucket, Key=key)["Body"].read()


def test_a_document_is_stored_in_the_bucket_and_served_back_byte_for_byte(client, seaweedfs, s3_bucket):
    pdf = shared_pdf()
    document = ReportDocumentFactory(
        title="Advance questions", file=ContentFile(pdf, name="advance-questions.pdf")
    )

    assert object_bytes(seaweedfs, s3_bucket, document.file.name) == pdf

    response = client.get(document.url)
    # Wagtail checks privacy, then hands out a short-lived signed URL.
    assert response.status_code == 302
    signed_url = response["Location"]
    assert signed_url.startswith(f"{seaweedfs.endpoint_url}/{s3_bucket}/")
    assert "X-Amz-Signature=" in signed_url
    downloaded = requests.get(signed_url, timeout=10)
    assert downloaded.status_code == 200
    assert downloaded.content == pdf


def test_an_image_and_its_renditions_are_stored_in_the_bucket(seaweedfs, s3_bucket):
    png = png_bytes()
    image = CustomImageFactory(file=ImageFile(ContentFile(png), name="workshop.png"))

    assert object_bytes(seaweedfs, s3_bucket, image.file.name) == png
    downloaded = requests.get(image.file.url, timeout=10)
    assert downloaded.status_code == 200
    assert downloaded.content == png

    rendition = image.get_rendition("fill-100x100")
    stored = object_bytes(seaweedfs, s3_bucket, rendition.file.name)
    assert stored[:8] == b"\x89PNG\r\n\x1a\n"
    assert (rendition.width, rendition.height) == (100, 100)


def test_an_anonymous_request_for_an_object_is_refused(seaweedfs, s3_bucket):
    document = ReportDocumentFactory(file=ContentFile(shared_pdf(), name="report.pdf"))

    anonymous = requests.get(f"{seaweedfs.endpoint_url}/{s3_bucket}/{document.file.name}", timeout=10)
    assert anonymous.status_code == 403
    assert b"%PDF" not in anonymous.content

    listing = requests.get(f"{seaweedfs.endpoint_url}/{s3_bucket}/", timeout=10)
    assert listing.status_code == 403
    assert document.file.name.encode() not in listing.content


def test_a_private_document_is_never_redirected_to_storage(client, seaweedfs, s3_bucket):
    private = Collection.get_first_root_node().add_child(name="Internal")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = ReportDocumentFactory(collection=private, file=ContentFile(shared_pdf(), name="internal.pdf"))

    response = client.get(document.url)

    assert response.status_code in (200, 302)
    assert seaweedfs.endpoint_url not in response.get("Location", "")
    assert seaweedfs.endpoint_url.encode() not in response.content


def test_uploading_the_same_name_twice_keeps_both_files(seaweedfs, s3_bucket):
    first = ReportDocumentFactory(file=ContentFile(b"%PDF-1.4 first", name="report.pdf"))
    second = ReportDocumentFactory(file=ContentFile(b"%PDF-1.4 second", name="report.pdf"))

    assert first.file.name != second.file.name
    assert object_bytes(seaweedfs, s3_bucket, first.file.name) == b"%PDF-1.4 first"
    assert object_bytes(seaweedfs, s3_bucket, second.file.name) == b"%PDF-1.4 second"
