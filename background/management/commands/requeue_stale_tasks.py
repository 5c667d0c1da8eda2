"""``manage.py requeue_stale_tasks``: the reaper the workers run, by hand (e.g. with every worker stopped)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from background.leases import requeue_stale_tasks


class Command(BaseCommand):
    help = "Put back in the queue the RUNNING tasks of workers not seen for --lease seconds."

    def add_arguments(self, parser):
        parser.add_argument(
            "--lease",
            type=float,
            default=getattr(settings, "BACKGROUND_LEASE_SECONDS", 60.0),
            help="Seconds.",
        )

    def handle(self, *args, lease, **options):
        requeued, failed = requeue_stale_tasks(lease)
        self.stdout.write(
            self.style.SUCCESS(f"{requeued} tasks back in the queue, {failed} failed (no attempt left)")
        )
