"""The headless request form: its schema, a submission, every bad input, the status check."""

import re

import pytest

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import translation

from legal_aid.models import CaseEvent, LegalAidRequest
from tests.support.files import png_bytes, shared_pdf

from .helpers import SECRET_WORDS, VALID, form_url, post_json, status_url, submit

pytestmark = pytest.mark.django_db

REFERENCE = re.compile(r"^LA-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$")


def required_in(language):
    with translation.override(language):
        return str(forms.Field.default_error_messages["required"])


def error(response, status, code):
    assert response.status_code == status, response.content
    body = response.json()
    assert body["status"] == status and body["code"] == code and body["message"]
    return body


class TestSchema:
    def test_the_schema_lists_the_core_fields_with_their_rules(self, client, request_form):
        response = client.get(form_url(request_form))

        assert response.status_code == 200
        schema = response.json()
        fields = {field["key"]: field for field in schema["fields"]}
        assert list(fields) == [
            "name",
            "contact_method",
            "contact",
            "media_outlet",
            "country",
            "problem_type",
            "incident_date",
            "description",
            "urgency",
            "preferred_language",
            "consent",
            "acknowledgement",
        ]
        assert fields["name"]["required"] is False
        assert fields["description"] == {
            "key": "description",
            "type": "multiline",
            "label": "Description",
            "help_text": fields["description"]["help_text"],
            "required": True,
            "core": True,
            "max_length": 20000,
        }
        assert {"value": "lawsuit", "label": "Defamation or other lawsuit"} in fields["problem_type"][
            "choices"
        ]
        assert fields["consent"]["required"] is True
        assert fields["incident_date"]["format"] == "YYYY-MM-DD"
        assert schema["honeypot"] == "website"
        assert "application/pdf" in schema["attachments"]["types"]
        assert schema["submit_url"].endswith(form_url(request_form))

    def test_a_draft_or_unknown_form_is_not_found(self, client, request_form):
        request_form.unpublish()
        assert client.get(form_url(request_form)).status_code == 404
        error(client.get("/api/v2/legal-aid/forms/999999/"), 404, "not_found")

    def test_an_unknown_locale_is_refused(self, client, request_form):
        error(client.get(form_url(request_form, locale="de")), 400, "invalid_locale")


