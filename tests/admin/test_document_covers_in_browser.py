"""In Chromium: an editor sees the cover and the page count of a report PDF, drawn by the real
background task, in the document listing and in the publication form, loaded from the object storage
(S3, as in production) rather than only named in the HTML."""

import copy

import pytest

from publications.factories import (
    PublicationFileFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    pdf_document,
)
from tests.support.files import shared_pdf

from .support import sign_in_as_the_printed_admin

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.s3]

COVERS_LOADED = """selector => {
    const images = [...document.querySelectorAll(selector)];
    return images.length > 0 && images.every(image => image.complete && image.naturalWidth > 0);
}"""


def covers_loaded(page, selector):
    """Wait until every cover image under ``selector`` has loaded; their natural widths."""
    page.wait_for_function(COVERS_LOADED, arg=selector, timeout=15000)
    return page.eval_on_selector_all(selector, "images => images.map(image => image.naturalWidth)")


@pytest.fixture
def images_from_the_bucket(settings, seaweedfs, s3_bucket):
    """The Content-Security-Policy lets the admin show images of the storage's address, as
    cms.settings.base allows them when AWS_S3_ENDPOINT_URL is set (here: the test's SeaweedFS)."""
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    policy["DIRECTIVES"]["img-src"].append(seaweedfs.endpoint_url)
    settings.CONTENT_SECURITY_POLICY = policy
    return s3_bucket


def test_the_cover_and_page_count_show_in_the_listing_and_the_publication_form(
    live_server, page, home_pages, images_from_the_bucket, tmp_path
):
    # Outside a test transaction the upload commits at once: the real tasks draw the cover and read it.
    report = pdf_document(shared_pdf("g2505828.pdf"), title="UPR addendum", filename="addendum.pdf")
    report.refresh_from_db()
    assert report.cover_id and report.page_count == 7
    index = PublicationIndexPageFactory(parent=home_pages["en"])
    publication = PublicationPageFactory(parent=index, title="Slovenia: the UPR addendum")
    PublicationFileFactory(page=publication, document=report, language="en")
    publication.save_revision()
    base = live_server.url
    sign_in_as_the_printed_admin(page, base)

    page.goto(f"{base}/admin/documents/")
    widths = covers_loaded(page, "main img[data-document-cover]")
    assert widths and all(width > 0 for width in widths)
    row = page.locator("main tr", has_text="UPR addendum")
    assert row.locator("[data-document-page-count]").inner_text().strip() == "7 pages"
    assert "Text for search: extracted" in row.inner_text()
    page.screenshot(path=str(tmp_path / "document-listing.png"), full_page=True)

    page.goto(f"{base}/admin/pages/{publication.pk}/edit/")
    # Beside the chosen file, and as the cover used while none is chosen.
    assert len(covers_loaded(page, "[data-document-facts] img[data-document-cover]")) == 1
    assert len(covers_loaded(page, "[data-cover-fallback] img[data-document-cover]")) == 1
    facts = page.locator("[data-document-facts]").first
    assert facts.locator("[data-document-page-count]").inner_text().strip() == "7 pages"
    assert facts.is_visible()
    assert "is used as the cover" in page.locator("[data-cover-fallback]").inner_text()
    facts.scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "publication-form.png"))

    page.goto(f"{base}/admin/documents/edit/{report.pk}/")
    assert covers_loaded(page, "[data-document-processing] img[data-document-cover]")[0] > 0
    page.screenshot(path=str(tmp_path / "document-edit.png"), full_page=True)
