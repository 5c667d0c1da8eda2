"""The import of recommendations in the admin: the upload, then the import's progress and report.

The upload is checked here (what kind of file, whose review an OHCHR matrix
is about), then stored and queued (upr/tasks.py); the worker does the rest
while the progress page follows it.
"""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from upr.forms import ImportForm
from upr.importers.ohchr_records import OhchrRecords
from upr.importers.records import ImportFileError
from upr.importers.service import detect_format, sniff_csv_format
from upr.importers.uploads import queue_import
from upr.importers.vocabularies import VocabularyIndex
from upr.models import RecommendationImport

# The progress page reloads itself this often (seconds) until the import has finished.
REFRESH_SECONDS = 2


class ImportView(PermissionRequiredMixin, View):
    """Staff upload a file of recommendations; its import is queued and they follow it on its own page."""

    permission_required = "upr.add_recommendation"
    template_name = "upr/admin/import.html"

    def get(self, request):
        return self._render(request, ImportForm())

    def post(self, request):
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            upload = data["file"]
            try:
                file_format = checked_format(upload, data)
            except ImportFileError as error:
                form.add_error("file", str(error))
            else:
                record = queue_import(
                    upload,
                    source=file_format,
                    user=request.user,
                    file_format=file_format,
                    state=data["state"] or None,
                    session=data["session"],
                    dry_run=data["dry_run"],
                    skip_invalid=data["skip_invalid"],
                )
                return redirect("upr_import_progress", record.pk)
        return self._render(request, form, status=400)

    def _render(self, request, form, status=200):
        context = {"form": form, "page_title": _("Import recommendations")}
        return render(request, self.template_name, context, status=status)


def checked_format(upload, data):
    """The format of an uploaded file, once the checks the import makes before reading any row have
    passed, so that a wrong file is refused at once (ImportFileError) rather than in the worker."""
    file_format = data["file_format"] or detect_format(upload.name) or sniff_csv_format(upload.file)
    if file_format == "ohchr_matrix":
        OhchrRecords(VocabularyIndex(), state=data["state"] or None, session=data["session"])
    return file_format


class ImportProgressView(PermissionRequiredMixin, View):
    """One import: its state and counts while it is queued or running (the page reloads itself), then its report."""

    permission_required = "upr.add_recommendation"
    template_name = "upr/admin/import_progress.html"

    def get(self, request, pk):
        record = get_object_or_404(RecommendationImport, pk=pk)
        context = {
            "result": record,
            "counts": record.read_progress() or _counts_of(record),
            "page_title": _("Import of %(filename)s") % {"filename": record.filename},
            "refresh_seconds": None if record.is_finished else REFRESH_SECONDS,
        }
        if record.status == RecommendationImport.Status.RUNNING:
            context.update(estimate(context["counts"], record.file_size))
        return render(request, self.template_name, context)


def _counts_of(record):
    return {
        "rows_read": record.rows_read,
        "created": record.created,
        "updated": record.updated,
        "unchanged": record.unchanged,
        "rejected": record.rejected,
    }


def estimate(counts, file_size):
    """Percent done and time left of a running import, from how far into the file its reader is."""
    bytes_read = counts.get("bytes_read") or 0
    if not file_size or not bytes_read:
        return {}
    done = min(bytes_read / file_size, 1.0)
    seconds = counts.get("seconds") or 0
    context = {"percent": int(done * 100)}
    if seconds and done < 1.0:
        left = round(seconds * (1 - done) / done)
        if left < 60:
            context["time_left"] = _("less than a minute left")
        else:
            minutes = round(left / 60)
            context["time_left"] = ngettext(
                "about %(minutes)d minute left", "about %(minutes)d minutes left", minutes
            ) % {"minutes": minutes}
    return context
