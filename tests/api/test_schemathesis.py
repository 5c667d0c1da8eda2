"""schemathesis against the OpenAPI description, on a live server on loopback, over the demo content.

Every operation gets requests generated from its description (valid ones, then invalid ones), and
every page, recommendation, image and document of the demo is read through its detail operation.
The legal-assistance form is fuzzed on the demo's request form (a generated id would rarely find
it), read in each language, and sent a valid request as JSON and as multipart, whose reference
and secret then give its status. The test fails on any server error, on a status the description
does not list, and on any response whose body drifts from the description.
"""

import copy
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

from api.schema import AutoSchema
from legal_aid.models import LegalAidRequestPage
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
LEGAL_AID_FORM = "/api/v2/legal-aid/forms/{page_id}/"
LEGAL_AID_STATUS = "/api/v2/legal-aid/status/"
# A request as the demo's form takes it, in JSON and in multipart (with a PDF).
ANSWERS = {
    "name": "Test requester",
    "contact_method": "phone",
    "contact": "+250 788 000 000",
    "country": "Rwanda",
    "problem_type": "equipment_seizure",
    "incident_date": "2026-01-15",
    "description": "A test request sent by the API's conformance test.",
    "urgency": "not_urgent",
    "preferred_language": "en",
    "consent": True,
}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


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


def fuzzed_schema(raw, form_ids):
    """The description with the legal-assistance form's ``page_id`` one of the demo's forms.

    Only the ids generated change: the answers must still keep to the description itself.
    """
    raw = copy.deepcopy(raw)
    for operation in raw["paths"][LEGAL_AID_FORM].values():
        for parameter in operation["parameters"]:
            if parameter["name"] == "page_id":
                parameter["schema"] = {"type": "integer", "enum": form_ids}
    return schemathesis.openapi.from_dict(raw)


def call(operation, base_url, failures, label, **case):
    """One given request through ``operation``, checked like the generated ones; its response."""
    try:
        return operation.Case(**case).call_and_validate(
            base_url=base_url, checks=CHECKS, allow_redirects=False, timeout=30
        )
    except (Exception, BaseExceptionGroup) as error:
        failures.append(f"{label}: {error}")
        return None


def check_legal_aid_requests(schema, base_url, form_ids, failures):
    """Each demo form read, sent a request in JSON and in multipart; their status from the secret."""
    form, submit, status = (
        schema[LEGAL_AID_FORM]["GET"],
        schema[LEGAL_AID_FORM]["POST"],
        schema[LEGAL_AID_STATUS]["POST"],
    )
    sent = []
    for pk in form_ids:
        for locale in ("en", "fr", "rw"):
            label = f"{LEGAL_AID_FORM} page_id={pk} locale={locale}"
            path = {"path_parameters": {"page_id": pk}, "query": {"locale": locale}}
            response = call(form, base_url, failures, f"GET {label}", **path)
            if response is not None and response.status_code != 200:
                failures.append(f"GET {label}: {response.status_code} rather than 200")
            answers = {**ANSWERS, "preferred_language": locale}
            multipart = {
                **{key: str(value).lower() if value is True else value for key, value in answers.items()},
                "attachments": [PDF],
            }
            for body, media_type in ((answers, "application/json"), (multipart, "multipart/form-data")):
                response = call(
                    submit,
                    base_url,
                    failures,
                    f"POST {label} ({media_type})",
                    body=body,
                    media_type=media_type,
                    **path,
                )
                if response is None:
                    continue
                if response.status_code != 201:
                    failures.append(f"POST {label} ({media_type}): {response.status_code} {response.text}")
                    continue
                sent.append((response.json(), locale))
    for submitted, locale in sent:
        for secret, expected in ((submitted["secret"], 200), (submitted["secret"] + "x", 404)):
            response = call(
                status,
                base_url,
                failures,
                f"POST {LEGAL_AID_STATUS} {submitted['reference']}",
                body={"reference": submitted["reference"].lower(), "secret": secret},
                media_type="application/json",
                query={"locale": locale},
            )
            if response is not None and response.status_code != expected:
                failures.append(f"POST {LEGAL_AID_STATUS}: {response.status_code} rather than {expected}")
    return len(sent)


@pytest.fixture
def demo(home_pages, settings, tmp_path):
    # The demo's files and the attachments of the requests sent in a folder of the test's own.
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=None)


def test_the_api_keeps_to_its_description(live_server, demo, settings):
    settings.WAGTAILAPI_BASE_URL = live_server.url
    # Data commits here: answers may be kept in the cache, as in production.
    settings.API_CACHE_SERVER_SECONDS = 3600
    # The legal-assistance limits (a few requests an hour per address) have their own tests: here
    # every request comes from the loopback.
    settings.API_THROTTLE_RATES = {
        **settings.API_THROTTLE_RATES,
        "legal_aid_submit": "100000/m",
        "legal_aid_status": "100000/m",
    }
    form_ids = list(LegalAidRequestPage.objects.live().public().values_list("pk", flat=True))
    assert len(form_ids) == 3  # the demo's form, in English, French and Kinyarwanda
    raw = requests.get(f"{live_server.url}/api/schema/?format=json", timeout=30).json()
    schema = fuzzed_schema(raw, form_ids)
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
    sent = check_legal_aid_requests(schema, live_server.url, form_ids, failures)
    assert not failures, "\n\n".join(failures)
    assert sent == len(form_ids) * 3 * 2  # each form, in each language, in JSON and in multipart
