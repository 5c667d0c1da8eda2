"""CORS: the configured front ends may read the API from a browser; nothing else, nothing by default."""

import pytest

from django.urls import reverse

from tests.support.settings import load_settings

pytestmark = pytest.mark.django_db

FRONT_END = "https://www.example.org"
# Production refuses to start without a key for legal-assistance requests (for these tests only).
LEGAL_AID_KEYS = "hDbbIdnJyZUIzgp29F4-Sx64_D-E6Uq6yEdQ7y3BxM4="
LISTING = reverse("wagtailapi:countries:listing")


@pytest.fixture
def front_end(settings):
    settings.CORS_ALLOWED_ORIGINS = [FRONT_END]


def test_a_configured_front_end_may_read_the_api(client, front_end, upr_vocabularies):
    response = client.get(LISTING, HTTP_ORIGIN=FRONT_END)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONT_END
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "origin" in response["Vary"].lower()


def test_a_preflight_request_is_answered(client, front_end):
    response = client.options(
        LISTING,
        HTTP_ORIGIN=FRONT_END,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONT_END
    assert "POST" in response["Access-Control-Allow-Methods"]
    assert "content-type" in response["Access-Control-Allow-Headers"]


def test_other_origins_and_other_addresses_get_no_cors_headers(client, front_end, site):
    response = client.get(LISTING, HTTP_ORIGIN="https://elsewhere.example.com")
    assert "Access-Control-Allow-Origin" not in response
    response = client.get("/admin/login/", HTTP_ORIGIN=FRONT_END)
    assert "Access-Control-Allow-Origin" not in response


def test_no_origin_is_allowed_unless_configured():
    loaded = load_settings(
        "cms.settings.production",
        ["CORS_ALLOWED_ORIGINS", "CORS_ALLOW_ALL_ORIGINS"],
        SECRET_KEY="x",
        ALLOWED_HOSTS="cms.example.org",
        LEGAL_AID_KEYS=LEGAL_AID_KEYS,
        AUDIT_LOG_KEY="test-audit-log-key",
    )
    assert loaded["CORS_ALLOWED_ORIGINS"] == []
    assert not loaded.get("CORS_ALLOW_ALL_ORIGINS")
    loaded = load_settings(
        "cms.settings.production",
        ["CORS_ALLOWED_ORIGINS"],
        SECRET_KEY="x",
        ALLOWED_HOSTS="cms.example.org",
        LEGAL_AID_KEYS=LEGAL_AID_KEYS,
        AUDIT_LOG_KEY="test-audit-log-key",
        CORS_ALLOWED_ORIGINS="https://www.example.org,https://preview.example.org",
    )
    assert loaded["CORS_ALLOWED_ORIGINS"] == ["https://www.example.org", "https://preview.example.org"]
