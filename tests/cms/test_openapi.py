"""The OpenAPI description at /api/schema/: every endpoint, precise types, the error responses."""

import pytest

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import get_page_models

from cms.api import api_router

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


def test_every_operation_documents_its_errors_in_the_one_error_format(schema):
    error = schema["components"]["schemas"]["Error"]
    assert error["required"] == ["status", "code", "message", "errors"]
    for path, operations in schema["paths"].items():
        if not path.startswith("/api/"):
            continue  # the feeds: RSS, Atom, iCalendar
        for method, operation in operations.items():
            responses = operation["responses"]
            for status in ("400", "429"):
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


def test_the_documentation_page_is_served(client, site):
    response = client.get(reverse("api-docs"))
    assert response.status_code == 200
    assert b"swagger-ui" in response.content
    assert reverse("api-schema").encode() in response.content
