"""Publication pages: rules, PDFs, covers, the API in each locale, and what editors see when a file is wrong."""

import datetime

import pytest

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from locales.translation import translate
from publications.factories import PublicationFileFactory, PublicationPageFactory, pdf_document
from publications.models import (
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsletterPage,
    NewsPage,
    PublicationIndexPage,
    PublicationPage,
    ReportDocument,
)
from tests.support.files import SHARED_DATA, shared_pdf
from upr.importers.service import import_recommendations
from upr.models import Country, Recommendation, Session, Theme


class PageTypeRulesTests(WagtailPageTestCase):
    def test_each_page_type_lives_where_editors_expect_it(self):
        self.assertAllowedParentPageTypes(PublicationIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(PublicationPage, {PublicationIndexPage})
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedParentPageTypes(NewsletterPage, {NewsIndexPage})
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(PublicationPage, set())
        self.assertCanNotCreateAt(Page, PublicationPage)


pytestmark = pytest.mark.django_db


def en(model, **lookup):
    return model.objects.get(locale__language_code="en", **lookup)


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def report(sections, django_capture_on_commit_callbacks):
    """A mid-term assessment of Rwanda with the real Working Group report as its PDF, published."""
    with django_capture_on_commit_callbacks(execute=True):
        document = pdf_document(shared_pdf("rwanda2011.pdf"), title="Rwanda 2011", filename="rwanda2011.pdf")
    page = PublicationPageFactory(
        parent=sections["publications"],
        title="Rwanda: mid-term assessment",
        cycle=Session.objects.get(number=10).cycle,
        session=Session.objects.get(number=10),
    )
    PublicationFileFactory(page=page, document=document, language="en")
    page.countries.set([en(Country, iso3="RWA")])
    page.themes.set([Theme.objects.filter(locale__language_code="en").order_by("slug").first()])
    page.authors.create(name="", organisation="Rwanda Civil Society Platform")
    page.save()
    return publish(page)


def test_the_pdf_is_described_in_the_background(report):
    document = report.files.get().document
    document.refresh_from_db()

    assert document.is_pdf
    assert document.page_count == 20  # the real report has 20 pages
    assert document.cover is not None
    assert document.cover.width == 1200
    assert document.cover.file.read(8) == b"\x89PNG\r\n\x1a\n"


def test_the_api_gives_the_publication_with_its_pdf_cover_and_vocabularies(client, report):
    response = client.get(reverse("wagtailapi:pages:detail", args=[report.pk]))

    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["type"] == "publications.PublicationPage"
    assert data["publication_type"] == "mid_term_assessment"
    assert data["publication_date"] == "2024-05-02"
    assert data["countries"] == [{"code": "RWA", "name": "Rwanda"}]
    assert data["cycle"] == 1
    assert data["session"]["number"] == 10
    assert [(author["name"], author["organisation"]) for author in data["authors"]] == [
        ("", "Rwanda Civil Society Platform")
    ]
    (file,) = data["files"]
    assert file["language"] == "en"
    assert file["page_count"] == 20
    assert file["file_size"] == len(shared_pdf("rwanda2011.pdf"))
    assert data["languages"] == ["en"]
    # No cover was uploaded: the first page of the PDF stands in.
    cover = data["cover"]
    assert set(cover["renditions"]) == {"thumbnail", "medium", "large"}
    assert cover["renditions"]["thumbnail"]["width"] == 400

    pdf = client.get(file["download_url"].removeprefix("http://testserver"))
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content) == shared_pdf("rwanda2011.pdf")


def test_linked_recommendations_appear_in_the_api(client, report):

    with open(SHARED_DATA / "upr-info" / "rwanda.csv", "rb") as file:
        import_recommendations(file, filename="rwanda.csv")
    chosen = list(Recommendation.objects.originals().order_by("pk")[:2])
    report.recommendations.set(chosen)
    publish(report)

    data = client.get(reverse("wagtailapi:pages:detail", args=[report.pk])).json()

    assert [item["id"] for item in data["recommendations"]] == [item.pk for item in chosen]
    assert data["recommendations"][0]["state_under_review"] == "RWA"


