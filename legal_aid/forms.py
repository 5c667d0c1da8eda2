"""The request form: built from the page's fields, checked in the admin for the core fields."""

import datetime
import re

import django.forms
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.forms import BaseForm, FormBuilder, WagtailAdminFormPageForm

from legal_aid.models.choices import ACKNOWLEDGEMENT, CORE_FIELDS, CORE_FIELDS_BY_KEY, ContactMethod

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
MAX_TEXT = {"singleline": 255, "multiline": 20_000}

# What the bytes of an attachment may be (as the `filetype` library reads them).
ALLOWED_TYPES = {
    "application/pdf",
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "image/heic",
    "audio/mpeg",
    "audio/ogg",
    "audio/x-wav",
    "audio/x-flac",
    "audio/aac",
    "audio/mp4",
    "audio/amr",
    "video/mp4",
    "video/webm",
    "video/quicktime",
    "video/3gpp",
    "video/x-matroska",
}


class RequestFormBase(BaseForm):
    """Cross-field rules of the core fields."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("contact_method") == ContactMethod.EMAIL and cleaned.get("contact"):
            try:
                validate_email(cleaned["contact"])
            except django.forms.ValidationError:
                self.add_error("contact", _("Enter a valid email address."))
        if cleaned.get(ACKNOWLEDGEMENT.key) and cleaned.get("contact_method") != ContactMethod.EMAIL:
            self.add_error(
                ACKNOWLEDGEMENT.key,
                _(
                    "A confirmation can only be sent by email: choose email as the way to reach you, "
                    "or leave this box unticked."
                ),
            )
        incident = cleaned.get("incident_date")
        if isinstance(incident, datetime.date) and incident > timezone.localdate():
            self.add_error("incident_date", _("The date of the incident cannot be in the future."))
        return cleaned


class RequestFormBuilder(FormBuilder):
    """Wagtail's form builder, with the choices of core fields taken from the code (stable values, translated labels)."""

    def create_singleline_field(self, field, options):
        options["max_length"] = MAX_TEXT["singleline"]
        return django.forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = MAX_TEXT["multiline"]
        options.setdefault("widget", django.forms.Textarea)
        return django.forms.CharField(**options)

    def get_formatted_field_choices(self, field):
        core = CORE_FIELDS_BY_KEY.get(field.clean_name)
        if core is not None and core.choices is not None:
            return list(core.choices.choices)
        return super().get_formatted_field_choices(field)

    def get_field_options(self, field):
        options = super().get_field_options(field)
        if field.clean_name == "consent":
            options["required"] = True  # no request is kept without it
        return options

    def get_form_class(self):
        # Every form ends with the acknowledgement box, whatever fields the editors gave it.
        acknowledgement = django.forms.BooleanField(
            label=ACKNOWLEDGEMENT.label, help_text=ACKNOWLEDGEMENT.help_text, required=False
        )
        return type(
            "LegalAidRequestForm",
            (RequestFormBase,),
            {**self.formfields, ACKNOWLEDGEMENT.key: acknowledgement},
        )


class LegalAidRequestPageForm(WagtailAdminFormPageForm):
    """The admin form of a request form page: every core field once, with its type; new pages start with them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("form_fields")
        if formset is not None and not self.is_bound and not self.instance.pk and not formset.queryset:
            initial = [
                {
                    "clean_name": core.key,
                    "label": str(core.label),
                    "help_text": str(core.help_text),
                    "field_type": core.field_type,
                    "required": core.required,
                }
                for core in CORE_FIELDS
            ]
            formset.extra = len(initial)
            formset.initial_extra = initial

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("form_fields")
        if formset is None:
            return cleaned_data
        seen = {}
        for form in formset.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            if not form.cleaned_data and not form.has_changed():
                continue
            key = form.cleaned_data.get("clean_name") or form.instance.clean_name
            if not key:
                key = form.instance.get_field_clean_name() if form.cleaned_data.get("label") else ""
            original = form.initial.get("clean_name") if form.instance.pk else None
            if original and key != original:
                form.add_error(
                    "clean_name",
                    _("The key of a field cannot change once saved: requests already use “%(key)s”.")
                    % {"key": original},
                )
            if key == ACKNOWLEDGEMENT.key:
                form.add_error(
                    "clean_name",
                    _("The key “%(key)s” is the box every form ends with, asking for a confirmation email.")
                    % {"key": key},
                )
            if key and not KEY_PATTERN.match(key):
                form.add_error(
                    "clean_name",
                    _("Use lower-case letters, digits and underscores, starting with a letter."),
                )
            core = CORE_FIELDS_BY_KEY.get(key)
            field_type = form.cleaned_data.get("field_type")
            if core is not None and field_type and field_type != core.field_type:
                form.add_error(
                    "field_type",
                    _("The field “%(key)s” is needed by case handling and must stay of type “%(type)s”.")
                    % {"key": key, "type": core.field_type},
                )
            seen[key] = form
        missing = [core.key for core in CORE_FIELDS if core.key not in seen]
        if missing:
            self.add_error(
                None,
                _("The form must keep these fields, which case handling needs: %(keys)s.")
                % {"keys": ", ".join(missing)},
            )
        return cleaned_data
