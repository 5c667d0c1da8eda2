"""A database of the test's own on a PostgreSQL server it does not own, copied from a template.

Migrating a new database takes about a minute on two cores; copying one takes a second. The
template is built once (migrated, and whatever ``build`` adds) and kept on the server under a
name made from a fingerprint of every migration of the project and of its dependencies, and of
the files ``build`` reads: a change of any of them builds a new template (and drops the older
ones). Two runs at once take turns through an advisory lock.
"""

import hashlib
from pathlib import Path

import psycopg

from .settings import REPO

LOCK = 72_310_415  # pg_advisory_lock key of the templates


def fingerprint(*paths):
    """A digest of every migration file of the installed apps, and of ``paths`` (files or folders)."""
    from django.apps import apps

    digest = hashlib.sha256()
    files = set()
    for app in apps.get_app_configs():  # read as files: some migrations query the database on import
        files.update((Path(app.path) / "migrations").glob("*.py"))
    for path in paths:
        path = REPO / path
        files.update(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else files.add(path)
    for file in sorted(files):
        digest.update(str(file.relative_to(REPO) if file.is_relative_to(REPO) else file.name).encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


class ServerDatabase:
    """The same few methods as :class:`tests.support.postgres.PostgresCluster`, for a database
    ``name`` on the server at ``server_url`` (``postgres://user@host:port``)."""

    def __init__(self, server_url, name, *, template=None):
        self.server_url = server_url.rstrip("/")
        self.name = name
        self.template = template

    def url(self, database=None):
        return f"{self.server_url}/{database or self.name}"

    def _admin(self):
        return psycopg.connect(self.url("postgres"), autocommit=True)

    def start(self):
        return self

    def create_database(self):
        with self._admin() as connection:
            connection.execute("SELECT pg_advisory_lock(%s)", [LOCK])
            connection.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            template = f' TEMPLATE "{self.template}"' if self.template else ""
            connection.execute(f'CREATE DATABASE "{self.name}"{template}')

    def is_running(self):
        return True

    def stop(self):
        with self._admin() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def template(server_url, prefix, digest, build):
    """The name of the template ``prefix_digest`` on the server, built by ``build(url)`` if missing."""
    name = f"{prefix}_{digest}"
    building = f"{name}_building"
    server_url = server_url.rstrip("/")
    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as connection:
        connection.execute("SELECT pg_advisory_lock(%s)", [LOCK])
        try:
            names = [row[0] for row in connection.execute("SELECT datname FROM pg_database")]
            if name in names:
                return name
            for old in names:  # older templates, and a build interrupted half-way
                if old.startswith(f"{prefix}_"):
                    connection.execute(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{building}"')
            try:
                build(f"{server_url}/{building}")
            except BaseException:
                connection.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
                raise
            connection.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
            return name
        finally:
            connection.execute("SELECT pg_advisory_unlock(%s)", [LOCK])
