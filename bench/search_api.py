"""The search at scale on PostgreSQL: extraction of PDF text, indexing, and latency of /api/v2/search/.

Corpus: 100,000 recommendations (the 41,066 real UPR Info rows and variants of them, as in
recommendations_api.py) and every PDF of ../shared/data/pdfs, with the Universal Declaration in
French and Kinyarwanda, repeated to 500 documents, each attached to a live publication page of
its language.

Printed:
- extraction: pages/s of our task (storage read, pypdfium2, language, stems, rows) beside
  Debian's `pdftotext` on the same files, and the ratio (goal at least 0.5x);
- indexing: the time to build every search entry and index it (manage.py rebuild_search's work);
- latency: for a fixed list of queries, p50/p95 of the whole API view (Django test client, no
  network), warm (facet counts cached) and cold (empty cache), beside the raw SQL full-text query
  the backend issues for the same page of results, and the ratio of the p95s (goal at most 1.5x,
  and under 100 ms).
BENCH_DATABASE=name keeps the database between runs; with it, --queries-only measures the queries
again without rebuilding the entries.
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from support import SHARED_DATA, create_database, database_exists, drop_database, migrate, setup_django

DOCUMENTS = 500
ROUNDS = 15
QUERIES = [
    ("one word", {"q": "journalists"}),
    ("one word, French", {"q": "liberté", "locale": "fr"}),
    ("two words", {"q": "death penalty"}),
    ("phrase", {"q": '"freedom of expression"'}),
    ("French phrase", {"q": '"droits de l’homme"', "locale": "fr"}),
    ("word + country", {"q": "torture", "country": "BDI"}),
    ("word + type + response", {"q": "women", "type": "recommendation", "response": "noted"}),
    ("publications only", {"q": "implementation", "type": "publication"}),
    ("word in PDFs", {"q": "Botswana"}),
    ("country + session, no text", {"country": "RWA", "session": "10"}),
    ("newest publications", {"type": "publication", "order": "-date"}),
    ("second page", {"q": "children", "offset": "20"}),
]


def percentile(times, share):
    times = sorted(times)
    return times[max(0, int(len(times) * share + 0.5) - 1)]


def pdf_files():
    """(PDF, language) in the order the corpus repeats them."""
    english = [(pdf, "en") for pdf in sorted((SHARED_DATA / "pdfs").glob("*.pdf"))]
    return [
        *english,
        (SHARED_DATA / "udhr" / "udhr-fr.pdf", "fr"),
        (SHARED_DATA / "udhr" / "udhr-rw.pdf", "rw"),
    ]


def build_publications():
    """500 documents (the PDFs over and over), each read by the extraction task, on a live publication."""
    from django.core.files.base import ContentFile
    from django.db import transaction

    from locales.translation import ensure_site_root_translations
    from publications.factories import (
        PublicationFileFactory,
        PublicationIndexPageFactory,
        PublicationPageFactory,
        ReportDocumentFactory,
    )
    from search.models import DocumentText
    from search.tasks import extract_text
    from tests.support.site_tree import ensure_base_tree

    with transaction.atomic():  # the home page's translations are published on commit
        homes = ensure_site_root_translations(ensure_base_tree())
    homes = {code: type(home).objects.get(pk=home.pk) for code, home in homes.items()}
    shelves = {code: PublicationIndexPageFactory(parent=home) for code, home in homes.items()}
    files = pdf_files()
    documents = []
    for number in range(DOCUMENTS):
        pdf, language = files[number % len(files)]
        document = ReportDocumentFactory(
            title=f"{pdf.stem} {number}", file=ContentFile(pdf.read_bytes(), name=pdf.name)
        )
        documents.append((document, language))
    started = time.perf_counter()
    for document, _language in documents:
        extract_text.call(document.pk)
    extraction = time.perf_counter() - started
    pages = sum(
        DocumentText.objects.filter(document__in=[d for d, _l in documents]).values_list(
            "page_count", flat=True
        ),
        0,
    )
    # Indexing the pages of text (queued by each extraction, run here as a worker would).
    from search.tasks import index_document_text

    started = time.perf_counter()
    for document, _language in documents:
        index_document_text.call(document.pk)
    page_indexing = time.perf_counter() - started
    for number, (document, language) in enumerate(documents):
        page = PublicationPageFactory(parent=shelves[language], title=f"Report {number}: {document.title}")
        PublicationFileFactory(page=page, document=document, language=language)
        page.save_revision().publish()
    return pages, extraction, page_indexing


def pdftotext_rate():
    """pages/s of `pdftotext` over the same 500 files (each file as often as in the corpus)."""
    files = pdf_files()
    from pypdfium2 import PdfDocument

    page_counts = {}
    for pdf, _language in files:
        document = PdfDocument(str(pdf))
        page_counts[pdf] = len(document)
        document.close()
    pages, started = 0, time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for number in range(DOCUMENTS):
            pdf, _language = files[number % len(files)]
            subprocess.run(["pdftotext", "-q", str(pdf), str(Path(folder) / "out.txt")], check=False)
            pages += page_counts[pdf]
    return pages / (time.perf_counter() - started)


def main():
    kept = os.environ.get("BENCH_DATABASE")
    database = kept or create_database()
    media = tempfile.mkdtemp(prefix="bench-media-")
    try:
        if kept and not database_exists(kept):
            create_database(name=kept)
        os.environ.setdefault("MEDIA_ROOT", media)
        setup_django(database)
        from django.conf import settings

        settings.MEDIA_ROOT = media
        from recommendations_api import TARGET, build_corpus

        from django.core.cache import cache
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext
        from django.urls import reverse

        from search import entries
        from search.models import SearchEntry
        from upr.models import Recommendation

        migrate()
        if Recommendation.objects.count() < TARGET:
            total, _indexing = build_corpus()
            print(f"{total} recommendations")
        from publications.models import PublicationPage

        if not PublicationPage.objects.exists():
            pages, extraction, page_indexing = build_publications()
            ours = pages / extraction
            theirs = pdftotext_rate() if shutil.which("pdftotext") else None
            print(
                f"extraction: {DOCUMENTS} documents, {pages} pages in {extraction:.1f} s = {ours:.0f} pages/s"
                " (read from storage, text, language, stems, stored)"
            )
            print(f"indexing the pages of text: {page_indexing:.1f} s = {pages / page_indexing:.0f} pages/s")
            if theirs:
                print(
                    f"pdftotext on the same files: {theirs:.0f} pages/s; ratio {ours / theirs:.2f}x (goal >= 0.5x)"
                )
        if "--queries-only" not in sys.argv:
            started = time.perf_counter()
            written = entries.rebuild()
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            print(
                f"indexing: {written} search entries built and indexed in {time.perf_counter() - started:.1f} s"
            )
        print(f"entries: {SearchEntry.objects.count()}")

        client = Client()
        url = reverse("wagtailapi:search:listing")

        def timed(params):
            started = time.perf_counter()
            response = client.get(url, params)
            assert response.status_code == 200, response.content[:300]
            return (time.perf_counter() - started) * 1000, response

        print(
            f"{'query':<26} {'results':>8} {'cold ms':>8} {'p50 ms':>8} {'p95 ms':>8} "
            f"{'raw p50':>8} {'raw p95':>8} {'ratio':>6}"
        )
        all_api, all_raw, ratios = [], [], []
        for label, params in QUERIES:
            colds = []
            for _ in range(3):
                cache.clear()
                colds.append(timed(params)[0])
            times = []
            for _ in range(ROUNDS):
                elapsed, response = timed(params)
                times.append(elapsed)
            # The raw query: the one that selects the page of results, as the backend sent it.
            with CaptureQueriesContext(connection) as captured:
                client.get(url, params)
            sql = next(
                (
                    q["sql"]
                    for q in captured.captured_queries
                    if "search_searchentry" in q["sql"] and "LIMIT" in q["sql"]
                ),
                None,
            )
            raw = []
            if sql:
                with connection.cursor() as cursor:
                    for _ in range(ROUNDS):
                        started = time.perf_counter()
                        cursor.execute(sql)
                        cursor.fetchall()
                        raw.append((time.perf_counter() - started) * 1000)
            api95 = percentile(times, 0.95)
            raw95 = percentile(raw, 0.95) if raw else float("nan")
            all_api.extend(times)
            all_raw.extend(raw)
            ratios.append(api95 / raw95 if raw else float("nan"))
            print(
                f"{label:<26} {response.json()['meta']['total_count']:>8} {statistics.median(colds):>8.1f} "
                f"{statistics.median(times):>8.1f} {api95:>8.1f} "
                f"{(statistics.median(raw) if raw else float('nan')):>8.1f} {raw95:>8.1f} {ratios[-1]:>6.2f}"
            )
        print(
            f"{'all queries':<26} {'':>8} {'':>8} {statistics.median(all_api):>8.1f} {percentile(all_api, 0.95):>8.1f} "
            f"{statistics.median(all_raw):>8.1f} {percentile(all_raw, 0.95):>8.1f} "
            f"{percentile(all_api, 0.95) / percentile(all_raw, 0.95):>6.2f}"
        )
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(media, ignore_errors=True)
        if not kept:
            drop_database(database)


if __name__ == "__main__":
    main()
