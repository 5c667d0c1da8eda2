"""``manage.py db_worker``: django-tasks-db's worker with leases, retries and reconnection (background.worker).

Same options as django-tasks-db's command, plus ``--heartbeat`` and
``--lease``; it serves every queue unless told otherwise: some only with
``--queue-name urgent,default``, all but some with ``--exclude-queues bulk``.
"""

import argparse
import os

from django_tasks_db.management.commands import db_worker

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader

from background.worker import ResilientWorker


def positive_seconds(value):
    number = float(value)
    if not number > 0:
        raise argparse.ArgumentTypeError("must be a number of seconds greater than 0")
    return number


class Command(db_worker.Command):
    help = (
        "Run the background task worker: claims tasks from the queues named, retries what failed "
        "transiently, outlives database outages, and takes back the tasks of dead workers."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # Every queue unless told otherwise (django-tasks-db serves "default" alone).
        parser.set_defaults(queue_name="*")
        parser.add_argument(
            "--heartbeat",
            type=positive_seconds,
            default=getattr(settings, "BACKGROUND_HEARTBEAT_SECONDS", 10.0),
            help="Seconds between two heartbeats of this worker (default: BACKGROUND_HEARTBEAT_SECONDS).",
        )
        parser.add_argument(
            "--lease",
            type=positive_seconds,
            default=getattr(settings, "BACKGROUND_LEASE_SECONDS", 60.0),
            help="Seconds without a heartbeat after which a worker's tasks go back to the queue "
            "(default: BACKGROUND_LEASE_SECONDS).",
        )

    def handle(self, *, verbosity, queue_name, exclude_queues, heartbeat, lease, reload, batch, **options):
        self.configure_logging(verbosity)
        if lease <= heartbeat:
            raise CommandError(f"--lease ({lease:g}s) must be longer than --heartbeat ({heartbeat:g}s).")
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ResilientWorker(
            queue_names=queue_names,
            excluded_queue_names=excluded,
            interval=options["interval"],
            batch=batch,
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            heartbeat_seconds=heartbeat,
            lease_seconds=lease,
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
