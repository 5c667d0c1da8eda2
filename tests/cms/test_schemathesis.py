"""schemathesis against the OpenAPI description, on a live server on loopback, over the demo content.

Every operation gets requests generated from its description (valid ones, then invalid ones), and
every page, recommendation, image and document of the demo is read through its detail operation.
The test fails on any server error, on a status the description does not list, and on any
response whose body drifts from the description.
"""

import functools
import json

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from django.core.management import call_command
from django.db import connection

from wagtail.images import get_image_model
from wagtail.models import Page

from home.openapi import AutoSchema
from publications.models import ReportDocument
from upr.models import Recommendation

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# Examples per operation and mode: enough to try every parameter, few enough for a fast suite
# (fewer on SQLite, which the suite also runs on).
EXAMPLES = 12 if connection.vendor == "postgresql" else 5


def run(operation, mode, base_url, failures):
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        checks = CHECKS if mode is GenerationMode.POSITIVE else [not_a_server_error, status_code_conformance]
        case.call_and_validate(base_url=base_url, checks=checks, allow_redirects=False, timeout=30)

    try:
        check()
    except Unsatisfiable:
        pass  # nothing to generate in this mode (no parameter can be made invalid)
    except (Exception, BaseExceptionGroup) as error:  # every failure is reported together below
        failures.append(f"{operation.label} ({mode.value}): {error}")


PAGE_DETAIL = "/api/v2/pages/{id}/"


@functools.cache
def _page_schema(raw_json, component):
    """The description with the page detail answering with one page type only (not any of them)."""
    raw = json.loads(raw_json)
    content = raw["paths"][PAGE_DETAIL]["get"]["responses"]["200"]["content"]["application/json"]
    content["schema"] = {"$ref": f"#/components/schemas/{component}"}
    return schemathesis.openapi.from_dict(raw)


def page_schema(raw, pk):
    """The description that a page must keep to: the one of its type, which the errors then name."""
    model = Page.objects.get(pk=pk).specific_class
    return _page_schema(json.dumps(raw), AutoSchema._component_name(model))


@pytest.fixture
def demo(home_pages):
    call_command("load_demo", stdout=None)


def test_the_api_keeps_to_its_description(live_server, demo, settings):
    settings.WAGTAILAPI_BASE_URL = live_server.url
    # Data commits here: answers may be kept in the cache, as in production.
    settings.API_CACHE_SERVER_SECONDS = 3600
    raw = requests.get(f"{live_server.url}/api/schema/?format=json", timeout=30).json()
    schema = schemathesis.openapi.from_dict(raw)
    failures = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            run(operation, mode, live_server.url, failures)

    # Every item of the demo through its detail operation, where generated ids rarely land.
    details = {
        PAGE_DETAIL: Page.objects.live().public().exclude(depth=1).values_list("pk", flat=True),
        "/api/v2/recommendations/{id}/": Recommendation.objects.originals().values_list("pk", flat=True)[:20],
        "/api/v2/images/{id}/": get_image_model().objects.values_list("pk", flat=True),
        "/api/v2/documents/{id}/": ReportDocument.objects.values_list("pk", flat=True),
    }
    seen = 0
    for path, ids in details.items():
        for pk in ids:
            operation = (page_schema(raw, pk) if path == PAGE_DETAIL else schema)[path]["GET"]
            for locale in ("en", "fr", "rw"):
                case = operation.Case(path_parameters={"id": pk}, query={"locale": locale})
                try:
                    response = case.call_and_validate(base_url=live_server.url, checks=CHECKS, timeout=30)
                except (Exception, BaseExceptionGroup) as error:
                    failures.append(f"{path} id={pk} locale={locale}: {error}")
                else:
                    seen += response.status_code == 200
    assert seen > 50
    assert not failures, "\n\n".join(failures)
