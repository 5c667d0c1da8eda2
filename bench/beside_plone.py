"""Our API's read path beside Plone 6 (the system the product replaces), in the same run, as ratios.

Both systems hold exactly the same rows: the first 5,500 rows of the UPR Info export
(../shared/data/upr-info) and the 12 PDFs of ../shared/data/pdfs.

* Plone: Plone (pinned below, with bench/plone/constraints.txt) installed once into a venv of its
  own outside the repository (BENCH_PLONE_HOME, default ../.bench-plone), a Zope instance made with
  mkwsgiinstance (no buildout), a classic site with plone.restapi, each row a published Document
  (title, description, text = the recommendation, subjects = its issues and the state under review)
  and each PDF a File (its text in SearchableText through Plone's pdf_to_text transform, which
  needs Debian's `pdftotext`): bench/plone/load_site.py, run with zconsole. The loaded Data.fs is
  kept for the next runs. Served by waitress (runwsgi), one process, BENCH_PLONE_THREADS threads.
* Ours: a throw-away PostgreSQL database, migrated, the same rows through `import_recommendations`,
  each PDF a publication page with its document (text extracted and indexed), search entries
  built; gunicorn with 2 sync workers and production settings (bench/wrk_settings.py), Redis, once
  with the answer cache on and once with it off (API_CACHE_SERVER_SECONDS=0), each on a Redis
  database of its own, flushed. That the cache off really stops serving stored answers is checked:
  a recommendation's text is changed in SQL behind the API's back, and the cache-off server must show
  the change at once (the cache-on one, as a control, still shows the kept answer).

Then, interleaved request by request (ours with the cache off, ours with it on, Plone; the order
turning each round, so that the machine's noise hits all three alike), BENCH_ROUNDS rounds of:
search (a fixed list of queries, 20 results with title and description), one recommendation, one
publication page (beside Plone's File), the recommendations of one state (beside Plone's search by
Subject). Printed: p50/p95 per kind and system, the ratios ours/Plone, the number of requests; the
first request of each address (on the cache-on server: a miss, checked in Redis) apart from the
repeated ones. Then wrk -t2 -c4 for BENCH_SECONDS each, BENCH_WRK_PASSES times: our page detail with the cache off and on,
the bare Django JSON view, Plone's GET of a document and of a file; requests/s and ratios to the
bare view. `uptime` at the start and the end.

    apt-get install -y wrk poppler-utils
    .venv/bin/python bench/beside_plone.py    # BENCH_ROUNDS=10 BENCH_SECONDS=10 BENCH_WRK_PASSES=3 BENCH_REDIS_DB=13
"""

import contextlib
import csv
import hashlib
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

from api_wrk import free_port, server_environment
from support import REPO, SERVER_URL, SHARED_DATA, create_database, drop_database, migrate, setup_django

PLONE_VERSION = "6.2.2"
BENCH = Path(__file__).resolve().parent
CONSTRAINTS = BENCH / "plone" / "constraints.txt"
LOADER = BENCH / "plone" / "load_site.py"
HOME = Path(os.environ.get("BENCH_PLONE_HOME", REPO.parent / ".bench-plone")).resolve()
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "10"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
REDIS_DB = int(os.environ.get("BENCH_REDIS_DB", "13"))
PLONE_THREADS = int(os.environ.get("BENCH_PLONE_THREADS", "2"))
WRK_PASSES = int(os.environ.get("BENCH_WRK_PASSES", "3"))
ROWS = 5500
PAGE = 20

