"""The database goes away while it commits a request: the answer says what was kept, and no file is deleted from under a kept case."""

from unittest import mock

import pytest

from django.core.files.storage import default_storage
from django.db import OperationalError, connection

from legal_aid.models import LegalAidRequest
from tests.support.files import png_bytes

from .helpers import VALID, form_url

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def post(client, page):
    from django.core.files.uploadedfile import SimpleUploadedFile

    attachment = SimpleUploadedFile("scan.png", png_bytes(), "image/png")
    return client.post(form_url(page), {**VALID, "consent": "true", "attachments": [attachment]})


def stored_objects():
    try:
        return default_storage.listdir("legal-aid")[1]
    except FileNotFoundError:
        return []


def test_a_commit_whose_answer_was_lost_but_that_happened_answers_201(client, request_form):
    real_commit = connection.commit

    def committed_then_lost():
        real_commit()
        raise OperationalError("server closed the connection unexpectedly")

    with mock.patch.object(connection, "commit", committed_then_lost):
        response = post(client, request_form)

    assert response.status_code == 201
    case = LegalAidRequest.objects.get(reference=response.json()["reference"])
    assert [attachment.object_name.split("/")[1] for attachment in case.attachments.all()] == stored_objects()


def test_a_commit_that_did_not_happen_answers_that_nothing_was_kept_and_leaves_the_files_to_the_sweeper(
    client, request_form, settings
):
    settings.LEGAL_AID_COMMIT_CHECK_SECONDS = 0
    real_rollback = connection.rollback

    def lost():
        real_rollback()
        raise OperationalError("server closed the connection unexpectedly")

    with mock.patch.object(connection, "commit", lost):
        response = post(client, request_form)

    assert response.status_code == 503
    assert not LegalAidRequest.objects.exists()
    # Unsure whether the case was kept, the service deleted nothing; the sweeper will (no case refers to it).
    assert len(stored_objects()) == 1
