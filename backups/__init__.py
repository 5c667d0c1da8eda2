"""Backups: one consistent copy of the database and of every stored object, and its restore into empty ones.

A backup is a folder: ``database.dump`` (PostgreSQL, ``pg_dump`` custom
format) or ``database.sqlite3``, ``objects/`` (every object of the default
storage, under its own name) and ``manifest.json`` (each object's size and
SHA-256). The database is copied from one snapshot, and the file names that
snapshot refers to are read from it: every one must be in ``objects/``, or the
backup fails and says which.
"""