QUERIES = [
    ("freedom of expression", "en"),
    ("journalists", "en"),
    ("journalists Rwanda", "en"),
    ("death penalty", "en"),
    ("torture", "en"),
    ("women", "en"),
    ("Yemen", "en"),
    ("children", "en"),
    ("human rights defenders", "en"),
    ("prison conditions", "en"),
    ("trafficking", "en"),
    ("Afghanistan", "en"),
    ("genocide", "en"),
    ("implementation", "en"),
    ("Slovenia", "en"),
    ("national human rights institution", "en"),
    ("liberté d'expression", "fr"),
    ("droits de l'homme", "fr"),
    ("peine de mort", "fr"),
    ("abanyamakuru", "rw"),
    ("itangazamakuru", "rw"),
]
# States under review in the first 5,500 rows: (ISO code for us, name in Plone's subjects).
STATES = [
    ("ISR", "Israel"),
    ("MEX", "Mexico"),
    ("CUB", "Cuba"),
    ("AFG", "Afghanistan"),
    ("MYS", "Malaysia"),
    ("CHN", "China"),
    ("TCD", "Chad"),
    ("CHL", "Chile"),
    ("RUS", "Russian Federation"),
    ("SVK", "Slovakia"),
]
RECOMMENDATION_LINES = [1 + n * 275 for n in range(20)]  # rows 1, 276, ... 5226


def run(command, **kwargs):
    return subprocess.run(command, check=True, **kwargs)


def uptime():
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def percentile(times, share):
    times = sorted(times)
    return times[max(0, int(len(times) * share + 0.5) - 1)]


# Plone -----------------------------------------------------------------------------------------


def first_rows():
    """The first ROWS rows of the export, as a CSV of their own (both systems load this file)."""
    source = SHARED_DATA / "upr-info" / "recommendations-2008-2014.csv"
    with source.open(encoding="utf-8") as lines:
        text = "".join(line for _number, line in zip(range(ROWS + 1), lines, strict=False))
    path = HOME / f"upr-info-first-{ROWS}.csv"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def ensure_plone_installed():
    venv = HOME / "venv"
    stamp = venv / "plone-version"
    if stamp.exists() and stamp.read_text() == PLONE_VERSION:
        return venv
    print(f"installing Plone {PLONE_VERSION} into {venv}", flush=True)
    started = time.perf_counter()
    base = getattr(sys, "_base_executable", sys.executable)
    run([base, "-m", "venv", str(venv)])
    pip = [str(venv / "bin" / "pip"), "install", "-q", "-c", str(CONSTRAINTS), f"Plone=={PLONE_VERSION}"]
    installed = subprocess.run(pip, capture_output=True, text=True)
    if installed.returncode:
        sys.exit(f"pip install Plone failed:\n{installed.stderr[-4000:]}")
    stamp.write_text(PLONE_VERSION)
    print(f"installed in {time.perf_counter() - started:.0f} s", flush=True)
    return venv


ZOPE_CONF = """\
%define INSTANCE {instance}
instancehome $INSTANCE
<zodb_db main>
   cache-size 50000
   <blobstorage>
     blob-dir $INSTANCE/var/blobstorage
     <filestorage>
       path $INSTANCE/var/Data.fs
     </filestorage>
   </blobstorage>
   mount-point /
</zodb_db>
<environment>
  CHAMELEON_CACHE $INSTANCE/var/cache
</environment>
<dos_protection>
</dos_protection>
"""

# waitress without the access log (gunicorn runs without one too).
ZOPE_INI = """\
[app:zope]
use = egg:Zope#main
zope_conf = %(here)s/zope.conf

[server:main]
use = egg:waitress#main
host = 127.0.0.1
port = {port}
threads = {threads}

[pipeline:main]
pipeline =
    egg:Zope#httpexceptions
    zope

[loggers]
keys = root

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARNING
handlers = console

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(asctime)s %(levelname)s [%(name)s] %(message)s
"""


