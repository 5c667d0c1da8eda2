"""Tell whether the test database kept by --reuse-db was left emptied by a transactional test.

A transactional test empties the tables when it ends and a later one puts the
data of the migrations back (Wagtail's groups, its moderation workflow…); when
a run ends on one, the kept database has lost that data for good. Such a
database is created anew.
"""

import sqlite3

import psycopg


def emptied(database, worker=None):
    """Whether the kept test database exists but holds none of the data the migrations create.

    Each pytest-xdist worker has a database of its own, named with its id as pytest-django does.
    """
    name = database["TEST"]["NAME"]
    if worker:
        name = f"{name}_{worker}"
    query = "SELECT COUNT(*) FROM auth_group"
    if database["ENGINE"] == "django.db.backends.sqlite3":
        try:
            with sqlite3.connect(f"file:{name}?mode=ro", uri=True) as connection:
                return connection.execute(query).fetchone()[0] == 0
        except sqlite3.Error:
            return False  # no database yet (or no tables): pytest-django creates it
    try:
        with psycopg.connect(
            dbname=name,
            user=database["USER"],
            password=database["PASSWORD"] or None,
            host=database["HOST"] or None,
            port=database["PORT"] or None,
            connect_timeout=5,
        ) as connection:
            return connection.execute(query).fetchone()[0] == 0
    except psycopg.Error:
        return False
