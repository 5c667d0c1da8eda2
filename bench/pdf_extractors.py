"""Which PDF text extractor to use, by measurement: pypdf, pypdfium2, pdfminer.six and poppler's pdftotext.

Inputs: every PDF in ../shared/data/pdfs/ (index.csv gives language and page count) and the three
UDHR PDFs in ../shared/data/udhr/ (English, French, Kinyarwanda).

Every extractor gives text page by page (the product stores text per page, to say "page 12").
Each one runs in its own process, so that its peak memory (resource.getrusage ru_maxrss) is its own;
for pdftotext, which is itself a separate process, the peak of its child processes is given too.
For each extractor and file it measures:

- time: the median of 3 extractions of the whole file (for pdftotext, process start included);
- pages: pages with text / pages returned, and characters (after \\r\\n -> \\n, NULs removed, strip);
- word recall: the share of the reference's words (casefolded runs of letters and digits, counted
  as a multiset) that the extractor also gives. The reference is pdftotext's output (so its own
  recall is 1 by definition); without pdftotext, the union of all extractors' words. The summary
  also gives the recall against that union for everyone, pdftotext included;
- French accents (French files): how many of é è à ç ê ô œ « » come out, against the reference,
  and how many of the probe strings ("liberté", "droits de l’homme", ...) come out intact;
- accent defects (all files): combining marks U+0300-U+036F plus lone spacing accents (´ ` ¨ ˆ ˜ ¸ ˇ
  ˘ ˙ ˚ ˛ ˝), the marks of "e´"-style decomposed letters; also counted apart: ligature glyphs
  U+FB00-U+FB06 ("ﬁ", which a search for "fi" misses) and junk (U+FFFD, U+FFFE, control characters);
- failures: exceptions (pdftotext: a non-zero exit), counted per page where the extractor can go on.

It ends with a one-line recommendation: the fastest of those with mean recall >= 0.97 and no accent
defects. No database is needed. A missing candidate is reported and skipped; to run them all:

    apt-get install -y poppler-utils
    .venv/bin/pip install pypdf==6.19.0 pdfminer.six
    .venv/bin/python bench/pdf_extractors.py
"""

import csv
import importlib.metadata
import importlib.util
import io
import json
import logging
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

RUNS = 3
MIN_RECALL = 0.97
WORKER_TIMEOUT = 1800  # seconds for one extractor over every file
FRENCH_CHARACTERS = "éèàçêôœ«»"
FRENCH_PROBES = ("liberté", "droits de l’homme", "égaux", "Déclaration", "États", "être")
SPACING_ACCENTS = "´`¨ˆ˜¸ˇ˘˙˚˛˝"
WORD = re.compile(r"[^\W_]+")


# --- the extractors: each takes a path and gives (page texts, error messages) ---------------------


def extract_pypdf(path):
    from pypdf import PdfReader

    reader = PdfReader(path)
    pages, errors = [], []
    for number, page in enumerate(reader.pages, 1):
        try:
            pages.append(page.extract_text() or "")
        except Exception as error:  # a failure is a figure here
            pages.append("")
            errors.append(f"page {number}: {type(error).__name__}: {error}")
    return pages, errors


def extract_pypdfium2(path):
    # As search/extraction.py does it: get_text_bounded() on each page's text page.
    import pypdfium2

    pdf = pypdfium2.PdfDocument(path)
    pages, errors = [], []
    try:
        for index in range(len(pdf)):
            try:
                page = pdf[index]
                try:
                    text_page = page.get_textpage()
                    try:
                        pages.append(text_page.get_text_bounded())
                    finally:
                        text_page.close()
                finally:
                    page.close()
            except Exception as error:
                pages.append("")
                errors.append(f"page {index + 1}: {type(error).__name__}: {error}")
    finally:
        pdf.close()
    return pages, errors


def extract_pdfminer(path):
    from pdfminer.converter import TextConverter
    from pdfminer.layout import LAParams
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    pages, errors = [], []
    with open(path, "rb") as file:
        manager = PDFResourceManager()
        output = io.StringIO()
        device = TextConverter(manager, output, laparams=LAParams())
        interpreter = PDFPageInterpreter(manager, device)
        for number, page in enumerate(PDFPage.get_pages(file), 1):
            try:
                interpreter.process_page(page)
            except Exception as error:
                errors.append(f"page {number}: {type(error).__name__}: {error}")
            pages.append(output.getvalue())
            output.seek(0)
            output.truncate()
        device.close()
    return pages, errors


