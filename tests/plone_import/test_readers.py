"""Reading both export formats: the real plone.exportimport samples, a generated site, and broken copies."""

import base64
import json
import shutil

import pytest

from plone_import.readers import ExportError, detect_format, read_export
from tests.support.files import SHARED_DATA

from .exports import LOGO, PDF, PORTAL_URL, uid, write_collective_exportimport, write_plone_exportimport

SAMPLES = SHARED_DATA / "plone-export"


class TestPloneExportImportSamples:
    def test_the_base_sample_is_read_with_its_blobs_order_and_default_page(self):
        export = read_export(SAMPLES / "base_import")

        assert export.export_format == "plone.exportimport"
        by_path = {item.path: item for item in export.items}
        assert sorted((item.portal_type, item.path) for item in export.items) == [
            ("Document", "/bar"),
            ("Document", "/bar/foo"),
            ("Document", "/foo"),
            ("Document", "/foo/another-page"),
            ("Document", "/foo/bar"),
            ("File", "/plone.pdf"),
            ("Image", "/bar/2025.png"),
            ("News Item", "/bar/an-important-news"),
        ]
        pdf = by_path["/plone.pdf"]
        assert pdf.blob.filename == "plone.pdf"
        assert pdf.blob.read()[:5] == b"%PDF-"
        assert by_path["/bar/an-important-news"].image.filename == "brazil-coins.png"
        assert by_path["/bar/2025.png"].blob.content_type == "image/png"
        assert by_path["/bar/foo"].is_published and not by_path["/bar"].is_published
        assert by_path["/foo/bar"].position == 0 and by_path["/foo/another-page"].position == 1
        assert export.default_pages == {by_path["/foo"].uid: by_path["/foo/another-page"].uid}
        assert by_path["/foo"].language == "" and by_path["/foo"].owner == "admin"

    def test_the_multilingual_sample_gives_translation_groups_and_old_paths(self):
        export = read_export(SAMPLES / "multilingual_import")

        by_path = {item.path: item for item in export.items}
        page_group = {
            item.language
            for item in export.items
            if item.translation_group == by_path["/en/a-folderish/a-page"].uid
        }
        assert page_group == {"", "de", "es"}
        assert by_path["/en/assets"].translation_group == ""
        # redirects.json says /en-us became /en: its descendants moved with it.
        assert by_path["/en"].old_paths == ["/en-us"]
        assert "/en-us/a-folderish/a-page" in by_path["/en/a-folderish/a-page"].old_paths
        assert by_path["/en/a-folderish/a-link"].remote_url == "https://plone.org/"


class TestGeneratedSite:
    def test_both_formats_read_the_same_items(self, tmp_path):
        plone = read_export(write_plone_exportimport(tmp_path / "plone"))
        collective = read_export(write_collective_exportimport(tmp_path / "collective"))

        assert collective.export_format == "collective.exportimport"
        assert collective.portal_url == PORTAL_URL

        def summary(export):
            return sorted(
                (
                    i.uid,
                    i.portal_type,
                    i.path,
                    i.parent_path,
                    i.language,
                    i.position,
                    i.title,
                    tuple(i.old_paths),
                )
                for i in export.items
            )

        assert summary(plone) == summary(collective)
        for export in (plone, collective):
            by_uid = {item.uid: item for item in export.items}
            assert by_uid[uid("report-pdf")].blob.read() == PDF
            assert by_uid[uid("logo")].blob.read() == LOGO
            assert (
                by_uid[uid("about-fr")].translation_group == by_uid[uid("about-en")].translation_group != ""
            )
            assert by_uid[uid("moved")].old_paths == ["/en/old-place/moved-page"]
            assert by_uid[uid("workshop")].time_zone == "Africa/Kigali"

    def test_collective_blob_paths_are_read_from_the_blobstorage(self, tmp_path):
        content = write_collective_exportimport(tmp_path / "export")
        entries = json.loads(content.read_text())
        blobstorage = tmp_path / "blobstorage"
        (blobstorage / "0x00" / "0x2a").mkdir(parents=True)
        (blobstorage / "0x00" / "0x2a" / "0x03d1.blob").write_bytes(PDF)
        for entry in entries:
            if entry["UID"] == uid("report-pdf"):
                entry["file"] = {
                    "blob_path": "/0x00/0x2a/0x03d1.blob",
                    "content-type": "application/pdf",
                    "filename": "annual-report.pdf",
                    "size": len(PDF),
                }
        content.write_text(json.dumps(entries))

        export = read_export(content, blob_dir=blobstorage)
        pdf = next(item for item in export.items if item.uid == uid("report-pdf"))
        assert pdf.blob.filename == "annual-report.pdf" and pdf.blob.read() == PDF
        with pytest.raises(ExportError, match=r"its file .*0x03d1.blob is missing"):
            read_export(content)

    def test_the_format_is_detected(self, tmp_path):
        assert detect_format(write_plone_exportimport(tmp_path / "a")) == "plone.exportimport"
        assert detect_format(write_collective_exportimport(tmp_path / "b")) == "collective.exportimport"
        assert detect_format(tmp_path / "b") == "collective.exportimport"
        (tmp_path / "empty").mkdir()
        with pytest.raises(ExportError, match="neither a plone.exportimport export"):
            detect_format(tmp_path / "empty")


