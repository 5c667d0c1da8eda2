"""The OpenAPI description at /api/schema/: every endpoint, precise types, the error responses."""

import pytest

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import get_page_models

from cms.api import api_router
from legal_aid.models import LegalAidFormField
from legal_aid.models.choices import CORE_FIELDS, CaseStatus, ContactMethod, ProblemType, Urgency

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client, site):
    response = client.get(reverse("api-schema"), {"format": "json"})
    assert response.status_code == 200, response.content
    return response.json()


def test_the_schema_is_generated_without_a_warning_and_is_valid_openapi(tmp_path, site):
    # --validate checks it against the OpenAPI 3 meta-schema; --fail-on-warn fails on any
    # endpoint or field drf-spectacular could not describe.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))


def test_every_endpoint_of_the_router_is_described(schema):
    paths = set(schema["paths"])
    for name in api_router._endpoints:
        assert f"/api/v2/{name}/" in paths or any(path.startswith(f"/api/v2/{name}/") for path in paths), name
    assert "/api/v2/recommendations/stats/" in paths
    assert "/api/v2/recommendations/export.{extension}" in paths
    assert {path for path in paths if not path.startswith("/api/")} == {
        "/feeds/{language}/publications.rss",
        "/feeds/{language}/publications.atom",
        "/feeds/{language}/news.rss",
        "/feeds/{language}/news.atom",
        "/feeds/{language}/events.ics",
    }


# Reads that no limit applies to: the legal-assistance form's schema is a plain Django view, outside
# REST framework's throttling, and only its submissions are rate-limited.
NOT_LIMITED = {("/api/v2/legal-aid/forms/{page_id}/", "get")}


def test_every_operation_documents_its_errors_in_the_one_error_format(schema):
    error = schema["components"]["schemas"]["Error"]
    assert error["required"] == ["status", "code", "message", "errors"]
    for path, operations in schema["paths"].items():
        if not path.startswith("/api/"):
            continue  # the feeds: RSS, Atom, iCalendar
        for method, operation in operations.items():
            responses = operation["responses"]
            statuses = ("400",) if (path, method) in NOT_LIMITED else ("400", "429")
            for status in statuses:
                assert responses[status]["content"]["application/json"]["schema"] == {
                    "$ref": "#/components/schemas/Error"
                }, (path, method, status)


def test_each_page_type_has_its_fields_with_real_types(schema):
    components = schema["components"]["schemas"]
    detail = schema["paths"]["/api/v2/pages/{id}/"]["get"]["responses"]["200"]["content"]["application/json"]
    types = {ref["$ref"].rsplit("/", 1)[1] for ref in detail["schema"]["anyOf"]}
    assert len(types) == len([model for model in get_page_models() if model._meta.app_label != "wagtailcore"])
    publication = components["PublicationsPublicationPage"]["properties"]
    assert publication["publication_date"] == {
        "type": "string",
        "format": "date",
        "description": "The date printed on the publication.",
    }
    assert publication["files"]["items"]["properties"]["language"]["enum"] == ["en", "fr", "rw"]
    assert publication["countries"]["items"]["properties"]["code"]["type"] == "string"
    assert publication["cover"]["nullable"] is True
    assert publication["meta"]["properties"]["locale"]["enum"] == ["en", "fr", "rw"]


def test_filters_and_vocabularies_are_enums(schema):
    def parameters(path):
        return {parameter["name"]: parameter for parameter in schema["paths"][path]["get"]["parameters"]}

    recommendations = parameters("/api/v2/recommendations/")
    assert "supported" in recommendations["response"]["schema"]["pattern"]
    assert "supported_implemented" in recommendations["response"]["schema"]["pattern"]
    assert recommendations["cycle"]["schema"]["pattern"] == "^[0-9]{1,9}(,[0-9]{1,9})*$"
    assert recommendations["locale"]["schema"]["enum"] == ["en", "fr", "rw"]
    assert recommendations["limit"]["schema"] == {"type": "integer", "minimum": 0, "maximum": 100}
    assert {"state", "theme", "sdg", "implementation_status", "facets", "order", "fields"} <= set(
        recommendations
    )
    pages = parameters("/api/v2/pages/")
    assert "publications\\.PublicationPage" in pages["type"]["schema"]["pattern"]
    assert {"country", "theme", "year", "fields", "locale", "limit", "offset"} <= set(pages)
    search = parameters("/api/v2/search/")
    assert search["limit"]["schema"]["maximum"] == 50
    assert parameters("/api/v2/autocomplete/")["q"]["required"] is True


LEGAL_AID_FORM = "/api/v2/legal-aid/forms/{page_id}/"
LEGAL_AID_STATUS = "/api/v2/legal-aid/status/"


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _json(response):
    return response["content"]["application/json"]["schema"]


