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
  recall is 1 by definition); without pdftotext, the union of all extractors' words;
- French accents (French files): how many of é è à ç ê ô œ « » come out, against the reference,
  and how many of the probe strings ("liberté", "droits de l’homme", ...) come out intact;
- accent defects (all files): combining marks U+0300-U+036F plus lone spacing accents (´ ` ¨ ˆ ˜ ¸ ˇ
  ˘ ˙ ˚ ˛ ˝), the marks of "e´"-style decomposed letters. A mark that every extractor gives is in
  the source itself (Slovenia_Add.pdf types "ONG´s"), so "excess" counts only the defects beyond the
  fewest that any extractor gives for the same file;
- apart: ligature glyphs U+FB00-U+FB06 ("ﬁ", which a search for "fi" misses) and junk (U+FFFD,
  U+FFFE, control characters, pdfminer's "(cid:N)" for an unmapped glyph);
- failures: exceptions (pdftotext: a non-zero exit), counted per page where the extractor can go
  on; warnings: what the library logs at WARNING or above (pdftotext: its stderr lines).

Notes under each file's table name what is odd: no text layer, a page one extractor reads much
shorter than another, the characters counted as junk or defects, with an example.

It ends with a one-line recommendation: the fastest of those with mean recall >= 0.97 and no accent
defects of their own (no excess). No database is needed. A missing candidate is reported and skipped.
It takes about three minutes on two cores (pdfminer.six and pypdf take most of it). To run them all:

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
CID = re.compile(r"\(cid:\d+\)")
TRIPLED = re.compile(r"\b(?:([^\W\d_])\1\1){2,}\b")  # "TTThhheee": fake-bold overprinting read thrice


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
    # Like the libraries' logged warnings, its complaints on stderr are counted as warnings.
    for line in result.stderr.decode(errors="replace").splitlines():
        logging.getLogger("pdftotext").warning(line)
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


class WarningCounter(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


def clean(text):
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").strip()


def run_worker(name, files_json, output_json):
    # The libraries log what they find malformed: counted (last run), not printed.
    counter = WarningCounter()
    logging.basicConfig(level=logging.WARNING, handlers=[counter], force=True)
    files = json.loads(Path(files_json).read_text())
    base_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    extract = CANDIDATES[name]["extract"]
    results = []
    for path in files:
        times, pages, errors, fatal = [], [], [], None
        for _ in range(RUNS):
            counter.count = 0
            started = time.perf_counter()
            try:
                pages, errors = extract(path)
                fatal = None
            except Exception as error:  # a failure is a figure here
                pages, errors, fatal = [], [], f"{type(error).__name__}: {error}"
            times.append(time.perf_counter() - started)
        results.append(
            {
                "seconds": statistics.median(times),
                "pages": [clean(text) for text in pages],
                "errors": errors,
                "fatal": fatal,
                "warnings": counter.count,
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


def is_accent_defect(char):
    return 0x300 <= ord(char) <= 0x36F or char in SPACING_ACCENTS


def is_junk(char):
    return char in "\ufffd\ufffe" or (unicodedata.category(char) == "Cc" and char not in "\n\t")


def count_junk(text):
    # pdfminer writes a glyph it cannot map to Unicode as "(cid:123)".
    return sum(1 for char in text if is_junk(char)) + len(CID.findall(text))


def ligatures(text):
    return sum(1 for char in text if 0xFB00 <= ord(char) <= 0xFB06)


def french_accents(text):
    return sum(text.count(char) for char in FRENCH_CHARACTERS)


def french_probes(text):
    text = " ".join(text.split())
    return sum(text.count(probe) for probe in FRENCH_PROBES)


def contexts(text, test, limit=2):
    found = []
    for position, char in enumerate(text):
        if test(char):
            found.append(repr(text[max(0, position - 12) : position + 12]))
            if len(found) == limit:
                break
    return ", ".join(found)


def measure(document, results, reference_name):
    """The figures of every extractor on one document, and the notes it deserves."""
    names = list(results)
    texts = {name: "\n".join(results[name]["pages"]) for name in names}
    counts = {name: words(texts[name]) for name in names}
    union = Counter()
    for name in names:
        union |= counts[name]
    reference = counts[reference_name] if reference_name else union
    reference_text = texts[reference_name] if reference_name else None
    defects = {name: sum(1 for char in texts[name] if is_accent_defect(char)) for name in names}
    fewest_defects = min(defects.values())
    expected = document["pages"] or max(len(results[name]["pages"]) for name in names)
    rows, notes = {}, []
    for name in names:
        result, text = results[name], texts[name]
        rows[name] = {
            "seconds": result["seconds"],
            "pages": len(result["pages"]),
            "nonempty": sum(1 for page in result["pages"] if page),
            "chars": sum(len(page) for page in result["pages"]),
            "recall": recall(reference, counts[name]),
            "defects": defects[name],
            # Defects that the source itself holds (every extractor gives them) are not the extractor's.
            "excess_defects": defects[name] - fewest_defects,
            "ligatures": ligatures(text),
            "junk": count_junk(text),
            "failures": len(result["errors"]) + (1 if result["fatal"] else 0),
            "warnings": result["warnings"],
            "accents": french_accents(text),
            "probes": french_probes(text),
        }
        if result["fatal"]:
            notes.append(f"{name} failed: {result['fatal'][:160]}")
        notes.extend(f"{name} {error[:160]}" for error in result["errors"][:3])
        if len(result["errors"]) > 3:
            notes.append(f"{name}: and {len(result['errors']) - 3} more page errors")
        if not result["fatal"] and len(result["pages"]) != expected:
            notes.append(f"{name} returned {len(result['pages'])} pages, not {expected}")
        if rows[name]["junk"]:
            junk_chars = Counter(char for char in text if is_junk(char))
            junk_chars.update(CID.findall(text))
            example = contexts(text, is_junk, 1) or repr(CID.search(text).group())
            notes.append(f"{name} junk {dict(junk_chars)}, e.g. {example}")
        tripled = [match.group() for match in TRIPLED.finditer(text)]
        if tripled:
            notes.append(
                f"{name} {len(tripled)} words with every letter tripled (overprinting), e.g. {tripled[:3]}"
            )
    if not any(texts.values()):
        notes.append("no extractor found any text: no text layer (a scan: it needs OCR)")
    if fewest_defects:
        sample = contexts(texts[names[0]], is_accent_defect)
        notes.append(f"{fewest_defects} accent mark(s) given by every extractor, so in the source: {sample}")
    for name in names:
        if rows[name]["excess_defects"]:
            notes.append(f"{name} accent defects: {contexts(texts[name], is_accent_defect)}")
    for index in range(expected):
        lengths = {
            name: len(results[name]["pages"][index]) for name in names if index < len(results[name]["pages"])
        }
        longest = max(lengths.values(), default=0)
        short = [f"{name} {length}" for name, length in lengths.items() if length < longest / 2]
        if longest >= 200 and short:
            notes.append(f"page {index + 1}: {', '.join(short)} characters against up to {longest}")
    if "fr" in document["language"].split(";") and reference_text is not None:
        for name in names:
            wrong = {
                char: (texts[name].count(char), reference_text.count(char))
                for char in FRENCH_CHARACTERS
                if texts[name].count(char) != reference_text.count(char)
            }
            if wrong:
                notes.append(f"{name} French accents differ from the reference (got, reference): {wrong}")
    return rows, notes


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


def print_document(document, rows, reference_rows, notes):
    path, french = document["path"], "fr" in document["language"].split(";")
    pages = document["pages"] or max(row["pages"] for row in rows.values())
    print()
    print(
        f"{path.parent.name}/{path.name}: {document['language']}, {pages} pages"
        f"{' (index.csv)' if document['pages'] else ''}, {path.stat().st_size // 1024} KB"
    )
    header = (
        f"  {'extractor':<13} {'ms':>6} {'pages':>6} {'chars':>8} {'recall':>6} {'defects':>7} "
        f"{'lig':>3} {'junk':>4} {'fails':>5} {'warn':>5}"
    )
    print(header + (f" {'accents':>9} {'probes':>7}" if french else ""))
    for name, row in rows.items():
        pages_cell = f"{row['nonempty']}/{row['pages']}"
        recall_cell = "-" if row["recall"] is None else f"{row['recall']:.3f}"
        line = (
            f"  {name:<13} {row['seconds'] * 1000:>6.0f} {pages_cell:>6} {row['chars']:>8,} {recall_cell:>6} "
            f"{row['defects']:>7} {row['ligatures']:>3} {row['junk']:>4} {row['failures']:>5} {row['warnings']:>5}"
        )
        if french:
            if reference_rows:
                accents = f"{row['accents']}/{reference_rows['accents']}"
                probes = f"{row['probes']}/{reference_rows['probes']}"
            else:
                accents, probes = str(row["accents"]), str(row["probes"])
            line += f" {accents:>9} {probes:>7}"
        print(line)
    for note in notes:
        print(f"    note: {note}")


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "--worker":
        run_worker(*sys.argv[2:])
        return

    documents = inputs()
    print(f"PDF text extractors over {len(documents)} PDFs: median of {RUNS} runs, one process per extractor")
    present, missing = [], []
    for name, candidate in CANDIDATES.items():
        (present if candidate["available"]() else missing).append(name)
    for name in present:
        print(f"  {name:<13} {CANDIDATES[name]['version']()}")
    for name in missing:
        print(f"  {name:<13} MISSING, skipped (install: {CANDIDATES[name]['install']})")

    runs, broken = {}, {}
    for name in present:
        started = time.perf_counter()
        figures, problem = run_in_subprocess(name, [document["path"] for document in documents])
        if problem:
            broken[name] = problem
            print(f"  {name}: its worker failed, skipped: {problem}")
        else:
            runs[name] = figures
            print(f"  {name}: measured in {time.perf_counter() - started:.0f} s")
    names = list(runs)
    if not names:
        print("No extractor could be measured.")
        return

    reference_name = "pdftotext" if "pdftotext" in runs else None
    print(
        "Word recall against: "
        + (
            "pdftotext (so its own recall is 1 by definition)"
            if reference_name
            else "the union of every extractor's words (pdftotext missing)"
        )
    )
    print(
        "Columns: ms = median time; pages = with text/returned; defects = combining marks and lone spacing"
        " accents; lig = ligature glyphs; junk = control characters, U+FFFD/U+FFFE, (cid:N); fails ="
        " exceptions; warn = warnings logged (pdftotext: stderr lines); accents = é è à ç ê ô œ « »;"
        " probes = intact 'liberté', 'droits de l’homme', ..."
    )
    totals = {name: Counter() for name in names}
    recalls = {name: [] for name in names}
    french_reference = Counter()
    for position, document in enumerate(documents):
        results = {name: runs[name]["results"][position] for name in names}
        rows, notes = measure(document, results, reference_name)
        reference_rows = rows.get(reference_name)
        print_document(document, rows, reference_rows, notes)
        french = "fr" in document["language"].split(";")
        if french and reference_rows:
            french_reference.update(accents=reference_rows["accents"], probes=reference_rows["probes"])
        for name, row in rows.items():
            if row["recall"] is not None:
                recalls[name].append(row["recall"])
            keys = [
                "seconds",
                "pages",
                "defects",
                "excess_defects",
                "ligatures",
                "junk",
                "failures",
                "warnings",
            ]
            totals[name].update({key: row[key] for key in keys})
            if french:
                totals[name].update(accents=row["accents"], probes=row["probes"])

    print()
    print(
        "Summary: time is the sum of the per-file medians; recall the mean over the files with text;"
        " excess = accent defects beyond the fewest any extractor gives for the same file"
    )
    print(
        f"  {'extractor':<13} {'total s':>7} {'pages/s':>7} {'recall':>6} {'defects':>7} {'excess':>6} "
        f"{'lig':>3} {'junk':>4} {'fails':>5} {'warn':>5} {'FR accents':>10} {'FR probes':>9} "
        f"{'peak MiB':>8} {'child MiB':>9}"
    )
    for name in names:
        total, figures = totals[name], runs[name]
        total["mean_recall"] = statistics.mean(recalls[name]) if recalls[name] else 0.0
        pages_per_second = total["pages"] / total["seconds"] if total["seconds"] else 0.0
        accents, probes = str(total["accents"]), str(total["probes"])
        if french_reference:
            accents += f"/{french_reference['accents']}"
            probes += f"/{french_reference['probes']}"
        child = f"{figures['child_peak_kb'] / 1024:.0f}" if figures["child_peak_kb"] else "-"
        print(
            f"  {name:<13} {total['seconds']:>7.2f} {pages_per_second:>7.0f} {total['mean_recall']:>6.3f} "
            f"{total['defects']:>7} {total['excess_defects']:>6} {total['ligatures']:>3} {total['junk']:>4} "
            f"{total['failures']:>5} {total['warnings']:>5} {accents:>10} {probes:>9} "
            f"{figures['peak_kb'] / 1024:>8.0f} {child:>9}"
        )
    base = min(runs[name]["base_kb"] for name in names) / 1024
    print(
        f"  peak MiB: the extractor's own process, of which about {base:.0f} MiB is Python and this script before any extractor;"
        " child MiB: its largest child process (pdftotext itself)"
    )
    for name, problem in broken.items():
        print(f"  {name}: not measured: {problem[:200]}")
    for name in missing:
        print(f"  {name}: not measured: not installed")

    eligible = sorted(
        (
            name
            for name in names
            if totals[name]["mean_recall"] >= MIN_RECALL and not totals[name]["excess_defects"]
        ),
        key=lambda name: totals[name]["seconds"],
    )
    print()
    if eligible:
        best, others = eligible[0], [f"{name} {totals[name]['seconds']:.2f} s" for name in eligible[1:]]
        print(
            f"Recommendation: {best} {CANDIDATES[best]['version']()}: the fastest ({totals[best]['seconds']:.2f} s)"
            f" of those with mean recall >= {MIN_RECALL} and no accent defects of their own"
            + (f" (then {', '.join(others)})." if others else ".")
        )
    else:
        print(f"Recommendation: none: no extractor has mean recall >= {MIN_RECALL} and no accent defects.")


if __name__ == "__main__":
    main()
