"""Run the real task worker (``manage.py db_worker``) in its own process against the test database."""

import subprocess
import sys

from django.db import connection

from .settings import REPO, clean_environment


def test_database_url():
    database = connection.settings_dict
    if database["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{database['NAME']}"
    credentials = database["USER"] + (f":{database['PASSWORD']}" if database["PASSWORD"] else "")
    return f"postgres://{credentials}@{database['HOST']}:{database['PORT']}/{database['NAME']}"


def run_worker(*, timeout=120):
    """Process every task in the queue, then return the finished process."""
    result = subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload"],
        cwd=REPO,
        env=clean_environment(
            DJANGO_SETTINGS_MODULE="cms.settings.test",
            DATABASE_URL=test_database_url(),
            TASKS_BACKEND="database",
        ),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr
    return result