def extract_pdftotext(path):
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=False, timeout=300
    )
    if result.returncode:
        raise RuntimeError(
            f"pdftotext exit {result.returncode}: {result.stderr.decode(errors='replace')[:200]}"
        )
    pages = result.stdout.decode("utf-8", errors="replace").split("\f")
    if pages and pages[-1] == "":
        pages.pop()  # pdftotext ends every page, the last one too, with a form feed
    return pages, []


def pdftotext_version():
    result = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True, check=False)
    return (result.stdout + result.stderr).split("\n", 1)[0].removeprefix("pdftotext version ").strip()


CANDIDATES = {
    "pdftotext": {
        "extract": extract_pdftotext,
        "available": lambda: shutil.which("pdftotext") is not None,
        "version": pdftotext_version,
        "install": "apt-get install -y poppler-utils",
    },
    "pypdfium2": {
        "extract": extract_pypdfium2,
        "available": lambda: importlib.util.find_spec("pypdfium2") is not None,
        "version": lambda: importlib.metadata.version("pypdfium2"),
        "install": ".venv/bin/pip install pypdfium2",
    },
    "pypdf": {
        "extract": extract_pypdf,
        "available": lambda: importlib.util.find_spec("pypdf") is not None,
        "version": lambda: importlib.metadata.version("pypdf"),
        "install": ".venv/bin/pip install pypdf",
    },
    "pdfminer.six": {
        "extract": extract_pdfminer,
        "available": lambda: importlib.util.find_spec("pdfminer") is not None,
        "version": lambda: importlib.metadata.version("pdfminer.six"),
        "install": ".venv/bin/pip install pdfminer.six",
    },
}


# --- one extractor over every file, in its own process ----------------------------------------------


def clean(text):
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").strip()


def run_worker(name, files_json, output_json):
    # The libraries log every malformed object they meet; the failures counted here are exceptions.
    logging.basicConfig(level=logging.CRITICAL)
    files = json.loads(Path(files_json).read_text())
    base_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    extract = CANDIDATES[name]["extract"]
    results = []
    for path in files:
        times, pages, errors, fatal = [], [], [], None
        for _ in range(RUNS):
            started = time.perf_counter()
            try:
                pages, errors = extract(path)
                fatal = None
            except Exception as error:
                pages, errors, fatal = [], [], f"{type(error).__name__}: {error}"
            times.append(time.perf_counter() - started)
        results.append(
            {
                "path": path,
                "seconds": statistics.median(times),
                "pages": [clean(text) for text in pages],
                "errors": errors,
                "fatal": fatal,
            }
        )
    figures = {
        "base_kb": base_kb,
        "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "child_peak_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
        "results": results,
    }
    Path(output_json).write_text(json.dumps(figures, ensure_ascii=False))