class TestSubmission:
    def test_a_request_is_stored_encrypted_and_answered_with_a_reference_and_a_secret(
        self, client, request_form, mailoutbox, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = submit(client, request_form)

        assert response.status_code == 201, response.content
        body = response.json()
        assert REFERENCE.match(body["reference"])
        assert len(body["secret"]) >= 32
        assert body["status"] == "new"
        case = LegalAidRequest.objects.get(reference=body["reference"])
        assert case.get_data()["description"] == VALID["description"]
        assert case.get_data()["incident_date"] == "2026-11-02"
        assert case.language == "en"
        assert body["secret"] not in case.secret_hash
        assert CaseEvent.objects.filter(request=case, kind="received").exists()
        # The team is told that a request arrived, nothing of it; the requester, who did not ask, nothing.
        (team,) = mailoutbox
        assert team.to == ["legal-team@example.org"]
        for word in [*SECRET_WORDS, body["reference"]]:
            assert word not in team.body + team.subject

    def test_no_plaintext_address_or_user_agent_anywhere_in_the_database(self, client, request_form):
        response = submit(
            client, request_form, REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="SecretBrowser/1.0"
        )
        assert response.status_code == 201
        dump = []
        with connection.cursor() as cursor:
            for table in connection.introspection.table_names(cursor):
                cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
                dump.extend(str(value) for row in cursor.fetchall() for value in row)
        text = " ".join(dump)
        assert response.json()["reference"] in text
        for word in [*SECRET_WORDS, "203.0.113.9", "SecretBrowser", response.json()["secret"]]:
            assert word not in text, word
        # Nothing went to Wagtail's clear-text FormSubmission table either.
        assert not request_form.get_submission_class().objects.exists()

    def test_the_rate_limit_counts_a_hash_of_the_address(self, client, request_form):
        from django.core.cache import cache

        submit(client, request_form, REMOTE_ADDR="203.0.113.9")
        keys = " ".join(str(key) for key in cache._cache)
        assert keys and "203.0.113.9" not in keys

    def test_an_anonymous_request_with_only_the_required_fields(self, client, request_form):
        payload = {key: value for key, value in VALID.items() if key not in ("name", "media_outlet")}
        payload["contact_method"] = "signal"
        payload["contact"] = "+250 788 123 456"
        assert submit(client, request_form, payload).status_code == 201

    def test_missing_fields_are_named_one_by_one(self, client, request_form):
        body = error(submit(client, request_form, {"name": "X"}), 400, "invalid")
        for key in ("contact_method", "contact", "country", "problem_type", "incident_date", "description"):
            assert body["errors"][key] == ["This field is required."], key
        assert "consent" in body["errors"]
        assert "name" not in body["errors"]
        assert not LegalAidRequest.objects.exists()

    def test_consent_must_be_given(self, client, request_form):
        body = error(submit(client, request_form, {**VALID, "consent": False}), 400, "invalid")
        assert list(body["errors"]) == ["consent"]

    def test_values_of_the_wrong_type(self, client, request_form):
        payload = {**VALID, "description": {"text": "x"}, "consent": "maybe", "problem_type": "flood"}
        body = error(submit(client, request_form, payload), 400, "invalid")
        assert body["errors"]["description"] == ["Give text."]
        assert body["errors"]["consent"] == ["Give true or false."]
        assert "Select a valid choice" in body["errors"]["problem_type"][0]

    def test_a_bad_date_an_email_that_is_not_one_and_a_future_incident(self, client, request_form):
        body = error(submit(client, request_form, {**VALID, "incident_date": "yesterday"}), 400, "invalid")
        assert body["errors"]["incident_date"] == ["Enter a valid date."]
        body = error(submit(client, request_form, {**VALID, "contact": "not-an-address"}), 400, "invalid")
        assert body["errors"]["contact"] == ["Enter a valid email address."]
        body = error(submit(client, request_form, {**VALID, "incident_date": "2999-01-01"}), 400, "invalid")
        assert "future" in body["errors"]["incident_date"][0]

    def test_script_in_a_text_field_is_refused(self, client, request_form):
        payload = {**VALID, "description": "Help <script>alert(1)</script>", "name": "<img src=x onerror=1>"}
        body = error(submit(client, request_form, payload), 400, "invalid")
        assert body["errors"]["description"] == ["Write plain text, without HTML tags or scripts."]
        assert "name" in body["errors"]
        # A lone "<" is plain text.
        assert submit(client, request_form, {**VALID, "description": "Fine < 3 days ago"}).status_code == 201

    def test_text_longer_than_allowed(self, client, request_form):
        body = error(submit(client, request_form, {**VALID, "country": "x" * 300}), 400, "invalid")
        assert "at most 255 characters" in body["errors"]["country"][0]

    @pytest.mark.parametrize("body", ["{not json", "[1, 2]", "null", b"\xff\xfe"])
    def test_malformed_json(self, client, request_form, body):
        error(post_json(client, form_url(request_form), body), 400, "malformed")

    def test_an_unsupported_content_type(self, client, request_form):
        response = client.post(form_url(request_form), "name=x", content_type="text/plain")
        error(response, 415, "unsupported_media_type")

    def test_the_honeypot_field(self, client, request_form):
        error(submit(client, request_form, {**VALID, "website": "http://spam.example"}), 400, "rejected")
        assert not LegalAidRequest.objects.exists()

    def test_a_body_larger_than_the_limit(self, client, request_form, settings):
        settings.LEGAL_AID_MAX_BODY_BYTES = 1000
        error(submit(client, request_form, {**VALID, "description": "a" * 2000}), 413, "too_large")

    def test_a_json_body_beyond_django_s_memory_limit(self, client, request_form, settings):
        settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 500
        error(submit(client, request_form, {**VALID, "description": "a" * 2000}), 413, "too_large")

    def test_too_many_requests_from_one_client(self, client, request_form, settings):
        settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "legal_aid_submit": "2/m"}
        assert submit(client, request_form).status_code == 201
        assert submit(client, request_form, {}).status_code == 400
        error(submit(client, request_form), 429, "rate_limited")
        # Another address is counted apart.
        assert submit(client, request_form, REMOTE_ADDR="192.0.2.7").status_code == 201

    def test_get_and_post_need_no_csrf_token_or_session(self, request_form):
        from django.test import Client

        strict = Client(enforce_csrf_checks=True)
        assert submit(strict, request_form).status_code == 201


