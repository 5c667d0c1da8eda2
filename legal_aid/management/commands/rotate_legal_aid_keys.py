from django.core.management.base import BaseCommand

from legal_aid.services import rotate_keys


class Command(BaseCommand):
    help = (
        "Re-encrypt every legal-assistance request, note and attachment with the first key of LEGAL_AID_KEYS. "
        "Put the new key first, run this, then remove the old key."
    )

    def handle(self, *args, **options):
        cases, attachments = rotate_keys()
        self.stdout.write(self.style.SUCCESS(f"re-encrypted {cases} cases and {attachments} attachments"))
