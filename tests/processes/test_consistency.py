"""Every web process answers alike, and as the database stands, whatever process changed it.

Production settings on loopback: gunicorn processes, ``db_worker`` processes, one PostgreSQL
database (copied from a migrated template: tests/support/server_database.py), SeaweedFS for the
files, and Redis (a database number of the test's own, emptied first) when ``REDIS_URL`` is set.
Recommendations are imported with ``manage.py import_recommendations`` (real rows cut from the
UPR Info export, then another session, then an OHCHR matrix that brings new themes), pages are
published and edited by another process of the CMS (tests/processes/helper.py), and:

* with Redis, two gunicorn processes and two workers: both web processes give the same answers,
  bodies and counts, as a process computing them from the database with no cache, as soon as the
  command returned (listings, facets, labels, a page's detail) or the workers finished their tasks
  (search: the index is the workers' work);
* without Redis (versions in the database, a cache in each process's memory), one gunicorn and one
  worker: no answer is ever older than the database, though every answer was kept before the change.

All the while a reader asks every watched address of every web process: nothing answers 500.
Needs PostgreSQL (the PostgreSQL pass): skipped on SQLite.
"""

import csv
import json
import os
import re
import subprocess
import sys
import threading
import time

import pytest
import requests

from django.conf import settings as django_settings

from tests.faults.services import Services
from tests.support.files import PDFS, SHARED_DATA
from tests.support.redis_database import RedisDatabase
from tests.support.server_database import ServerDatabase, fingerprint, template
from tests.support.settings import REPO, clean_environment

from .helper import ANSWER, HOST

DATABASE = django_settings.DATABASES["default"]
pytestmark = pytest.mark.skipif(
    DATABASE["ENGINE"] != "django.db.backends.postgresql",
    reason="needs PostgreSQL: several processes share one database (runs on the PostgreSQL pass)",
)

UPR_INFO = SHARED_DATA / "upr-info" / "recommendations-2008-2014.csv"
EGYPT_MATRIX = SHARED_DATA / "ohchr-matrices" / "EgyptMatriceRecommendations.csv"
PDF = PDFS / "Slovenia_Add.pdf"  # Spanish text with "flagelo", a word no recommendation has
WORKER_LIMIT_SECONDS = 90  # what the workers may take to finish the tasks of one step
HEADERS = {"Host": HOST}

LISTINGS = [
    "/api/v2/recommendations/?state=YEM",
    "/api/v2/recommendations/?state=YEM&session=18&facets=session,theme",
    "/api/v2/recommendations/?state=EGY&facets=theme,affected_group",
    "/api/v2/recommendations/?state=RWA",
    "/api/v2/sessions/",
    "/api/v2/themes/",
    "/api/v2/affected-groups/",
    "/api/v2/pages/?type=publications.PublicationPage&fields=title",
]
SEARCHES = [
    "/api/v2/search/?q=Yemen",
    "/api/v2/search/?q=Rwanda&type=recommendation",
    "/api/v2/recommendations/?q=Yemen&facets=none",
    "/api/v2/search/?q=kestrel",
    "/api/v2/search/?q=osprey",
    "/api/v2/search/?q=flagelo",
]


def server_url():
    user = DATABASE.get("USER") or "postgres"
    password = f":{DATABASE['PASSWORD']}" if DATABASE.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{DATABASE.get('HOST') or '127.0.0.1'}:{DATABASE.get('PORT') or 5432}"


def build_template(url):
    """Migrated, the UPR vocabularies loaded (their tasks run at once), the site tree."""
    environment = clean_environment(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="template-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        LEGAL_AID_KEYS="hDbbIdnJyZUIzgp29F4-Sx64_D-E6Uq6yEdQ7y3BxM4=",
        AUDIT_LOG_KEY="test-audit-log-key",
        DATABASE_URL=url,
        TASKS_BACKEND="immediate",
        LOG_LEVEL="WARNING",
    )
    for arguments in (
        ["migrate", "--no-input"],
        ["load_upr_vocabularies"],
        ["shell", "--no-imports", "-c", "from tests.processes.setup_site import site; site()"],
    ):
        subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=REPO,
            env=environment,
            check=True,
            capture_output=True,
            timeout=600,
        )


