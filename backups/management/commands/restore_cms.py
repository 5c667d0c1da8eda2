from django.core.management.base import BaseCommand, CommandError

from backups.database import BackupError
from backups.service import restore


class Command(BaseCommand):
    help = (
        "Restore a backup of backup_cms into an empty database and an empty storage, checking every object "
        "against its SHA-256. Then run `rotate_legal_aid_keys --check` (with the same LEGAL_AID_KEYS) to prove "
        "that every legal-assistance case and file opens."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="The backup's folder.")

    def handle(self, *args, source, **options):
        try:
            restore(source, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"restored from {source}"))
