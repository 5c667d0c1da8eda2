from tqdm import tqdm

from django.core.management.base import BaseCommand

from search import entries


class Command(BaseCommand):
    help = (
        "Write the search entry of every live, public page and every UPR recommendation anew, "
        "index them, remove the entries of items that have none any more, and count the words of "
        'the index anew (for "did you mean" and completions).'
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (for logs).")

    def handle(self, *args, no_progress, verbosity, **options):
        total = entries.rebuild_total()
        with tqdm(
            total=total,
            unit="item",
            desc="Search entries",
            file=self.stderr._out,
            disable=no_progress or not verbosity,
        ) as bar:
            written = entries.rebuild(progress=bar.update)
        self.stdout.write(f"{written} search entries written for {total} items.")
