from django.core.management.base import BaseCommand

from wagtail.models import Site

from locales.translation import ensure_site_root_translations


class Command(BaseCommand):
    help = (
        "Create a locale for every content language (settings.WAGTAIL_CONTENT_LANGUAGES) and give "
        "each site's home page a translation in each of them. Safe to run again."
    )

    def handle(self, *args, **options):
        for site in Site.objects.select_related("root_page"):
            pages = ensure_site_root_translations(site.root_page)
            summary = ", ".join(f"{code}: {page.url_path}" for code, page in pages.items())
            self.stdout.write(f"{site}: {summary}")
