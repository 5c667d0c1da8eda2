"""The text of PDF documents, read in the background page by page, whatever state the PDF is in."""

import io
from pathlib import Path
from unittest import mock

import pytest
from PIL import Image

from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from publications.factories import ReportDocumentFactory
from search.extraction import extract
from search.models import DocumentPage, DocumentText
from search.text import Query
from tests.support.files import SHARED_DATA, shared_pdf
from users.factories import UserFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
Status = DocumentText.Status


@pytest.fixture
def upload(django_capture_on_commit_callbacks):
    """Upload bytes as a document; the extraction task runs when the upload commits."""

    def upload(content, name="report.pdf"):
        with django_capture_on_commit_callbacks(execute=True):
            document = ReportDocumentFactory(title=name, file=ContentFile(content, name=name))
        return document

    return upload


def text_of(document):
    return DocumentText.objects.get(document=document)


def test_a_report_is_read_page_by_page(upload):
    document = upload(shared_pdf("rwanda2011.pdf"))

    text = text_of(document)
    assert text.status == Status.EXTRACTED
    assert text.page_count == 20
    assert text.pages.count() == 20
    assert "Rwanda" in text.pages.get(number=1).text
    assert text.extractor.startswith("pypdfium2")
    assert text.characters == sum(len(page.text) for page in text.pages.all())
    # PDFium's line-end hyphen is a hyphen again; no control character is kept.
    whole = "".join(text.pages.values_list("text", flat=True))
    assert "evidence-based" in whole
    assert not any(ord(char) < 32 and char not in "\n\t" for char in whole)


def test_french_accents_come_out_whole(upload):
    document = upload((SHARED_DATA / "udhr" / "udhr-fr.pdf").read_bytes(), "ddhr.pdf")

    text = " ".join(text_of(document).pages.values_list("text", flat=True))
    assert "dignité" in text
    assert "égaux" in text
    # No accent left apart from its letter ("e´"), no combining marks.
    assert "´" not in text
    assert not any(0x300 <= ord(char) <= 0x36F for char in text)


@pytest.mark.parametrize(
    ("content", "status", "detail"),
    [
        (FIXTURES.joinpath("encrypted.pdf").read_bytes(), Status.ENCRYPTED, "password"),
        (shared_pdf("rwanda2011.pdf")[:20000], Status.DAMAGED, ""),
        (b"PK\x03\x04 a Word document with a .pdf name", Status.NOT_PDF, "does not start like a PDF"),
    ],
    ids=["encrypted", "truncated", "not a pdf"],
)
def test_a_pdf_that_cannot_be_read_is_kept_with_what_happened(upload, content, status, detail):
    document = upload(content)

    text = text_of(document)
    assert text.status == status
    assert detail in text.detail
    assert not text.pages.exists()
    document.refresh_from_db()  # the document itself stays


def test_a_scan_without_a_text_layer_says_so(upload):
    buffer = io.BytesIO()
    Image.new("RGB", (600, 800), "white").save(buffer, format="PDF")

    text = text_of(upload(buffer.getvalue(), "scan.pdf"))

    assert text.status == Status.NO_TEXT
    assert text.page_count == 1


def test_a_pdf_over_the_limit_is_not_read(upload, settings):
    settings.SEARCH_EXTRACT_MAX_MB = 0

    text = text_of(upload(shared_pdf("rwanda2011.pdf")))

    assert text.status == Status.TOO_LARGE
    assert "SEARCH_EXTRACT_MAX_MB" in text.detail


def test_a_replaced_file_is_read_again_and_an_edited_title_is_not(upload, django_capture_on_commit_callbacks):
    document = upload(shared_pdf("rwanda2011.pdf"))

    with (
        mock.patch("search.tasks.extract", wraps=extract) as extraction,
        django_capture_on_commit_callbacks(execute=True),
    ):
        document.title = "Rwanda, first review"
        document.save()
    extraction.assert_not_called()

    with django_capture_on_commit_callbacks(execute=True):
        document.file = ContentFile(shared_pdf("g2505828.pdf"), name="addendum.pdf")
        document.save()
    assert text_of(document).page_count == 7


