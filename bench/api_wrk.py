"""Throughput of the API under wrk (Debian's), on loopback, against gunicorn with production settings.

A throw-away PostgreSQL database gets the demo content; gunicorn serves the project with
cms.settings.production (plus one bare Django view returning a small JSON object, through
the same middleware: bench/wrk_urls.py). wrk then loads, one after the other:

* the bare view,
* a page detail (a publication of the demo),
* a filtered list of recommendations,
* a search,

and the script prints requests/s and p99 latency of each, with their ratio to the bare view; then the
three API addresses again with every answer computed by its view (API_CACHE_SERVER_SECONDS=0), as
the first reader after a change of content gets it; the page detail from its stored answer
(api/stored_pages.py), then built by its view on every request (API_STORED_PAGES=false).
Goal: the page detail at no less than 50% of the bare view's requests/s.

    apt-get install -y wrk
    .venv/bin/python bench/api_wrk.py        # BENCH_SECONDS=10 BENCH_CONNECTIONS=16 BENCH_WORKERS=2
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from cryptography.fernet import Fernet
from support import SERVER_URL, create_database, drop_database, migrate, setup_django

BENCH = Path(__file__).resolve().parent
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_environment(database_name, **extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wrk_settings",
        # The project first: bench/search.py must not hide the search app.
        "PYTHONPATH": os.pathsep.join([str(BENCH.parent), str(BENCH)]),
        "DATABASE_URL": f"{SERVER_URL}/{database_name}",
        "SECRET_KEY": "bench-only",
        # Production settings refuse to start without the legal-assistance keys; one for the run.
        "LEGAL_AID_KEYS": os.environ.get("LEGAL_AID_KEYS") or Fernet.generate_key().decode(),
        "AUDIT_LOG_KEY": os.environ.get("AUDIT_LOG_KEY") or "bench-only-audit-log-key",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "TASKS_BACKEND": "immediate",
        # wrk is one client making thousands of requests: trusted, like the front end's servers.
        "API_THROTTLE_TRUSTED_IPS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
        "DJANGO_LOG_LEVEL": "ERROR",
        **extra,
    }


def start_gunicorn(database_name, port, **extra):
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [
            str(gunicorn),
            "cms.wsgi",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=server_environment(database_name, **extra),
        cwd=BENCH.parent,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/bare/", timeout=2).read()
            return process
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise RuntimeError("gunicorn did not start")


def wrk(url):
    """(requests/s, p99 in ms) of ``url`` under wrk."""
    output = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", output).groups()
    p99 = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} answers were errors\n{output}")
    return rate, p99


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")
    # The search entries of the demo are written as it loads, as a worker would.
    os.environ["TASKS_BACKEND"] = "immediate"
    database_name = create_database("cms_bench_wrk")
    try:
        setup_django(database_name)
        migrate()
        from django.core.management import call_command

        from publications.models import PublicationPage

        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        page = PublicationPage.objects.live().filter(locale__language_code="en").first()

        paths = [
            ("bare Django JSON view", "/bare/"),
            ("page detail", f"/api/v2/pages/{page.pk}/"),
            ("recommendations, filtered", "/api/v2/recommendations/?state=RWA&response=supported&limit=20"),
            ("search", "/api/v2/search/?q=journalists&locale=en"),
        ]
        # As deployed (answers kept in the cache until content changes), then with every
        # answer computed by its view (API_CACHE_SERVER_SECONDS=0).
        results = measure(database_name, paths)
        computed = measure(database_name, paths[1:], API_CACHE_SERVER_SECONDS="0")
        # And the page detail built by its view on every request (no stored answer either).
        built = measure(database_name, paths[1:2], API_CACHE_SERVER_SECONDS="0", API_STORED_PAGES="false")
    finally:
        drop_database(database_name)

    bare_rate, bare_p99 = results[0][1], results[0][2]
    print(f"wrk -t2 -c{CONNECTIONS} -d{SECONDS}s, gunicorn --workers {WORKERS}, PostgreSQL, demo content")
    print(f"{'':44} {'requests/s':>11} {'p99 ms':>8} {'rate/bare':>10} {'p99/bare':>9}")
    rows = [
        *results,
        *[(f"{name} (no answer cache)", rate, p99) for name, rate, p99 in computed],
        *[(f"{name} (built by the view)", rate, p99) for name, rate, p99 in built],
    ]
    for name, rate, p99 in rows:
        print(f"{name:44} {rate:11.0f} {p99:8.1f} {rate / bare_rate:10.2f} {p99 / bare_p99:9.2f}")
    print(
        f"page detail at {results[1][1] / bare_rate:.0%} of the bare view with the answer cache, "
        f"{computed[0][1] / bare_rate:.0%} without it (stored answer), "
        f"{built[0][1] / bare_rate:.0%} built by the view (goal: at least 50% without the answer cache)"
    )


def measure(database_name, paths, **environment):
    """[(name, requests/s, p99 ms)] of each path, on a gunicorn started for them."""
    port = free_port()
    server = start_gunicorn(database_name, port, **environment)
    base = f"http://127.0.0.1:{port}"
    try:
        for _name, path in paths:  # warm every worker: imports, caches, renditions
            for _ in range(WORKERS * 5):
                urllib.request.urlopen(base + path, timeout=30).read()  # noqa: S310
        return [(name, *wrk(base + path)) for name, path in paths]
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