def ensure_plone_loaded(venv, rows_csv):
    """The instance, with the site loaded from ``rows_csv`` and the PDFs; loaded once, then kept.
    Returns what the load printed (its timings), from this run or the one that loaded it."""
    instance = HOME / "instance"
    if not (instance / "etc").exists():
        run([str(venv / "bin" / "mkwsgiinstance"), "-d", str(instance), "-u", "admin:admin"])
    (instance / "etc" / "zope.conf").write_text(ZOPE_CONF.format(instance=instance))
    pdfs = sorted((SHARED_DATA / "pdfs").glob("*.pdf"))
    wanted = hashlib.sha256(
        b"".join([rows_csv.read_bytes(), LOADER.read_bytes(), *(p.name.encode() for p in pdfs)])
    ).hexdigest()
    stamp = instance / "var" / "loaded.json"
    if stamp.exists() and (instance / "var" / "Data.fs").exists():
        loaded = json.loads(stamp.read_text())
        if loaded.get("key") == wanted:
            loaded["reused"] = True
            return loaded
    print(f"loading Plone: {ROWS} documents and {len(pdfs)} files", flush=True)
    for name in ("Data.fs", "Data.fs.index", "Data.fs.tmp", "Data.fs.lock"):
        (instance / "var" / name).unlink(missing_ok=True)
    shutil.rmtree(instance / "var" / "blobstorage", ignore_errors=True)
    started = time.perf_counter()
    output = subprocess.run(
        [
            str(venv / "bin" / "zconsole"),
            "run",
            str(instance / "etc" / "zope.conf"),
            str(LOADER),
            str(rows_csv),
            str(SHARED_DATA / "pdfs"),
        ],
        capture_output=True,
        text=True,
    )
    if output.returncode:
        sys.exit(f"loading Plone failed:\n{output.stderr[-4000:]}")
    loaded = json.loads(output.stdout.strip().splitlines()[-1])
    loaded.update(key=wanted, total_seconds=round(time.perf_counter() - started, 1), loaded_at=time.ctime())
    stamp.write_text(json.dumps(loaded))
    loaded["reused"] = False
    return loaded


def start_plone(venv, port):
    ini = HOME / "instance" / "etc" / "bench.ini"
    ini.write_text(ZOPE_INI.format(port=port, threads=PLONE_THREADS))
    log = (HOME / "instance" / "var" / "log" / "bench.log").open("w")
    process = subprocess.Popen([str(venv / "bin" / "runwsgi"), str(ini)], stdout=log, stderr=log)
    wait_for(port, "/Plone", process, "Plone")
    return process


def wait_for(port, path, process, name, seconds=180):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} stopped (exit {process.returncode})")
        try:
            get(port, path)
            return
        except (OSError, RuntimeError):
            time.sleep(0.5)
    process.terminate()
    raise RuntimeError(f"{name} did not start")


# Ours ------------------------------------------------------------------------------------------


