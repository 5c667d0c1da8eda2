"""``manage.py rerun_failed_tasks``: put failed tasks back in the queue, as they were enqueued."""

import uuid

from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class Command(BaseCommand):
    help = (
        "Put FAILED background tasks back in the queue (READY, to run now, with a fresh count of attempts). "
        "Without a filter, every failed task."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", help="Only these task results (their ids).")
        parser.add_argument("--task", help="Only tasks of this path, e.g. legal_aid.tasks.notify_legal_team.")
        parser.add_argument("--queue", help="Only tasks of this queue.")
        parser.add_argument("--dry-run", action="store_true", help="List them, change nothing.")

    def handle(self, *args, ids, task, queue, dry_run, **options):
        failed = DBTaskResult.objects.failed()
        if ids:
            try:
                failed = failed.filter(pk__in=[uuid.UUID(value) for value in ids])
            except ValueError:
                raise CommandError(f"Not task result ids (UUIDs): {' '.join(ids)}") from None
        if task:
            failed = failed.filter(task_path=task)
        if queue:
            failed = failed.filter(queue_name=queue)
        chosen = list(failed.order_by("enqueued_at").values_list("pk", "task_path", "exception_class_path"))
        for pk, path, error in chosen:
            self.stdout.write(f"{'would run' if dry_run else 'queued'} {pk} {path} (failed with {error})")
        if not dry_run and chosen:
            DBTaskResult.objects.filter(
                pk__in=[pk for pk, _path, _error in chosen], status=TaskResultStatus.FAILED
            ).update(
                status=TaskResultStatus.READY,
                run_after=timezone.now(),
                finished_at=None,
                worker_ids=[],
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"{'would put' if dry_run else 'put'} {len(chosen)} failed tasks back in the queue"
            )
        )
