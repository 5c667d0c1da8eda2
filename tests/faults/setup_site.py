"""The site tree and a published request form, in a fresh database: prints the form page's id."""

import sys

from legal_aid.factories import LegalAidIndexPageFactory, LegalAidRequestPageFactory
from locales.translation import ensure_locales
from tests.support.site_tree import ensure_base_tree


def main():
    ensure_locales()
    home = ensure_base_tree()
    index = LegalAidIndexPageFactory(parent=home, slug="legal-assistance")
    index.save_revision().publish()
    page = LegalAidRequestPageFactory(parent=index, slug="ask-for-help")
    page.save_revision().publish()
    index.request_form_page = page
    index.save_revision().publish()
    sys.stdout.write(f"{page.pk}\n")
