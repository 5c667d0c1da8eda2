from django.core.management.base import BaseCommand, CommandError

from upr.session_calendar import CALENDAR_FILE, CalendarFileError, load_session_calendar


class Command(BaseCommand):
    help = (
        "Load the UPR calendar (upr/reference/sessions.csv): the dates of the Working Group's sessions, "
        "each with the document that states it. Safe to run again; a date an editor changed is kept "
        "unless --force. Run load_upr_vocabularies first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(CALENDAR_FILE), help="Another calendar file, same columns.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Take the file's date where the database has another one (an editor's change).",
        )

    def handle(self, *args, **options):
        try:
            result = load_session_calendar(options["file"], force=options["force"])
        except CalendarFileError as error:
            raise CommandError(f"Nothing was loaded. {error}") from error
        for conflict in result.conflicts:
            self.stderr.write(self.style.WARNING(f"Conflict, {conflict}"))
        self.stdout.write(f"UPR calendar: {result.summary()}")
