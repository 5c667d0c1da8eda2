"""Each environment variable switches on the production part it names, and nothing else."""

import re

import pytest

from tests.support.settings import REPO, load_settings, run_django, run_settings

# Two Fernet keys, for the settings tests only.
KEY = "hDbbIdnJyZUIzgp29F4-Sx64_D-E6Uq6yEdQ7y3BxM4="
OLD_KEY = "q3Yb0m0ZzYV2Zx6iX8u3iKQ3j2m0VnQm8lQe2r2JqV8="

NAMES = [
    "DATABASES",
    "STORAGES",
    "WAGTAILSEARCH_BACKENDS",
    "TASKS",
    "WAGTAILDOCS_SERVE_METHOD",
    "INSTALLED_APPS",
]


@pytest.fixture(scope="module")
def defaults():
    return load_settings("cms.settings.base", NAMES)


def test_with_no_variables_everything_is_embedded(defaults):
    assert defaults["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert defaults["DATABASES"]["default"]["NAME"].endswith("db.sqlite3")
    assert defaults["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert defaults["WAGTAILSEARCH_BACKENDS"]["default"]["BACKEND"] == "wagtail.search.backends.database"
    assert defaults["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"
    assert "django.contrib.postgres" not in defaults["INSTALLED_APPS"]


def test_database_url_selects_postgresql(defaults):
    loaded = load_settings(
        "cms.settings.base", NAMES, DATABASE_URL="postgres://cms:pw@db.example.org:5433/upr"
    )
    database = loaded["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"], database["USER"]) == (
        "db.example.org",
        5433,
        "upr",
        "cms",
    )
    assert "django.contrib.postgres" in loaded["INSTALLED_APPS"]
    # The other switches stay where they were.
    assert loaded["STORAGES"] == defaults["STORAGES"]
    # The same database search backend, matching without accents in PostgreSQL's way.
    assert loaded["WAGTAILSEARCH_BACKENDS"] == {
        "default": {**defaults["WAGTAILSEARCH_BACKENDS"]["default"], "SEARCH_CONFIG": "cms_english"}
    }


def test_bucket_selects_private_s3_storage(defaults):
    loaded = load_settings(
        "cms.settings.base",
        NAMES,
        AWS_STORAGE_BUCKET_NAME="upr-reports",
        AWS_S3_ENDPOINT_URL="https://objects.example.org",
        AWS_S3_REGION_NAME="eu-central-1",
        AWS_ACCESS_KEY_ID="key-id",
        AWS_SECRET_ACCESS_KEY="secret",
    )
    storage = loaded["STORAGES"]["default"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert options["bucket_name"] == "upr-reports"
    assert options["endpoint_url"] == "https://objects.example.org"
    assert options["region_name"] == "eu-central-1"
    assert (options["access_key"], options["secret_key"]) == ("key-id", "secret")
    # Nothing is public: private ACL, signed URLs, no silent overwrite.
    assert options["default_acl"] == "private"
    assert options["querystring_auth"] is True
    assert options["file_overwrite"] is False
    assert loaded["WAGTAILDOCS_SERVE_METHOD"] == "redirect"
    assert loaded["DATABASES"] == defaults["DATABASES"]


def test_elasticsearch_url_selects_elasticsearch_9(defaults):
    loaded = load_settings("cms.settings.base", NAMES, ELASTICSEARCH_URL="https://search.example.org:9200")
    backend = loaded["WAGTAILSEARCH_BACKENDS"]["default"]
    assert backend["BACKEND"] == "wagtail.search.backends.elasticsearch9"
    assert backend["URLS"] == ["https://search.example.org:9200"]
    assert "INDEX" not in backend
    assert loaded["STORAGES"] == defaults["STORAGES"]


def test_tasks_backend_selects_where_tasks_run():
    assert load_settings("cms.settings.base", ["TASKS"])["TASKS"]["default"]["BACKEND"] == (
        "background.backends.DatabaseBackend"
    )
    assert load_settings("cms.settings.dev", ["TASKS"])["TASKS"]["default"]["BACKEND"] == (
        "background.backends.ImmediateBackend"
    )
    assert load_settings("cms.settings.dev", ["TASKS"], TASKS_BACKEND="database")["TASKS"]["default"][
        "BACKEND"
    ] == ("background.backends.DatabaseBackend")


def test_an_unknown_tasks_backend_is_refused():
    result = run_settings("cms.settings.base", ["TASKS"], TASKS_BACKEND="celery")
    assert result.returncode != 0
    assert "TASKS_BACKEND" in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings(
        "cms.settings.production", ["DEBUG"], ALLOWED_HOSTS="cms.example.org", LEGAL_AID_KEYS=KEY
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_settings("cms.settings.production", ["DEBUG"], SECRET_KEY="x" * 60, LEGAL_AID_KEYS=KEY)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_production_refuses_to_start_without_legal_aid_keys():
    result = run_settings(
        "cms.settings.production", ["DEBUG"], SECRET_KEY="x" * 60, ALLOWED_HOSTS="cms.example.org"
    )
    assert result.returncode != 0
    assert "LEGAL_AID_KEYS is not set" in result.stderr


def test_production_refuses_to_start_without_an_audit_log_key():
    result = run_settings(
        "cms.settings.production",
        ["DEBUG"],
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="cms.example.org",
        LEGAL_AID_KEYS=KEY,
    )
    assert result.returncode != 0
    assert "AUDIT_LOG_KEY is not set" in result.stderr


def test_development_seals_the_audit_log_with_a_fixed_key():
    assert load_settings("cms.settings.dev", ["AUDIT_LOG_KEY"])["AUDIT_LOG_KEY"]


def test_production_reads_the_legal_aid_keys_newest_first():
    loaded = load_settings(
        "cms.settings.production",
        ["LEGAL_AID_KEYS"],
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="cms.example.org",
        LEGAL_AID_KEYS=f"{KEY},{OLD_KEY}",
        AUDIT_LOG_KEY="test-audit-log-key",
    )
    assert loaded["LEGAL_AID_KEYS"] == [KEY, OLD_KEY]


def test_development_derives_a_legal_aid_key_from_the_secret_key():
    loaded = load_settings("cms.settings.dev", ["LEGAL_AID_KEYS"])
    assert len(loaded["LEGAL_AID_KEYS"]) == 1


def test_production_reads_its_secrets_from_the_environment():
    loaded = load_settings(
        "cms.settings.production",
        ["DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "SESSION_COOKIE_SECURE"],
        SECRET_KEY="k" * 60,
        LEGAL_AID_KEYS=KEY,
        AUDIT_LOG_KEY="test-audit-log-key",
        ALLOWED_HOSTS="cms.example.org,www.example.org",
        CSRF_TRUSTED_ORIGINS="https://cms.example.org",
    )
    assert loaded["DEBUG"] is False
    assert loaded["SECRET_KEY"] == "k" * 60
    assert loaded["ALLOWED_HOSTS"] == ["cms.example.org", "www.example.org"]
    assert loaded["CSRF_TRUSTED_ORIGINS"] == ["https://cms.example.org"]
    assert loaded["SESSION_COOKIE_SECURE"] is True


def test_every_variable_read_by_the_settings_is_listed_in_env_example():
    read = set()
    for module in (REPO / "cms" / "settings").glob("*.py"):
        read |= set(re.findall(r'env\.\w+\(\s*"([A-Z][A-Z0-9_]+)"', module.read_text()))
    listed = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (REPO / ".env.example").read_text(), re.MULTILINE))
    assert read, "no env() calls found in cms/settings"
    assert read - listed == set()


def test_redis_url_shares_the_cache_and_the_content_versions_through_redis():
    """With REDIS_URL, Django's Redis cache works as installed (the redis client is a requirement)."""
    script = (
        "from django.conf import settings; from django.core.cache import cache\n"
        "key = 'settings-test-' + str(__import__('os').getpid())\n"
        "cache.set(key, 'shared', 30); assert cache.get(key) == 'shared'; cache.delete(key)\n"
        "print(settings.CACHES['default']['BACKEND'], settings.API_VERSIONS_IN_CACHE)\n"
    )
    result = run_django(script, REDIS_URL="redis://127.0.0.1:6379/14")
    assert result.stdout.split() == ["django.core.cache.backends.redis.RedisCache", "True"]


def test_server_errors_go_to_the_admins_named_in_the_environment():
    loaded = load_settings(
        "cms.settings.base",
        ["ADMINS", "SERVER_EMAIL"],
        ADMINS="Operations <ops@example.org>, duty@example.org",
        SERVER_EMAIL="cms@example.org",
    )
    assert loaded["ADMINS"] == [["Operations", "ops@example.org"], ["duty@example.org", "duty@example.org"]]
    assert loaded["SERVER_EMAIL"] == "cms@example.org"
    assert load_settings("cms.settings.base", ["ADMINS"])["ADMINS"] == []


def test_email_url_configures_the_mail_in_one_variable():
    loaded = load_settings(
        "cms.settings.base",
        [
            "EMAIL_HOST",
            "EMAIL_PORT",
            "EMAIL_HOST_USER",
            "EMAIL_HOST_PASSWORD",
            "EMAIL_USE_TLS",
            "EMAIL_USE_SSL",
        ],
        EMAIL_URL="submission://news%40example.org:s%40cret@smtp.example.org:587",
        EMAIL_HOST="ignored.example.org",
    )
    assert loaded == {
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "news@example.org",
        "EMAIL_HOST_PASSWORD": "s@cret",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
    }


def test_a_mail_goes_out_through_the_server_of_email_url():
    """A process configured by EMAIL_URL alone sends to that server (a real SMTP server on loopback)."""
    from tests.support.smtp import SMTPSink

    sink = SMTPSink().start()
    try:
        script = (
            "from django.core.mail import send_mail\n"
            "send_mail('Configured by one address', 'Body', 'cms@example.org', ['editor@example.org'])\n"
        )
        run_django(script, EMAIL_URL=f"smtp://127.0.0.1:{sink.port}")
        [message] = sink.inbox.snapshot()
        assert (message["subject"], message["to"]) == ("Configured by one address", ["editor@example.org"])
    finally:
        sink.stop()
