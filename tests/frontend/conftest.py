"""The CMS with the demo content on loopback, and the public site started against it, once per run.

The CMS runs in a thread of the test run over the test database, where the demo is loaded once
for this package (committed, as on a real server); after its last test the database is emptied
and put back as the rest of the suite expects it. Its files go to a folder of the run, for every test.
"""

from pathlib import Path

import pytest

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.testcases import LiveServerThread, _MediaFilesHandler

from tests.support.site_tree import ensure_base_tree, ensure_upr_vocabularies

from .servers import PublicSite

LANGUAGES = ("en", "fr", "rw")


def in_package(item):
    return Path(__file__).parent in Path(item.fspath).parents


def pytest_collection_modifyitems(items):
    """The package's tests marked as using the database, so that the test database is set up even
    when they run alone (the ``cms`` fixture writes the demo there, and empties it afterwards).

    When pytest-xdist splits the run (``--dist loadgroup``), they all go to one worker, so that
    the demo is loaded once and the servers started once.
    """
    for item in items:
        if in_package(item):
            item.add_marker(pytest.mark.django_db)
            item.add_marker(pytest.mark.xdist_group("frontend"))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """The mark served the database's set-up; the test itself runs outside a transaction (see
    ``_database_as_another_process_sees_it``)."""
    if in_package(item):
        item.own_markers = [mark for mark in item.own_markers if mark.name != "django_db"]


@pytest.fixture(autouse=True)
def _database_as_another_process_sees_it(cms, django_db_blocker):
    """The tests read the database as any other process would: committed rows, no transaction
    held around the test.

    A test wrapped in a transaction would hold SQLite's write lock for its whole length (the
    project's transactions begin ``IMMEDIATE``), and every write of the CMS it talks to (a
    subscription, a request, a rendition) would wait behind it.
    """
    with django_db_blocker.unblock():
        yield


def restore_database():
    """The database as a transactional test leaves it (emptied, with the migrations' data put back)."""
    call_command("flush", interactive=False, verbosity=0)
    serialized = getattr(connection, "_test_serialized_contents", None)
    if serialized:
        connection.creation.deserialize_db_from_string(serialized)
    ContentType.objects.clear_cache()
    ensure_base_tree()
    ensure_upr_vocabularies()


@pytest.fixture(scope="session")
def cms_media(tmp_path_factory):
    return tmp_path_factory.mktemp("cms-media")


@pytest.fixture(autouse=True)
def _media_root():
    """Left as the ``cms`` fixture sets it: the CMS's files in one folder for the package.

    (The suite's own gives each test a folder through the ``settings`` fixture, whose undoing at
    the end of a test would also undo the ``cms`` fixture's settings.)
    """


@pytest.fixture(scope="package")
def cms(django_db_setup, django_db_blocker, cms_media):
    """The CMS's address: the demo content served by a thread of the run."""
    overrides = override_settings(
        MEDIA_ROOT=cms_media,
        API_CACHE_SERVER_SECONDS=3600,
        API_THROTTLE_TRUSTED_IPS=["127.0.0.1"],
        LEGAL_AID_SUBMIT_RATE="100000/m",
        LEGAL_AID_STATUS_RATE="100000/m",
        ALLOWED_HOSTS=["*"],
    )
    with django_db_blocker.unblock():
        # Never the development database: the demo is written, then emptied, here.
        test_name = connection.settings_dict.get("TEST", {}).get("NAME")
        assert test_name and connection.settings_dict["NAME"] == test_name, "not on the test database"
        overrides.enable()
        if not ContentType.objects.exists():
            # The package runs after the transactional tests; the last of them, rolled back by
            # serialisation, left the tables empty for the next to fill: fill them as it would.
            restore_database()
        ensure_base_tree()
        call_command("load_demo", stdout=None)
        server = LiveServerThread("127.0.0.1", _MediaFilesHandler, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        try:
            yield f"http://127.0.0.1:{server.port}"
        finally:
            server.terminate()
            restore_database()
            ensure_upr_vocabularies()
            overrides.disable()


@pytest.fixture(scope="package")
def public_site(cms):
    """The public site's address, pointed at the CMS."""
    public_site = PublicSite(cms).start()
    yield public_site.url
    log = public_site.stop()
    assert "Traceback" not in log, log


@pytest.fixture
def english_only_news(cms):
    """A news item published in English alone (the demo translates every page): its path, for as
    long as the test runs."""
    from publications.factories import NewsPageFactory
    from publications.models import NewsIndexPage

    index = NewsIndexPage.objects.get(locale__language_code="en")
    news = NewsPageFactory(parent=index, title="Only in English for now", slug="only-in-english")
    news.save_revision().publish()
    try:
        yield "/en/news/only-in-english/"
    finally:
        news.delete()
