"""Several threads doing the same work at once, each on its own database connection."""

import threading

from django.db import connections


def run_at_once(work, threads, *, timeout=120):
    """Run ``work(number)`` in ``threads`` threads released together; return what they raised."""
    start = threading.Barrier(threads)
    errors = []

    def run(number):
        try:
            start.wait()
            work(number)
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    running = [threading.Thread(target=run, args=(number,)) for number in range(threads)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join(timeout=timeout)
    return errors
