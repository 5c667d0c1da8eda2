"""Nothing lost under faults: 220 legal-assistance requests while S3, PostgreSQL and the workers die and come back.

Production settings, a PostgreSQL cluster of the test's own, SeaweedFS, gunicorn,
two ``db_worker`` processes and an SMTP server, all on loopback. Four kinds of
fault fall among the submissions, each at least once: SeaweedFS killed (SIGKILL)
and started again on its data, the network to it cut (a relay drops every
connection), PostgreSQL killed, a worker killed.
Afterwards: every 201 has its case with every file readable, byte for byte;
every other answer left no case and, once the sweeper ran, no object; every
notification went out (one Message-ID each; a repeat only where a fault fell between
sending and recording it). Run with ``make test-faults``; ``FAULTS_SEED=<n>`` draws
the faults and the submissions of an earlier run again (the seed is printed).
"""

import hashlib
import os
import random
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import pytest
import requests

from tests.legal_aid.helpers import VALID
from tests.support.files import png_bytes

from .services import Services

pytestmark = pytest.mark.faults

SUBMISSIONS = 220
CLIENTS = 4
MAX_FAULTS = 40
# S3 crashed, S3 cut off, PostgreSQL killed, a worker killed: each falls during the submissions.
KINDS = ("s3 crash", "s3 cut", "database", "worker")
MIN_FAULTS = 6
RUN_LIMIT_SECONDS = 240
DRAIN_LIMIT_SECONDS = 150


def attachment(rng):
    """A PNG with random bytes after its end: accepted as a PNG, and unique."""
    return png_bytes(width=rng.randint(8, 64), height=8) + rng.randbytes(rng.randint(500, 20_000))


def submit(services, number, rng):
    time.sleep(rng.uniform(0, 0.4))  # clients at their own pace, so that faults fall among them
    token = uuid.uuid4().hex
    files = [attachment(rng) for _ in range(rng.randint(0, 2))]
    fields = {
        **VALID,
        "consent": "true",
        "contact": f"journalist{number}@example.org",
        "description": f"{VALID['description']} token {token}",
    }
    url = services.url(f"/api/v2/legal-aid/forms/{services.form_page}/")
    try:
        if files:
            attachments = [
                ("attachments", (f"scan-{n}.png", data, "image/png")) for n, data in enumerate(files)
            ]
            response = requests.post(url, data=fields, files=attachments, timeout=60)
        else:  # a request without files is sent as JSON, as a front end does
            response = requests.post(url, json={**fields, "consent": True}, timeout=60)
        status = response.status_code
    except requests.RequestException as error:
        status = type(error).__name__
    if status != 201:
        # Refused, the client waits a moment before its next request, as a person would: an
        # answer refused at once takes no time, so without the pause most requests would fall
        # while a service is down, and too few would get through to check what was kept.
        time.sleep(rng.uniform(0.3, 1.0))
    return {"token": token, "status": status, "files": sorted(hashlib.sha256(f).hexdigest() for f in files)}


class Chaos(threading.Thread):
    """Kills S3 or cuts the way to it, kills the database or a worker at random moments, and brings
    it back a moment later.

    The kinds come in rounds, each round every kind once in a random order: whatever the pace of
    the submissions, the first four faults are one of each kind."""

    def __init__(self, services, rng, stop):
        super().__init__(daemon=True)
        self.services, self.rng, self.stop = services, rng, stop
        self.faults = Counter()
        self.events = []  # (kind, seconds since the start when it fell, seconds down, seconds to come back)
        self.error = None
        self.started = time.monotonic()

    def kinds(self):
        while True:
            yield from self.rng.sample(KINDS, len(KINDS))

    def run(self):
        kinds = self.kinds()
        try:
            while not self.stop.wait(self.rng.uniform(0.5, 3.0)) and sum(self.faults.values()) < MAX_FAULTS:
                target = next(kinds)
                self.faults[target] += 1
                down = self.rng.uniform(0.2, 2.0)
                if target == "s3 crash":  # SeaweedFS itself killed (SIGKILL), then started again on its data
                    kill, restart = self.services.seaweedfs.kill, self.services.seaweedfs.restart
                elif target == "s3 cut":  # the network to S3 cut: every connection dropped
                    kill, restart = self.services.s3.kill, self.services.s3.restart
                elif target == "database":
                    kill, restart = self.services.postgres.kill, self.services.postgres.start
                else:
                    name = self.rng.choice(sorted(self.services.workers))
                    assert self.services.worker_alive(name), f"worker {name} had stopped by itself"
                    kill, restart = (
                        partial(self.services.kill_worker, name),
                        partial(self.services.start_worker, name),
                    )
                fell = time.monotonic()
                kill()
                time.sleep(down)
                began = time.monotonic()
                restart()
                self.events.append(
                    (
                        target,
                        round(fell - self.started, 1),
                        round(down, 1),
                        round(time.monotonic() - began, 1),
                    )
                )
        except Exception as error:  # reported by the test
            self.error = error