def load_ours(rows_csv):
    """Migrate, import the rows, the 12 PDFs as publications (text extracted and indexed), every
    search entry built. Returns the timings and what the measure needs (ids)."""
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from django.db import connection, transaction

    from locales.translation import ensure_site_root_translations
    from publications.factories import (
        PublicationFileFactory,
        PublicationIndexPageFactory,
        PublicationPageFactory,
        ReportDocumentFactory,
    )
    from search import entries
    from search.tasks import extract_text, index_document_text
    from tests.support.site_tree import ensure_base_tree
    from upr.models import Recommendation

    timings = {}
    started = time.perf_counter()
    migrate()
    timings["migrate"] = time.perf_counter() - started

    started = time.perf_counter()
    call_command("import_recommendations", str(rows_csv), no_progress=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
    timings["import"] = time.perf_counter() - started

    started = time.perf_counter()
    with transaction.atomic():  # the home page's translations are published on commit
        home = ensure_site_root_translations(ensure_base_tree())["en"]
    home = type(home).objects.get(pk=home.pk)
    shelf = PublicationIndexPageFactory(parent=home)
    titles = {
        row["file"]: row["title"] for row in csv.DictReader((SHARED_DATA / "pdfs" / "index.csv").open())
    }
    pages = []
    for pdf in sorted((SHARED_DATA / "pdfs").glob("*.pdf")):
        document = ReportDocumentFactory(title=pdf.stem, file=ContentFile(pdf.read_bytes(), name=pdf.name))
        extract_text.call(document.pk)
        index_document_text.call(document.pk)
        page = PublicationPageFactory(parent=shelf, title=titles.get(pdf.name, pdf.stem)[:255])
        PublicationFileFactory(page=page, document=document, language="en")
        page.save_revision().publish()
        pages.append(page.pk)
    timings["publications"] = time.perf_counter() - started

    started = time.perf_counter()
    entries.rebuild()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    timings["search entries"] = time.perf_counter() - started

    with rows_csv.open(encoding="utf-8") as rows:
        texts = {line: row["Text"] for line, row in enumerate(csv.DictReader(rows), start=1)}
    recommendations = {}
    for line in RECOMMENDATION_LINES:
        found = Recommendation.objects.originals().filter(text=texts[line].strip()).order_by("pk").first()
        found = found or Recommendation.objects.originals().filter(text=texts[line]).order_by("pk").first()
        if found is None:
            raise RuntimeError(f"row {line} was not imported")
        recommendations[line] = found.pk
    return timings, recommendations, pages, Recommendation.objects.originals().count()


def start_ours(database_name, media, redis_db, **extra):
    port = free_port()
    environment = server_environment(
        database_name,
        MEDIA_ROOT=media,
        REDIS_URL=f"redis://127.0.0.1:6379/{redis_db}",
        LEGAL_AID_KEYS="hDbbIdnJyZUIzgp29F4-Sx64_D-E6Uq6yEdQ7y3BxM4=",
        AUDIT_LOG_KEY="bench-only-audit-log-key",
        PYTHONWARNINGS="ignore:No directory at",  # no collected static files: none is asked for
        **extra,
    )
    process = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "cms.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=environment,
        cwd=REPO,
    )
    wait_for(port, "/bare/", process, "gunicorn", seconds=60)
    return process, port


def unmeasured_recommendation(recommendations):
    from upr.models import Recommendation

    others = Recommendation.objects.originals().exclude(pk__in=recommendations.values())
    return others.order_by("pk").first().pk


def redis_client(db):
    import redis

    return redis.Redis(host="127.0.0.1", port=6379, db=db)


def kept_answers(db):
    return sum(1 for _ in redis_client(db).scan_iter(match="*api:answer:*", count=1000))


# Measuring -------------------------------------------------------------------------------------


