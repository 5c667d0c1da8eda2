from django.core.management.base import BaseCommand
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

    @transaction.atomic
    def handle(self, *args, **options):
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
