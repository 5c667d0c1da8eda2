import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create a superuser with a random password and print its login once. "
        "Does nothing if the user exists (change its password with `manage.py changepassword`)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@example.org")
        # Wagtail's account page requires both names: left empty, saving any preference there
        # (the admin's language among them) fails on fields the user did not touch.
        parser.add_argument("--first-name", default="Site")
        parser.add_argument("--last-name", default="Administrator")

    def handle(self, *args, username, email, first_name, last_name, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"The admin account '{username}' already exists; "
                f"to set a new password run: python manage.py changepassword {username}"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(
            username=username, email=email, password=password, first_name=first_name, last_name=last_name
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin account created. Log in at /admin/ with\n  username: {username}\n  password: {password}\n"
                "This password is shown only once."
            )
        )
