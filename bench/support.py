"""Shared set-up of the benchmarks: a throw-away PostgreSQL database with the schema migrated."""

import os
import sys
import uuid
from pathlib import Path

import psycopg

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"
SERVER_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")


def create_database(prefix="cms_bench", *, name=None):
    name = name or f"{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{SERVER_URL}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return name


def database_exists(name):
    with psycopg.connect(f"{SERVER_URL}/postgres", autocommit=True) as connection:
        return (
            connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None
        )


def drop_database(name):
    with psycopg.connect(f"{SERVER_URL}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def setup_django(database_name):
    os.environ["DATABASE_URL"] = f"{SERVER_URL}/{database_name}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    # Tasks are queued (as in production), not run inside the timed work.
    os.environ.setdefault("TASKS_BACKEND", "database")
    sys.path.insert(0, str(REPO))
    import django

    django.setup()


def migrate():
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_upr_vocabularies", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