def get(port, path, accept="application/json"):
    """(milliseconds, body) of one GET on a new connection, as a browser's first request."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    started = time.perf_counter()
    connection.request("GET", path, headers={"Accept": accept, "Connection": "close"})
    response = connection.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - started) * 1000
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{path}: {response.status} {body[:300]!r}")
    return elapsed, body


def addresses(recommendations, pages):
    """[(kind, label, our path, Plone path)]."""
    quote = urllib.parse.quote
    plone_fields = "&metadata_fields=title&metadata_fields=description"
    rows = []
    for query, locale in QUERIES:
        ours = f"/api/v2/search/?q={quote(query)}&limit={PAGE}" + (
            "" if locale == "en" else f"&locale={locale}"
        )
        theirs = f"/Plone/@search?SearchableText={quote(query)}&b_size={PAGE}{plone_fields}"
        rows.append(("search", query, ours, theirs))
    for line, pk in recommendations.items():
        rows.append(
            (
                "recommendation",
                f"row {line}",
                f"/api/v2/recommendations/{pk}/",
                f"/Plone/recommendations/r{line:05d}",
            )
        )
    for number, pk in enumerate(pages, start=1):
        rows.append(
            ("page / file", f"pdf {number}", f"/api/v2/pages/{pk}/", f"/Plone/publications/f{number:02d}")
        )
    for code, name in STATES:
        rows.append(
            (
                "recommendations of a state",
                code,
                f"/api/v2/recommendations/?state={code}&limit={PAGE}",
                f"/Plone/@search?Subject={quote(name)}&portal_type=Document&b_size={PAGE}{plone_fields}",
            )
        )
    return rows


def total_of(body):
    data = json.loads(body)
    if "meta" in data:
        return data["meta"].get("total_count")
    return data.get("items_total")


def measure(servers, rows, on_db):
    """{(kind, system, 'first'|'repeated'): [ms]} over ROUNDS interleaved rounds, the results found
    by each system for each query, and how many first requests to the cache-on server were misses."""
    times, found, misses = {}, {}, 0
    systems = list(servers)
    for round_number in range(ROUNDS):
        order = systems[round_number % 3 :] + systems[: round_number % 3]
        for kind, label, ours, theirs in rows:
            for system in order:
                port = servers[system]
                path = theirs if system == "Plone" else ours
                if round_number == 0 and system == "ours, cache on":
                    before = kept_answers(on_db)
                elapsed, body = get(port, path)
                if round_number == 0:
                    if system == "ours, cache on":
                        misses += kept_answers(on_db) == before + 1  # a miss keeps its answer
                    if kind != "recommendation" and kind != "page / file":
                        found[(kind, label, system)] = total_of(body)
                when = "first" if round_number == 0 else "repeated"
                times.setdefault((kind, system, when), []).append(elapsed)
    return times, found, misses


def check_cache_off(servers, database_name, recommendation_pk):
    """Whether the cache-off server shows a change the API was not told about (it must: it keeps
    no answer), and whether the cache-on one still shows its kept answer (it should: the control)."""
    import psycopg

    path = f"/api/v2/recommendations/{recommendation_pk}/"
    for port in servers.values():
        get(port, path)
        get(port, path)
    marker = " [changed behind the API's back]"
    with psycopg.connect(f"{SERVER_URL}/{database_name}", autocommit=True) as connection:
        connection.execute(
            "UPDATE upr_recommendation SET text = text || %s WHERE id = %s", [marker, recommendation_pk]
        )
        try:
            shown = {name: marker in get(port, path)[1].decode() for name, port in servers.items()}
        finally:
            connection.execute(
                "UPDATE upr_recommendation SET text = left(text, length(text) - %s) WHERE id = %s",
                [len(marker), recommendation_pk],
            )
    return shown


def wrk(url, accept="application/json"):
    output = subprocess.run(
        ["wrk", "-t2", "-c4", f"-d{SECONDS}s", "--latency", "-H", f"Accept: {accept}", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", output).groups()
    p99 = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, p99, int(errors.group(1)) if errors else 0


def wrk_passes(rows):
    """{name: ([requests/s of each pass], [p99 of each pass], errors)}: WRK_PASSES passes over the
    rows, each in another order, so that a burst of the machine's noise does not fall on one alone."""
    results = {name: ([], [], 0) for name, _url in rows}
    for number in range(WRK_PASSES):
        shift = number * 3 % len(rows)
        for name, url in rows[shift:] + rows[:shift]:
            rate, p99, errors = wrk(url)
            rates, p99s, before = results[name]
            rates.append(rate)
            p99s.append(p99)
            results[name] = (rates, p99s, before + errors)
    return results


# Report ----------------------------------------------------------------------------------------


def print_latency(times):
    kinds = list(dict.fromkeys(kind for kind, _system, _when in times))
    print()
    print(f"Latency, ms (one GET at a time on a new connection; {ROUNDS} rounds, interleaved)")
    header = f"{'kind':<28} {'system':<16} {'requests':>8} {'p50':>7} {'p95':>7} {'p50/Plone':>10} {'p95/Plone':>10}"
    for when, title in (("first", "first request of each address"), ("repeated", "repeated requests")):
        print()
        print(title)
        print(header)
        for kind in kinds:
            plone = times.get((kind, "Plone", when))
            for system in ("ours, cache off", "ours, cache on", "Plone"):
                sample = times.get((kind, system, when))
                if not sample:
                    continue
                p50, p95 = statistics.median(sample), percentile(sample, 0.95)
                ratios = ""
                if plone and system != "Plone":
                    ratios = f"{p50 / statistics.median(plone):>9.2f}x {p95 / percentile(plone, 0.95):>9.2f}x"
                print(f"{kind:<28} {system:<16} {len(sample):>8} {p50:>7.1f} {p95:>7.1f} {ratios}")


