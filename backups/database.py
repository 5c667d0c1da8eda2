"""The database half of a backup: a dump from one snapshot, with the file names that snapshot refers to."""

import os
import shutil
import sqlite3
import subprocess
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, models, transaction


class BackupError(Exception):
    """The backup or the restore cannot go on: nothing half-made is left to be taken for good."""


def file_columns():
    """(table, column) of every FileField (documents, images, renditions, attachments' names are CharFields)."""
    columns = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                columns.append((model._meta.db_table, field.column))
    return columns


def referenced_names(cursor, extra_columns=()):
    names = set()
    for table, column in [*file_columns(), *extra_columns]:
        query = f'SELECT "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL AND "{column}" != \'\''  # noqa: S608 (names from the models)
        cursor.execute(query)
        names.update(row[0] for row in cursor.fetchall())
    return names


def postgres_tool(name):
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if not candidates:
        raise ImproperlyConfigured(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return str(candidates[-1])


def postgres_environment(settings_dict):
    environment = {**os.environ, "PGDATABASE": settings_dict["NAME"]}
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if settings_dict.get(key):
            environment[variable] = str(settings_dict[key])
    return environment


@contextmanager
def snapshot(destination: Path, extra_columns=()):
    """Dump the database into ``destination``; yield the file names the dump refers to (still in the snapshot)."""
    if connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            (snapshot_id,) = cursor.fetchone()
            result = subprocess.run(  # noqa: S603
                [
                    postgres_tool("pg_dump"),
                    f"--snapshot={snapshot_id}",
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--file={destination / 'database.dump'}",
                ],
                env=postgres_environment(connection.settings_dict),
                capture_output=True,
                text=True,
            )
            if result.returncode:
                raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
            yield referenced_names(cursor, extra_columns), "database.dump"
    elif connection.vendor == "sqlite":
        target = destination / "database.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)  # SQLite's online backup: one consistent copy
        with sqlite3.connect(target) as copy:
            yield referenced_names(copy.cursor(), extra_columns), "database.sqlite3"
    else:
        raise BackupError(f"Backups know PostgreSQL and SQLite, not {connection.vendor}.")


def restore(source: Path, database_file: str):
    """Load the dump into the configured database, which must be empty."""
    tables = connection.introspection.table_names()
    if tables:
        raise BackupError(
            f"The database {connection.settings_dict['NAME']} is not empty ({len(tables)} tables): "
            "a backup is restored into an empty database only."
        )
    if connection.vendor == "postgresql":
        if not database_file.endswith(".dump"):
            raise BackupError("This backup is of an SQLite database; the configured one is PostgreSQL.")
        connection.close()
        result = subprocess.run(  # noqa: S603
            [
                postgres_tool("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={connection.settings_dict['NAME']}",
                str(source / database_file),
            ],
            env=postgres_environment(connection.settings_dict),
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
    elif connection.vendor == "sqlite":
        if not database_file.endswith(".sqlite3"):
            raise BackupError("This backup is of a PostgreSQL database; the configured one is SQLite.")
        connection.ensure_connection()
        with sqlite3.connect(source / database_file) as dump:
            dump.backup(connection.connection)
    else:
        raise BackupError(f"Backups know PostgreSQL and SQLite, not {connection.vendor}.")
