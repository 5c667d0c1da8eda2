from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from legal_aid.retention import purge_closed_cases


class Command(BaseCommand):
    help = (
        "Delete the closed legal-assistance requests older than LEGAL_AID_RETENTION_DAYS (closed that long ago; "
        "a case closed without a closing date counts from its last change), with their encrypted attachments."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep closed cases this many days instead of LEGAL_AID_RETENTION_DAYS.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be deleted, delete nothing."
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.LEGAL_AID_RETENTION_DAYS if days is None else days
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        report = purge_closed_cases(days, dry_run=dry_run, log=self.stdout.write)
        for reference, error in report.failed:
            self.stderr.write(f"could not delete {reference}: {error}")
        self.stdout.write(
            self.style.SUCCESS(f"{report.verb} {len(report.done)} closed cases older than {days} days")
        )
        if report.failed:
            raise CommandError(
                f"{len(report.failed)} cases could not be deleted: {', '.join(ref for ref, _e in report.failed)}"
            )
