"""Editors build the request form in the admin: it starts with the core fields, which must stay, with their types."""

import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from legal_aid.models import CORE_FIELDS, LegalAidRequestPage

from .helpers import VALID

pytestmark = pytest.mark.django_db


def core_rows(**changes):
    rows = []
    for core in CORE_FIELDS:
        row = {
            "clean_name": core.key,
            "label": str(core.label),
            "help_text": str(core.help_text),
            "required": "on" if core.required else "",
            "field_type": core.field_type,
            "choices": "",
            "default_value": "",
        }
        row.update(changes.get(core.key, {}))
        rows.append(row)
    return rows


def page_form(rows, **fields):
    return nested_form_data(
        {
            "title": "Ask for help",
            "slug": "ask-for-help",
            "intro": "",
            "thank_you_text": "",
            "form_fields": inline_formset(rows),
            "action-publish": "publish",
            **fields,
        }
    )


@pytest.fixture
def add_url(legal_aid_index):
    return reverse("wagtailadmin_pages:add", args=("legal_aid", "legalaidrequestpage", legal_aid_index.pk))


def test_a_new_form_starts_with_the_core_fields(admin_client, add_url):
    response = admin_client.get(add_url)
    assert response.status_code == 200
    page = response.content.decode()
    for core in CORE_FIELDS:
        assert f'value="{core.key}"' in page, core.key


def test_relabelled_core_fields_and_an_extra_field_are_saved(admin_client, add_url, legal_aid_index):
    rows = core_rows(description={"label": "Tell us what happened"})
    rows.append(
        {
            "clean_name": "",
            "label": "Case number",
            "help_text": "",
            "required": "",
            "field_type": "singleline",
            "choices": "",
            "default_value": "",
        }
    )
    response = admin_client.post(add_url, page_form(rows))
    assert response.status_code == 302, response.content.decode()[-2000:]
    page = LegalAidRequestPage.objects.child_of(legal_aid_index).get()
    fields = {field.clean_name: field for field in page.form_fields.all()}
    assert fields["description"].label == "Tell us what happened"
    assert fields["case_number"].field_type == "singleline"


def test_a_form_without_a_core_field_is_refused(admin_client, add_url):
    rows = [row for row in core_rows() if row["clean_name"] != "consent"]
    response = admin_client.post(add_url, page_form(rows))
    assert response.status_code == 200
    assert "case handling needs: consent" in response.content.decode()
    assert not LegalAidRequestPage.objects.exists()


def test_a_core_field_cannot_change_its_type(admin_client, add_url):
    response = admin_client.post(add_url, page_form(core_rows(incident_date={"field_type": "singleline"})))
    assert response.status_code == 200
    assert "must stay of type “date”" in response.content.decode()
    assert not LegalAidRequestPage.objects.exists()


def test_no_field_may_take_the_key_of_the_acknowledgement_box(admin_client, add_url):
    rows = core_rows()
    rows.append({**rows[-1], "clean_name": "acknowledgement", "label": "Send me a receipt", "required": ""})
    response = admin_client.post(add_url, page_form(rows))
    assert response.status_code == 200
    assert "the box every form ends with" in response.content.decode()
    assert not LegalAidRequestPage.objects.exists()


def test_a_saved_key_cannot_change(admin_client, request_form):
    edit_url = reverse("wagtailadmin_pages:edit", args=[request_form.pk])
    fields = list(request_form.form_fields.all())
    rows = [
        {
            "id": field.pk,
            "clean_name": "story" if field.clean_name == "description" else field.clean_name,
            "label": field.label,
            "help_text": field.help_text,
            "required": "on" if field.required else "",
            "field_type": field.field_type,
            "choices": field.choices,
            "default_value": field.default_value,
        }
        for field in fields
    ]
    data = page_form(rows, title=request_form.title, slug=request_form.slug)
    data["form_fields-INITIAL_FORMS"] = str(len(rows))
    response = admin_client.post(edit_url, data)
    assert response.status_code == 200
    assert "cannot change once saved" in response.content.decode()
    assert request_form.form_fields.filter(clean_name="description").exists()


def test_a_form_posted_the_wagtail_way_is_kept_encrypted_like_an_api_request(
    request_form, django_capture_on_commit_callbacks
):
    from legal_aid.models import LegalAidRequest

    data = {**VALID, "consent": "on"}
    form = request_form.get_form(data, page=request_form)
    assert form.is_valid(), form.errors
    with django_capture_on_commit_callbacks(execute=True):
        submitted = request_form.process_form_submission(form)
    case = LegalAidRequest.objects.get(reference=submitted.case.reference)
    assert "Amina" not in case.payload
    assert case.get_data()["description"] == VALID["description"]


def test_the_wagtail_way_asks_for_the_acknowledgement_with_the_same_box_and_keeps_no_trace_of_it(
    request_form, mailoutbox, django_capture_on_commit_callbacks
):
    form = request_form.get_form({**VALID, "consent": "on", "acknowledgement": "on"}, page=request_form)
    assert form.is_valid(), form.errors
    with django_capture_on_commit_callbacks(execute=True):
        submitted = request_form.process_form_submission(form)
    assert sorted(mail.to[0] for mail in mailoutbox) == ["amina@example.org", "legal-team@example.org"]
    assert "acknowledgement" not in submitted.case.get_data()
