import re
from io import StringIO

import pytest

from django.contrib.auth import authenticate
from django.core.management import call_command

from wagtail.admin.forms.account import NameEmailForm


@pytest.mark.django_db
def test_create_admin_prints_a_random_password_once():
    output = StringIO()
    call_command("create_admin", stdout=output)
    password = re.search(r"password: (\S+)", output.getvalue()).group(1)
    user = authenticate(username="admin", password=password)
    assert user is not None
    assert user.is_superuser

    again = StringIO()
    call_command("create_admin", stdout=again)
    assert "already exists" in again.getvalue()
    assert "password:" not in again.getvalue()
    assert authenticate(username="admin", password=password) is not None


@pytest.mark.django_db
def test_every_new_admin_gets_its_own_password():
    first, second = StringIO(), StringIO()
    call_command("create_admin", "--username", "one", stdout=first)
    call_command("create_admin", "--username", "two", stdout=second)
    passwords = {re.search(r"password: (\S+)", out.getvalue()).group(1) for out in (first, second)}
    assert len(passwords) == 2


@pytest.mark.django_db
def test_the_printed_admin_passes_the_account_pages_name_form():
    output = StringIO()
    call_command("create_admin", stdout=output)
    password = re.search(r"password: (\S+)", output.getvalue()).group(1)
    user = authenticate(username="admin", password=password)

    # The account page saves every panel at once: its name form must accept the account as created.
    form = NameEmailForm(
        instance=user, data={"first_name": user.first_name, "last_name": user.last_name, "email": user.email}
    )
    assert form.is_valid(), form.errors
