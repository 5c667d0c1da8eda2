"""The servers the public site's tests run: the CMS in a thread, a proxy we can cut, the public site.

The CMS serves the test database (the demo content loaded once) from a thread of the test run.
The public site runs as a process of its own, with its own settings, as in production.
"""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url, timeout=30, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{url}: the server stopped ({process.returncode})")
        try:
            requests.get(url, timeout=2)
            return
        except requests.RequestException:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


class Proxy:
    """A TCP proxy on loopback to ``target_port``: ``stop()`` makes the CMS unreachable, ``start()`` back."""

    def __init__(self, target_port):
        self.target_port = target_port
        self.port = free_port()
        self._listener = None
        self._sockets = set()
        self._lock = threading.Lock()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return self

    def stop(self):
        listener, self._listener = self._listener, None
        if listener is not None:
            # shutdown() wakes the thread blocked in accept(), which close() alone does not.
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        with self._lock:
            for open_socket in list(self._sockets):
                self._close(open_socket)

    def _close(self, open_socket):
        self._sockets.discard(open_socket)
        with contextlib.suppress(OSError):
            open_socket.shutdown(socket.SHUT_RDWR)
        open_socket.close()

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets.update((client, upstream))
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source, sink):
        try:
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            with self._lock:
                self._close(source)
                self._close(sink)


class PublicSite:
    """The public site under gunicorn (its own settings), pointed at ``cms_url``."""

    def __init__(self, cms_url, **environment):
        self.port = free_port()
        self.cms_url = cms_url
        self.environment = environment
        self.process = None
        self.log = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        environment = {
            key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))
        }
        defaults = {
            "DJANGO_SETTINGS_MODULE": "frontend.settings",
            "FRONTEND_SECRET_KEY": "public-site-test-key",
            "FRONTEND_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "FRONTEND_SECURE_COOKIES": "false",
            "CMS_API_URL": self.cms_url,
            "FRONTEND_RATE": "100000/m",
            "FRONTEND_LEGAL_AID_RATE": "100000/m",
            "FRONTEND_LEGAL_AID_STATUS_RATE": "100000/m",
        }
        environment.update({**defaults, **self.environment})
        environment.pop("REDIS_URL", None)
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.log = tempfile.NamedTemporaryFile(prefix="public-site-", suffix=".log", delete=False)  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "frontend.wsgi",
                "-b",
                f"127.0.0.1:{self.port}",
                "-w",
                "1",
                "--threads",
                "8",
                "-t",
                "60",
            ],
            cwd=REPO,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )
        try:
            wait_until_up(f"{self.url}/static/frontend/site.css", process=self.process)
        except RuntimeError:
            self.stop()
            raise
        return self

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.log is None:
            return ""
        self.log.close()
        log = Path(self.log.name)
        text = log.read_text(errors="replace")
        log.unlink(missing_ok=True)
        return text
