"""Run the real task worker (``manage.py db_worker``) in its own process against the test database."""

import subprocess
import sys
import time

from django.db import connection

from .settings import REPO, clean_environment


def test_database_url():
    database = connection.settings_dict
    if database["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{database['NAME']}"
    credentials = database["USER"] + (f":{database['PASSWORD']}" if database["PASSWORD"] else "")
    return f"postgres://{credentials}@{database['HOST']}:{database['PORT']}/{database['NAME']}"


def worker_environment(settings_module="cms.settings.test", **variables):
    return clean_environment(
        DJANGO_SETTINGS_MODULE=settings_module,
        DATABASE_URL=test_database_url(),
        TASKS_BACKEND="database",
        **variables,
    )


def run_worker(*arguments, timeout=120, **variables):
    """Process every task in the queue, then return the finished process."""
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--batch",
            "--no-startup-delay",
            "--no-reload",
            *arguments,
        ],
        cwd=REPO,
        env=worker_environment(**variables),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr
    return result


def start_worker(*arguments, settings_module="cms.settings.test", log=None, **variables):
    """A worker serving until it is stopped (``stop_worker``)."""
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--no-startup-delay",
            "--no-reload",
            "--interval=0.2",
            *arguments,
        ],
        cwd=REPO,
        env=worker_environment(settings_module, **variables),
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
    )


def stop_worker(process, timeout=20):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=timeout)


def wait_for(condition, *, timeout, interval=0.2, message="condition"):
    """Poll ``condition()`` until it is true, at most ``timeout`` seconds; return its last value."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            assert value, f"{message}: not reached within {timeout}s"
            return value
        time.sleep(interval)
