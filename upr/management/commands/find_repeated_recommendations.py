from django.core.management.base import BaseCommand, CommandError

from upr.models import Recommendation
from upr.repetitions import THRESHOLD, Changes, find_repetitions


class Command(BaseCommand):
    help = (
        "Suggest, for every recommendation, the most alike ones made to the same state in earlier "
        "cycles (upr.repetitions). Safe to run again: pairs staff confirmed or rejected are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--state", help="Only this state under review (ISO 3166-1 alpha-3 code).")
        parser.add_argument(
            "--threshold", type=float, default=THRESHOLD, help=f"Lowest score kept (default {THRESHOLD})."
        )

    def handle(self, *args, **options):
        states = (
            Recommendation.objects.originals().order_by("state_code").values_list("state_code", flat=True)
        )
        if options["state"]:
            code = options["state"].upper()
            if not states.filter(state_code=code).exists():
                raise CommandError(f"No recommendation was made to the state {code}.")
            codes = [code]
        else:
            codes = list(states.distinct())
        if not 0 <= options["threshold"] <= 1:
            raise CommandError("--threshold: a score between 0 and 1.")
        total = Changes()
        for code in codes:
            changes = find_repetitions(code, threshold=options["threshold"])
            total += changes
            if options["verbosity"] > 1:
                self.stdout.write(f"{code}: {_summary(changes)}")
        self.stdout.write(f"Repeated recommendations of {len(codes)} state(s): {_summary(total)}")


def _summary(changes):
    return (
        f"{changes.created} suggested, {changes.updated} rescored, {changes.deleted} withdrawn, "
        f"{changes.decided} decided by staff kept"
    )
