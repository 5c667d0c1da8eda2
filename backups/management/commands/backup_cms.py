from django.core.management.base import BaseCommand, CommandError

from backups.database import BackupError
from backups.service import take


class Command(BaseCommand):
    help = (
        "Take a consistent backup into a new folder: the database from one snapshot (pg_dump, or SQLite's "
        "online backup) and every object of the storage, with a manifest of their SHA-256. It fails if a file "
        "the database refers to is missing. LEGAL_AID_KEYS is not in it: keep the keys apart (see README)."
    )

    def add_arguments(self, parser):
        parser.add_argument("destination", help="A new (or empty) folder.")

    def handle(self, *args, destination, **options):
        try:
            take(destination, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"backup written to {destination}"))