def print_found(found):
    print()
    print("Results found (total count), first round")
    print(f"{'kind':<28} {'query':<36} {'ours':>6} {'Plone':>6}")
    labels = list(dict.fromkeys((kind, label) for kind, label, _system in found))
    for kind, label in labels:
        ours = found.get((kind, label, "ours, cache off"))
        theirs = found.get((kind, label, "Plone"))
        print(f"{kind:<28} {label:<36} {ours!s:>6} {theirs!s:>6}")


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")
    if not shutil.which("pdftotext"):
        print("note: pdftotext is missing (apt-get install -y poppler-utils): Plone's Files get no text")
    started_all = time.perf_counter()
    print(f"uptime at start: {uptime()}", flush=True)
    HOME.mkdir(parents=True, exist_ok=True)
    rows_csv = first_rows()
    venv = ensure_plone_installed()
    loaded = ensure_plone_loaded(venv, rows_csv)

    database_name = create_database("cms_bench_plone")
    media = tempfile.mkdtemp(prefix="bench-plone-media-")
    on_db, off_db = REDIS_DB, REDIS_DB + 1
    processes = []
    try:
        os.environ["MEDIA_ROOT"] = media
        setup_django(database_name)
        from django.conf import settings

        settings.MEDIA_ROOT = media
        timings, recommendations, pages, total = load_ours(rows_csv)
        from django.db import connections

        connections.close_all()
        for db in (on_db, off_db):
            redis_client(db).flushdb()

        off, off_port = start_ours(database_name, media, off_db, API_CACHE_SERVER_SECONDS="0")
        processes.append(off)
        on, on_port = start_ours(database_name, media, on_db, API_CACHE_SERVER_SECONDS="3600")
        processes.append(on)
        plone_port = free_port()
        processes.append(start_plone(venv, plone_port))
        servers = {"ours, cache off": off_port, "ours, cache on": on_port, "Plone": plone_port}
        # Warm every process (imports, connections, per-process tables) on addresses not measured.
        for _ in range(6):
            for port in (off_port, on_port):
                get(port, "/bare/")
                get(port, "/api/v2/search/?q=warming&limit=20")
                get(port, "/api/v2/recommendations/?state=FRA&limit=20")
            get(plone_port, "/Plone/@search?SearchableText=warming&b_size=20")
            get(plone_port, "/Plone/recommendations/r05500")
            get(plone_port, "/Plone/@search?Subject=France&b_size=20")

        rows = addresses(recommendations, pages)
        measure_started = time.perf_counter()
        times, found, misses = measure(servers, rows, on_db)
        measure_seconds = time.perf_counter() - measure_started
        firsts_on = sum(1 for _ in rows)

        extra_pk = unmeasured_recommendation(recommendations)
        shown = check_cache_off(
            {"ours, cache off": off_port, "ours, cache on": on_port}, database_name, extra_pk
        )

        wrk_rows = [
            ("bare Django JSON view", f"http://127.0.0.1:{off_port}/bare/"),
            ("ours: page detail, cache off", f"http://127.0.0.1:{off_port}/api/v2/pages/{pages[0]}/"),
            ("ours: page detail, cache on", f"http://127.0.0.1:{on_port}/api/v2/pages/{pages[0]}/"),
            (
                "ours: recommendation, cache off",
                f"http://127.0.0.1:{off_port}/api/v2/recommendations/{recommendations[RECOMMENDATION_LINES[0]]}/",
            ),
            (
                "ours: search 'torture', cache off",
                f"http://127.0.0.1:{off_port}/api/v2/search/?q=torture&limit={PAGE}",
            ),
            ("Plone: GET of a document", f"http://127.0.0.1:{plone_port}/Plone/recommendations/r00001"),
            ("Plone: GET of a file", f"http://127.0.0.1:{plone_port}/Plone/publications/f01"),
            (
                "Plone: @search 'torture'",
                f"http://127.0.0.1:{plone_port}/Plone/@search?SearchableText=torture&b_size={PAGE}"
                "&metadata_fields=title&metadata_fields=description",
            ),
        ]
        wrk_results = wrk_passes(wrk_rows)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        from django.db import connections

        connections.close_all()
        drop_database(database_name)
        shutil.rmtree(media, ignore_errors=True)
        for db in (on_db, off_db):
            with contextlib.suppress(Exception):  # Redis gone: nothing left to flush
                redis_client(db).flushdb()

    # Report ------------------------------------------------------------------------------------
    print()
    print(f"Corpus: the first {ROWS} rows of the UPR Info export ({total} recommendations here) and 12 PDFs")
    print(
        f"Plone {PLONE_VERSION} + plone.restapi, waitress 1 process x {PLONE_THREADS} threads; "
        "ours: gunicorn 2 sync workers, production settings, PostgreSQL, Redis"
    )
    state = "reused from " + loaded.get("loaded_at", "?") if loaded["reused"] else "loaded in this run"
    print(
        f"Plone load ({state}): site {loaded['site_seconds']} s, {loaded['documents']} documents "
        f"{loaded['documents_seconds']} s ({loaded['documents'] / loaded['documents_seconds']:.0f}/s), "
        f"{loaded['files']} files {loaded['files_seconds']} s; with Zope's start {loaded['total_seconds']} s"
    )
    words = loaded.get("file_words", {})
    print(f"Plone's SearchableText words of each File: {words}")
    print(
        "ours: "
        + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in timings.items())
        + f" ({ROWS / timings['import']:.0f} rows/s imported)"
    )

    print_latency(times)
    print()
    print(
        f"first requests to the cache-on server that were misses (kept their answer): {misses} of {firsts_on}"
    )
    print(f"{sum(len(v) for v in times.values())} requests measured in {measure_seconds:.0f} s")
    print(
        "cache off check (a recommendation's text changed in SQL, the API not told): "
        f"cache off shows the change: {shown['ours, cache off']}; cache on (control) shows it: "
        f"{shown['ours, cache on']}"
    )
    if not shown["ours, cache off"]:
        print("  BUG: with API_CACHE_SERVER_SECONDS=0 a stored answer was served")
    print_found(found)

    print()
    print(
        f"wrk -t2 -c4 -d{SECONDS}s on loopback, {WRK_PASSES} passes in turning order: median requests/s "
        "(each pass's), median p99"
    )
    print(
        f"{'':36} {'requests/s':>10} {'passes':<22} {'p99 ms':>7} {'rate/bare':>9} {'rate/Plone doc':>14} {'errors':>6}"
    )
    bare = statistics.median(wrk_results["bare Django JSON view"][0])
    plone_document = statistics.median(wrk_results["Plone: GET of a document"][0])
    for name, (rates, p99s, errors) in wrk_results.items():
        rate = statistics.median(rates)
        passes = "/".join(f"{r:.0f}" if r >= 100 else f"{r:.1f}" for r in rates)
        print(
            f"{name:36} {rate:10.1f} {passes:<22} {statistics.median(p99s):7.1f} {rate / bare:9.3f} "
            f"{rate / plone_document:14.2f} {errors:>6}"
        )
    print()
    print(f"total {time.perf_counter() - started_all:.0f} s")
    print(f"uptime at end: {uptime()}")


if __name__ == "__main__":
    main()