def run_in_subprocess(name, files):
    with tempfile.TemporaryDirectory(prefix="pdf_extractors_") as folder:
        files_json, output_json = Path(folder) / "files.json", Path(folder) / "out.json"
        files_json.write_text(json.dumps([str(path) for path in files]))
        try:
            result = subprocess.run(
                [sys.executable, __file__, "--worker", name, str(files_json), str(output_json)],
                capture_output=True,
                text=True,
                check=False,
                timeout=WORKER_TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            return None, f"no answer within {WORKER_TIMEOUT} s"
        if result.returncode or not output_json.exists():
            return None, f"worker exit {result.returncode}: {result.stderr.strip()[-500:]}"
        return json.loads(output_json.read_text()), None


# --- measures -----------------------------------------------------------------------------------


def words(text):
    return Counter(WORD.findall(text.casefold()))


def recall(reference, candidate):
    total = sum(reference.values())
    if not total:
        return None
    return sum(min(count, candidate[word]) for word, count in reference.items()) / total


def accent_defects(text):
    combining = sum(1 for char in text if 0x300 <= ord(char) <= 0x36F)
    spacing = sum(1 for char in text if char in SPACING_ACCENTS)
    return combining + spacing


def ligatures(text):
    return sum(1 for char in text if 0xFB00 <= ord(char) <= 0xFB06)


def junk(text):
    return sum(
        1
        for char in text
        if char in "\ufffd\ufffe" or (unicodedata.category(char) == "Cc" and char not in "\n\t")
    )


def flat(text):
    return " ".join(text.split())


def french_accents(text):
    return sum(text.count(char) for char in FRENCH_CHARACTERS)


def french_probes(text):
    text = flat(text)
    return sum(text.count(probe) for probe in FRENCH_PROBES)


# --- inputs ---------------------------------------------------------------------------------------


def inputs():
    from support import SHARED_DATA  # here, not at the top: the workers need neither it nor psycopg

    documents = []
    with open(SHARED_DATA / "pdfs" / "index.csv", newline="", encoding="utf-8") as file:
        index = {row["file"]: row for row in csv.DictReader(file)}
    for path in sorted((SHARED_DATA / "pdfs").glob("*.pdf"), key=lambda path: path.name.lower()):
        row = index.get(path.name, {})
        pages = int(row["pages"]) if row.get("pages") else None
        documents.append({"path": path, "language": row.get("language", "?"), "pages": pages})
    for language in ("en", "fr", "rw"):
        path = SHARED_DATA / "udhr" / f"udhr-{language}.pdf"
        if path.exists():
            documents.append({"path": path, "language": language, "pages": None})
    return documents


# --- report ---------------------------------------------------------------------------------------


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "--worker":
        run_worker(*sys.argv[2:])
        return

    documents = inputs()
    print(f"PDF text extractors over {len(documents)} PDFs; median of {RUNS} runs; one process per extractor")
    present, missing = [], []
    for name, candidate in CANDIDATES.items():
        (present if candidate["available"]() else missing).append(name)
    for name in present:
        print(f"  {name:<13} {CANDIDATES[name]['version']()}")
    for name in missing:
        print(f"  {name:<13} MISSING, skipped (install: {CANDIDATES[name]['install']})")
    if not present:
        print("No extractor to measure.")
        return

    runs, broken = {}, {}
    for name in present:
        started = time.perf_counter()
        figures, problem = run_in_subprocess(name, [document["path"] for document in documents])
        if problem:
            broken[name] = problem
            print(f"  {name}: the worker failed, skipped: {problem}")
            continue
        runs[name] = figures
        print(f"  {name}: measured in {time.perf_counter() - started:.0f} s")
    names = [name for name in present if name in runs]
    if not names:
        return

    reference_name = "pdftotext" if "pdftotext" in runs else None
    print(
        f"Reference for word recall: {reference_name or 'the union of every extractor (pdftotext missing)'}"
    )
    totals = {
        name: {
            "seconds": 0.0,
            "pages": 0,
            "recalls": [],
            "union_recalls": [],
            "defects": 0,
            "ligatures": 0,
            "junk": 0,
            "failures": 0,
            "accents": 0,
            "probes": 0,
        }
        for name in names
    }
    french_reference = {"accents": 0, "probes": 0}
    notes = []

    for position, document in enumerate(documents):
        path, language = document["path"], document["language"]
        results = {name: runs[name]["results"][position] for name in names}
        texts = {name: "\n".join(results[name]["pages"]) for name in names}
        counts = {name: words(texts[name]) for name in names}
        union = Counter()
        for name in names:
            union |= counts[name]
        reference = counts[reference_name] if reference_name else union
        reference_text = texts[reference_name] if reference_name else None
        french = "fr" in language.split(";")
        expected = document["pages"] or max(len(results[name]["pages"]) for name in names)

        print()
        print(
            f"{path.parent.name}/{path.name}: {language}, {expected} pages"
            f"{' (index.csv)' if document['pages'] else ''}, {path.stat().st_size // 1024} KB"
        )
        header = f"  {'extractor':<13} {'ms':>7} {'pages':>7} {'chars':>8} {'recall':>6} {'defects':>7} {'lig':>4} {'junk':>4} {'fails':>5}"
        if french:
            header += f" {'accents':>9} {'probes':>7}"
            if reference_text is not None:
                french_reference["accents"] += french_accents(reference_text)
                french_reference["probes"] += french_probes(reference_text)
        print(header)
        for name in names:
            result, text, total = results[name], texts[name], totals[name]
            nonempty = sum(1 for page in result["pages"] if page)
            file_recall = recall(reference, counts[name])
            union_recall = recall(union, counts[name])
            failures = len(result["errors"]) + (1 if result["fatal"] else 0)
            defects = accent_defects(text)
            total["seconds"] += result["seconds"]
            total["pages"] += len(result["pages"])
            total["defects"] += defects
            total["ligatures"] += ligatures(text)
            total["junk"] += junk(text)
            total["failures"] += failures
            if file_recall is not None:
                total["recalls"].append(file_recall)
            if union_recall is not None:
                total["union_recalls"].append(union_recall)
            pages_cell = f"{nonempty}/{len(result['pages'])}"
            line = (
                f"  {name:<13} {result['seconds'] * 1000:>7.0f} {pages_cell:>7} "
                f"{len(text):>8,} {'-' if file_recall is None else f'{file_recall:.3f}':>6} {defects:>7} "
                f"{ligatures(text):>4} {junk(text):>4} {failures:>5}"
            )
            if french:
                accents, probes = french_accents(text), french_probes(text)
                total["accents"] += accents
                total["probes"] += probes
                if reference_text is not None:
                    accents_cell = f"{accents}/{french_accents(reference_text)}"
                    probes_cell = f"{probes}/{french_probes(reference_text)}"
                else:
                    accents_cell, probes_cell = str(accents), str(probes)
                line += f" {accents_cell:>9} {probes_cell:>7}"
            print(line)
            if result["fatal"]:
                notes.append(f"{path.name}: {name} failed: {result['fatal'][:160]}")
            for error in result["errors"][:3]:
                notes.append(f"{path.name}: {name} {error[:160]}")
            if len(result["errors"]) > 3:
                notes.append(f"{path.name}: {name} and {len(result['errors']) - 3} more page errors")
            if not result["fatal"] and len(result["pages"]) != expected:
                notes.append(f"{path.name}: {name} returned {len(result['pages'])} pages, not {expected}")
        if not any(texts.values()) or not sum(union.values()):
            notes.append(f"{path.name}: no extractor found any text (no text layer: a scan needs OCR)")
        elif french:
            for name in names:
                wrong = {
                    char: (texts[name].count(char), reference_text.count(char))
                    for char in FRENCH_CHARACTERS
                    if reference_text is not None and texts[name].count(char) != reference_text.count(char)
                }
                if wrong:
                    notes.append(f"{path.name}: {name} accent counts differ (got, reference): {wrong}")

    print()
    print(
        "Summary (time: sum of the per-file medians; recall: mean over the files with text; "
        "recall∪: against the union of all extractors)"
    )
    print(
        f"  {'extractor':<13} {'total s':>7} {'pages/s':>8} {'recall':>6} {'recall∪':>7} {'defects':>7} "
        f"{'lig':>5} {'junk':>5} {'fails':>5} {'FR accents':>10} {'FR probes':>9} {'peak MiB':>8} {'child MiB':>9}"
    )
    for name in names:
        total, figures = totals[name], runs[name]
        mean_recall = statistics.mean(total["recalls"]) if total["recalls"] else 0.0
        mean_union = statistics.mean(total["union_recalls"]) if total["union_recalls"] else 0.0
        total["mean_recall"] = mean_recall
        pages_per_second = total["pages"] / total["seconds"] if total["seconds"] else 0.0
        if reference_name:
            accents_cell = f"{total['accents']}/{french_reference['accents']}"
            probes_cell = f"{total['probes']}/{french_reference['probes']}"
        else:
            accents_cell, probes_cell = str(total["accents"]), str(total["probes"])
        child = f"{figures['child_peak_kb'] / 1024:.0f}" if figures["child_peak_kb"] else "-"
        print(
            f"  {name:<13} {total['seconds']:>7.2f} {pages_per_second:>8.0f} {mean_recall:>6.3f} "
            f"{mean_union:>7.3f} {total['defects']:>7} {total['ligatures']:>5} {total['junk']:>5} "
            f"{total['failures']:>5} {accents_cell:>10} {probes_cell:>9} {figures['peak_kb'] / 1024:>8.0f} "
            f"{child:>9}"
        )
    base = min(runs[name]["base_kb"] for name in names) / 1024
    print(f"  (peak MiB: the extractor's process, of which about {base:.0f} MiB is the bare interpreter;")
    print("   child MiB: the largest child process, i.e. pdftotext itself)")
    for name, problem in broken.items():
        print(f"  {name}: not measured ({problem[:200]})")
    for name in missing:
        print(f"  {name}: not measured (missing)")

    if notes:
        print()
        print("Notes")
        for note in notes:
            print(f"  {note}")

    print()
    eligible = [
        name for name in names if totals[name]["mean_recall"] >= MIN_RECALL and totals[name]["defects"] == 0
    ]
    if eligible:
        best = min(eligible, key=lambda name: totals[name]["seconds"])
        rest = ", ".join(
            f"{name} {totals[name]['seconds']:.2f} s"
            for name in sorted(eligible, key=lambda n: totals[n]["seconds"])
            if name != best
        )
        print(
            f"Recommendation: {best} ({CANDIDATES[best]['version']()}), the fastest "
            f"({totals[best]['seconds']:.2f} s) of those with mean recall >= {MIN_RECALL} and no accent "
            f"defects{f' (then {rest})' if rest else ''}."
        )
    else:
        print(f"Recommendation: none: no extractor has mean recall >= {MIN_RECALL} and no accent defects.")


if __name__ == "__main__":
    main()
