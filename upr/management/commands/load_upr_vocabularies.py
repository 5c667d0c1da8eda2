from django.core.management.base import BaseCommand

from locales.translation import ensure_locales
from upr.loading import load_reference_vocabularies


class Command(BaseCommand):
    help = (
        "Load the UPR vocabularies: the 193 UN member states and 2 observers (names in en/fr, and rw where "
        "known), organisations, cycles, sessions, UPR Info issues and the SDGs. Safe to run again."
    )

    def handle(self, *args, **options):
        ensure_locales()
        counts = load_reference_vocabularies()
        self.stdout.write(", ".join(f"{number} {name}" for name, number in counts.items()))