class TestBrokenExports:
    """A broken export is refused whole, with the file and the problem named."""

    def test_a_truncated_item(self, tmp_path):
        export = write_plone_exportimport(tmp_path / "export")
        data = export / "content" / uid("about-en") / "data.json"
        data.write_bytes(data.read_bytes()[:200])

        with pytest.raises(
            ExportError, match=rf"content/{uid('about-en')}/data.json: invalid JSON .*truncated"
        ):
            read_export(export)

    def test_a_missing_item_file(self, tmp_path):
        export = write_plone_exportimport(tmp_path / "export")
        shutil.rmtree(export / "content" / uid("moved"))

        with pytest.raises(ExportError, match=rf"content/{uid('moved')}/data.json: the file is missing"):
            read_export(export)

    def test_a_missing_or_truncated_blob(self, tmp_path):
        export = write_plone_exportimport(tmp_path / "export")
        pdf = export / "content" / uid("report-pdf") / "file" / "annual-report.pdf"
        pdf.write_bytes(PDF[:1000])
        with pytest.raises(ExportError, match="annual-report.pdf has 1000 bytes where the export says"):
            read_export(export)
        pdf.unlink()
        with pytest.raises(ExportError, match="annual-report.pdf is missing"):
            read_export(export)

    def test_a_truncated_collective_export(self, tmp_path):
        content = write_collective_exportimport(tmp_path / "export")
        content.write_bytes(content.read_bytes()[:-300])

        with pytest.raises(ExportError, match=r"Plone.json: invalid JSON .*truncated"):
            read_export(content)

    def test_broken_base64(self, tmp_path):
        content = write_collective_exportimport(tmp_path / "export")
        entries = json.loads(content.read_text())
        for entry in entries:
            if entry["UID"] == uid("report-pdf"):
                entry["file"]["data"] = base64.b64encode(PDF).decode()[:-7]
        content.write_text(json.dumps(entries))

        with pytest.raises(
            ExportError,
            match=r"item \d+ \(http://plone.example.org/Plone/en/files/annual-report.pdf\): its file is not valid base64",
        ):
            read_export(content)

    def test_a_broken_side_file(self, tmp_path):
        export = write_plone_exportimport(tmp_path / "export")
        (export / "translations.json").write_text('[{"canonical": ')

        with pytest.raises(ExportError, match="translations.json: invalid JSON"):
            read_export(export)


class TestVoltoBlocks:
    def test_slate_text_and_images_become_html(self):
        from plone_import.readers.volto import blocks_to_html

        blocks = {
            "a": {"@type": "title"},
            "b": {
                "@type": "slate",
                "value": [
                    {"type": "h2", "children": [{"text": "Our work"}]},
                    {
                        "type": "p",
                        "children": [
                            {"text": "See "},
                            {
                                "type": "link",
                                "data": {"url": "/en/about"},
                                "children": [{"text": "us & them"}],
                            },
                            {"type": "strong", "children": [{"text": "!"}]},
                        ],
                    },
                ],
            },
            "c": {"@type": "image", "url": "resolveuid/abc", "alt": "A", "align": "left"},
            "d": {"@type": "listing"},
        }

        html = blocks_to_html(blocks, {"items": ["a", "b", "c", "d"]})

        assert html == (
            '<h2>Our work</h2><p>See <a href="/en/about">us &amp; them</a><strong>!</strong></p>'
            '<p><img src="resolveuid/abc" alt="A" class="image-left"></p>'
        )

    def test_the_base_sample_site_root_text(self):
        from plone_import.readers.base import load_json
        from plone_import.readers.volto import blocks_to_html

        root = load_json(SAMPLES / "base_import" / "content" / "plone_site_root" / "data.json", SAMPLES)
        html = blocks_to_html(root["blocks"], root["blocks_layout"])
        assert html.startswith("<p>If you&#x27;re seeing this text")
        assert "<h2>Get started</h2>" in html
