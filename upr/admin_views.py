from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import View

from upr.forms import ImportForm
from upr.importers.records import ImportFileError
from upr.importers.service import import_recommendations
from upr.importers.writer import ImportFailed


class ImportView(PermissionRequiredMixin, View):
    """Staff upload a file of recommendations and get the import's report."""

    permission_required = "upr.add_recommendation"
    template_name = "upr/admin/import.html"

    def get(self, request):
        return render(request, self.template_name, {"form": ImportForm()})

    def post(self, request):
        form = ImportForm(request.POST, request.FILES)
        context = {"form": form}
        if form.is_valid():
            data = form.cleaned_data
            upload = data["file"]
            try:
                context["result"] = import_recommendations(
                    upload.file,
                    filename=upload.name,
                    file_format=data["file_format"] or None,
                    state=data["state"] or None,
                    session=data["session"],
                    user=request.user,
                    dry_run=data["dry_run"],
                    skip_invalid=data["skip_invalid"],
                )
            except ImportFailed as failure:
                context["result"] = failure.record
            except ImportFileError as error:
                form.add_error("file", str(error))
            status = 200 if "result" in context and context["result"].status != "failed" else 400
        else:
            status = 400
        context["page_title"] = _("Import recommendations")
        return render(request, self.template_name, context, status=status)