def test_the_legal_aid_operations_are_described(schema):
    form, status = schema["paths"][LEGAL_AID_FORM], schema["paths"][LEGAL_AID_STATUS]
    assert set(form) == {"get", "post"}
    assert set(status) == {"post"}
    assert {form["get"]["operationId"], form["post"]["operationId"], status["post"]["operationId"]} == {
        "legal_aid_form_retrieve",
        "legal_aid_form_submit",
        "legal_aid_status",
    }
    for operation in (form["get"], form["post"], status["post"]):
        assert operation["tags"] == ["legal-aid"]
        parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
        assert parameters["locale"]["schema"]["enum"] == ["en", "fr", "rw"]
    page_id = {parameter["name"]: parameter for parameter in form["get"]["parameters"]}["page_id"]
    assert page_id["in"] == "path"
    assert page_id["schema"]["type"] == "integer"

    # The responses: every status each view answers with, the errors in the one error body.
    assert set(form["get"]["responses"]) == {"200", "400", "404"}
    assert _json(form["get"]["responses"]["200"]) == _ref("LegalAidForm")
    assert set(form["post"]["responses"]) == {"201", "400", "404", "413", "415", "429", "503"}
    assert _json(form["post"]["responses"]["201"]) == _ref("LegalAidSubmitted")
    assert set(status["post"]["responses"]) == {"200", "400", "404", "413", "415", "429"}
    assert _json(status["post"]["responses"]["200"]) == _ref("LegalAidStatus")
    for operation in (form["get"], form["post"], status["post"]):
        for code, response in operation["responses"].items():
            if code[0] in "45":
                assert _json(response) == _ref("Error"), code

    # The request bodies: JSON, or multipart with the files under `attachments`.
    body = form["post"]["requestBody"]
    assert body["required"] is True
    assert _json(body) == _ref("LegalAidAnswers")
    assert body["content"]["multipart/form-data"]["schema"] == _ref("LegalAidAnswersMultipart")
    assert set(status["post"]["requestBody"]["content"]) == {"application/json", "multipart/form-data"}
    assert _json(status["post"]["requestBody"]) == _ref("LegalAidStatusQuery")


def _enum(components, property_schema):
    """The values of an enum property, inline or (as drf-spectacular names them) a component."""
    if "enum" in property_schema:
        return property_schema["enum"]
    (reference,) = property_schema.get("allOf", [property_schema])
    return components[reference["$ref"].rsplit("/", 1)[1]]["enum"]


def test_the_legal_aid_schemas_have_real_types_and_enums(schema):
    components = schema["components"]["schemas"]
    field = components["LegalAidFormField"]
    assert _enum(components, field["properties"]["type"]) == [
        value for value, _label in LegalAidFormField._meta.get_field("field_type").choices
    ]
    assert {"key", "type", "label", "help_text", "required", "core"} == set(field["required"])
    assert {"choices", "max_length", "format", "default"} <= set(field["properties"])
    choice = field["properties"]["choices"]["items"]
    choice = components[choice["$ref"].rsplit("/", 1)[1]] if "$ref" in choice else choice
    assert set(choice["required"]) == {"value", "label"}
    assert field["additionalProperties"] is False
    form = components["LegalAidForm"]["properties"]
    assert form["fields"]["items"] == _ref("LegalAidFormField")
    assert _enum(components, form["locale"]) == ["en", "fr", "rw"]
    attachments = form["attachments"]
    attachments = components[attachments["$ref"].rsplit("/", 1)[1]] if "$ref" in attachments else attachments
    assert "application/pdf" in _enum(components, attachments["properties"]["types"]["items"])

    answers = components["LegalAidAnswers"]
    assert set(answers["properties"]) == {core.key for core in CORE_FIELDS} | {"website", "acknowledgement"}
    assert set(answers["required"]) == {core.key for core in CORE_FIELDS if core.required}
    assert _enum(components, answers["properties"]["contact_method"]) == ContactMethod.values
    assert _enum(components, answers["properties"]["problem_type"]) == ProblemType.values
    assert _enum(components, answers["properties"]["urgency"]) == Urgency.values
    assert _enum(components, answers["properties"]["preferred_language"]) == ["en", "fr", "rw"]
    assert answers["properties"]["incident_date"]["format"] == "date"
    assert answers["properties"]["consent"]["type"] == "boolean"
    assert answers["properties"]["acknowledgement"]["type"] == "boolean"
    assert "acknowledgement" not in answers["required"]
    multipart = components["LegalAidAnswersMultipart"]["properties"]
    assert multipart["attachments"]["type"] == "array"
    assert multipart["attachments"]["items"] == {"type": "string", "format": "binary"}

    submitted = components["LegalAidSubmitted"]
    assert set(submitted["required"]) == {"reference", "secret", "status", "message"}
    assert _enum(components, submitted["properties"]["status"]) == CaseStatus.values
    status = components["LegalAidStatus"]
    assert set(status["required"]) == {"reference", "status", "status_label"}
    assert _enum(components, status["properties"]["status"]) == CaseStatus.values
    assert components["LegalAidStatusQuery"]["required"] == ["reference", "secret"]


def test_the_documentation_page_is_served(client, site):
    response = client.get(reverse("api-docs"))
    assert response.status_code == 200
    assert b"swagger-ui" in response.content
    assert reverse("api-schema").encode() in response.content
