"""Load a settings module in a fresh interpreter with a given environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# Every variable that cms.settings reads; the tests start from none of them.
PROJECT_VARIABLES = {
    "ALLOWED_HOSTS",
    "AWS_ACCESS_KEY_ID",
    "AWS_LOCATION",
    "AWS_S3_ADDRESSING_STYLE",
    "AWS_S3_CUSTOM_DOMAIN",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_STORAGE_BUCKET_NAME",
    "API_CACHE_MAX_AGE",
    "API_CACHE_SERVER_SECONDS",
    "API_CACHE_SHARED_MAX_AGE",
    "API_NUM_PROXIES",
    "API_THROTTLE_BURST_RATE",
    "API_THROTTLE_SUSTAINED_RATE",
    "API_THROTTLE_TRUSTED_IPS",
    "CLOUDFLARE_BEARER_TOKEN",
    "CLOUDFLARE_ZONEID",
    "CORS_ALLOWED_ORIGINS",
    "CORS_PREFLIGHT_MAX_AGE",
    "CSRF_TRUSTED_ORIGINS",
    "DATABASE_URL",
    "DEBUG",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DJANGO_SETTINGS_MODULE",
    "ELASTICSEARCH_URL",
    "FRONTEND_CACHE_PURGE_URL",
    "HEADLESS_PREVIEW_URL",
    "LEGAL_AID_KEYS",
    "AUDIT_LOG_KEY",
    "ADMINS",
    "SENTRY_DSN",
    "EMAIL_BACKEND",
    "EMAIL_HOST",
    "REDIS_URL",
    "SECRET_KEY",
    "TASKS_BACKEND",
}

DUMP = """
import importlib, json, sys
module = importlib.import_module(sys.argv[1])
names = sys.argv[2:]
print(json.dumps({name: getattr(module, name, None) for name in names}, default=str))
"""


def clean_environment(**variables):
    environment = {key: value for key, value in os.environ.items() if key not in PROJECT_VARIABLES}
    environment.update(variables)
    return environment


def run_settings(module, names, **variables):
    """Return the completed process that imports ``module`` and prints ``names`` as JSON."""
    return subprocess.run(
        [sys.executable, "-c", DUMP, module, *names],
        cwd=REPO,
        env=clean_environment(**variables),
        capture_output=True,
        text=True,
        timeout=60,
    )


def run_django(script, settings_module="cms.settings.dev", **variables):
    """Run ``script`` in a new process with Django set up on ``settings_module`` and only ``variables``
    of the project's environment; the completed process (it is expected to succeed)."""
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + script],
        cwd=REPO,
        env=clean_environment(DJANGO_SETTINGS_MODULE=settings_module, **variables),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result


def load_settings(module, names, **variables):
    result = run_settings(module, names, **variables)
    if result.returncode != 0:
        raise AssertionError(f"importing {module} failed:\n{result.stderr}")
    return json.loads(result.stdout)
