from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.models import Site

from demo.content import home
from demo.editorial import load_editorial_demo
from demo.pages import update_page
from demo.upr import load_upr_demo
from locales.translation import ensure_locales, translate


class Command(BaseCommand):
    help = (
        "Load the demo content in English, French and Kinyarwanda. "
        "Running it again changes nothing that is already there."
    )

    def handle(self, *args, **options):
        # With the immediate backend (``make run``), the tasks of the content (search entries, text
        # of the PDFs, covers) run as the transaction commits: one that fails would leave the demo
        # half-searchable without a word, so it fails the command.
        failed = []

        def finished(sender, task_result, **kwargs):
            if task_result.status == TaskResultStatus.FAILED:
                errors = getattr(task_result, "errors", None) or []
                failed.append(
                    f"{task_result.task.module_path}: {errors[-1].traceback.strip().splitlines()[-1] if errors else '?'}"
                )

        task_finished.connect(finished, dispatch_uid="load-demo-task-finished")
        try:
            with transaction.atomic():
                self.load()
        finally:
            task_finished.disconnect(dispatch_uid="load-demo-task-finished")
        if failed:
            raise CommandError(f"{len(failed)} background task(s) of the demo failed:\n" + "\n".join(failed))

    def load(self):
        locales = {locale.language_code: locale for locale in ensure_locales()}
        site = Site.objects.get(is_default_site=True)
        home_page = site.root_page.specific

        changed = update_page(home_page, home.HOME)
        self.report("home page (en)", changed)
        self.translate_home(home_page, locales)
        load_upr_demo(self.report)
        load_editorial_demo(home_page, self.report)
        # Again, for the featured pages the editorial content added to the home page.
        self.translate_home(home_page, locales)

    def translate_home(self, home_page, locales):
        for code, strings in home.TRANSLATIONS.items():
            before = home_page.get_translation_or_none(locales[code])
            revision_before = before.latest_revision_id if before else None
            translated = translate(home_page, locales[code], strings)
            self.report(f"home page ({code})", translated.latest_revision_id != revision_before)

    def report(self, what, changed):
        self.stdout.write(f"{what}: {'updated' if changed else 'unchanged'}")