class TestAttachments:
    def multipart(self, client, page, *files, **extra):
        data = {**VALID, "consent": "true", "attachments": list(files)}
        return client.post(form_url(page), data, **extra)

    def test_pdf_and_image_are_stored_encrypted(self, client, request_form):
        pdf, png = shared_pdf(), png_bytes()
        response = self.multipart(
            client,
            request_form,
            SimpleUploadedFile("summons.pdf", pdf, "application/pdf"),
            SimpleUploadedFile("bruise.png", png, "image/png"),
        )
        assert response.status_code == 201, response.content
        case = LegalAidRequest.objects.get(reference=response.json()["reference"])
        attachments = list(case.attachments.all())
        assert [a.get_metadata() for a in attachments] == [
            {"name": "summons.pdf", "content_type": "application/pdf", "size": len(pdf)},
            {"name": "bruise.png", "content_type": "image/png", "size": len(png)},
        ]
        for attachment in attachments:
            assert attachment.object_name.startswith("legal-aid/")
            assert "summons" not in attachment.object_name and "bruise" not in attachment.object_name

    def test_a_disguised_file_is_refused(self, client, request_form):
        executable = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200
        body = error(
            self.multipart(client, request_form, SimpleUploadedFile("photo.jpg", executable, "image/jpeg")),
            400,
            "invalid",
        )
        assert "photo.jpg" in body["errors"]["attachments"][0]
        body = error(
            self.multipart(
                client, request_form, SimpleUploadedFile("letter.pdf", b"just text", "application/pdf")
            ),
            400,
            "invalid",
        )
        assert "letter.pdf" in body["errors"]["attachments"][0]
        assert not LegalAidRequest.objects.exists()

    def test_an_oversized_file(self, client, request_form, settings):
        settings.LEGAL_AID_MAX_FILE_BYTES = 1024
        body = error(
            self.multipart(client, request_form, SimpleUploadedFile("scan.png", png_bytes(800, 800))),
            413,
            "too_large",
        )
        assert "scan.png" in body["errors"]["attachments"][0]

    def test_too_many_files(self, client, request_form, settings):
        settings.LEGAL_AID_MAX_FILES = 2
        files = [SimpleUploadedFile(f"{n}.png", png_bytes()) for n in range(3)]
        body = error(self.multipart(client, request_form, *files), 400, "invalid")
        assert body["errors"]["attachments"] == ["Send at most 2 files."]


class TestStatus:
    def test_the_secret_gives_the_status_and_nothing_else(self, client, request_form):
        answer = submit(client, request_form).json()
        response = post_json(
            client, status_url(), {"reference": answer["reference"], "secret": answer["secret"]}
        )
        assert response.status_code == 200
        assert response.json() == {"reference": answer["reference"], "status": "new", "status_label": "New"}

    def test_a_wrong_secret_and_an_unknown_reference_get_the_same_answer(self, client, request_form):
        answer = submit(client, request_form).json()
        wrong = post_json(client, status_url(), {"reference": answer["reference"], "secret": "guess"})
        unknown = post_json(client, status_url(), {"reference": "LA-2222-2222", "secret": answer["secret"]})
        assert wrong.status_code == unknown.status_code == 404
        assert wrong.json() == unknown.json()

    def test_what_cannot_be_a_reference_is_not_found(self, client, request_form):
        answer = submit(client, request_form).json()
        for reference in ("LA-2222-222\x00", "\x00", answer["reference"] + "\n2", "x" * 1000):
            response = post_json(client, status_url(), {"reference": reference, "secret": answer["secret"]})
            assert error(response, 404, "not_found")
        response = post_json(
            client,
            status_url(),
            {"reference": f" {answer['reference'].lower()} ", "secret": answer["secret"]},
        )
        assert response.json()["reference"] == answer["reference"]

    def test_missing_values_and_too_many_checks(self, client, request_form, settings):
        settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "legal_aid_status": "2/m"}
        body = error(post_json(client, status_url(), {"reference": "LA-2222-2222"}), 400, "invalid")
        assert list(body["errors"]) == ["secret"]
        post_json(client, status_url(), {"reference": "LA-2222-2222", "secret": "a"})
        error(
            post_json(client, status_url(), {"reference": "LA-2222-2222", "secret": "a"}), 429, "rate_limited"
        )

    def test_get_is_not_allowed(self, client):
        assert client.get(status_url()).status_code == 405


