"""Importing a Plone export: pages, translations, links, files in S3, states, redirects, idempotence, failures."""

import io
import json
import zoneinfo
from datetime import datetime

import pytest

from django.core.management import CommandError, call_command

from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page

from home.models import StandardPage
from plone_import.importer import PloneImporter
from plone_import.models import PloneImportRun, PloneItem
from plone_import.readers import read_export
from publications.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage, ReportDocument
from tests.support.files import SHARED_DATA
from users.factories import UserFactory

from .exports import (
    LEAD,
    LOGO,
    PDF,
    PORTAL_URL,
    site_items,
    uid,
    write_collective_exportimport,
    write_plone_exportimport,
)

SAMPLES = SHARED_DATA / "plone-export"
WRITERS = {
    "plone.exportimport": write_plone_exportimport,
    "collective.exportimport": write_collective_exportimport,
}

pytestmark = pytest.mark.django_db


def object_bytes(seaweedfs, bucket, key):
    return seaweedfs.client().get_object(Bucket=bucket, Key=key)["Body"].read()


def bucket_keys(seaweedfs, bucket):
    return sorted(
        entry["Key"] for entry in seaweedfs.client().list_objects_v2(Bucket=bucket).get("Contents", [])
    )


def import_plone(path, *options):
    out = io.StringIO()
    call_command("import_plone", str(path), "--no-progress", *options, stdout=out)
    return out.getvalue()


def imported(plone_uid):
    entry = PloneItem.objects.get(uid=plone_uid)
    return entry.content_type.get_object_for_this_type(pk=entry.object_id)


def imported_page(plone_uid):
    return Page.objects.get(pk=PloneItem.objects.get(uid=plone_uid).object_id).specific


def redirect_of(path):
    return Redirect.objects.get(old_path=Redirect.normalise_path(path))


class TestPloneExportImportSamples:
    """The real exports of plone.exportimport's own tests."""

    def test_the_base_sample(self, home_pages, seaweedfs, s3_bucket):
        output = import_plone(SAMPLES / "base_import")

        assert "Succeeded: 8 items read from plone.exportimport." in output
        assert "  Document: 5 created" in output
        home = home_pages["en"]
        foo = imported_page("e7359727ace64e609b79c4091c38822a")
        assert isinstance(foo, StandardPage) and foo.get_parent().pk == home.pk
        assert foo.intro == "fdfdfd" and not foo.live  # private in Plone
        assert [child.title for child in foo.get_children()] == ["Bar", "Another page"]  # Plone's order
        published = imported_page("5d77cd5686184ec49ab077017b1fbc3a")
        assert published.live and published.url_path == "/home/bar/foo/"
        # A News Item needs a news index: the one of the home page, created for it.
        news = imported_page("7c1393f615c4447c80db0d784390c5b7")
        assert isinstance(news, NewsPage) and news.live
        assert isinstance(news.get_parent().specific, NewsIndexPage)
        assert news.date.isoformat() == "2024-02-13"
        lead = (
            SAMPLES / "base_import/content/7c1393f615c4447c80db0d784390c5b7/image/brazil-coins.png"
        ).read_bytes()
        assert object_bytes(seaweedfs, s3_bucket, news.image.file.name) == lead
        document = imported("3e0dd7c4b2714eafa1d6fc6a1493f953")
        assert isinstance(document, ReportDocument) and document.title == "A File"
        pdf = (SAMPLES / "base_import/content/3e0dd7c4b2714eafa1d6fc6a1493f953/file/plone.pdf").read_bytes()
        assert object_bytes(seaweedfs, s3_bucket, document.file.name) == pdf
        image = imported("90b11c863598495ba699b22ca76b1041")
        assert (image.width, image.height) == (800, 800)
        assert redirect_of("/plone.pdf").redirect_link == document.url
        assert redirect_of("/bar/foo").redirect_page_id == published.pk
        assert "/foo: Plone showed /foo/another-page as this folder's page" in output

    def test_the_multilingual_sample_as_translations(self, home_pages):
        output = import_plone(SAMPLES / "multilingual_import", "--language", "de=fr", "--language", "es=rw")

        assert "LRF: 3 mapped to the home page" in output
        pages = {
            code: imported_page(uid)
            for code, uid in [
                ("en", "f40d3a236b464aa487b715adf3c0be92"),
                ("fr", "2be023c76b3e4e0aa9908c70f19a14df"),
                ("rw", "cecc6f7007344d3cbac68f1da4bd084a"),
            ]
        }
        assert {page.locale.language_code for page in pages.values()} == {"en", "fr", "rw"}
        assert len({page.translation_key for page in pages.values()}) == 1
        assert pages["fr"].get_parent().get_parent().pk == home_pages["fr"].pk
        assert pages["en"].get_translation(home_pages["rw"].locale).pk == pages["rw"].pk
        # /en-us became /en in Plone: both the old and the current path lead to the page.
        assert redirect_of("/en-us/a-folderish/a-page").redirect_page_id == pages["en"].pk
        assert redirect_of("/de/a-folderish/a-page").redirect_page_id == pages["fr"].pk
        assert redirect_of("/en/a-folderish/a-link").redirect_link == "https://plone.org/"

    def test_languages_the_site_does_not_have_are_skipped_and_reported(self, home_pages):
        output = import_plone(SAMPLES / "multilingual_import")

        assert "its language “de” is not one of the site's languages" in output
        assert not PloneItem.objects.filter(uid="2be023c76b3e4e0aa9908c70f19a14df").exists()
        assert PloneItem.objects.filter(uid="f40d3a236b464aa487b715adf3c0be92").exists()


