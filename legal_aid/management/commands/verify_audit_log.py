from django.core.management.base import BaseCommand, CommandError

from legal_aid.audit_chain import verify
from legal_aid.models import AuditEntry


class Command(BaseCommand):
    help = (
        "Check the seal of every audit-log entry (HMAC with AUDIT_LOG_KEY, chained to the entry before) and "
        "name the first entry that was changed, removed or inserted. Exits non-zero if the chain is broken."
    )

    def handle(self, *args, **options):
        result = verify(AuditEntry)
        if result.broken:
            broken = result.broken
            raise CommandError(
                f"The audit log is broken at entry no. {broken.sequence} "
                f"({broken.entry.at.isoformat(timespec='seconds')}, id {broken.entry.pk}): "
                f"{broken.description}"
                + (f" ({broken.missing} missing)" if broken.missing else "")
                + f". The {result.checked} entries before it match."
            )
        last = (
            f"; the last is no. {result.last.sequence} of {result.last.at.isoformat(timespec='seconds')}, "
            f"seal {result.last.hash}"
            if result.last
            else ""
        )
        self.stdout.write(self.style.SUCCESS(f"The audit log is intact: {result.checked} entries{last}."))