def wait_until_drained(services):
    """The tasks by status once none is left READY or RUNNING, or the time is up."""
    deadline = time.monotonic() + DRAIN_LIMIT_SECONDS
    while True:
        tasks = services.task_counts()
        if not tasks.get("READY", 0) + tasks.get("RUNNING", 0) or time.monotonic() > deadline:
            return tasks
        time.sleep(1)


def test_nothing_is_lost_when_s3_the_database_and_the_workers_die_during_submissions(tmp_path, capsys):
    seed = int(os.environ.get("FAULTS_SEED") or random.randrange(1 << 30))
    rng = random.Random(seed)
    started = time.monotonic()
    services = Services(tmp_path)
    try:
        services.start()  # inside the try: whatever started is stopped if the rest fails
        stop = threading.Event()
        chaos = Chaos(services, random.Random(rng.random()), stop)
        chaos.start()
        with ThreadPoolExecutor(CLIENTS) as pool:
            sent = list(
                pool.map(
                    lambda number: submit(services, number, random.Random(seed + number)), range(SUBMISSIONS)
                )
            )
        submitted_at = time.monotonic()
        stop.set()
        chaos.join(timeout=120)
        (tmp_path / "chaos.log").write_text("\n".join(map(str, chaos.events)))
        assert chaos.error is None, f"fault injection failed: {chaos.error!r}"
        assert not chaos.is_alive(), f"a service did not come back (see {tmp_path})"

        # Everything is back; the workers finish what was queued, then the sweeper runs.
        for name in services.workers:
            assert services.worker_alive(name), f"worker {name} stopped by itself (see {tmp_path})"
        rerun = wait_until_drained(services).get("FAILED", 0)
        if rerun:
            services.manage("rerun_failed_tasks")
            wait_until_drained(services)
        objects_before_sweep = len(services.stored_objects())
        services.manage("sweep_legal_aid_objects", "--grace-hours=0")
        state = services.state()
        inbox = services.smtp.inbox.snapshot()
    finally:
        services.stop()

    accepted = {item["token"]: item for item in sent if item["status"] == 201}
    refused = {item["token"]: item for item in sent if item["status"] != 201}
    cases = {case["token"]: case for case in state["cases"]}
    referenced = sum(len(case["files"]) for case in state["cases"])
    delivered = Counter(message["message_id"] for message in inbox)
    submitting = submitted_at - chaos.started
    during = Counter(kind for kind, fell, _down, _back in chaos.events if fell < submitting)
    back = {}
    for kind, _fell, _down, seconds in chaos.events:
        back[kind] = max(back.get(kind, 0), seconds)
    expected = {message_id for case in state["cases"] for message_id in case["message_ids"]}
    with capsys.disabled():
        print(  # noqa: T201
            f"\nfault run (seed {seed}): {len(sent)} submissions, {len(accepted)} answered 201, "
            f"{len(refused)} not ({dict(Counter(str(item['status']) for item in refused.values()))}); "
            f"faults {dict(chaos.faults)}, during the submissions {dict(during)}, slowest to come back "
            f"{back} s; {len(cases)} cases, {referenced} files; objects "
            f"{objects_before_sweep} before the sweeper, {len(state['objects'])} after; tasks {state['tasks']} "
            f"({rerun} failed ones run again); {len(inbox)} mails for {len(expected)} notifications, "
            f"{len(delivered)} distinct; "
            f"starting {chaos.started - started:.0f}s, submitting {submitting:.0f}s, "
            f"in all {time.monotonic() - started:.0f}s"
        )

    # Every kind of fault fell while requests were being sent, and enough of them to mean anything.
    assert set(during) == set(KINDS), (
        f"kinds of fault that never fell during the submissions: {set(KINDS) - set(during)}"
    )
    assert sum(during.values()) >= MIN_FAULTS, f"too few faults during the submissions: {dict(during)}"
    assert len(accepted) >= SUBMISSIONS // 4, "too few requests got through to mean anything"
    # Every 201 has its case, every file readable and the same, byte for byte.
    for token, item in accepted.items():
        assert token in cases, f"a 201 lost its case ({token})"
        assert cases[token]["files"] == item["files"], f"the files of {cases[token]['reference']} differ"
    # Every other answer left no case, and after the sweeper no object.
    assert set(cases) == set(accepted), f"cases without a 201: {sorted(set(cases) - set(accepted))}"
    assert len(state["objects"]) == referenced
    # Every notification went out, each as one message (one Message-ID). A worker killed, or the
    # database gone, between the mail server's "250" and the commit of "sent" makes the next attempt
    # send it again, under the same Message-ID: at least once, never lost, repeats recognisable.
    assert state["tasks"].get("FAILED", 0) == 0
    assert set(delivered) == expected
    repeated = sum(count - 1 for count in delivered.values())
    assert repeated <= chaos.faults["worker"] + chaos.faults["database"]
