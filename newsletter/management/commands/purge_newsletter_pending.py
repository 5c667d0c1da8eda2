"""Delete the addresses that never confirmed their subscription, once their link has expired."""

from django.core.management.base import BaseCommand

from newsletter.services import purge_pending


class Command(BaseCommand):
    help = "Delete newsletter subscriptions never confirmed (older than NEWSLETTER_CONFIRM_HOURS)."

    def handle(self, *args, **options):
        self.stdout.write(f"Deleted {purge_pending()} unconfirmed address(es).")
