from django.core.management.base import BaseCommand, CommandError

from wagtail.documents import get_document_model

from search.models import DocumentText
from search.tasks import extract_text


class Command(BaseCommand):
    help = "Read the text of PDF documents again: some by id, the ones that failed, or all."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Document ids.")
        parser.add_argument("--all", action="store_true", help="Every PDF document.")
        parser.add_argument(
            "--status",
            choices=DocumentText.Status.values,
            help="The documents whose text has this status, e.g. failed.",
        )
        parser.add_argument(
            "--queue", action="store_true", help="Hand the work to the task worker instead of doing it here."
        )

    def handle(self, *args, ids, all, status, queue, **options):
        documents = get_document_model().objects.filter(file__iendswith=".pdf").order_by("pk")
        if ids:
            documents = documents.filter(pk__in=ids)
            missing = sorted(set(ids) - set(documents.values_list("pk", flat=True)))
            if missing:
                raise CommandError(f"No PDF document with id {', '.join(map(str, missing))}.")
        elif status:
            documents = documents.filter(text__status=status)
        elif not all:
            raise CommandError("Give document ids, --status STATUS or --all.")
        counts = {}
        for document in documents.iterator():
            if queue:
                extract_text.enqueue(document.pk)
                result = "queued"
            else:
                try:
                    result = extract_text.call(document.pk)
                except Exception as error:  # recorded on the document; the command goes on
                    result = "failed"
                    self.stderr.write(f"{document.pk} {document.title}: {error}")
            counts[result] = counts.get(result, 0) + 1
            self.stdout.write(f"{document.pk} {document.title}: {result}")
        summary = (
            ", ".join(f"{count} {result}" for result, count in sorted(counts.items())) or "nothing to do"
        )
        self.stdout.write(f"Done: {summary}.")
