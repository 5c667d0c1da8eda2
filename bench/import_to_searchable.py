"""From the start of ``import_recommendations`` of the full UPR Info export to every row searchable.

A throw-away PostgreSQL database (migrated, the UPR vocabularies loaded, their tasks run before the
clock starts), production settings, ``TASKS_BACKEND=database``, gunicorn (2 sync workers) and one
``db_worker`` serving every queue, all on loopback. The clock starts when the command starts; while
it runs and after, the script polls, every ``BENCH_POLL_SECONDS``:

* the task queue (READY and RUNNING tasks, straight from the database);
* ``/api/v2/search/?type=recommendation`` (every recommendation's entry) and, for a few states
  under review from the start, the middle and the end of the file, ``/api/v2/recommendations/?q=<state>``
  and ``/api/v2/search/?q=<state>&type=recommendation``.

Once the queue is empty, the right totals are computed by a fresh process of the CMS (no cache of
any kind, the same queries as the views), and the row is searchable from the first poll after which
every total matched them. Printed: the phases (import returned, queue drained, searchable), the time
each kind of task took in the worker, and ``uptime`` before and after. Goal: searchable in under
60 s (Plone needs about 17 minutes for the same rows).

    .venv/bin/python bench/import_to_searchable.py     # BENCH_POLL_SECONDS=0.5 BENCH_LIMIT_SECONDS=900
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import requests
from support import SERVER_URL, SHARED_DATA, create_database, drop_database

REPO = Path(__file__).resolve().parent.parent
SOURCE = SHARED_DATA / "upr-info" / "recommendations-2008-2014.csv"
POLL_SECONDS = float(os.environ.get("BENCH_POLL_SECONDS", "0.5"))
LIMIT_SECONDS = float(os.environ.get("BENCH_LIMIT_SECONDS", "900"))
GOAL_SECONDS = 60
# States under review at the start, in the middle and at the end of the file (sessions 1, 10, 20).
PROBE_STATES = ("Afghanistan", "Rwanda", "Zimbabwe")
KEY = "hDbbIdnJyZUIzgp29F4-Sx64_D-E6Uq6yEdQ7y3BxM4="  # a Fernet key for this throw-away site only

TRUTH = """
import json
from django.test import Client
client = Client(HTTP_HOST="127.0.0.1")
print(json.dumps({path: client.get(path).json()["meta"]["total_count"] for path in PATHS}))
"""


def uptime():
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def environment(database, **extra):
    return {
        **{
            key: value
            for key, value in os.environ.items()
            if key not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE")
        },
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DATABASE_URL": f"{SERVER_URL}/{database}",
        "SECRET_KEY": "bench-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "LEGAL_AID_KEYS": KEY,
        "AUDIT_LOG_KEY": "bench-only-audit-log-key",
        "TASKS_BACKEND": "database",
        # Every answer computed by its view: a poll never reads a kept answer.
        "API_CACHE_SERVER_SECONDS": "0",
        "API_THROTTLE_TRUSTED_IPS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def manage(database, *arguments, **extra):
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=REPO,
        env=environment(database, **extra),
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(arguments[:2])} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def total(url):
    response = requests.get(url, timeout=60)
    response.raise_for_status()
    return response.json()["meta"]["total_count"]


def pending(database):
    with psycopg.connect(f"{SERVER_URL}/{database}", autocommit=True) as connection:
        return connection.execute(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')"
        ).fetchone()[0]


def written(database):
    """How many rows the worker wrote so far: the recommendations' search entries, and those of them
    in Wagtail's index (the one index they are found in, by the search and the listing's ``?q=``)."""
    with psycopg.connect(f"{SERVER_URL}/{database}", autocommit=True) as connection:
        return connection.execute(
            """SELECT (SELECT count(*) FROM search_searchentry WHERE kind = 'recommendation'),
                      (SELECT count(*) FROM wagtailsearch_indexentry i
                         JOIN search_searchentry e ON i.object_id = e.id::text AND e.kind = 'recommendation'
                       WHERE i.content_type_id =
                         (SELECT id FROM django_content_type WHERE app_label = 'search' AND model = 'searchentry'))"""
        ).fetchone()


def cpu_seconds(pid):
    """User and system CPU seconds of a process so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def task_times(database):
    """Per task: how many, and the seconds the worker spent on them (started to finished)."""
    with psycopg.connect(f"{SERVER_URL}/{database}", autocommit=True) as connection:
        return connection.execute(
            """SELECT task_path, queue_name, status, count(*),
                      coalesce(sum(extract(epoch FROM finished_at - started_at)), 0),
                      coalesce(max(extract(epoch FROM finished_at - started_at)), 0)
               FROM django_tasks_database_dbtaskresult
               WHERE enqueued_at >= %s
               GROUP BY 1, 2, 3 ORDER BY 5 DESC""",
            [task_times.since],
        ).fetchall()


