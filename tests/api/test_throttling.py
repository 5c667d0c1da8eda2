"""Anonymous reads are throttled per address: generous for people, a wall for scrapers."""

import pytest

from django.urls import reverse

pytestmark = pytest.mark.django_db

LISTING = reverse("wagtailapi:countries:listing")


@pytest.fixture
def rates(settings):
    settings.API_THROTTLE_RATES = {"anon_burst": "5/min", "anon_sustained": "100/day"}
    settings.API_THROTTLE_TRUSTED_IPS = []
    return settings


def test_a_scraper_is_stopped_with_the_error_body_and_retry_after(client, rates, upr_vocabularies):
    for _ in range(5):
        assert client.get(LISTING).status_code == 200
    response = client.get(LISTING)
    assert response.status_code == 429
    body = response.json()
    assert body["code"] == "throttled"
    assert body["status"] == 429
    assert 0 < int(response["Retry-After"]) <= 60
    # Another address is not affected.
    assert client.get(LISTING, REMOTE_ADDR="192.0.2.9").status_code == 200


def test_the_front_end_servers_are_not_throttled(client, rates, upr_vocabularies):
    rates.API_THROTTLE_TRUSTED_IPS = ["127.0.0.1"]
    for _ in range(8):
        assert client.get(LISTING).status_code == 200


def test_a_forged_forwarded_address_does_not_escape_the_throttle(client, rates, upr_vocabularies):
    for number in range(6):
        response = client.get(LISTING, HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
    assert response.status_code == 429


def test_production_rates_are_generous_for_a_person():
    from tests.support.settings import load_settings

    rates = load_settings("cms.settings.base", ["API_THROTTLE_RATES"])["API_THROTTLE_RATES"]
    assert rates == {
        "anon_burst": "300/min",
        "anon_sustained": "20000/day",
        "legal_aid_submit": "10/h",
        "legal_aid_status": "20/h",
        # A person subscribes once; the links of the mails are followed a few times.
        "newsletter_subscribe": "10/h",
        "newsletter_link": "60/h",
    }
