"""A PostgreSQL cluster of the test's own (initdb into a temporary folder, its own port), to kill and restart.

The machine's shared server is never touched. As root, the cluster runs as the
``postgres`` user (PostgreSQL refuses to run as root).
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .seaweedfs import free_port


def postgres_bin():
    found = shutil.which("pg_ctl")
    if found:
        return Path(os.path.realpath(found)).parent
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    if not candidates:
        raise RuntimeError("PostgreSQL's server binaries (initdb, pg_ctl) are not installed")
    return candidates[-1].parent


class PostgresCluster:
    def __init__(self):
        self.bin = postgres_bin()
        self.root = Path(tempfile.mkdtemp(prefix="cms-postgres-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.as_user = []
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]

    def url(self, database="cms"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *command, timeout=120):
        return subprocess.run(
            [*self.as_user, *command], check=True, capture_output=True, text=True, timeout=timeout
        )

    def start(self):
        if not self.data.exists():
            self._run(
                str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8"
            )
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c fsync=off -c max_connections=60"
        )
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.root / "server.log"),
            "-o",
            options,
            "-w",
            "start",
        )
        return self

    def create_database(self, name="cms"):
        self._run(str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)

    def kill(self):
        """Stop as a crash would: no checkpoint, recovery from the WAL at the next start."""
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")

    def is_running(self):
        return (self.data / "postmaster.pid").exists()

    def stop(self):
        if self.data.exists() and self.is_running():
            subprocess.run(
                [*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
                capture_output=True,
                timeout=60,
            )
        shutil.rmtree(self.root, ignore_errors=True)
