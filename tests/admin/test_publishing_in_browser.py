"""In Chromium, with Wagtail's autosave on: an editor writes a new publication with its PDF and
publishes it from the add form in one go: one page, live, with its file, and no error on the way."""

import pytest

from publications.factories import PublicationIndexPageFactory, pdf_document
from publications.models import PublicationPage
from tests.support.files import SHARED_DATA

from .support import sign_in_as_the_printed_admin

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PDF = sorted((SHARED_DATA / "pdfs").glob("*.pdf"))[0]


def test_a_new_publication_published_from_the_add_form_in_one_go_is_one_live_page(
    live_server, page, home_pages, settings
):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 500
    index = PublicationIndexPageFactory(parent=home_pages["en"])
    index.save_revision().publish()
    base = live_server.url
    sign_in_as_the_printed_admin(page, base)

    report = pdf_document(PDF.read_bytes(), title="Shadow report (PDF)")
    page.goto(f"{base}/admin/pages/add/publications/publicationpage/{index.pk}/")
    page.wait_for_load_state("networkidle")
    page.fill("[name=title]", "Shadow report on press freedom")
    page.select_option("[name=publication_type]", index=1)
    page.fill("[name=publication_date]", "2026-11-30")
    page.fill("[name=summary]", "What civil society found on press freedom since the last review.")
    # The PDF chosen in the file's chooser (its modal is Wagtail's own, tested by Wagtail).
    page.evaluate(
        "pk => { const input = document.querySelector('[name=files-0-document]');"
        " input.value = pk; input.dispatchEvent(new Event('change', {bubbles: true})); }",
        str(report.pk),
    )
    page.select_option("[name=files-0-language]", "en")
    page.locator("[name=summary]").press("Tab")
    page.wait_for_timeout(1500)  # longer than the autosave's interval
    if not page.locator("button[name=action-publish]").is_visible():
        page.locator("footer [data-w-dropdown-target=toggle]").last.click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_load_state("networkidle")

    text = page.locator("main").inner_text()
    assert "could not be" not in text, text[:3000]
    pages = PublicationPage.objects.filter(title="Shadow report on press freedom")
    assert pages.count() == 1, list(pages.values("pk", "live", "slug"))
    published = pages.get()
    assert published.live and not published.has_unpublished_changes
    assert [file.document_id for file in published.files.all()] == [report.pk]