def cut(path, rows):
    """A CSV of the UPR Info export's rows for which ``rows(row)`` is true."""
    with open(UPR_INFO, encoding="utf-8", newline="") as source:
        reader = csv.DictReader(source)
        kept = [row for row in reader if rows(row)]
        with open(path, "w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=reader.fieldnames)
            writer.writeheader()
            writer.writerows(kept)
    return len(kept)


class Helper:
    """A process of the CMS's own (tests/processes/helper.py), one request at a time."""

    def __init__(self, services, **variables):
        environment = dict(services.environment)
        for name, value in variables.items():
            if value is None:
                environment.pop(name, None)
            else:
                environment[name] = value
        self.process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "shell",
                "--no-imports",
                "-c",
                "from tests.processes.helper import main; main()",
            ],
            cwd=REPO,
            env=environment,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=(services.workdir / "helper.log").open("ab"),
            text=True,
        )

    def __call__(self, action, **arguments):
        self.process.stdin.write(json.dumps({"action": action, **arguments}) + "\n")
        self.process.stdin.flush()
        while True:
            line = self.process.stdout.readline()
            assert line, f"the helper process ended (exit status {self.process.poll()}): see helper.log"
            if line.startswith(ANSWER):
                answer = json.loads(line[len(ANSWER) :])
                assert "error" not in answer, f"{action} failed in the helper process:\n{answer['error']}"
                return answer["result"]

    def stop(self):
        self.process.stdin.close()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)


class Readers(threading.Thread):
    """Reads every watched address of every web process, over and over: what answered 5xx or not at all."""

    def __init__(self, services, paths):
        super().__init__(daemon=True)
        self.services, self.paths = services, paths
        self.failures, self.reads = [], 0
        self.halt = threading.Event()

    def run(self):
        session = requests.Session()
        while not self.halt.is_set():
            for path in self.paths:
                for web in range(len(self.services.web_ports)):
                    try:
                        response = session.get(self.services.url(path, web), headers=HEADERS, timeout=30)
                        if response.status_code >= 500:
                            self.failures.append((web + 1, path, response.status_code, response.text[:300]))
                    except requests.RequestException as error:
                        self.failures.append((web + 1, path, type(error).__name__, str(error)[:300]))
                    self.reads += 1
                    if self.halt.wait(0.2):
                        return

    def stop(self):
        self.halt.set()
        self.join(timeout=60)


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    """One database, SeaweedFS, no web process or worker yet (each test starts its own)."""
    digest = fingerprint(
        "upr/reference", "upr/loading.py", "tests/processes/setup_site.py", "tests/support/site_tree.py"
    )
    step_done("start")
    name = template(server_url(), "cms_processes_template", digest, build_template)
    database = ServerDatabase(server_url(), f"{DATABASE['TEST']['NAME']}_processes", template=name)
    services = Services(
        tmp_path_factory.mktemp("processes"),
        postgres=database,
        migrate=False,
        site=None,
        webs=0,
        workers={},
        ready_path="/api/v2/sessions/",
        environment={
            "ALLOWED_HOSTS": f"127.0.0.1,{HOST}",
            "API_THROTTLE_TRUSTED_IPS": "127.0.0.1",
            # Workers that start enqueue no periodic sweep of their own.
            "LEGAL_AID_SWEEP_EVERY_SECONDS": "1000000",
            "LEGAL_AID_PURGE_EVERY_SECONDS": "1000000",
        },
    )
    try:
        step_done("template ready")
        services.start()
        step_done("database copied, SeaweedFS started")
        yield services
    finally:
        services.stop()


def wait_for_the_workers(services, step):
    """Until no task is left READY or RUNNING: the delay the README documents for search."""
    deadline = time.monotonic() + WORKER_LIMIT_SECONDS
    while services.pending_tasks():
        assert time.monotonic() < deadline, (
            f"{step}: the workers left tasks unfinished after {WORKER_LIMIT_SECONDS} s (see {services.workdir})"
        )
        time.sleep(0.2)
    step_done(f"the workers finished {step}")


def answers(services, web, path, times=1):
    """The JSON answers of one web process to ``path`` (``times`` reads: a gunicorn's workers take turns)."""
    found = []
    for _ in range(times):
        response = requests.get(services.url(path, web), headers=HEADERS, timeout=60)
        assert response.status_code < 500, (
            f"web process {web + 1} answered {path} with {response.status_code}"
        )
        found.append((response.status_code, comparable(response.text)))
    return found


SIGNED = re.compile(r"\?[^\s\"]*X-Amz-Signature=[^\s\"]*")


def comparable(text):
    """A JSON answer, its signed URLs without their signature: each answer signs them anew."""
    return json.loads(SIGNED.sub("?signed", text))


CLOCK = []


