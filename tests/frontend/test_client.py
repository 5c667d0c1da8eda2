"""The API client on its own: conditional requests, the last good answer while the CMS is unreachable
(for longer than five minutes), and the keyed hash the CMS is given instead of an address."""

import hashlib
import hmac

import pytest

from django.core.cache import cache
from django.test import RequestFactory, override_settings

from frontend import api_client
from frontend.clients import relayed_client

FRONTEND = {
    "FRONTEND_API_TIMEOUT": 5,
    "FRONTEND_API_FRESH_SECONDS": 0,
    "FRONTEND_API_STALE_SECONDS": 86400,
    "FRONTEND_NUM_PROXIES": 0,
}


@pytest.fixture
def statuses(monkeypatch):
    """The status of every answer the client gets from the CMS."""
    seen = []
    session = api_client._session()
    original = session.get

    def get(*args, **kwargs):
        response = original(*args, **kwargs)
        seen.append(response.status_code)
        return response

    monkeypatch.setattr(session, "get", get)
    return seen


def test_an_answer_is_revalidated_with_its_etag(cms, statuses):
    with override_settings(CMS_API_URL=cms, **FRONTEND):
        first = api_client.get("pages/", {"type": "home.StandardPage", "fields": "_,title"})
        second = api_client.get("pages/", {"type": "home.StandardPage", "fields": "_,title"})
    assert statuses == [200, 304]
    assert first.data == second.data and not second.stale


def test_the_last_good_answer_is_served_for_longer_than_five_minutes(cms, monkeypatch):
    with override_settings(CMS_API_URL=cms, **FRONTEND):
        fresh = api_client.get("pages/", {"type": "home.HomePage", "fields": "_,title"})
    now = api_client.time.time()
    monkeypatch.setattr(api_client.time, "time", lambda: now + 6 * 60)
    # The same answer stored for a CMS that no longer answers (nothing listens on port 9).
    with override_settings(CMS_API_URL="http://127.0.0.1:9", **FRONTEND):
        key = api_client._cache_key(
            api_client.api_url("pages/", {"type": "home.HomePage", "fields": "_,title"})
        )
        cache.set(key, {"data": fresh.data, "etag": "", "checked": now})
        stale = api_client.get("pages/", {"type": "home.HomePage", "fields": "_,title"})
        assert stale.stale and stale.data == fresh.data and api_client.served_stale()
        with pytest.raises(api_client.CMSUnavailable):
            api_client.get("pages/", {"type": "home.NeverSeen"})


def test_api_errors_become_not_found_and_bad_request(cms):
    with override_settings(CMS_API_URL=cms, **FRONTEND):
        with pytest.raises(api_client.NotFound):
            api_client.get("pages/999999/")
        with pytest.raises(api_client.BadRequest) as error:
            api_client.get("recommendations/", {"cycle": "abc"})
    assert "cycle" in error.value.message


@override_settings(SECRET_KEY="the-public-site-key", FRONTEND_NUM_PROXIES=0)
def test_the_cms_is_given_a_keyed_hash_of_the_client_address_only():
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.7")
    expected = hmac.new(b"the-public-site-key", b"198.51.100.7", hashlib.sha256).hexdigest()
    assert relayed_client(request) == expected
    assert "198.51.100.7" not in relayed_client(request)
