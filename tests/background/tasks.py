"""Tasks the worker tests enqueue (module level, so that a worker process can import them)."""

import time
from pathlib import Path

from background import Retry, task


@task(retry=Retry(max_attempts=3, on=(ConnectionError,), backoff=0))
def slow_the_first_time(marker):
    """Sleeps a minute the first time (long enough to be killed), returns at once afterwards."""
    marker = Path(marker)
    if not marker.exists():
        marker.write_text("started")
        time.sleep(60)
    return "done"


@task()
def always_fails(message):
    raise ValueError(message)
