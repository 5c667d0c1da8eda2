import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from legal_aid.models import CaseStatus, LegalAidRequest
from legal_aid.services import delete_case


class Command(BaseCommand):
    help = (
        "Delete the closed legal-assistance requests older than LEGAL_AID_RETENTION_DAYS (closed that long ago), "
        "with their encrypted attachments in storage."
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
        cutoff = timezone.now() - datetime.timedelta(days=days)
        cases = LegalAidRequest.objects.filter(status=CaseStatus.CLOSED, closed_at__lt=cutoff).order_by(
            "closed_at"
        )
        count = files = 0
        failed = []
        for case in cases:
            if dry_run:
                self.stdout.write(f"would delete {case.reference} (closed {case.closed_at:%Y-%m-%d})")
                files += case.attachments.count()
            else:
                try:
                    files += delete_case(case)
                except Exception as error:  # storage down: the case stays whole, the next run tries again
                    failed.append(case.reference)
                    self.stderr.write(f"could not delete {case.reference}: {type(error).__name__}: {error}")
                    continue
                self.stdout.write(f"deleted {case.reference}")
            count += 1
        verb = "would delete" if dry_run else "deleted"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {count} closed cases older than {days} days, with {files} attachments"
            )
        )
        if failed:
            raise CommandError(f"{len(failed)} cases could not be deleted: {', '.join(failed)}")