@pytest.fixture
def editor(db):
    return UserFactory(username="editor")


@pytest.mark.parametrize("export_format", WRITERS)
class TestASite:
    """A multilingual site with news, an event, files, a private page, a moved page and links, in both formats."""

    def write(self, export_format, tmp_path, items=None):
        return WRITERS[export_format](tmp_path / "export", items)

    def test_pages_translations_and_states(self, export_format, tmp_path, home_pages, editor, s3_bucket):
        import_plone(self.write(export_format, tmp_path))

        about = {code: imported_page(uid(f"about-{code}")) for code in ("en", "fr", "rw")}
        for code, page in about.items():
            assert page.locale.language_code == code
            assert page.get_parent().pk == home_pages[code].pk
            assert page.live and page.owner == editor
        assert len({page.translation_key for page in about.values()}) == 1
        assert about["en"].title == "About us" and about["en"].search_description == "Who we are"
        assert about["en"].first_published_at == datetime(2025, 1, 2, 10, tzinfo=zoneinfo.ZoneInfo("UTC"))
        assert about["en"].latest_revision_id == about["en"].live_revision_id

        private = imported_page(uid("private"))
        assert not private.live and private.has_unpublished_changes
        legal = imported_page(uid("legal"))  # no language: the default locale
        assert legal.locale.language_code == "en" and legal.get_parent().pk == home_pages["en"].pk

        # The news folder holds only news: it becomes the news index, and the French news goes
        # to the French index, as a translation of the English one.
        news_index = imported_page(uid("news-folder"))
        assert isinstance(news_index, NewsIndexPage) and news_index.get_parent().pk == home_pages["en"].pk
        news = imported_page(uid("news-en"))
        assert news.get_parent().pk == news_index.pk
        assert news.summary == "The report is out." and news.date.isoformat() == "2025-03-04"
        assert [theme.name for theme in news.themes.all()] == ["Human rights defenders"]
        news_fr = imported_page(uid("news-fr"))
        assert isinstance(news_fr.get_parent().specific, NewsIndexPage)
        assert news_fr.get_parent().locale.language_code == "fr"
        assert news_fr.translation_key == news.translation_key

        event = imported_page(uid("workshop"))
        assert isinstance(event, EventPage) and isinstance(event.get_parent().specific, EventIndexPage)
        assert event.time_zone == "Africa/Kigali" and event.venue == "Kigali"
        kigali = event.starts_at.astimezone(event.zone)
        assert (kigali.hour, kigali.minute) == (9, 0)
        assert event.ends_at.astimezone(event.zone).strftime("%H:%M") == "17:30"

    def test_links_and_images_in_text(self, export_format, tmp_path, home_pages, editor, s3_bucket):
        run = PloneImporter(read_export(self.write(export_format, tmp_path)), site_url=PORTAL_URL).run()

        about = imported_page(uid("about-en"))
        html = about.body[0].value.source
        news = imported_page(uid("news-en"))
        document = imported(uid("report-pdf"))
        logo = imported(uid("logo"))
        workshop = imported_page(uid("workshop"))
        assert f'<a id="{news.pk}" linktype="page">launch</a>' in html
        assert f'<a id="{document.pk}" linktype="document">our report</a>' in html
        assert f'<a id="{workshop.pk}" linktype="page">The workshop</a>' in html
        assert '<a href="https://www.ohchr.org/">OHCHR</a>' in html
        assert f'<embed alt="Logo" embedtype="image" format="left" id="{logo.pk}"/>' in html
        assert run.report["unresolved_links"] == [{"path": "/en/about", "link": "/en/no-such-page"}]
        french = imported_page(uid("about-fr")).body[0].value.source
        assert f'<a id="{about.pk}" linktype="page">' in french

    def test_the_api_gives_the_text_with_its_links_and_images(
        self, export_format, tmp_path, home_pages, client, s3_bucket
    ):
        PloneImporter(read_export(self.write(export_format, tmp_path)), site_url=PORTAL_URL).run()
        about = imported_page(uid("about-en"))

        response = client.get(f"/api/v2/pages/{about.pk}/")

        assert response.status_code == 200
        html = response.json()["body"][0]["value"]
        news = imported_page(uid("news-en"))
        assert f'<a href="{news.url}">launch</a>' in html
        assert f'href="{imported(uid("report-pdf")).url}"' in html
        assert '<img alt="Logo"' in html

    def test_files_go_to_the_bucket_byte_for_byte(
        self, export_format, tmp_path, home_pages, seaweedfs, s3_bucket
    ):
        import_plone(self.write(export_format, tmp_path))

        document = imported(uid("report-pdf"))
        assert document.title == "Annual report 2024" and document.language == "en"
        assert object_bytes(seaweedfs, s3_bucket, document.file.name) == PDF
        logo = imported(uid("logo"))
        assert object_bytes(seaweedfs, s3_bucket, logo.file.name) == LOGO
        lead = imported_page(uid("news-en")).image
        assert object_bytes(seaweedfs, s3_bucket, lead.file.name) == LEAD

    def test_redirects(self, export_format, tmp_path, home_pages, s3_bucket, client):
        import_plone(self.write(export_format, tmp_path))

        about = imported_page(uid("about-en"))
        assert redirect_of("/en/about").redirect_page_id == about.pk
        assert redirect_of("/en/about-us").redirect_page_id == about.pk  # before it was renamed
        moved = imported_page(uid("moved"))
        assert redirect_of("/en/old-place/moved-page").redirect_page_id == moved.pk
        assert redirect_of("/en/old-link").redirect_page_id == about.pk  # a Link to a page
        assert redirect_of("/en/ohchr").redirect_link == "https://www.ohchr.org/"
        document = imported(uid("report-pdf"))
        assert redirect_of("/en/files/annual-report.pdf/@@download/file").redirect_link == document.url

        response = client.get("/en/old-place/moved-page")
        assert response.status_code == 301 and response["Location"] == moved.url

    def test_a_second_run_updates_and_never_duplicates(
        self, export_format, tmp_path, home_pages, seaweedfs, s3_bucket
    ):
        path = self.write(export_format, tmp_path)
        import_plone(path)
        counts = (
            Page.objects.count(),
            ReportDocument.objects.count(),
            get_image_model().objects.count(),
            Redirect.objects.count(),
        )
        keys = bucket_keys(seaweedfs, s3_bucket)

        output = import_plone(path)

        assert "Document: 6 unchanged" in output
        assert (
            Page.objects.count(),
            ReportDocument.objects.count(),
            get_image_model().objects.count(),
            Redirect.objects.count(),
        ) == counts
        assert bucket_keys(seaweedfs, s3_bucket) == keys

        items = site_items()
        for item in items:
            if item["name"] == "about-en":
                item["title"] = "About the organisation"
            if item["name"] == "private":
                item["review_state"] = "published"
        path = WRITERS[export_format](tmp_path / "second", items)
        output = import_plone(path)

        assert "Document: 4 unchanged, 2 updated" in output
        assert imported_page(uid("about-en")).title == "About the organisation"
        assert imported_page(uid("private")).live
        assert Page.objects.count() == counts[0]

    def test_an_item_moved_in_plone_moves_here(self, export_format, tmp_path, home_pages, s3_bucket):
        import_plone(self.write(export_format, tmp_path))
        legal = imported_page(uid("legal"))
        child = imported_page(uid("news-en"))
        items = site_items()
        for item in items:
            if item["name"] == "legal":
                item.update(path="/en/about/legal", parent_path="/en/about", title="Legal notice (moved)")
        redirects = {"/legal": "/en/about/legal"}
        output = import_plone(WRITERS[export_format](tmp_path / "second", items, redirects=redirects))

        moved = imported_page(uid("legal"))
        assert moved.pk == legal.pk and moved.title == "Legal notice (moved)"
        about = imported_page(uid("about-en"))
        assert moved.get_parent().pk == about.pk and moved.url_path == f"{about.url_path}legal/"
        assert "moved from /home/legal/ to /home/about/legal/" in output
        assert redirect_of("/legal").redirect_page_id == moved.pk
        assert Page.find_problems() == ([], [], [], [], [])
        assert imported_page(uid("news-en")).url_path == child.url_path

    def test_a_dry_run_changes_nothing(self, export_format, tmp_path, home_pages, seaweedfs, s3_bucket):
        pages = Page.objects.count()

        output = import_plone(self.write(export_format, tmp_path), "--dry-run")

        assert output.startswith("Dry run: 19 items read")
        assert "Document: 6 created" in output
        assert Page.objects.count() == pages
        assert not PloneItem.objects.exists() and not Redirect.objects.exists()
        assert bucket_keys(seaweedfs, s3_bucket) == []
        assert PloneImportRun.objects.get().status == PloneImportRun.Status.DRY_RUN

    def test_a_failure_leaves_nothing_half_imported(
        self, export_format, tmp_path, home_pages, seaweedfs, s3_bucket
    ):
        items = site_items()
        for item in items:
            if item["name"] == "workshop":
                del item["start"]  # written after the files and most pages
        pages = Page.objects.count()

        with pytest.raises(
            CommandError,
            match=r"Nothing was imported\. .*/en/events/workshop.*: an Event without a start date",
        ):
            import_plone(WRITERS[export_format](tmp_path / "export", items))

        assert Page.objects.count() == pages
        assert not ReportDocument.objects.exists() and not PloneItem.objects.exists()
        assert bucket_keys(seaweedfs, s3_bucket) == []
        run = PloneImportRun.objects.get()
        assert run.status == PloneImportRun.Status.FAILED and "Event without a start date" in run.error

    def test_a_page_under_a_file_s_name_is_refused_and_nothing_lands_in_the_bucket(
        self, export_format, tmp_path, home_pages, seaweedfs, s3_bucket
    ):
        items = site_items()
        for item in items:
            if item["name"] == "report-pdf":
                item["file"]["blob"] = b"<html><script>alert(1)</script><!-- %PDF-1.4 -->" + PDF

        with pytest.raises(
            CommandError, match=r"Nothing was imported\. .*“annual-report\.pdf” holds a web page or a script"
        ):
            import_plone(WRITERS[export_format](tmp_path / "export", items))

        assert not ReportDocument.objects.exists() and not PloneItem.objects.exists()
        assert bucket_keys(seaweedfs, s3_bucket) == []