def test_a_translation_keeps_the_files_and_vocabularies_and_has_its_own_text(
    client, report, sections, locales, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate(sections["publications"], locales["fr"], {"Publications": "Publications"})
        french = translate(
            report,
            locales["fr"],
            {
                "Rwanda: mid-term assessment": "Rwanda : évaluation à mi-parcours",
                report.summary: "Dans quelle mesure l’État a mis en œuvre les recommandations acceptées.",
            },
        )

    response = client.get(
        reverse("wagtailapi:pages:listing"),
        {"type": "publications.PublicationPage", "locale": "fr", "fields": "summary,countries,files"},
    )
    (item,) = response.json()["items"]
    assert item["id"] == french.pk
    assert item["title"] == "Rwanda : évaluation à mi-parcours"
    assert item["summary"].startswith("Dans quelle mesure")
    assert item["countries"] == [{"code": "RWA", "name": "Rwanda"}]
    assert [file["page_count"] for file in item["files"]] == [20]


def test_an_unpublished_publication_leaves_the_api(client, report):
    listing = reverse("wagtailapi:pages:listing")
    assert client.get(listing, {"type": "publications.PublicationPage"}).json()["meta"]["total_count"] == 1

    report.unpublish()

    assert client.get(listing, {"type": "publications.PublicationPage"}).json()["meta"]["total_count"] == 0
    assert client.get(reverse("wagtailapi:pages:detail", args=[report.pk])).status_code == 404


def test_the_listing_filters_by_type_and_date(client, report, sections):
    publish(
        PublicationPageFactory(
            parent=sections["publications"],
            publication_type="annual_report",
            publication_date=datetime.date(2023, 1, 1),
        )
    )
    listing = reverse("wagtailapi:pages:listing")

    annual = client.get(
        listing, {"type": "publications.PublicationPage", "publication_type": "annual_report"}
    )
    newest_first = client.get(listing, {"type": "publications.PublicationPage", "order": "-publication_date"})

    assert annual.json()["meta"]["total_count"] == 1
    assert [item["id"] for item in newest_first.json()["items"]][0] == report.pk


def test_a_broken_pdf_is_kept_and_described_as_unreadable(django_capture_on_commit_callbacks):
    truncated = shared_pdf("rwanda2011.pdf")[:5000]
    with django_capture_on_commit_callbacks(execute=True):
        document = pdf_document(truncated, filename="truncated.pdf")

    document.refresh_from_db()
    assert document.is_pdf
    assert document.page_count is None
    assert document.cover is None


def test_replacing_the_file_renders_a_new_cover(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = pdf_document(shared_pdf("rwanda2011.pdf"))
    document.refresh_from_db()
    first_cover = document.cover_id

    with django_capture_on_commit_callbacks(execute=True):
        document.file = ContentFile(shared_pdf("g2505828.pdf"), name="addendum.pdf")
        document.save()

    document.refresh_from_db()
    assert document.page_count == 7
    assert document.cover_id not in (None, first_cover)
    # The old cover image is gone, not left behind.
    from wagtail.images import get_image_model

    assert not get_image_model().objects.filter(pk=first_cover).exists()


# Uploads in the admin ----------------------------------------------------------


def upload(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1, "language": "en"},
    )


def test_a_file_named_pdf_that_is_not_one_is_refused_with_a_message(editor_client):
    response = upload(editor_client, "report.pdf", b"PK\x03\x04 a word document renamed")

    assert response.status_code == 200
    assert "“report.pdf” is not a PDF file, whatever its name says." in response.content.decode()
    assert not ReportDocument.objects.exists()


def test_a_pdf_over_the_size_limit_is_refused_with_a_message(editor_client, settings):
    settings.PUBLICATIONS_MAX_PDF_MB = 1
    big = shared_pdf("rwanda2011.pdf") + b"\n%" + b"x" * (1024 * 1024)

    response = upload(editor_client, "big.pdf", big)

    assert "a report may be at most 1.0\xa0MB" in response.content.decode()
    assert not ReportDocument.objects.exists()


def test_a_real_pdf_is_accepted(editor_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(editor_client, "g2505828.pdf", shared_pdf("g2505828.pdf"))

    assert response.status_code == 302
    document = ReportDocument.objects.get()
    assert (document.is_pdf, document.page_count) == (True, 7)


def test_a_publication_file_must_be_a_pdf(sections):
    from django.core.exceptions import ValidationError

    from publications.factories import ReportDocumentFactory
    from publications.models import PublicationFile

    spreadsheet = ReportDocumentFactory(file=ContentFile(b"a,b\n1,2\n", name="figures.csv"))
    page = PublicationPageFactory(parent=sections["publications"])

    with pytest.raises(ValidationError) as error:
        PublicationFile(page=page, document=spreadsheet, language="en").clean()
    assert "is not a PDF file" in str(error.value)


@pytest.mark.s3
def test_a_publication_pdf_is_stored_in_s3_and_served_back(
    client, sections, seaweedfs, s3_bucket, django_capture_on_commit_callbacks
):
    import requests

    pdf = shared_pdf("g2505828.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        document = pdf_document(pdf, filename="addendum.pdf")
    page = PublicationPageFactory(parent=sections["publications"])
    PublicationFileFactory(page=page, document=document)
    publish(page)

    stored = seaweedfs.client().get_object(Bucket=s3_bucket, Key=document.file.name)["Body"].read()
    assert stored == pdf
    document.refresh_from_db()
    assert document.page_count == 7  # read back from the bucket by the task

    (file,) = client.get(reverse("wagtailapi:pages:detail", args=[page.pk])).json()["files"]
    redirect = client.get(file["download_url"].removeprefix("http://testserver"))
    assert redirect.status_code == 302
    assert requests.get(redirect["Location"], timeout=10).content == pdf


@pytest.mark.s3
def test_a_cover_from_a_private_bucket_is_given_at_an_address_that_does_not_expire(
    client, sections, seaweedfs, s3_bucket, settings, django_capture_on_commit_callbacks
):
    import requests

    settings.AWS_QUERYSTRING_EXPIRE = 300
    with django_capture_on_commit_callbacks(execute=True):
        document = pdf_document(shared_pdf("g2505828.pdf"), filename="addendum.pdf")
    page = PublicationPageFactory(parent=sections["publications"])
    PublicationFileFactory(page=page, document=document)
    publish(page)

    cover = client.get(reverse("wagtailapi:pages:detail", args=[page.pk])).json()["cover"]
    thumbnail = cover["renditions"]["thumbnail"]
    # Not the bucket's signed URL (minutes), but the CMS's, which any answer may keep.
    assert thumbnail["url"].startswith("/images/") and "Amz" not in thumbnail["url"]
    assert thumbnail["full_url"] == "http://testserver" + thumbnail["url"]
    redirect = client.get(thumbnail["url"])
    assert redirect.status_code == 302
    assert "max-age=150" in redirect["Cache-Control"]
    signed = requests.get(redirect["Location"], timeout=10)
    assert signed.status_code == 200 and signed.content[:3] in (b"\xff\xd8\xff", b"\x89PN")
    assert (signed.headers.get("Content-Length") or "1") != "0"
