"""SQLite as the default database serves the admin's concurrent writers (autosave, editing
sessions, the form's own post, the worker) without "database is locked"."""

import time
from datetime import timedelta

import pytest

from django.contrib.sessions.models import Session
from django.db import connection, transaction
from django.utils import timezone

from tests.support.threads import run_at_once

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),  # as tests/cms/test_tasks.py
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own locking"),
]

WRITERS = 6
WRITES_EACH = 15


def test_the_default_database_is_a_write_ahead_log_with_immediate_transactions():
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 5000
    assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_concurrent_read_then_write_transactions_all_commit():
    """Each writer reads, then writes in the same transaction, as a save does (Wagtail reads the
    page, its revisions and locks before it writes). With SQLite's deferred transactions two
    such writers fail at once ("database is locked") whatever the timeout, because the reader
    cannot become the writer; with immediate ones they take turns."""
    expires = timezone.now() + timedelta(days=1)

    def writer(number):
        for write in range(WRITES_EACH):
            with transaction.atomic():
                Session.objects.filter(session_key__startswith=f"w{number}-").count()
                time.sleep(0.002)  # the rest of the request, between its read and its write
                Session.objects.create(
                    session_key=f"w{number}-{write}", session_data="{}", expire_date=expires
                )

    assert [repr(error) for error in run_at_once(writer, WRITERS)] == []
    assert Session.objects.filter(session_key__startswith="w").count() == WRITERS * WRITES_EACH