def step_done(step):
    """Prints the time of a step since the module began (shown with -s, or when a test fails)."""
    CLOCK or CLOCK.append(time.monotonic())
    sys.stdout.write(f"{time.monotonic() - CLOCK[0]:7.1f} s  {step}\n")


def assert_as_the_database(services, reference, paths, step, times=1):
    """Each web process answers each path as the reference process computes it from the database now."""
    expected = reference("read", paths=paths)
    for path in paths:
        status, body = expected[path]["status"], comparable(expected[path]["body"])
        assert status == 200, f"{step}: the reference process answered {path} with {status}: {body}"
        for web in range(len(services.web_ports)):
            for got_status, got in answers(services, web, path, times):
                assert got_status == status
                total, got_total = (
                    body.get("meta", {}).get("total_count"),
                    got.get("meta", {}).get("total_count"),
                )
                assert got_total == total, (
                    f"{step}: web process {web + 1} counts {got_total} for {path}, the database {total}"
                )
                assert got == body, (
                    f"{step}: web process {web + 1} answers {path} unlike the database:\n{got}\n{body}"
                )
    step_done(step)
    return {path: comparable(expected[path]["body"]) for path in paths}


def import_file(services, path, *options):
    output = services.manage("import_recommendations", "--no-progress", *options, str(path), timeout=300)
    assert " 0 rejected" in output, output
    step_done(f"import_recommendations {path.name} returned")
    return output


def total(body):
    return body["meta"]["total_count"]


@pytest.fixture
def redis_database():
    if not RedisDatabase.reachable():
        if os.environ.get("CI"):
            pytest.fail("Redis is not running at 127.0.0.1:6379 (or TEST_REDIS_URL) and CI is set")
        pytest.skip("Redis is not running at 127.0.0.1:6379 (or TEST_REDIS_URL)")
    database = RedisDatabase().claim()
    yield database
    database.release()


def test_two_web_processes_and_two_workers_sharing_redis_answer_alike_and_at_once(
    services, redis_database, tmp_path
):
    yemen_first = cut(tmp_path / "yemen-5.csv", lambda row: row["To"] == "Yemen" and row["Session"] == "5")
    yemen_second = cut(tmp_path / "yemen-18.csv", lambda row: row["To"] == "Yemen" and row["Session"] == "18")
    services.run(
        webs=2,
        web_workers=1,
        workers={"first": ["--queue-name=*"], "second": ["--queue-name=*"]},
        REDIS_URL=redis_database.url,
    )
    step_done("two gunicorn processes and two workers started, with Redis")
    editor = Helper(services)
    reference = Helper(services, REDIS_URL=None, API_CACHE_SERVER_SECONDS="0", API_STORED_PAGES="false")
    readers = Readers(services, LISTINGS + SEARCHES)
    try:
        # Every answer read (and kept) once before anything changes.
        before = assert_as_the_database(services, reference, LISTINGS + SEARCHES, "before any import")
        assert total(before["/api/v2/recommendations/?state=YEM"]) == 0
        readers.start()

        # A command-line import: every listing is new in both web processes when the command returns.
        import_file(services, tmp_path / "yemen-5.csv")
        after = assert_as_the_database(services, reference, LISTINGS, "once the first import returned")
        assert total(after["/api/v2/recommendations/?state=YEM"]) == yemen_first
        wait_for_the_workers(services, "the first import")
        found = assert_as_the_database(
            services, reference, SEARCHES, "once the workers indexed the first import"
        )
        assert total(found["/api/v2/search/?q=Yemen"]) >= yemen_first
        assert total(found["/api/v2/recommendations/?q=Yemen&facets=none"]) == yemen_first

        # Another session: counts, and its facet, with its label.
        import_file(services, tmp_path / "yemen-18.csv")
        after = assert_as_the_database(
            services, reference, LISTINGS, "once the second session's import returned"
        )
        assert total(after["/api/v2/recommendations/?state=YEM"]) == yemen_first + yemen_second
        assert (
            total(after["/api/v2/recommendations/?state=YEM&session=18&facets=session,theme"]) == yemen_second
        )
        wait_for_the_workers(services, "the second import")
        found = assert_as_the_database(
            services, reference, SEARCHES, "once the workers indexed the second import"
        )
        assert total(found["/api/v2/recommendations/?q=Yemen&facets=none"]) == yemen_first + yemen_second

        # An OHCHR matrix of a state and session not seen yet, with themes and groups no label table knew.
        themes_before = total(after["/api/v2/themes/"])
        import_file(services, EGYPT_MATRIX, "--state=EGY", "--session=20")
        after = assert_as_the_database(
            services, reference, LISTINGS, "once the OHCHR matrix's import returned"
        )
        assert total(after["/api/v2/recommendations/?state=EGY&facets=theme,affected_group"]) > 0
        assert total(after["/api/v2/themes/"]) > themes_before, "the matrix brought no new theme"

        # A publication with its PDF on S3, published by another process, then edited.
        page = editor("publish_publication", title="Kestrel report", summary="Seen from afar.", pdf=str(PDF))[
            "id"
        ]
        detail = f"/api/v2/pages/{page}/"
        # Its cover and its text are the workers' work: until then, its title at least, everywhere.
        for web in range(2):
            assert [body["title"] for _status, body in answers(services, web, detail)] == ["Kestrel report"]
        step_done("the publication's detail served by both web processes")
        wait_for_the_workers(services, "the publication")
        after = assert_as_the_database(
            services, reference, [*LISTINGS, *SEARCHES, detail], "once the workers read the publication"
        )
        assert after[detail]["cover"] is not None, "the worker made no cover of the publication's PDF"
        assert total(after["/api/v2/search/?q=kestrel"]) == 1
        assert total(after["/api/v2/search/?q=flagelo"]) == 1, "the PDF's text was not found"

        editor("retitle", page_id=page, title="Osprey report")
        after = assert_as_the_database(
            services, reference, [*LISTINGS, detail], "once the publication was edited"
        )
        assert after[detail]["title"] == "Osprey report"
        wait_for_the_workers(services, "the edit")
        found = assert_as_the_database(services, reference, SEARCHES, "once the workers indexed the edit")
        assert (total(found["/api/v2/search/?q=kestrel"]), total(found["/api/v2/search/?q=osprey"])) == (0, 1)
        assert redis_database.keys(), "nothing was kept in Redis: the web processes did not share it"
    finally:
        readers.stop()
        editor.stop()
        reference.stop()
        services.stop_processes()
    assert readers.reads > 0
    assert readers.failures == [], (
        f"answers of 500 or none at all (see {services.workdir}): {readers.failures[:5]}"
    )


