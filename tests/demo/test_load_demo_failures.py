"""A background task of the demo that fails makes ``load_demo`` fail, naming it (``make run`` must
never start on a demo that is half searchable without a word)."""

import pytest

from django.core.management import CommandError, call_command

from demo.management.commands.load_demo import Command
from search import entries

# A transaction of their own: the command's commit is the one that runs the tasks.
pytestmark = pytest.mark.django_db(transaction=True)


def test_a_failed_task_of_the_demo_fails_the_command(monkeypatch, home_pages):
    def broken(page):
        raise RuntimeError("the search backend is unreachable")

    def load(self):
        # What the demo's pages do when they are published: their search entry is written in a task.
        home_pages["en"].save_revision().publish()

    monkeypatch.setattr(entries, "update_page", broken)
    monkeypatch.setattr(Command, "load", load)

    with pytest.raises(CommandError) as failure:
        call_command("load_demo")

    assert "search.tasks.update_page_entry" in str(failure.value)
    assert "the search backend is unreachable" in str(failure.value)


def test_the_demo_command_succeeds_when_its_tasks_do(monkeypatch, home_pages):
    monkeypatch.setattr(Command, "load", lambda self: home_pages["en"].save_revision().publish())
    call_command("load_demo")
