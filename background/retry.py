"""Which failures of a task are worth another attempt, how many attempts, and how long to wait."""

import random
import smtplib
import socket
from dataclasses import dataclass, field

from django.db import InterfaceError, OperationalError

# Failures that pass when the service comes back: the database, a mail server, the network.
# (Not every OSError: a missing file is no reason to try again.)
TRANSIENT = (
    OperationalError,
    InterfaceError,
    smtplib.SMTPException,
    ConnectionError,
    TimeoutError,
    socket.gaierror,
)


def _storage_errors():
    """botocore's errors (endpoint unreachable, 5xx from the store), which are not OSErrors."""
    try:
        from botocore.exceptions import BotoCoreError, ClientError
    except ImportError:  # no S3 client installed: local files only
        return ()
    return (BotoCoreError, ClientError)


@dataclass(frozen=True)
class Retry:
    """Retry a task that raised one of ``on``, at most ``max_attempts`` runs in all.

    The wait before attempt n+1 is ``backoff * factor**(n-1)`` seconds, at most
    ``max_backoff``, with up to a tenth of jitter so that tasks failed together
    do not all come back at once.
    """

    max_attempts: int = 5
    on: tuple = field(default=TRANSIENT)
    backoff: float = 10.0
    factor: float = 2.0
    max_backoff: float = 3600.0

    def __post_init__(self):
        if self.max_attempts < 1:
            raise ValueError("Retry: max_attempts must be at least 1.")
        if self.backoff < 0 or self.factor < 1 or self.max_backoff < 0:
            raise ValueError("Retry: backoff and max_backoff must be >= 0, factor >= 1.")

    def applies(self, error: BaseException, attempts: int) -> bool:
        """Another attempt, after ``attempts`` runs that ended with ``error``?"""
        return attempts < self.max_attempts and isinstance(error, self.on)

    def delay(self, attempts: int) -> float:
        base = min(self.backoff * self.factor ** max(attempts - 1, 0), self.max_backoff)
        return base + random.uniform(0, base / 10)  # noqa: S311 (jitter, not a secret)

    def scaled(self, seconds_factor: float) -> "Retry":
        """The same policy with every wait multiplied (BACKGROUND_RETRY_BACKOFF_SCALE)."""
        return Retry(
            max_attempts=self.max_attempts,
            on=self.on,
            backoff=self.backoff * seconds_factor,
            factor=self.factor,
            max_backoff=self.max_backoff * seconds_factor,
        )


# Ready-made policies for the kinds of work the project does.
DATABASE = Retry(max_attempts=5, on=(OperationalError, InterfaceError), backoff=5)
EMAIL = Retry(max_attempts=8, on=TRANSIENT, backoff=30)
STORAGE = Retry(max_attempts=6, on=TRANSIENT + _storage_errors(), backoff=20)