def test_without_redis_one_web_process_and_one_worker_never_serve_stale_answers(services, tmp_path):
    """The default of a single server: versions in the database, each process's cache in its memory."""
    rwanda = SHARED_DATA / "upr-info" / "rwanda.csv"
    rows = len(rwanda.read_text(encoding="utf-8").splitlines()) - 1
    services.run(webs=1, web_workers=2, workers={"worker": ["--queue-name=*"]}, REDIS_URL=None)
    step_done("one gunicorn process and one worker started, without Redis")
    editor = Helper(services)
    reference = Helper(services, API_CACHE_SERVER_SECONDS="0", API_STORED_PAGES="false")
    readers = Readers(services, LISTINGS + SEARCHES)
    try:
        wait_for_the_workers(services, "what the other test left")
        pages = json.loads(reference("read", paths=[LISTINGS[-1]])[LISTINGS[-1]]["body"])["items"]
        if pages:
            page = pages[0]["id"]
        else:  # this test alone
            page = editor("publish_publication", title="Kestrel report", summary="Seen.", pdf=str(PDF))["id"]
            wait_for_the_workers(services, "the publication")
        detail = f"/api/v2/pages/{page}/"
        watched = [*LISTINGS, *SEARCHES, detail]
        # Both gunicorn workers read (and keep) every answer before the changes.
        before = assert_as_the_database(services, reference, watched, "before the changes", times=4)
        readers.start()

        import_file(services, rwanda)
        after = assert_as_the_database(services, reference, LISTINGS, "once the import returned", times=4)
        assert (
            total(after["/api/v2/recommendations/?state=RWA"])
            == total(before["/api/v2/recommendations/?state=RWA"]) + rows
        )

        editor("retitle", page_id=page, title="Harrier report")
        after = assert_as_the_database(
            services, reference, [detail, LISTINGS[-1]], "once the page was edited", times=4
        )
        assert after[detail]["title"] == "Harrier report"

        wait_for_the_workers(services, "the import and the edit")
        found = assert_as_the_database(services, reference, SEARCHES, "once the worker finished", times=4)
        assert total(found["/api/v2/search/?q=Rwanda&type=recommendation"]) >= rows
    finally:
        readers.stop()
        editor.stop()
        reference.stop()
        services.stop_processes()
    assert readers.failures == [], (
        f"answers of 500 or none at all (see {services.workdir}): {readers.failures[:5]}"
    )
