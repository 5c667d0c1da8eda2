"""Erase an address on its owner's request: the subscriber goes, its deliveries keep no trace of it."""

from django.core.management.base import BaseCommand, CommandError

from newsletter.services import erase


class Command(BaseCommand):
    help = "Delete a newsletter subscriber by e-mail address, leaving no copy of the address anywhere."

    def add_arguments(self, parser):
        parser.add_argument("email", nargs="+")

    def handle(self, *args, email, **options):
        missing = [address for address in email if not erase(address)]
        erased = len(email) - len(missing)
        self.stdout.write(f"Erased {erased} address(es).")
        if missing:
            raise CommandError(f"No subscriber has {len(missing)} of the addresses given.")
