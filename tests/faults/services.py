"""The servers of the fault run, each its own: PostgreSQL, SeaweedFS (behind a relay), gunicorn, workers, SMTP."""

import json
import subprocess
import sys
import time

import requests
from cryptography.fernet import Fernet

from tests.support.outage import Relay
from tests.support.postgres import PostgresCluster
from tests.support.seaweedfs import SeaweedFSProcess, free_port
from tests.support.settings import REPO, clean_environment
from tests.support.smtp import SMTPSink

BUCKET = "cms-faults"
WORKERS = {"all": ["--queue-name=*"], "urgent": ["--queue-name=urgent"]}


class Services:
    def __init__(self, workdir):
        self.workdir = workdir
        self.postgres = PostgresCluster()
        self.seaweedfs = SeaweedFSProcess()
        self.smtp = SMTPSink()
        self.web_port = free_port()
        self.web = None
        self.workers = {}
        self.s3 = None

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
        self.manage("migrate", "--no-input", timeout=300)
        self.form_page = int(self.shell("from tests.faults.setup_site import main; main()").strip())
        self.start_web()
        for name in WORKERS:
            self.start_worker(name)
        return self

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

    def start_web(self):
        self.web = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "cms.wsgi",
                "--workers=2",
                f"--bind=127.0.0.1:{self.web_port}",
                "--timeout=60",
                "--graceful-timeout=5",
            ],
            cwd=REPO,
            env=self.environment,
            stdout=self._log("web"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(self.url(f"/api/v2/legal-aid/forms/{self.form_page}/"), timeout=30).ok:
                    return
            except requests.RequestException:
                pass
            assert time.monotonic() < deadline, f"gunicorn did not start (see {self.workdir / 'web.log'})"
            time.sleep(0.3)

    def url(self, path):
        return f"http://127.0.0.1:{self.web_port}{path}"

    def start_worker(self, name):
        self.workers[name] = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval=0.2", *WORKERS[name]],
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

    def stop(self):
        """Stop whatever was started, even if start() failed half-way."""
        for process in [self.web, *self.workers.values()]:
            if process and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=15)
        if self.s3:
            self.s3.stop()
        self.smtp.stop()
        self.seaweedfs.stop()
        self.postgres.stop()