class TestCommand:
    def test_a_broken_export_is_refused_before_anything_is_written(self, tmp_path, home_pages):
        path = write_plone_exportimport(tmp_path / "export")
        (path / "content" / uid("legal") / "data.json").write_text('{"@type": "Document", "UID": ')

        with pytest.raises(
            CommandError, match=rf"Nothing was imported\. content/{uid('legal')}/data.json: invalid JSON"
        ):
            import_plone(path)
        assert not PloneImportRun.objects.exists()

    def test_the_report_lists_counts_skipped_items_and_unresolved_links(
        self, tmp_path, home_pages, s3_bucket
    ):
        items = site_items()
        items.append(
            {**items[-1], "UID": uid("collection"), "@type": "FormFolder", "path": "/form", "id": "form"}
        )
        output = import_plone(write_plone_exportimport(tmp_path / "export", items))

        assert "  News Item: 2 created" in output
        assert "  Event: 1 created" in output
        assert "  File: 1 created" in output
        assert "  Link: 2 redirect" in output
        assert "Skipped (1):\n  /form (FormFolder): Plone type “FormFolder” is not imported" in output
        assert "Links that could not be resolved (1):\n  /en/about: /en/no-such-page" in output
        assert "subjects without a matching theme: Unknown subject" in output
        assert json.dumps(PloneImportRun.objects.get().report["counts"]["Document"]) == '{"created": 6}'

    def test_map_option(self, tmp_path, home_pages, s3_bucket):
        output = import_plone(
            write_plone_exportimport(tmp_path / "export"), "--map", "/en/files=publications.PublicationPage"
        )

        from publications.models import PublicationIndexPage, PublicationPage

        index = imported_page(uid("files"))
        assert isinstance(index, PublicationIndexPage)
        page = imported_page(f"{uid('report-pdf')}:page")
        assert isinstance(page, PublicationPage) and page.get_parent().pk == index.pk
        assert page.title == "Annual report 2024" and page.summary == "The PDF" and page.live
        assert [file.document_id for file in page.files.all()] == [imported(uid("report-pdf")).pk]
        assert "Succeeded" in output

    def test_a_publication_holding_its_pdf(self, tmp_path, home_pages, s3_bucket):
        from publications.models import PublicationPage

        from .exports import make_item

        items = site_items()
        items += [
            make_item(
                "publication",
                "Document",
                "/en/files/report-2024",
                "/en/files",
                title="Report 2024",
                language="en",
                description="Our annual report.",
                text={"data": "<p>Read it.</p>"},
            ),
            make_item(
                "publication-pdf",
                "File",
                "/en/files/report-2024/report.pdf",
                "/en/files/report-2024",
                title="Report 2024 (PDF)",
                language="en",
                file={"blob": PDF, "filename": "report.pdf", "content-type": "application/pdf"},
            ),
        ]
        for position, item in enumerate(items):
            item["position"] = position
        path = write_plone_exportimport(tmp_path / "export", items)
        import_plone(path, "--map", "/en/files=publications.PublicationPage")

        publication = imported_page(uid("publication"))
        assert isinstance(publication, PublicationPage) and publication.summary == "Our annual report."
        assert [file.document_id for file in publication.files.all()] == [imported(uid("publication-pdf")).pk]
        assert not PloneItem.objects.filter(uid=f"{uid('publication-pdf')}:page").exists()
        assert publication.revisions.count() == 1

        import_plone(path, "--map", "/en/files=publications.PublicationPage")
        assert PublicationPage.objects.filter(title="Report 2024").count() == 1
        assert imported_page(uid("publication")).files.count() == 1

    def test_regional_languages_and_items_without_workflow(self, tmp_path, home_pages, s3_bucket):
        items = site_items()
        for item in items:
            if item["name"] == "about-fr":
                item["language"] = "fr-ca"
            if item["name"] == "moved":
                item["review_state"] = None  # no workflow: shown like its folder

        import_plone(write_plone_exportimport(tmp_path / "export", items))

        assert imported_page(uid("about-fr")).locale.language_code == "fr"
        assert imported_page(uid("moved")).live
