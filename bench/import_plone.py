"""Import speed of a Plone export of a few thousand items, generated from the test site in en/fr/rw.

The export (plone.exportimport format) repeats the test site's sections:
pages in three languages that link to each other, news with lead images,
events, PDFs, images and links. The import runs on a fresh PostgreSQL
database when DATABASE_URL is set (the server of BENCH_POSTGRES_URL), on a
temporary SQLite file otherwise; files go to a temporary folder.

    .venv/bin/python bench/import_plone.py [--copies 250]
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def section_items(copy):
    """One section of the site: twelve items, numbered ``copy``."""
    from tests.plone_import.exports import LEAD, LOGO, PDF, make_item, text, uid

    def name(base):
        return f"{base}-{copy}"

    items = []
    for language in ("en", "fr", "rw"):
        items.append(
            make_item(
                name(f"section-{language}"),
                "Folder",
                f"/{language}/s{copy}",
                f"/{language}",
                title=f"Section {copy}",
                language=language,
            )
        )
    links = (
        f'<p>See <a href="resolveuid/{uid(name("news-en"))}">the news</a>, '
        f'<a href="resolveuid/{uid(name("pdf"))}/@@download/file">the report</a> and '
        f'<a href="../s{max(copy - 1, 0)}/page-en">the previous section</a>.</p>'
        f'<p><img src="resolveuid/{uid(name("image"))}/@@images/image/large" class="image-right"></p>'
    )
    for language in ("en", "fr", "rw"):
        items.append(
            make_item(
                name(f"page-{language}"),
                "Document",
                f"/{language}/s{copy}/page-{language}",
                f"/{language}/s{copy}",
                title=f"Page {copy}",
                language=language,
                text=text(links),
            )
        )
    for language in ("en", "fr"):
        items.append(
            make_item(
                name(f"news-{language}"),
                "News Item",
                f"/{language}/s{copy}/news",
                f"/{language}/s{copy}",
                title=f"News {copy}",
                language=language,
                description="A summary.",
                text=text("<p>News.</p>"),
                image={"blob": LEAD, "filename": "lead.png", "content-type": "image/png"},
            )
        )
    items += [
        make_item(
            name("event"),
            "Event",
            f"/en/s{copy}/event",
            f"/en/s{copy}",
            title=f"Workshop {copy}",
            language="en",
            start="2025-05-12T07:00:00+00:00",
            end="2025-05-12T15:00:00+00:00",
            timezone="Africa/Kigali",
        ),
        make_item(
            name("pdf"),
            "File",
            f"/en/s{copy}/report.pdf",
            f"/en/s{copy}",
            title=f"Report {copy}",
            language="en",
            file={"blob": PDF, "filename": "report.pdf", "content-type": "application/pdf"},
        ),
        make_item(
            name("image"),
            "Image",
            f"/en/s{copy}/logo.png",
            f"/en/s{copy}",
            title=f"Logo {copy}",
            language="en",
            image={"blob": LOGO, "filename": "logo.png", "content-type": "image/png"},
        ),
        make_item(
            name("link"),
            "Link",
            f"/en/s{copy}/link",
            f"/en/s{copy}",
            title="OHCHR",
            language="en",
            remoteUrl="https://www.ohchr.org/",
        ),
    ]
    return items


def generate(directory, copies):
    from tests.plone_import.exports import make_item, uid, write_plone_exportimport

    items = [
        make_item(code, "LRF", f"/{code}", "/", title=code, language=code) for code in ("en", "fr", "rw")
    ]
    translations = [{code: uid(code) for code in ("en", "fr", "rw")}]
    for copy in range(copies):
        items += section_items(copy)
        translations.append({code: uid(f"section-{code}-{copy}") for code in ("en", "fr", "rw")})
        translations.append({code: uid(f"page-{code}-{copy}") for code in ("en", "fr", "rw")})
        translations.append({code: uid(f"news-{code}-{copy}") for code in ("en", "fr")})
    for position, item in enumerate(items):
        item["position"] = position
    return write_plone_exportimport(directory, items, translations=translations, redirects={}), len(items)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--copies", type=int, default=250, help="Sections of 12 items (default 250: 3,003 items)."
    )
    copies = parser.parse_args().copies

    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        os.environ["MEDIA_ROOT"] = str(scratch / "media")
        database = None
        if os.environ.get("DATABASE_URL"):
            from support import create_database, setup_django

            database = create_database("cms_bench_plone")
            setup_django(database)
        else:
            os.environ["DATABASE_URL"] = f"sqlite:///{scratch / 'bench.sqlite3'}"
            os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
            import django

            django.setup()
        try:
            from django.core.management import call_command
            from django.db import connection

            call_command("migrate", verbosity=0)
            from locales.translation import ensure_site_root_translations
            from plone_import.importer import PloneImporter
            from plone_import.readers import read_export
            from tests.support.site_tree import ensure_base_tree

            ensure_site_root_translations(ensure_base_tree())
            export_dir, count = generate(scratch / "export", copies)

            started = time.perf_counter()
            export = read_export(export_dir)
            read_seconds = time.perf_counter() - started
            run = PloneImporter(export).run()
            seconds = time.perf_counter() - started
            started = time.perf_counter()
            again = PloneImporter(read_export(export_dir)).run()
            second = time.perf_counter() - started
            print(
                f"database: {connection.vendor}; {count} items ({run.status}), of which reading {read_seconds:.1f} s"
            )
            print(f"first import:  {seconds:7.1f} s  {count / seconds:7.1f} items/s")
            print(
                f"second import: {second:7.1f} s  {count / second:7.1f} items/s (nothing changed: {again.status})"
            )
        finally:
            if database:
                from support import drop_database

                from django.db import connections

                connections.close_all()
                drop_database(database)


if __name__ == "__main__":
    main()
