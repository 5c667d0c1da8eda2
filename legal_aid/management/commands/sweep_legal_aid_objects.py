from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from legal_aid.retention import sweep_orphaned_objects


class Command(BaseCommand):
    help = (
        "Delete the encrypted objects under legal-aid/ that no case refers to (left by interrupted submissions "
        "or rotations), once older than LEGAL_AID_SWEEP_GRACE_HOURS."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--grace-hours",
            type=float,
            default=None,
            help="Leave orphaned objects younger than this (default: LEGAL_AID_SWEEP_GRACE_HOURS).",
        )
        parser.add_argument("--dry-run", action="store_true", help="List them, delete nothing.")

    def handle(self, *args, grace_hours=None, dry_run=False, **options):
        grace_hours = settings.LEGAL_AID_SWEEP_GRACE_HOURS if grace_hours is None else grace_hours
        if grace_hours < 0:
            raise CommandError("--grace-hours must be 0 or more.")
        report = sweep_orphaned_objects(grace_hours, dry_run=dry_run, log=self.stdout.write)
        for name, error in report.failed:
            self.stderr.write(f"could not delete {name}: {error}")
        self.stdout.write(self.style.SUCCESS(f"{report.summary()} (orphaned objects under legal-aid/)"))
        if report.failed:
            raise CommandError(f"{len(report.failed)} orphaned objects could not be deleted; run again.")
