"""The checks a deployment runs: system checks, migrations in step with the models, check --deploy."""

import subprocess
import sys

import pytest

from django.core.management import call_command

from tests.support.settings import REPO, clean_environment


@pytest.mark.django_db
def test_models_and_migrations_are_in_step():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_check_deploy_with_production_settings_is_clean():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=clean_environment(
            DJANGO_SETTINGS_MODULE="cms.settings.production",
            SECRET_KEY="a-production-like-secret-key-Ab3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM5oQ7",
            ALLOWED_HOSTS="cms.example.org",
            LEGAL_AID_KEYS="hDbbIdnJyZUIzgp29F4-Sx64_D-E6Uq6yEdQ7y3BxM4=",
            AUDIT_LOG_KEY="test-audit-log-key",
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