def main():
    paths = ["/api/v2/search/?type=recommendation"]
    for state in PROBE_STATES:
        paths += [
            f"/api/v2/recommendations/?q={state}&facets=none",
            f"/api/v2/search/?q={state}&type=recommendation",
        ]
    print(f"uptime before: {uptime()}")
    database = create_database("cms_bench_searchable")
    logs = Path(tempfile.mkdtemp(prefix="bench-searchable-"))
    processes = []
    try:
        began = time.perf_counter()
        manage(database, "migrate", "--no-input", TASKS_BACKEND="immediate")
        manage(database, "load_upr_vocabularies", TASKS_BACKEND="immediate")
        print(f"set-up (migrate, vocabularies with their tasks run): {time.perf_counter() - began:.0f} s")
        port = free_port()
        env = environment(database)
        processes.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "cms.wsgi",
                    "--workers=2",
                    f"--bind=127.0.0.1:{port}",
                    "--timeout=120",
                ],
                cwd=REPO,
                env=env,
                stdout=(logs / "web.log").open("wb"),
                stderr=subprocess.STDOUT,
            )
        )
        processes.append(
            subprocess.Popen(
                [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval=0.2"],
                cwd=REPO,
                env=env,
                stdout=(logs / "worker.log").open("wb"),
                stderr=subprocess.STDOUT,
            )
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                before = {path: total(base + path) for path in paths}
                break
            except requests.RequestException:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not start (see {logs / 'web.log'})") from None
                time.sleep(0.5)
        print(f"before the import: {before}")

        from datetime import UTC, datetime

        task_times.since = datetime.now(UTC)
        started = time.perf_counter()
        command = subprocess.Popen(
            [sys.executable, "manage.py", "import_recommendations", "--no-progress", str(SOURCE)],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        worker_cpu = cpu_seconds(processes[1].pid)
        samples, imported_at, drained_at, reached = [], None, None, {}
        while True:
            time.sleep(POLL_SECONDS)
            now = time.perf_counter() - started
            if imported_at is None and command.poll() is not None:
                imported_at = now
                output, errors = command.communicate()
                if command.returncode:
                    raise RuntimeError(f"import_recommendations failed:\n{output}\n{errors}")
                print(f"import_recommendations returned at {imported_at:.1f} s: {output.splitlines()[0]}")
            try:
                totals = {path: total(base + path) for path in paths}
            except requests.RequestException as error:
                totals = {"error": repr(error)}
            samples.append((time.perf_counter() - started, totals))
            for name, count in zip(
                ("search entries written", "search entries indexed"), written(database), strict=True
            ):
                if count >= 41_066 and name not in reached:
                    reached[name] = time.perf_counter() - started
            if imported_at is not None and drained_at is None and pending(database) == 0:
                drained_at = time.perf_counter() - started
                print(f"queue drained at {drained_at:.1f} s")
                worker_cpu = cpu_seconds(processes[1].pid) - worker_cpu
                break
            if now > LIMIT_SECONDS:
                raise RuntimeError(f"not done after {LIMIT_SECONDS} s (pending tasks: {pending(database)})")

        truth = json.loads(
            manage(database, "shell", "--no-imports", "-c", f"PATHS = {paths!r}\n{TRUTH}").splitlines()[-1]
        )
        # One more poll after the queue drained: the answers as a reader gets them now.
        samples.append((time.perf_counter() - started, {path: total(base + path) for path in paths}))
        searchable_at = None
        for at, totals in reversed(samples):
            if totals != truth:
                break
            searchable_at = at
        print(f"right totals (a fresh process, no cache): {truth}")
        if searchable_at is None:
            print(f"NOT searchable: the web processes still answer {samples[-1][1]}")
        else:
            verdict = "under" if searchable_at < GOAL_SECONDS else "OVER"
            print(f"every row searchable at {searchable_at:.1f} s ({verdict} the {GOAL_SECONDS} s goal)")
        print("\nphases (s from the start of the command):")
        print(f"  {'import returned':<24} {imported_at:8.1f}")
        for name, at in reached.items():
            print(f"  {name:<24} {at:8.1f}")
        print(f"  {'queue drained':<24} {drained_at:8.1f}   (the worker's CPU meanwhile: {worker_cpu:.1f} s)")
        print(
            f"  {'searchable':<24} {searchable_at if searchable_at is None else round(searchable_at, 1):>8}"
        )
        print("\ntasks of the run (worker time, started to finished):")
        print(f"  {'task':<55} {'queue':<7} {'status':<11} {'n':>5} {'total s':>8} {'max s':>7}")
        for path, queue, status, count, seconds, longest in task_times(database):
            print(
                f"  {path:<55} {queue:<7} {status:<11} {count:>5} {float(seconds):>8.1f} {float(longest):>7.1f}"
            )
        print(f"\nuptime after: {uptime()}")
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        drop_database(database)


if __name__ == "__main__":
    main()
