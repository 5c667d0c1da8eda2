"""Render time of the public site's pages on loopback, with the API warm.

Needs a CMS serving the demo content (`make run` in another terminal, or BENCH_CMS_URL) that
trusts the loopback as the public site's server (API_THROTTLE_TRUSTED_IPS=127.0.0.1, as `make
run` sets it; else its throttling answers 429 after 300 requests a minute). The
script starts the public site under gunicorn with its production settings, asks every page of
the demo in en, fr and rw (and the search, the recommendations and their statistics) once to
warm the API and the public site's stored answers, then BENCH_ROUNDS times each, one request at
a time, and prints p50/p95/max per kind of page and overall. Then the same with every API
answer revalidated (FRONTEND_API_FRESH_SECONDS=0: a conditional request and a 304 per answer).
Goal: p95 under 50 ms with the API warm.

    .venv/bin/python bench/frontend_render.py     # BENCH_CMS_URL=http://127.0.0.1:8000 BENCH_ROUNDS=30
"""

import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
CMS = os.environ.get("BENCH_CMS_URL", "http://127.0.0.1:8000").rstrip("/")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))
VIEWS = {
    "search": "/{language}/search/?q=rwanda",
    "recommendations": "/{language}/recommendations/",
    "recommendation statistics": "/{language}/recommendations/statistics/",
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback addresses we build
        return response.status, response.read()


def addresses():
    """(kind, path) of every page of the demo in each language, and of the site's own views."""
    found = []
    for language in ("en", "fr", "rw"):
        _status, body = fetch(f"{CMS}/api/v2/pages/?locale={language}&fields=_,type,html_url&limit=100")
        for item in json.loads(body)["items"]:
            found.append((item["meta"]["type"], urlsplit(item["meta"]["html_url"]).path))
        found += [(kind, path.format(language=language)) for kind, path in VIEWS.items()]
    return found


def start_site(**extra):
    port = free_port()
    environment = {
        **{key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "frontend.settings",
        "FRONTEND_SECRET_KEY": "bench-only",
        "FRONTEND_ALLOWED_HOSTS": "127.0.0.1",
        "FRONTEND_RATE": "1000000/m",
        "CMS_API_URL": CMS,
        **extra,
    }
    environment.pop("REDIS_URL", None)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn), "frontend.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1", "--log-level", "warning"],
        cwd=REPO,
        env=environment,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            fetch(f"http://127.0.0.1:{port}/static/frontend/site.css")
            return process, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("the public site did not start")


def measure(site, pages):
    for _kind, path in pages:  # warm: the API's answer caches and the site's stored answers
        fetch(site + path)
    timings = defaultdict(list)
    for _round in range(ROUNDS):
        for kind, path in pages:
            started = time.perf_counter()
            status, _body = fetch(site + path)
            timings[kind].append((time.perf_counter() - started) * 1000)
            assert status == 200, (path, status)
    return timings


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def report(title, timings):
    print(f"\n{title}")
    print(f"{'page':<40} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    everything = []
    for kind in sorted(timings):
        values = timings[kind]
        everything += values
        print(
            f"{kind:<40} {len(values):>5} {statistics.median(values):>8.1f} "
            f"{percentile(values, 0.95):>8.1f} {max(values):>8.1f}"
        )
    p95 = percentile(everything, 0.95)
    print(
        f"{'all':<40} {len(everything):>5} {statistics.median(everything):>8.1f} {p95:>8.1f} {max(everything):>8.1f}"
    )
    return p95


def main():
    try:
        fetch(f"{CMS}/api/v2/pages/?limit=1")
    except OSError:
        raise SystemExit(f"No CMS at {CMS}: start one (make run) or set BENCH_CMS_URL") from None
    pages = addresses()
    print(f"{len(pages)} addresses, {ROUNDS} rounds, CMS at {CMS}, one gunicorn worker, loopback")
    for title, extra in (
        ("API warm, answers reused for 30 s (the default)", {}),
        (
            "every answer revalidated (FRONTEND_API_FRESH_SECONDS=0: a 304 per answer)",
            {"FRONTEND_API_FRESH_SECONDS": "0"},
        ),
    ):
        process, site = start_site(**extra)
        try:
            p95 = report(title, measure(site, pages))
        finally:
            process.terminate()
            process.wait()
        print(f"p95 {p95:.1f} ms: {'within' if p95 < 50 else 'over'} the 50 ms goal")


if __name__ == "__main__":
    main()
