"""What staff see of a document's processing where they meet it in the admin: the document listing,
its edit form, the chooser and the publication form show its cover, its page count and how far the
background work got (waiting, done, or failed and why), and a failed document can be processed again."""

import pytest

from django.contrib.auth.models import Permission
from django.urls import reverse

from publications.factories import PublicationFileFactory, PublicationPageFactory, pdf_document
from tests.support.files import shared_pdf
from users.factories import UserFactory

pytestmark = pytest.mark.django_db

LISTING_COVER = "max-80x110"
EDIT_COVER = "max-300x420"


@pytest.fixture
def processed(django_capture_on_commit_callbacks):
    """A 7-page UN report (Slovenia's UPR addendum), its cover drawn and its text read by the real background tasks."""
    with django_capture_on_commit_callbacks(execute=True):
        document = pdf_document(shared_pdf("g2505828.pdf"), title="UPR addendum", filename="addendum.pdf")
    document.refresh_from_db()
    assert document.cover_id and document.page_count == 7
    return document


@pytest.fixture
def waiting():
    """A PDF uploaded in a transaction that has not committed: its tasks are not run yet."""
    return pdf_document(shared_pdf("rwanda2011.pdf"), title="Mid-term report", filename="midterm.pdf")


@pytest.fixture
def failed(django_capture_on_commit_callbacks):
    """A PDF cut short: the tasks ran and could neither open it nor read its text."""
    with django_capture_on_commit_callbacks(execute=True):
        document = pdf_document(
            shared_pdf("rwanda2011.pdf")[:20000], title="Broken report", filename="broken.pdf"
        )
    document.refresh_from_db()
    assert document.described_file == document.file.name and document.cover_id is None
    return document


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def test_the_listing_shows_each_documents_cover_pages_and_processing(
    editor_client, processed, waiting, failed
):
    page = html(editor_client.get(reverse("wagtaildocs:index")))

    assert processed.cover.get_rendition(LISTING_COVER).url in page
    assert "Cover of “UPR addendum”" in page
    assert "7 pages" in page
    assert "Cover and page count: done" in page
    assert "Text for search: extracted" in page
    assert "Cover and page count: waiting" in page
    assert "Text for search: waiting" in page
    assert (
        "Cover and page count: failed: the PDF could not be opened; it may be damaged, cut short or "
        "protected by a password"
    ) in page
    assert "Text for search: failed: the PDF is damaged or cut short" in page
    # The results Wagtail loads when searching or paging go through the same view.
    results = html(editor_client.get(reverse("wagtaildocs:index_results"), {"q": "Addendum"}))
    assert "7 pages" in results and "Mid-term report" not in results


def test_a_file_that_is_not_a_pdf_says_so(editor_client, django_capture_on_commit_callbacks):
    from django.core.files.base import ContentFile

    from publications.factories import ReportDocumentFactory

    with django_capture_on_commit_callbacks(execute=True):
        ReportDocumentFactory(title="Figures", file=ContentFile(b"a,b\n1,2\n", name="figures.csv"))

    page = html(editor_client.get(reverse("wagtaildocs:index")))

    assert "Cover and page count: not a PDF" in page
    assert "Text for search: not a PDF" in page


def test_the_edit_form_shows_the_cover_large_with_the_pages_and_processing(editor_client, processed):
    page = html(editor_client.get(reverse("wagtaildocs:edit", args=[processed.pk])))

    assert processed.cover.get_rendition(EDIT_COVER).url in page
    assert "7 pages" in page
    assert "Text for search: extracted" in page
    assert "Process the file again" not in page  # nothing failed
    assert 'name="title"' in page  # Wagtail's own form is still there


def test_the_edit_form_of_a_failed_document_says_what_failed_and_offers_to_process_it_again(
    editor_client, failed
):
    page = html(editor_client.get(reverse("wagtaildocs:edit", args=[failed.pk])))

    assert "Part of the processing of this file failed" in page
    assert "Text for search: failed: the PDF is damaged or cut short" in page
    assert "Export the PDF again from the original file" in page
    assert "Process the file again" in page
    assert reverse("publications_document_process_again", args=[failed.pk]) in page


def test_processing_again_runs_the_tasks_that_never_ran(
    editor_client, waiting, django_capture_on_commit_callbacks
):
    assert "Cover and page count: waiting" in html(
        editor_client.get(reverse("wagtaildocs:edit", args=[waiting.pk]))
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(reverse("publications_document_process_again", args=[waiting.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtaildocs:edit", args=[waiting.pk])
    waiting.refresh_from_db()
    assert waiting.page_count == 20 and waiting.cover_id
    page = html(editor_client.get(response["Location"]))
    assert "will be processed again in the background" in page
    assert "20 pages" in page
    assert "Cover and page count: done" in page and "Text for search: extracted" in page


def test_only_someone_who_may_change_the_document_may_process_it_again(
    client, failed, django_capture_on_commit_callbacks
):
    reader = UserFactory(is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reader)
    url = reverse("publications_document_process_again", args=[failed.pk])

    with django_capture_on_commit_callbacks() as queued:
        refused = client.post(url)

    # Wagtail turns the refusal into its "no permission" message on the dashboard.
    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))
    assert queued == []
    assert client.get(url).status_code == 405


def test_the_chooser_shows_each_documents_cover_and_pages(editor_client, processed, failed):
    results = html(editor_client.get(reverse("wagtaildocs_chooser:choose_results")))
    modal = editor_client.get(reverse("wagtaildocs_chooser:choose"))

    assert processed.cover.get_rendition("max-50x70").url in results
    assert "7 pages" in results
    assert "Broken report" in results
    assert modal.status_code == 200
    assert "7 pages" in modal.json()["html"]


def test_the_publication_form_shows_each_files_cover_and_the_cover_used_when_none_is_chosen(
    editor_client, sections, processed, failed
):
    page = PublicationPageFactory(parent=sections["publications"], title="Addendum")
    PublicationFileFactory(page=page, document=failed, language="en", sort_order=0)
    PublicationFileFactory(page=page, document=processed, language="fr", sort_order=1)

    form = html(editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))

    assert processed.cover.get_rendition("max-120x170").url in form
    assert "7 pages" in form
    assert "Text for search: failed: the PDF is damaged or cut short" in form
    # The broken first file has no cover: the next file's first page stands in.
    assert "the first page of the file “UPR addendum” is used as the cover" in form
    assert processed.cover.get_rendition("max-160x230").url in form


def test_the_publication_form_says_when_no_file_has_a_cover_yet(editor_client, sections, waiting):
    page = PublicationPageFactory(parent=sections["publications"], title="Mid-term")
    PublicationFileFactory(page=page, document=waiting, language="en")

    form = html(editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))

    assert "no file of this publication has a cover yet" in form
    assert "Cover and page count: waiting" in form
