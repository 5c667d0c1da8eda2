"""What the admin's browser tests share: signing in with the login `create_admin` prints."""

import re
from io import StringIO

from django.core.management import call_command


def printed_admin_password():
    """The admin account `create_admin` makes (as `make run` does), and the password it prints."""
    output = StringIO()
    call_command("create_admin", stdout=output)
    return re.search(r"password: (\S+)", output.getvalue()).group(1)


def sign_in_as_the_printed_admin(page, base, *, start="/admin/"):
    """Through the login page reached from ``start``, as a newcomer would; lands on the dashboard."""
    password = printed_admin_password()
    page.goto(f"{base}{start}")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")
