"""Fixtures shared by the whole suite: the site tree in three languages, and S3."""

import uuid

import pytest

from django.conf import settings as django_settings
from django.core.files.storage import default_storage

from wagtail.models import Site

from locales.translation import ensure_locales, ensure_site_root_translations

from .support.reused_db import emptied
from .support.seaweedfs import SeaweedFSProcess
from .support.site_tree import ensure_base_tree, ensure_upr_vocabularies


def pytest_configure(config):
    if config.getoption("reuse_db", False) and emptied(
        django_settings.DATABASES["default"], worker_id(config)
    ):
        config.option.create_db = True


def worker_id(config):
    """The pytest-xdist worker this process is ("gw0", "gw1"…), None when the run is not split."""
    return getattr(config, "workerinput", {}).get("workerid")


def pytest_report_header(config):
    engine = django_settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return f"database: {engine}"


@pytest.fixture
def locales(db):
    """The content locales, by language code: en, fr and rw."""
    return {locale.language_code: locale for locale in ensure_locales()}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        ensure_base_tree()
        ensure_upr_vocabularies()


@pytest.fixture
def upr_vocabularies(locales):
    """States, organisations, cycles, sessions, UPR Info issues and SDGs, in en (and fr, rw where known)."""
    ensure_upr_vocabularies()


@pytest.fixture
def rwanda_recommendations(upr_vocabularies, django_capture_on_commit_callbacks):
    """Rwanda's recommendations of the UPR Info export (125), imported as an editor would, with what
    follows the commit (their search entries, the counts) run: the original rows."""
    from tests.support.files import SHARED_DATA
    from upr.importers.service import import_recommendations
    from upr.models import Recommendation

    with (
        django_capture_on_commit_callbacks(execute=True),
        open(SHARED_DATA / "upr-info" / "rwanda.csv", "rb") as file,
    ):
        import_recommendations(file, filename="rwanda.csv")
    return Recommendation.objects.originals()


@pytest.fixture
def home_pages(locales, django_capture_on_commit_callbacks):
    """The site's home page in every locale, the English one being the default Site's root."""
    home = ensure_base_tree()
    # wagtail-localize publishes a translation when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        pages = ensure_site_root_translations(home)
    return {code: page.specific_class.objects.get(pk=page.pk) for code, page in pages.items()}


@pytest.fixture
def site(home_pages):
    return Site.objects.get(is_default_site=True)


# S3 ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def seaweedfs():
    """A SeaweedFS server on loopback for the whole run, started on first use."""
    process = SeaweedFSProcess()
    try:
        yield process.start()
    finally:
        process.stop()


@pytest.fixture
def s3_bucket(seaweedfs, settings):
    """A fresh, private bucket that every upload of the test goes to, as in production."""
    bucket = f"cms-test-{uuid.uuid4().hex[:12]}"
    seaweedfs.client().create_bucket(Bucket=bucket)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": seaweedfs.storage_options(bucket),
        },
    }
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"
    assert default_storage.bucket_name == bucket
    return bucket


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Local uploads of a test land in its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: what a test cached was about data rolled back since."""
    from django.core.cache import cache

    cache.clear()


# A real browser --------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless. Missing Chromium fails the run under CI and skips elsewhere."""
    import os

    from playwright.sync_api import sync_playwright

    from .support.browser import CHROMIUM_ARGS, chromium_path

    executable = chromium_path()
    if not executable:
        if os.environ.get("CI"):
            pytest.fail("Chromium is not installed (apt-get install chromium): browser tests cannot run")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    # Playwright's synchronous API runs an event loop in this thread; the
    # tests still talk to the database synchronously, which is safe here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=executable, headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    yield page
    context.close()
