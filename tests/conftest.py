"""Fixtures shared by the whole suite: the site tree in three languages, and S3."""

import uuid

import pytest

from django.conf import settings as django_settings
from django.core.files.storage import default_storage

from wagtail.models import Page, Site

from home.factories import HomePageFactory
from home.models import HomePage
from locales.translation import ensure_locales, ensure_site_root_translations

from .support.seaweedfs import SeaweedFSProcess


def pytest_report_header(config):
    engine = django_settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return f"database: {engine}"


@pytest.fixture
def locales(db):
    """The content locales, by language code: en, fr and rw."""
    return {locale.language_code: locale for locale in ensure_locales()}


@pytest.fixture
def home_pages(locales):
    """The site's home page in every locale, the English one being the default Site's root.

    Migrations create the English home page; a test that flushed the
    database (a transactional test) gets it built again here.
    """
    home = HomePage.objects.filter(locale=locales["en"], depth=2).first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(title="Root", locale=locales["en"])
        home = HomePageFactory(parent=root, locale=locales["en"], slug="home")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return ensure_site_root_translations(home)


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
