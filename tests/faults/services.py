"""The servers of the fault run, each its own: PostgreSQL, SeaweedFS (behind a relay), gunicorn, workers, SMTP.

Also the multi-process tests' (tests/processes): the database may be one of a server's
(``postgres=``, e.g. :class:`tests.support.server_database.ServerDatabase`, already migrated with
``migrate=False``), several gunicorn processes (``webs``), other workers and more settings.
"""

import json
import subprocess
import sys
import time

import psycopg
import requests
from cryptography.fernet import Fernet

from tests.support.outage import Relay
from tests.support.postgres import PostgresCluster
from tests.support.seaweedfs import SeaweedFSProcess, free_port
from tests.support.settings import REPO, clean_environment
from tests.support.smtp import SMTPSink

BUCKET = "cms-faults"
WORKERS = {"all": ["--queue-name=*"], "urgent": ["--queue-name=urgent"]}


FAULTS_SITE = "from tests.faults.setup_site import main; main()"


class Services:
    def __init__(
        self,
        workdir,
        *,
        postgres=None,
        migrate=True,
        site=FAULTS_SITE,
        webs=1,
        web_workers=2,
        workers=None,
        environment=None,
        ready_path=None,
    ):
        """``site``: Python run in ``manage.py shell`` once migrated (its output is kept as
        ``site_output``; the fault run's prints the request form's page id, ``form_page``).
        ``webs`` gunicorn processes of ``web_workers`` sync workers each; ``workers``: name ->
        options of each ``db_worker``; ``environment``: more variables (or ``None`` to leave one
        out); ``ready_path``: what a started gunicorn must answer with a 200."""
        self.workdir = workdir
        self.postgres = postgres or PostgresCluster()
        self.migrate = migrate
        self.site = site
        self.web_ports = [free_port() for _ in range(webs)]
        self.web_workers = web_workers
        self.worker_options = dict(WORKERS if workers is None else workers)
        self.extra_environment = dict(environment or {})
        self.ready_path = ready_path
        self.seaweedfs = SeaweedFSProcess()
        self.smtp = SMTPSink()
        self.webs = []
        self.workers = {}
        self.s3 = None
        self.site_output = ""
        self.form_page = None

    @property
    def web_port(self):
        return self.web_ports[0]

    @property
    def web(self):
        return self.webs[0] if self.webs else None

    # Starting ----------------------------------------------------------------

    def start(self):
        self.postgres.start()
        self.postgres.create_database()
        server = self.seaweedfs.start()
        server.client().create_bucket(Bucket=BUCKET)
        self.s3 = Relay("127.0.0.1", int(server.endpoint_url.rsplit(":", 1)[1])).start()
        self.smtp.start()
        self.environment = clean_environment(
            DJANGO_SETTINGS_MODULE="cms.settings.production",
            SECRET_KEY="fault-run-" + Fernet.generate_key().decode(),
            ALLOWED_HOSTS="127.0.0.1",
            SECURE_SSL_REDIRECT="false",
            LEGAL_AID_KEYS=Fernet.generate_key().decode(),
            AUDIT_LOG_KEY="fault-run-audit-key",
            LEGAL_AID_NOTIFY_EMAILS="legal-team@example.org",
            LEGAL_AID_SUBMIT_RATE="100000/h",
            API_THROTTLE_BURST_RATE="100000/min",
            API_THROTTLE_SUSTAINED_RATE="1000000/day",
            DATABASE_URL=self.postgres.url(),
            AWS_STORAGE_BUCKET_NAME=BUCKET,
            AWS_S3_ENDPOINT_URL=f"http://127.0.0.1:{self.s3.port}",
            AWS_S3_REGION_NAME=server.region,
            AWS_ACCESS_KEY_ID=server.access_key,
            AWS_SECRET_ACCESS_KEY=server.secret_key,
            AWS_S3_ADDRESSING_STYLE="path",
            TASKS_BACKEND="database",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(self.smtp.port),
            EMAIL_TIMEOUT="5",
            BACKGROUND_HEARTBEAT_SECONDS="0.5",
            BACKGROUND_LEASE_SECONDS="4",
            BACKGROUND_RETRY_BACKOFF_SCALE="0.02",
            LOG_LEVEL="WARNING",
        )
        self.configure(**self.extra_environment)
        if self.migrate:
            self.manage("migrate", "--no-input", timeout=300)
        if self.site:
            self.site_output = self.shell(self.site)
        if self.site == FAULTS_SITE:
            self.form_page = int(self.site_output.strip())
            self.ready_path = self.ready_path or f"/api/v2/legal-aid/forms/{self.form_page}/"
        self.start_processes()
        return self

    def configure(self, **variables):
        """Set (or, with None, leave out) variables of the processes started from now on."""
        for name, value in variables.items():
            if value is None:
                self.environment.pop(name, None)
            else:
                self.environment[name] = value

    def run(self, *, webs, workers, web_workers=None, **variables):
        """Stop the gunicorn processes and workers, and start ``webs`` gunicorn processes and
        ``workers`` (name -> options) with these variables (None: left out)."""
        self.stop_processes()
        self.web_ports = [free_port() for _ in range(webs)]
        self.web_workers = web_workers or self.web_workers
        self.worker_options = dict(workers)
        self.configure(**variables)
        self.start_processes()

    def start_processes(self):
        """The gunicorn processes and the workers (again, after stop_processes())."""
        self.webs = [None] * len(self.web_ports)
        for index in range(len(self.web_ports)):
            self.start_web(index)
        for name in self.worker_options:
            self.start_worker(name)

    def manage(self, *arguments, timeout=120):
        result = subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=REPO,
            env=self.environment,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert result.returncode == 0, f"manage.py {' '.join(arguments)}:\n{result.stdout}\n{result.stderr}"
        return result.stdout

    def shell(self, code, timeout=120):
        return self.manage("shell", "--no-imports", "-c", code, timeout=timeout)

    def state(self):
        return json.loads(self.shell("from tests.faults.state import main; main()", timeout=300))

    def _log(self, name):
        return (self.workdir / f"{name}.log").open("ab")

    def start_web(self, index=0):
        log = "web" if index == 0 else f"web-{index + 1}"
        self.webs[index] = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "cms.wsgi",
                f"--workers={self.web_workers}",
                f"--bind=127.0.0.1:{self.web_ports[index]}",
                "--timeout=60",
                "--graceful-timeout=5",
            ],
            cwd=REPO,
            env=self.environment,
            stdout=self._log(log),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 90
        while True:
            try:
                if requests.get(self.url(self.ready_path or "/api/v2/", web=index), timeout=30).ok:
                    return
            except requests.RequestException:
                pass
            assert self.webs[index].poll() is None, f"gunicorn exited (see {self.workdir / log}.log)"
            assert time.monotonic() < deadline, f"gunicorn did not start (see {self.workdir / log}.log)"
            time.sleep(0.3)

    def url(self, path, web=0):
        return f"http://127.0.0.1:{self.web_ports[web]}{path}"

    def task_counts(self):
        """How many tasks there are by status (READY, RUNNING, SUCCESSFUL, FAILED), straight from the database."""
        with psycopg.connect(self.postgres.url(), autocommit=True, connect_timeout=10) as connection:
            return dict(
                connection.execute(
                    "SELECT status, count(*) FROM django_tasks_database_dbtaskresult GROUP BY status"
                ).fetchall()
            )

    def pending_tasks(self):
        """The tasks no worker has finished yet (READY or RUNNING), straight from the database."""
        counts = self.task_counts()
        return counts.get("READY", 0) + counts.get("RUNNING", 0)

    def stored_objects(self, prefix="legal-aid/"):
        """The names of the objects under ``prefix`` (not in its sub-folders), straight from S3."""
        pages = self.seaweedfs.server.client().get_paginator("list_objects_v2")
        return sorted(
            item["Key"]
            for page in pages.paginate(Bucket=BUCKET, Prefix=prefix, Delimiter="/")
            for item in page.get("Contents", [])
        )

    def start_worker(self, name):
        options = self.worker_options[name]
        self.workers[name] = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval=0.2", *options],
            cwd=REPO,
            env=self.environment,
            stdout=self._log(f"worker-{name}"),
            stderr=subprocess.STDOUT,
        )

    def kill_worker(self, name):
        process = self.workers[name]
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)

    def worker_alive(self, name):
        return self.workers[name].poll() is None

    # Stopping ----------------------------------------------------------------

    def stop_processes(self):
        """Stop the gunicorn processes and the workers (all at once: they stop side by side)."""
        processes = [process for process in [*self.webs, *self.workers.values()] if process]
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=15)
        self.webs, self.workers = [], {}

    def stop(self):
        """Stop whatever was started, even if start() failed half-way."""
        self.stop_processes()
        if self.s3:
            self.s3.stop()
        self.smtp.stop()
        self.seaweedfs.stop()
        self.postgres.stop()
