"""The audit log is a chain of sealed entries: an entry changed, removed or inserted in the database is found."""

from datetime import timedelta

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from legal_aid import audit_chain
from legal_aid.models import AuditEntry
from tests.support.threads import run_at_once
from users.factories import UserFactory

pytestmark = pytest.mark.django_db

Action = AuditEntry.Action
TABLE = AuditEntry._meta.db_table


@pytest.fixture
def entries(legal_team_member):
    """Five entries, as the accounts and the case services write them."""
    written = [
        AuditEntry.record(legal_team_member, Action.LOGIN, detail="lawyer"),
        AuditEntry.record(legal_team_member, Action.VIEW, "LA-AAAA-1111"),
        AuditEntry.record(legal_team_member, Action.DOWNLOAD, "LA-AAAA-1111", "camera.png"),
        AuditEntry.record(None, Action.LOGIN_FAILED, detail="someone"),
        AuditEntry.record(legal_team_member, Action.EXPORT, "LA-AAAA-1111"),
    ]
    return written


def run(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def verify_command():
    """(passed, message) of manage.py verify_audit_log."""
    out = []
    try:
        call_command("verify_audit_log", stdout=type("Out", (), {"write": lambda self, s: out.append(s)})())
    except CommandError as error:
        return False, str(error)
    return True, "".join(out)


@pytest.fixture
def team_client(client, legal_team_member):
    client.force_login(legal_team_member)
    return client


def screen(client):
    response = client.get(reverse("legal_aid_audit_check:index"))
    assert response.status_code == 200
    return response.content.decode()


def test_entries_are_numbered_and_each_seal_covers_the_one_before(entries):
    assert [entry.sequence for entry in entries] == [1, 2, 3, 4, 5]
    assert len({entry.hash for entry in entries}) == 5
    second = entries[1]
    assert second.hash == audit_chain.seal_of(second, entries[0].hash)
    # Another key gives other seals: without the key, nobody can make one that matches.
    assert second.hash != audit_chain.seal_of(second, entries[0].hash, key="another key")


def test_an_untouched_chain_passes_the_command_and_the_screen(entries, team_client):
    # The five entries and the team member's sign-in.
    passed, message = verify_command()
    assert passed
    assert "intact: 6 entries" in message
    assert AuditEntry.objects.get(sequence=6).hash in message
    page = screen(team_client)
    assert 'data-audit-result="intact"' in page
    assert "6 entries checked" in page


def test_an_empty_log_is_intact(db):
    assert verify_command() == (True, "The audit log is intact: 0 entries.\n")


def test_a_row_edited_in_the_database_is_named_as_changed(entries, team_client):
    run(f"UPDATE {TABLE} SET username = %s WHERE id = %s", ["someone-else", entries[2].pk])  # noqa: S608
    passed, message = verify_command()
    assert not passed
    assert "broken at entry no. 3" in message
    assert entries[2].at.isoformat(timespec="seconds") in message
    assert "changed" in message
    assert "The 2 entries before it match" in message
    page = screen(team_client)
    assert 'data-audit-result="broken"' in page
    assert "broken at entry no. 3" in page
    assert "changed: its fields no longer match its seal" in page
    assert "someone-else" in page


def test_a_changed_time_is_found_too(entries):
    run(
        f"UPDATE {TABLE} SET at = %s WHERE id = %s",  # noqa: S608
        [entries[1].at - timedelta(hours=3), entries[1].pk],
    )
    passed, message = verify_command()
    assert not passed
    assert "broken at entry no. 2" in message


def test_a_row_deleted_in_the_database_is_named_as_removed(entries, team_client):
    run(f"DELETE FROM {TABLE} WHERE id = %s", [entries[1].pk])  # noqa: S608
    passed, message = verify_command()
    assert not passed
    assert "broken at entry no. 2" in message
    assert "removed" in message
    assert "(1 missing)" in message
    page = screen(team_client)
    assert "broken at entry no. 2" in page
    assert "entries are missing before it (removed)" in page


def test_a_row_inserted_in_the_database_is_named_as_inserted(entries, team_client):
    # A forged entry made to look like it came between the 3rd and the 4th, with a seal made without the key.
    forged_at = entries[2].at + timedelta(seconds=1)
    run(
        f"INSERT INTO {TABLE} (at, user_id, username, action, reference, detail, sequence, hash) "  # noqa: S608
        "VALUES (%s, NULL, %s, %s, '', '', %s, %s)",
        [forged_at, "lawyer", Action.LOGIN, 3, "f" * 64],
    )
    passed, message = verify_command()
    assert not passed
    assert "broken at entry no. 4" in message
    assert "inserted" in message
    page = screen(team_client)
    assert "inserted: it is not part of the chain" in page


def test_an_entry_inserted_with_the_numbers_after_it_shifted_is_named_as_inserted(entries):
    for entry in reversed(entries[3:]):
        run(f"UPDATE {TABLE} SET sequence = sequence + 1 WHERE id = %s", [entry.pk])  # noqa: S608
    run(
        f"INSERT INTO {TABLE} (at, user_id, username, action, reference, detail, sequence, hash) "  # noqa: S608
        "VALUES (%s, NULL, 'lawyer', 'login', '', '', 4, %s)",
        [entries[2].at + timedelta(seconds=1), "0" * 64],
    )
    passed, message = verify_command()
    assert not passed
    assert "broken at entry no. 4" in message
    assert "inserted" in message


def test_entries_stay_sealed_when_their_user_is_deleted(entries, legal_team_member):
    user_id = legal_team_member.pk
    legal_team_member.delete()
    assert AuditEntry.objects.filter(user_id=user_id).count() == 4
    assert verify_command()[0]


def test_the_screen_is_for_those_who_may_read_the_audit_log(client, entries, legal_team_member):
    url = reverse("legal_aid_audit_check:index")
    client.force_login(UserFactory(is_staff=True))
    assert client.get(url).status_code in (302, 403)
    client.force_login(legal_team_member)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert url in menu


def test_verification_reads_the_log_a_chunk_at_a_time(entries, monkeypatch):
    monkeypatch.setattr(audit_chain, "CHUNK", 2)
    chunks = []
    original = AuditEntry.objects.none().iterator.__func__

    def counting_iterator(queryset, chunk_size=None):
        chunks.append(chunk_size)
        return original(queryset, chunk_size=chunk_size)

    monkeypatch.setattr(type(AuditEntry.objects.all()), "iterator", counting_iterator)
    assert audit_chain.verify(AuditEntry).checked == 5
    assert chunks == [2]


def test_the_migration_chains_the_entries_that_were_there_oldest_first(entries):
    # The entries as they were before the chain: numbered and sealed by nothing.
    start = timezone.now() - timedelta(days=2)
    for offset, entry in enumerate(reversed(entries)):
        run(
            f"UPDATE {TABLE} SET sequence = 0, hash = '', at = %s WHERE id = %s",  # noqa: S608
            [start + timedelta(minutes=offset), entry.pk],
        )
    migration = __import__("legal_aid.migrations.0007_audit_chain", fromlist=["chain_existing_entries"])
    state = MigrationExecutor(connection).loader.project_state(("legal_aid", "0007_audit_chain"))
    migration.chain_existing_entries(state.apps, None)
    assert verify_command()[0]
    by_number = list(AuditEntry.objects.order_by("sequence").values_list("pk", flat=True))
    assert by_number == [entry.pk for entry in reversed(entries)]


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_one_chain():
    if connection.vendor != "postgresql":
        pytest.skip("writers of SQLite wait for each other in the database itself")
    writers, each = 6, 15

    def write(number):
        for index in range(each):
            AuditEntry.record(None, Action.LOGIN_FAILED, detail=f"writer {number} #{index}")

    assert run_at_once(write, writers) == []
    numbers = list(AuditEntry.objects.order_by("sequence").values_list("sequence", flat=True))
    assert numbers == list(range(1, writers * each + 1))
    result = audit_chain.verify(AuditEntry)
    assert result.intact
    assert result.checked == writers * each