class TestLanguages:
    def test_errors_come_back_in_french(self, client, request_form):
        body = error(submit(client, request_form, {"name": "X"}, HTTP_ACCEPT_LANGUAGE="fr"), 400, "invalid")
        assert body["errors"]["description"] == [required_in("fr")]
        body = error(
            submit(client, request_form.__class__.objects.get(pk=request_form.pk), {"name": "X"}),
            400,
            "invalid",
        )
        assert body["errors"]["description"] == ["This field is required."]

    def test_locale_in_the_query_wins_over_accept_language(self, client, request_form):
        response = post_json(
            client, form_url(request_form, locale="fr"), {"name": "X"}, HTTP_ACCEPT_LANGUAGE="en"
        )
        assert error(response, 400, "invalid")["errors"]["country"] == [required_in("fr")]


class TestThePage:
    def test_the_pages_api_points_to_the_schema_and_the_page_itself_serves_nothing(
        self, client, request_form
    ):
        response = client.get(f"/api/v2/pages/{request_form.pk}/")
        assert response.status_code == 200
        assert response.json()["form_schema_url"] == form_url(request_form)
        assert "form_fields" not in response.json()
        assert client.get(request_form.url).status_code == 404
        assert client.post(request_form.url, VALID).status_code == 404
        assert not request_form.get_submission_class().objects.exists()

    def test_no_preview(self, request_form):
        assert request_form.preview_modes == []


class TestHostileBodies:
    """What a robot may send: each answered with a clear 4xx, and nothing kept."""

    def test_json_nested_a_hundred_thousand_levels_deep(self, client, request_form):
        body = '{"description": ' + "[" * 100_000 + "]" * 100_000 + "}"
        error(submit(client, request_form, body), 400, "malformed")
        assert not LegalAidRequest.objects.exists()

    def test_json_nested_deeper_than_any_form_needs(self, client, request_form):
        nested = "x"
        for _level in range(100):
            nested = [nested]
        error(submit(client, request_form, {**VALID, "name": nested}), 400, "malformed")

    def test_a_multipart_field_that_is_not_utf8(self, client, request_form):
        boundary = "BoUnDaRy"
        parts = [(key, str(value).encode()) for key, value in VALID.items() if key != "consent"]
        parts += [("consent", b"on"), ("description", "Arrêté à Gisenyi".encode("latin-1"))]
        body = (
            b"".join(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n'.encode()
                + value
                + b"\r\n"
                for key, value in parts
            )
            + f"--{boundary}--\r\n".encode()
        )
        response = client.post(
            form_url(request_form), body, content_type=f"multipart/form-data; boundary={boundary}"
        )
        error(response, 400, "malformed")
        assert not LegalAidRequest.objects.exists()

    def test_a_thousand_multipart_fields(self, client, request_form):
        data = {**{key: str(value) for key, value in VALID.items()}, "consent": "on"}
        data.update({f"extra{number}": "x" for number in range(1001)})
        error(client.post(form_url(request_form), data), 413, "too_large")
        assert not LegalAidRequest.objects.exists()

    def test_too_many_requests_say_when_to_come_back(self, client, request_form, settings):
        settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "legal_aid_submit": "1/h"}
        assert submit(client, request_form).status_code == 201
        response = submit(client, request_form)
        error(response, 429, "rate_limited")
        assert 3500 <= int(response["Retry-After"]) <= 3600


class TestRelayedRequests:
    """The public site relays journalists' requests from its servers: each journalist is counted
    apart under the opaque name the site gives, which nobody else can give."""

    SITE = "10.0.0.5"

    def test_a_relayed_client_is_counted_apart(self, client, request_form, settings):
        settings.API_THROTTLE_TRUSTED_IPS = [self.SITE]
        settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "legal_aid_submit": "1/h"}
        first = {"REMOTE_ADDR": self.SITE, "HTTP_X_RELAYED_CLIENT": "a" * 64}
        second = {"REMOTE_ADDR": self.SITE, "HTTP_X_RELAYED_CLIENT": "b" * 64}
        assert submit(client, request_form, **first).status_code == 201
        error(submit(client, request_form, **first), 429, "rate_limited")
        assert submit(client, request_form, **second).status_code == 201

    def test_the_header_means_nothing_from_anyone_else(self, client, request_form, settings):
        settings.API_THROTTLE_TRUSTED_IPS = [self.SITE]
        settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "legal_aid_submit": "1/h"}
        robot = "198.51.100.9"
        assert (
            submit(client, request_form, REMOTE_ADDR=robot, HTTP_X_RELAYED_CLIENT="a" * 64).status_code == 201
        )
        response = submit(client, request_form, REMOTE_ADDR=robot, HTTP_X_RELAYED_CLIENT="c" * 64)
        error(response, 429, "rate_limited")
