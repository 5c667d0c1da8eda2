"""Settings for the test suite.

The database still follows DATABASE_URL, so the same suite runs on SQLite
and on PostgreSQL; everything else is fixed here.
"""

from .base import *
from .base import env, tasks_from_env

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

# Throttling has its own tests; the rest of the suite (schemathesis above all) reads freely.
API_THROTTLE_RATES = {**API_THROTTLE_RATES, "anon_burst": None, "anon_sustained": None}

# Tests change content inside a transaction that never commits, so the content version (moved
# on at commit) would not move: answers are not kept in the cache, except by the tests of that
# cache (tests/home/test_caching.py).
API_CACHE_SERVER_SECONDS = 0
# Nor are pages' details stored (api/stored_pages.py), except by the tests of those.
API_STORED_PAGES = False
# A fixed key for the tests (never used anywhere else).
LEGAL_AID_KEYS = ["hDbbIdnJyZUIzgp29F4-Sx64_D-E6Uq6yEdQ7y3BxM4="]
LEGAL_AID_NOTIFY_EMAILS = ["legal-team@example.org"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Local files and the database search backend whatever the environment
# says; the S3 tests point the default storage at their own bucket.
# Static files straight from the apps, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}

# Tasks run where they are enqueued; the tests of the queued path switch
# to the database backend and start the real worker.
TASKS = tasks_from_env(default="immediate")
# Workers started by tests enqueue no periodic work of their own (tests/background tests it).
BACKGROUND_PERIODIC_TASKS = {}

MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / ".test-media")
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = "http://testserver"

# A file for SQLite so that --reuse-db can keep it between runs; a fixed
# name for PostgreSQL. TEST_DATABASE_NAME lets two checkouts test side by side.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {
        "NAME": env.str("TEST_DATABASE_NAME", default=str(BASE_DIR / ".test-db.sqlite3"))
    }
else:
    DATABASES["default"]["TEST"] = {"NAME": env.str("TEST_DATABASE_NAME", default="cms_test")}
