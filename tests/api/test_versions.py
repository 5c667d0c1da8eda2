"""One content-version mechanism: what moves which version, and answers that are never stale."""

import socket
import subprocess
import sys
import time

import pytest
import requests

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Revision

from api import versions
from api.models import ContentVersion
from legal_aid.models import AuditEntry, LegalAidRequest
from publications.factories import NewsIndexPageFactory, NewsPageFactory
from publications.models import NewsPage
from tests.support.settings import REPO
from upr.models import Country, Recommendation

pytestmark = pytest.mark.django_db

PAGES = reverse("wagtailapi:pages:listing")
RECOMMENDATIONS = reverse("wagtailapi:recommendations:listing")
THEMES = reverse("wagtailapi:themes:listing")


@pytest.fixture(autouse=True)
def _answers_kept(settings):
    settings.API_CACHE_SERVER_SECONDS = 3600


def test_each_model_says_which_answers_its_changes_move():
    assert versions.moved_by(NewsPage) == ("content",)
    assert versions.moved_by(Recommendation) == ("recommendations",)
    assert versions.moved_by(Country) == ("vocabularies",)
    # Never shown: a journalist's request, its audit trail, Wagtail's revisions.
    assert versions.moved_by(LegalAidRequest) == ()
    assert versions.moved_by(AuditEntry) == ()
    assert versions.moved_by(Revision) == ()
    assert versions.moved_by(ContentVersion) == ()


def test_a_news_edit_leaves_the_recommendations_answers_warm(
    client, home_pages, upr_vocabularies, django_capture_on_commit_callbacks
):
    recommendations = client.get(RECOMMENDATIONS, {"limit": 1})
    pages = client.get(PAGES)
    with django_capture_on_commit_callbacks(execute=True):
        index = NewsIndexPageFactory(parent=home_pages["en"])
        NewsPageFactory(parent=index, title="Radio journalist released").save_revision().publish()
    assert client.get(PAGES)["ETag"] != pages["ETag"]
    again = client.get(RECOMMENDATIONS, {"limit": 1}, HTTP_IF_NONE_MATCH=recommendations["ETag"])
    assert again.status_code == 304


def test_a_version_moved_by_another_process_is_seen_at_once(client, home_pages):
    """A worker or an import from the command line writes the version in the database: without a
    shared cache, the web process reads it there on the next request, never an old copy."""
    first = client.get(THEMES)
    assert client.get(THEMES, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    ContentVersion.objects.update_or_create(name="vocabularies", defaults={"changed_at": timezone.now()})
    second = client.get(THEMES, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]


def test_with_no_answers_kept_none_is_served(client, home_pages, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(PAGES)
    with CaptureQueriesContext(connection) as kept:
        assert client.get(PAGES).status_code == 200
    settings.API_CACHE_SERVER_SECONDS = 0
    with CaptureQueriesContext(connection) as built:
        assert client.get(PAGES).status_code == 200
    # The kept answer costs the one query of the versions; switched off, the view runs again.
    assert len(kept) == 1
    assert len(built) > 1


def test_an_immutable_value_is_kept_in_the_process_until_its_versions_move(
    django_capture_on_commit_callbacks,
):
    from django.core.cache import cache

    computed = []

    def compute():
        computed.append(1)
        return ("/0001/",)

    def read():
        return versions.cached([versions.SUMMARIES], "test-immutable", (), compute, immutable=True)

    assert read() == ("/0001/",)
    cache.clear()  # not in the shared cache any more: still in the process, for the same versions
    assert read() == ("/0001/",)
    assert len(computed) == 1
    time.sleep(0.01)
    with django_capture_on_commit_callbacks(execute=True):
        versions.bump(versions.SUMMARIES)  # another version: computed again, never the old value
    assert read() == ("/0001/",)
    assert len(computed) == 2


def test_a_rolled_back_change_moves_nothing(home_pages):
    from django.db import transaction

    before = versions.current(versions.NAMES)

    class Rollback(Exception):
        pass

    with pytest.raises(Rollback), transaction.atomic():
        versions.bump(versions.CONTENT)
        raise Rollback
    assert versions.current(versions.NAMES) == before


def test_the_versions_of_one_commit_move_together_and_its_receivers_hear_once(
    home_pages, monkeypatch, django_capture_on_commit_callbacks
):
    from django.db import transaction

    heard = []
    monkeypatch.setattr(versions, "_after_bump", [heard.append])
    before = versions.current(versions.NAMES)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        versions.bump(versions.CONTENT)
        with transaction.atomic():  # a savepoint, as a page's publication opens several
            versions.bump(versions.ASSETS, versions.page_version(7))
            with transaction.atomic():
                versions.bump(versions.CONTENT, versions.SEARCH)
    after = versions.current([*versions.NAMES, versions.page_version(7)])
    moved = {name for name in versions.NAMES if after[name] != before[name]}
    assert moved == {versions.CONTENT, versions.ASSETS, versions.SEARCH}
    assert heard == [sorted([versions.CONTENT, versions.ASSETS, versions.page_version(7), versions.SEARCH])]


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_with_the_database_out_of_reach_the_api_answers_503_with_retry_after(tmp_path):
    """A real web process whose PostgreSQL is not there (nothing listens on its port)."""
    port = _free_port()
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "127.0.0.1",
        "LEGAL_AID_KEYS": "hDbbIdnJyZUIzgp29F4-Sx64_D-E6Uq6yEdQ7y3BxM4=",
        "AUDIT_LOG_KEY": "test-audit-log-key",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{_free_port()}/nowhere",
        "SECURE_SSL_REDIRECT": "false",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # The worker loads the project on its first request: slow on a busy machine.
        deadline = time.monotonic() + 90
        while True:
            try:
                response = requests.get(f"http://127.0.0.1:{port}/api/v2/pages/", timeout=60)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline, "the web process did not start"
                time.sleep(0.2)
        assert response.status_code == 503
        assert response.headers["Retry-After"] == "30"
        assert response.json()["code"] == "unavailable"
        submitted = requests.post(
            f"http://127.0.0.1:{port}/api/v2/legal-aid/forms/3/", json={"name": "x"}, timeout=60
        )
        assert submitted.status_code == 503
        assert submitted.json()["code"] == "unavailable"
    finally:
        server.terminate()
        server.wait(timeout=10)
