"""HTTP caching of the API: validators, 304s, invalidation when content changes, CDN purges."""

import pytest

from django.urls import reverse

from publications.factories import PublicationIndexPageFactory, PublicationPageFactory
from tests.support import frontend_cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _answers_kept(settings):
    settings.API_CACHE_SERVER_SECONDS = 3600


PAGES = reverse("wagtailapi:pages:listing")


@pytest.fixture
def index(home_pages, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        index = PublicationIndexPageFactory(parent=home_pages["en"])
        index.save_revision().publish()
    return index


def publish(page, callbacks):
    with callbacks(execute=True):
        page.save_revision().publish()
    return page


def test_a_public_read_has_validators_and_may_be_cached(client, index, settings):
    response = client.get(PAGES)
    assert response.status_code == 200
    assert response["ETag"].startswith('W/"')
    assert response["Last-Modified"].endswith("GMT")
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert cache_control == {
        "public",
        f"max-age={settings.API_CACHE_MAX_AGE}",
        f"s-maxage={settings.API_CACHE_SHARED_MAX_AGE}",
    }
    assert "accept-language" in response["Vary"].lower()


def test_a_conditional_read_is_answered_with_304_until_content_changes(
    client, index, django_capture_on_commit_callbacks
):
    first = client.get(PAGES)
    etag = first["ETag"]
    again = client.get(PAGES, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert "public" in again["Cache-Control"]
    assert client.get(PAGES, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304

    publish(PublicationPageFactory(parent=index, title="New report"), django_capture_on_commit_callbacks)
    changed = client.get(PAGES, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert "New report" in [item["title"] for item in changed.json()["items"]]


def test_each_address_and_language_has_its_own_etag(client, index):
    english = client.get(PAGES)["ETag"]
    assert client.get(PAGES, {"locale": "fr"})["ETag"] != english
    assert client.get(PAGES, HTTP_ACCEPT_LANGUAGE="fr")["ETag"] != english


def test_a_rolled_back_change_changes_nothing_and_later_changes_still_count(
    client, index, django_capture_on_commit_callbacks
):
    from django.db import transaction

    etag = client.get(PAGES)["ETag"]
    with pytest.raises(RuntimeError), transaction.atomic():
        PublicationPageFactory(parent=index, title="Never")
        raise RuntimeError
    assert client.get(PAGES, HTTP_IF_NONE_MATCH=etag).status_code == 304
    publish(PublicationPageFactory(parent=index, title="Later"), django_capture_on_commit_callbacks)
    assert client.get(PAGES, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_errors_and_reads_by_editors_are_not_shared(client, index, django_user_model):
    missing = client.get(reverse("wagtailapi:pages:detail", args=[999_999]))
    assert missing.status_code == 404
    assert "no-cache" in missing["Cache-Control"]
    assert "ETag" not in missing
    client.force_login(django_user_model.objects.create_user("editor", password="x"))
    assert "private" in client.get(PAGES)["Cache-Control"]


def test_publishing_purges_the_api_from_the_frontend_cache(
    index, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": "tests.support.frontend_cache.RecordingBackend"}}
    frontend_cache.PURGED.clear()
    page = publish(PublicationPageFactory(parent=index, title="Purged"), django_capture_on_commit_callbacks)
    purged = set(frontend_cache.PURGED)
    base = settings.WAGTAILAPI_BASE_URL
    assert f"{base}/api/v2/pages/{page.pk}/" in purged
    assert {f"{base}/api/v2/pages/", f"{base}/api/v2/recommendations/", f"{base}/api/v2/search/"} <= purged


def test_nothing_is_purged_without_a_frontend_cache(index, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}
    frontend_cache.PURGED.clear()
    publish(PublicationPageFactory(parent=index, title="Not purged"), django_capture_on_commit_callbacks)
    assert frontend_cache.PURGED == []


def test_the_proxy_or_cloudflare_purge_is_switched_on_by_one_variable():
    from tests.support.settings import load_settings

    names = ["WAGTAILFRONTENDCACHE", "INSTALLED_APPS"]
    assert load_settings("cms.settings.base", names)["WAGTAILFRONTENDCACHE"] is None
    proxy = load_settings("cms.settings.base", names, FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081")
    assert proxy["WAGTAILFRONTENDCACHE"]["proxy"]["LOCATION"] == "http://127.0.0.1:6081"
    assert "wagtail.contrib.frontend_cache" in proxy["INSTALLED_APPS"]
    cloudflare = load_settings(
        "cms.settings.base", names, CLOUDFLARE_ZONEID="zone", CLOUDFLARE_BEARER_TOKEN="t"
    )
    assert cloudflare["WAGTAILFRONTENDCACHE"]["cloudflare"]["ZONEID"] == "zone"


@pytest.mark.parametrize("versions_in_cache", [True, False], ids=["shared cache", "database"])
def test_the_next_reader_of_an_address_gets_the_kept_answer_without_a_query(
    client, index, django_assert_num_queries, django_capture_on_commit_callbacks, settings, versions_in_cache
):
    # With a shared cache (Redis) the content versions are read from it: no query at all; with
    # the per-process default, from the database, where every process sees the same: one query.
    settings.API_VERSIONS_IN_CACHE = versions_in_cache
    params = {"type": "publications.PublicationPage", "fields": "title"}
    first = client.get(PAGES, params)
    with django_assert_num_queries(0 if versions_in_cache else 1):
        again = client.get(PAGES, params)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Content-Type"] == "application/json"
    # A change of content: the kept answer is not used any more.
    publish(PublicationPageFactory(parent=index, title="Second report"), django_capture_on_commit_callbacks)
    assert [item["title"] for item in client.get(PAGES, params).json()["items"]] == ["Second report"]


def test_a_kept_answer_is_served_before_the_view_and_its_throttles(client, index, settings):
    """Kept answers cost the server next to nothing: they are answered before REST framework runs,
    so a client over its limit still gets them (as from a CDN), and nothing else."""
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "anon_burst": "1/min"}
    first = client.get(PAGES)
    assert first.status_code == 200
    again = client.get(PAGES)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert "public" in again["Cache-Control"]
    assert client.get(PAGES, {"type": "publications.PublicationIndexPage"}).status_code == 429
