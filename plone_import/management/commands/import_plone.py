from tqdm import tqdm

from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Page

from plone_import.importer import ImportFailed, PloneImporter
from plone_import.mapping import MappingError, TypeMapping
from plone_import.readers import FORMATS, ExportError, read_export


class Command(BaseCommand):
    help = (
        "Import a Plone site's export (plone.exportimport folder or collective.exportimport JSON) into Wagtail: "
        "pages, translations, files, images, states and redirects. All or nothing; importing the same "
        "export again updates what changed and never duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The export folder, or the collective.exportimport JSON file.")
        parser.add_argument("--format", default="auto", choices=["auto", *FORMATS])
        parser.add_argument(
            "--blob-dir",
            help="collective.exportimport with blob paths: the Plone site's blobstorage folder.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Do everything, then roll it back.")
        parser.add_argument(
            "--parent", type=int, help="The page the site goes under (default: the default site's home page)."
        )
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="/PATH=app.Model",
            help="Items under a path become pages of that type, e.g. /publications=publications.PublicationPage.",
        )
        parser.add_argument(
            "--language",
            action="append",
            default=[],
            metavar="PLONE=WAGTAIL",
            help="Import one Plone language as another site language, e.g. --language fr-fr=fr.",
        )
        parser.add_argument(
            "--site-url",
            default="",
            help="The old site's address (e.g. https://www.example.org), so that absolute links to it resolve.",
        )
        parser.add_argument("--time-zone", help="The time zone of events that do not give theirs.")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, path, **options):
        try:
            mapping = TypeMapping.from_options(options["map"])
        except MappingError as error:
            raise CommandError(str(error)) from None
        language_map = {}
        for option in options["language"]:
            plone, sep, wagtail = option.partition("=")
            if not sep:
                raise CommandError(f"--language {option}: expected PLONE=WAGTAIL, e.g. de=fr.")
            language_map[plone.strip().lower()] = wagtail.strip()
        parent = None
        if options["parent"]:
            parent = Page.objects.filter(pk=options["parent"]).first()
            if parent is None:
                raise CommandError(f"--parent {options['parent']}: no such page.")

        try:
            export = read_export(path, options["format"], blob_dir=options["blob_dir"])
        except ExportError as error:
            raise CommandError(f"Nothing was imported. {error}") from None

        bar = None
        if not options["no_progress"]:
            bar = tqdm(total=len(export.items), unit="item", desc="Importing", file=self.stderr._out)
        try:
            run = PloneImporter(
                export,
                source=path,
                mapping=mapping,
                parent=parent,
                language_map=language_map,
                time_zone=options["time_zone"],
                site_url=options["site_url"],
                dry_run=options["dry_run"],
                on_progress=bar.update if bar else None,
            ).run()
        except ImportFailed as failure:
            raise CommandError(f"Nothing was imported. {failure.run.error}") from None
        finally:
            if bar:
                bar.close()
        self._report(run)

    def _report(self, run):
        write = self.stdout.write
        report = run.report
        write(f"{run.get_status_display()}: {run.items_read} items read from {run.export_format}.")
        for portal_type, counts in report["counts"].items():
            figures = ", ".join(f"{number} {what}" for what, number in sorted(counts.items()))
            write(f"  {portal_type}: {figures}")
        write(f"  redirects: {report['redirects']}")
        if report["skipped"]:
            write(f"Skipped ({len(report['skipped'])}):")
            for entry in report["skipped"]:
                write(f"  {entry['path']} ({entry['type']}): {entry['reason']}")
        if report["unresolved_links"]:
            write(f"Links that could not be resolved ({len(report['unresolved_links'])}):")
            for entry in report["unresolved_links"]:
                write(f"  {entry['path']}: {entry['link']}")
        if report["notes"]:
            write(f"Notes ({len(report['notes'])}):")
            for entry in report["notes"]:
                write(f"  {entry['path']}: {entry['note']}")
