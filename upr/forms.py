from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from upr.importers.service import FORMATS

MAX_UPLOAD_BYTES = getattr(settings, "UPR_IMPORT_MAX_BYTES", 50 * 1024 * 1024)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "A UPR Info database export (.csv) or an OHCHR matrix of recommendations (.docx or .csv)."
        ),
    )
    file_format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[
            ("", _("Recognise it from the file")),
            *((name, name.replace("_", " ")) for name in FORMATS),
        ],
    )
    state = forms.CharField(
        label=_("State under review"),
        required=False,
        help_text=_("For an OHCHR matrix: the state it is about (name or ISO code, e.g. RWA)."),
    )
    session = forms.IntegerField(
        label=_("Session"),
        required=False,
        min_value=1,
        help_text=_("For an OHCHR matrix: the number of the Working Group session."),
    )
    dry_run = forms.BooleanField(label=_("Only check the file, change nothing"), required=False)
    skip_invalid = forms.BooleanField(
        label=_("Import the valid rows even if some are rejected"),
        required=False,
        help_text=_("By default one rejected row stops the whole import and nothing changes."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)d MB; the limit is %(limit)d MB.")
                % {"size": upload.size // 2**20, "limit": MAX_UPLOAD_BYTES // 2**20}
            )
        return upload
