"""The request form in French and Kinyarwanda: labels translate, keys and types stay, submissions work in each."""

import pytest

from legal_aid.models import LegalAidFormField, LegalAidRequest
from locales.translation import translate

from .helpers import VALID, form_url, submit

pytestmark = pytest.mark.django_db

FRENCH = {
    "Ask for legal assistance": "Demander une assistance juridique",
    "Description": "Description des faits",
    "Your name": "Votre nom",
    "Media outlet": "Média",
    "Which court?": "Quel tribunal ?",
    "High court, Intermediate court": "Haute cour, Tribunal de grande instance",
}
KINYARWANDA = {
    "Ask for legal assistance": "Gusaba ubufasha mu by’amategeko",
    "Description": "Ibisobanuro",
    "Your name": "Izina ryawe",
}


@pytest.fixture
def translated_form(request_form, locales, django_capture_on_commit_callbacks):
    # An extra field an editor added, with choices of its own.
    request_form.form_fields.add(
        LegalAidFormField(
            label="Which court?",
            field_type="dropdown",
            choices="High court, Intermediate court",
            required=False,
            sort_order=20,
        )
    )
    request_form.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        for code in ("fr", "rw"):
            translate(request_form.get_parent().specific, locales[code])
        french = translate(request_form, locales["fr"], FRENCH)
        kinyarwanda = translate(request_form, locales["rw"], KINYARWANDA)
    # wagtail-localize publishes the translations when the transaction commits.
    french, kinyarwanda = (type(page).objects.get(pk=page.pk) for page in (french, kinyarwanda))
    return request_form, french, kinyarwanda


def schema(client, page, locale):
    response = client.get(form_url(page, locale=locale))
    assert response.status_code == 200, response.content
    return response.json()


def test_translations_keep_the_keys_and_types_and_translate_the_texts(client, translated_form):
    english, french, kinyarwanda = translated_form
    assert french.live and kinyarwanda.live
    shapes = {}
    for code, page in (("en", english), ("fr", french), ("rw", kinyarwanda)):
        # Any translation's id gives the form in the asked language.
        data = schema(client, english, code)
        assert data["id"] == page.pk and data["locale"] == code
        shapes[code] = [(field["key"], field["type"], field["required"]) for field in data["fields"]]
        labels = {field["key"]: field["label"] for field in data["fields"]}
        if code == "fr":
            assert data["title"] == "Demander une assistance juridique"
            assert labels["description"] == "Description des faits"
            assert labels["name"] == "Votre nom"
            court = next(field for field in data["fields"] if field["key"] == "which_court")
            assert [choice["label"] for choice in court["choices"]] == [
                "Haute cour",
                "Tribunal de grande instance",
            ]
        if code == "rw":
            assert labels["description"] == "Ibisobanuro"
    assert shapes["en"] == shapes["fr"] == shapes["rw"]
    assert ("which_court", "dropdown", False) in shapes["en"]


def test_core_choices_keep_their_values_in_every_language(client, translated_form):
    english, _french, _kinyarwanda = translated_form
    values = {
        code: [
            choice["value"]
            for choice in next(
                f for f in schema(client, english, code)["fields"] if f["key"] == "problem_type"
            )["choices"]
        ]
        for code in ("en", "fr", "rw")
    }
    assert values["en"] == values["fr"] == values["rw"]
    assert "arrest_or_detention" in values["en"]


@pytest.mark.parametrize("code", ["en", "fr", "rw"])
def test_a_request_in_each_language(client, translated_form, code):
    english, *_ = translated_form
    response = client.post(
        form_url(english, locale=code),
        {**VALID, "preferred_language": code},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    case = LegalAidRequest.objects.get(reference=response.json()["reference"])
    assert case.language == code
    assert case.form_page.locale.language_code == code
    assert case.get_data()["preferred_language"] == code


def test_an_extra_field_s_translated_choice_is_accepted_in_french(client, translated_form):
    english, *_ = translated_form
    response = client.post(
        form_url(english, locale="fr"),
        {**VALID, "which_court": "Haute cour"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert submit(client, english, {**VALID, "which_court": "Haute cour"}).status_code == 400


def test_a_translation_s_own_id_gives_it_without_locale(client, translated_form):
    _english, french, _kinyarwanda = translated_form
    response = client.get(form_url(french))
    assert response.json()["locale"] == "fr"
    assert response.json()["title"] == "Demander une assistance juridique"
