"""The legal-assistance form, built from the API's form schema, in the reader's language.

The public site checks nothing of the answers itself: the API does, and its messages (in the
reader's language) are shown by the fields they concern.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

CHOICE_TYPES = {"dropdown", "radio", "checkboxes", "multiselect"}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


def _field(spec):
    kind = spec.get("type", "singleline")
    common = {
        "label": spec.get("label", spec["key"]),
        "help_text": spec.get("help_text", ""),
        "required": False,
    }
    choices = [(choice["value"], choice["label"]) for choice in spec.get("choices", [])]
    attrs = {"required": True} if spec.get("required") else {}
    if kind == "multiline":
        return forms.CharField(widget=forms.Textarea(attrs={**attrs, "rows": 8}), **common)
    if kind == "dropdown":
        blank = [] if spec.get("default") else [("", "—")]
        return forms.ChoiceField(choices=blank + choices, widget=forms.Select(attrs=attrs), **common)
    if kind == "radio":
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect(attrs=attrs), **common)
    if kind in ("checkboxes", "multiselect"):
        return forms.MultipleChoiceField(choices=choices, widget=forms.CheckboxSelectMultiple, **common)
    if kind == "checkbox":
        return forms.BooleanField(widget=forms.CheckboxInput(attrs=attrs), **common)
    input_types = {
        "email": "email",
        "number": "number",
        "url": "url",
        "date": "date",
        "datetime": "datetime-local",
    }
    widget = forms.TextInput(attrs=attrs)
    widget.input_type = input_types.get(kind, "text")
    if spec.get("max_length"):
        widget.attrs["maxlength"] = spec["max_length"]
    return forms.CharField(widget=widget, strip=False, **common)


class RelayForm(forms.Form):
    """A form of the schema's fields; ``answers()`` gives them as the API takes them."""

    def __init__(self, schema, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.schema = schema
        self.specs = {spec["key"]: spec for spec in schema["fields"]}
        for key, spec in self.specs.items():
            self.fields[key] = _field(spec)
            if "default" in spec and not self.is_bound:
                self.initial[key] = spec["default"]
        attachments = schema.get("attachments")
        if attachments:
            self.fields[attachments["field"]] = MultipleFileField(
                label=_("Files (optional)"),
                help_text=_("Up to %(count)s files: photos, recordings, documents.")
                % {"count": attachments.get("max_files", 1)},
                required=False,
                widget=MultipleFileInput(attrs={"accept": ",".join(attachments.get("types", []))}),
            )
        self.honeypot = schema.get("honeypot")
        if self.honeypot:
            self.fields[self.honeypot] = forms.CharField(required=False, label=_("Leave this empty"))

    def answers(self):
        """The answers, as given (the API checks them); checkboxes as booleans."""
        values = {}
        for key, spec in self.specs.items():
            if spec.get("type") in ("checkboxes", "multiselect"):
                values[key] = self.data.getlist(key)
            elif spec.get("type") == "checkbox":
                values[key] = self.data.get(key) in ("on", "true", "1")
            elif key in self.data:
                values[key] = self.data.get(key)
        if self.honeypot and self.data.get(self.honeypot):
            values[self.honeypot] = self.data.get(self.honeypot)
        return values

    def attachment_files(self):
        attachments = self.schema.get("attachments")
        return self.files.getlist(attachments["field"]) if attachments and self.files else []

    def add_api_errors(self, errors):
        """The API's messages by field (unknown keys, and ``non_field_errors``, on the form)."""
        for key, messages in (errors or {}).items():
            for message in messages if isinstance(messages, list) else [messages]:
                self.add_error(key if key in self.fields else None, str(message))

    def regular_fields(self):
        return [self[name] for name in self.fields if name != self.honeypot]

    def honeypot_field(self):
        return self[self.honeypot] if self.honeypot else None