def test_deleting_a_document_deletes_its_text(upload):
    document = upload(shared_pdf("g2505828.pdf"))
    assert DocumentPage.objects.count() == 7

    document.delete()

    assert not DocumentText.objects.exists()
    assert not DocumentPage.objects.exists()


def test_a_failure_is_recorded_raised_and_the_command_reads_it_again(upload):
    # The task fails (its result says so, for a retry); the upload itself is unaffected.
    with mock.patch("search.tasks.extract", side_effect=OSError("storage unreachable")):
        upload(shared_pdf("g2505828.pdf"))
    document = DocumentText.objects.get().document
    assert text_of(document).status == Status.FAILED
    assert "storage unreachable" in text_of(document).detail

    output = io.StringIO()
    call_command("extract_document_text", "--status", "failed", stdout=output)

    assert text_of(document).status == Status.EXTRACTED
    assert "Done: 1 extracted." in output.getvalue()


def test_the_command_refuses_unknown_ids_and_needs_a_choice(upload):
    with pytest.raises(CommandError, match="No PDF document with id 999"):
        call_command("extract_document_text", "999")
    with pytest.raises(CommandError, match="--all"):
        call_command("extract_document_text")


@pytest.mark.s3
def test_the_text_is_read_from_s3(upload, s3_bucket):
    document = upload(shared_pdf("g2505828.pdf"))

    assert text_of(document).status == Status.EXTRACTED
    assert text_of(document).page_count == 7


def test_editors_see_the_status_of_each_document(client, upload):
    upload(FIXTURES.joinpath("encrypted.pdf").read_bytes(), "locked.pdf")
    upload(shared_pdf("g2505828.pdf"), "addendum.pdf")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    listing = client.get(reverse("document_text:index"))
    encrypted_only = client.get(reverse("document_text:index"), {"status": "encrypted"})

    assert listing.status_code == 200
    assert "Protected by a password" in listing.content.decode()
    assert "Text extracted" in listing.content.decode()
    assert "addendum.pdf" not in encrypted_only.content.decode()
    # The language told from the text is shown, and listed by.
    upload((SHARED_DATA / "udhr" / "udhr-fr.pdf").read_bytes(), "ddhr.pdf")
    french = client.get(reverse("document_text:index"), {"language": "fr"}).content.decode()
    assert "ddhr.pdf" in french and "addendum.pdf" not in french
    # Nobody edits the text record by hand.
    record = DocumentText.objects.get(document__title="addendum.pdf")
    assert client.get(reverse("document_text:edit", args=[record.pk])).status_code in (302, 403)


def test_the_text_of_each_page_is_searchable_and_leaves_the_index_with_its_document(upload):
    from wagtail.search.models import IndexEntry

    document = upload(shared_pdf("rwanda2011.pdf"))
    french = upload((SHARED_DATA / "udhr" / "udhr-fr.pdf").read_bytes(), "ddhr.pdf")

    hits = DocumentPage.objects.search("Botswana", operator="and")
    assert sorted(hit.number for hit in hits) == [11, 13, 14]
    assert {hit.document_text.document_id for hit in hits} == {document.pk}
    # Words are kept stemmed in the language of the document, told from its text.
    assert text_of(french).language == "fr" and text_of(document).language == "en"
    dignity = Query("dignité", ["fr"]).search_query()
    assert DocumentPage.objects.search(dignity)[0].document_text.document_id == french.pk

    document.delete()

    assert not DocumentPage.objects.search("Botswana")
    remaining = DocumentPage.objects.filter(document_text__document=french).count()
    assert IndexEntry.objects.filter(content_type__model="documentpage").count() == remaining
