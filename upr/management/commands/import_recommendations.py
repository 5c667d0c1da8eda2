import os

from tqdm import tqdm

from django.core.management.base import BaseCommand, CommandError

from upr.importers.records import ImportFileError
from upr.importers.service import FORMATS, import_recommendations
from upr.importers.writer import ImportFailed


class Command(BaseCommand):
    help = (
        "Import recommendations from a UPR Info database export (CSV) or an OHCHR matrix (DOCX or CSV). "
        "All or nothing: a rejected row leaves the database as it was, unless --skip-invalid. "
        "Importing the same file again updates, never duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--format", choices=FORMATS, help="Default: from the extension and the header.")
        parser.add_argument("--state", help="OHCHR matrix: the state under review (ISO code or name).")
        parser.add_argument("--session", type=int, help="OHCHR matrix: the Working Group session number.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and check everything, change nothing."
        )
        parser.add_argument(
            "--skip-invalid", action="store_true", help="Import the valid rows and report the rejected ones."
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, path, **options):
        if not os.path.isfile(path):
            raise CommandError(f"No such file: {path}")
        size = os.path.getsize(path)
        with open(path, "rb") as raw:
            stream = raw
            bar = None
            if not options["no_progress"] and size:
                bar = tqdm(total=size, unit="B", unit_scale=True, desc="Importing", file=self.stderr._out)
                stream = _Counting(raw, bar)
            try:
                result = import_recommendations(
                    stream,
                    filename=path,
                    file_format=options["format"],
                    state=options["state"],
                    session=options["session"],
                    dry_run=options["dry_run"],
                    skip_invalid=options["skip_invalid"],
                )
            except ImportFileError as error:
                raise CommandError(f"{path}: {error}") from None
            except ImportFailed as failure:
                self._report(failure.record)
                raise CommandError(f"{path}: {failure.record.error}") from None
            finally:
                if bar:
                    bar.close()
        self._report(result)

    def _report(self, result):
        write = self.stdout.write
        write(
            f"{result.get_status_display()}: {result.rows_read} rows read, {result.created} created, "
            f"{result.updated} updated, {result.unchanged} unchanged, {result.rejected} rejected."
        )
        for rejection in result.rejections:
            write(f"  line {rejection['line']}: rejected: {rejection['reason']}")
        for warning in result.warnings:
            write(f"  line {warning['line']}: note: {warning['reason']}")


class _Counting:
    """A binary file that moves a progress bar as it is read."""

    def __init__(self, raw, bar):
        self._raw = raw
        self._bar = bar

    def read(self, size=-1):
        data = self._raw.read(size)
        self._bar.update(len(data))
        return data

    def read1(self, size=-1):
        data = self._raw.read1(size)
        self._bar.update(len(data))
        return data

    def readline(self, size=-1):
        data = self._raw.readline(size)
        self._bar.update(len(data))
        return data

    def __getattr__(self, name):
        return getattr(self._raw, name)
