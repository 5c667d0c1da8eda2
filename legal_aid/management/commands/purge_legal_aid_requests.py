import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
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
        for case in cases:
            if dry_run:
                self.stdout.write(f"would delete {case.reference} (closed {case.closed_at:%Y-%m-%d})")
                files += case.attachments.count()
            else:
                files += delete_case(case)
                self.stdout.write(f"deleted {case.reference}")
            count += 1
        verb = "would delete" if dry_run else "deleted"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {count} closed cases older than {days} days, with {files} attachments"
            )
        )
