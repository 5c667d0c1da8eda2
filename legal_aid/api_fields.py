"""API fields of the legal-assistance pages (the form's schema and submissions: ``api.py``)."""

import functools

from rest_framework import serializers

from django.conf import settings
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _lazy

from api.api_fields import ReadOnlyAPIField, page_summary
from api.openapi import INTEGER, STRING, array, nullable, obj
from legal_aid.forms import ALLOWED_TYPES, MAX_TEXT
from legal_aid.models.cases import REFERENCE_PATTERN
from legal_aid.models.choices import ACKNOWLEDGEMENT, CORE_FIELDS, CaseStatus


class FAQsField(ReadOnlyAPIField):
    """A FAQ StreamField as ``[{"id", "question", "answer"}]``, the answer in the API's rich-text format."""

    def openapi_schema(self):
        return array(obj({"id": STRING, "question": STRING, "answer": STRING}))

    def to_representation(self, stream):
        return [
            {"id": child.id, **child.block.get_api_representation(child.value, self.context)}
            for child in stream
            if child.block_type == "faq"
        ]


class RequestFormField(ReadOnlyAPIField):
    """Where to ask for legal assistance: ``{"id", "title", "url", "type"}`` of the form page, or an external URL.

    The form page is given in the locale of the page being serialised when
    it has a live translation there. When it is not live (or not public),
    the external URL is given as ``{"id": null, "title": null, "url": ..., "type": null}``,
    and when neither is set, null.
    """

    def __init__(self, *, page_attribute, url_attribute, **kwargs):
        self.page_attribute = page_attribute
        self.url_attribute = url_attribute
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def openapi_schema(self):
        return nullable(
            obj({"id": nullable(INTEGER), "title": nullable(STRING), "url": STRING, "type": nullable(STRING)})
        )

    def to_representation(self, instance):
        target = getattr(instance, self.page_attribute)
        if target is not None and target.live and not target.get_view_restrictions().exists():
            return page_summary(target, instance.locale)
        url = getattr(instance, self.url_attribute)
        if url:
            return {"id": None, "title": None, "url": url, "type": None}
        return None


# The request form through the API: serializers of what it answers, and of what it is sent ------------
# drf-spectacular describes the endpoints from these (components LegalAidForm, LegalAidAnswers…);
# ``Meta.additional_properties`` is what an object may hold besides its fields (api/schema.py).

# Checkbox answers in a multipart request: words for true and for false.
CHECKBOX_WORDS = ["true", "on", "1", "yes", "false", "", "0", "no"]
MULTIPLE_TYPES = ("checkboxes", "multiselect")
CHOICE_TYPES = ("dropdown", "radio", *MULTIPLE_TYPES)
REFERENCE_HELP = _lazy("The request's reference, e.g. LA-7KQ2-M9XD.")
ACKNOWLEDGEMENT_HELP = (
    "False unless sent. True asks for one email to `contact` (then `contact_method` must be email) "
    "saying only that a message arrived; the choice is not kept with the request."
)


def field_types():
    """The types a field of the form may have (Wagtail's form fields)."""
    from legal_aid.models.form import LegalAidFormField

    return [value for value, _label in LegalAidFormField._meta.get_field("field_type").choices]


class InlineChoiceField(serializers.ChoiceField):
    """A choice described where it stands (``{"type": "string", "enum": [...]}``), not as a named enum."""

    def openapi_schema(self):
        values = list(self.choices)
        kind = "integer" if all(isinstance(value, int) for value in values) else "string"
        schema = {"type": kind, "enum": values}
        if self.help_text:
            schema["description"] = str(self.help_text)
        return schema


class ReferenceField(serializers.RegexField):
    def openapi_schema(self):
        return {
            "type": "string",
            "pattern": REFERENCE_PATTERN.pattern.replace("\\Z", "$"),
            "description": str(REFERENCE_HELP),
            "example": "LA-7KQ2-M9XD",
        }

    def __init__(self, **kwargs):
        super().__init__(REFERENCE_PATTERN.pattern.replace("\\Z", "$"), help_text=REFERENCE_HELP, **kwargs)


class ChoiceSerializer(serializers.Serializer):
    value = serializers.CharField(allow_blank=True)
    label = serializers.CharField(allow_blank=True)

    class Meta:
        additional_properties = False


class LegalAidFormFieldSerializer(serializers.Serializer):
    """A field of the request form with its validation rules: `required`, `choices`, `max_length`,
    `format`. Checkbox answers are true or false; HTML tags are refused in text."""

    key = serializers.CharField(
        help_text=_lazy(
            "The name the answer is sent under, the same in every language. "
            "Every form has the core fields name, contact_method, contact, media_outlet, country, "
            "problem_type, incident_date, description, urgency, preferred_language, consent, and ends with "
            "the box acknowledgement."
        )
    )
    type = InlineChoiceField(choices=(), help_text=_lazy("Wagtail's type of form field."))
    label = serializers.CharField(allow_blank=True)
    help_text = serializers.CharField(allow_blank=True)
    required = serializers.BooleanField()
    core = serializers.BooleanField(
        help_text=_lazy(
            "Whether case handling needs this field (one of the core fields); its key and type never change."
        )
    )
    choices = ChoiceSerializer(
        many=True,
        required=False,
        help_text=_lazy(
            "The values to choose from (types dropdown, radio, checkboxes, multiselect only): the "
            "value is sent, the label shown. Types checkboxes, multiselect take a list of values."
        ),
    )
    max_length = InlineChoiceField(
        choices=sorted(set(MAX_TEXT.values())),
        required=False,
        help_text=_lazy("The longest answer, in characters (types singleline, multiline only)."),
    )
    format = InlineChoiceField(
        choices=["YYYY-MM-DD"],
        required=False,
        help_text=_lazy("How a date is written (type date only); it may not be in the future."),
    )
    default = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text=_lazy("The answer to start with; for preferred_language, the form's language."),
    )

    class Meta:
        additional_properties = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = field_types()


class AttachmentRulesSerializer(serializers.Serializer):
    field = InlineChoiceField(choices=["attachments"], help_text=_lazy("The multipart field."))
    max_files = serializers.IntegerField()
    max_file_bytes = serializers.IntegerField()
    max_total_bytes = serializers.IntegerField(help_text=_lazy("The largest request, files included."))
    types = serializers.ListField(child=InlineChoiceField(choices=sorted(ALLOWED_TYPES)))

    class Meta:
        additional_properties = False


class LegalAidFormSerializer(serializers.Serializer):
    """A request form, in the language asked for when it is translated into it."""

    id = serializers.IntegerField()
    locale = InlineChoiceField(choices=(), help_text=_lazy("A content language."))
    title = serializers.CharField()
    intro = serializers.CharField(
        allow_blank=True, help_text=_lazy("What happens to a request; whom to call instead.")
    )
    thank_you_text = serializers.CharField(
        allow_blank=True, help_text=_lazy("To show next to the reference and secret.")
    )
    fields = LegalAidFormFieldSerializer(many=True)
    honeypot = InlineChoiceField(
        choices=["website"],
        help_text=_lazy("A field to hide from people and send empty: a request with it filled is refused."),
    )
    attachments = AttachmentRulesSerializer()
    submit_url = serializers.URLField(help_text=_lazy("Where to POST a request (this address)."))
    status_url = serializers.URLField(help_text=_lazy("Where to POST a reference and secret for the status."))

    class Meta:
        additional_properties = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locale"].choices = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


class LegalAidSubmittedSerializer(serializers.Serializer):
    reference = ReferenceField()
    secret = serializers.CharField(
        min_length=32,
        help_text=_lazy("Shown only this once: with the reference, it gives the request's status."),
    )
    status = InlineChoiceField(choices=CaseStatus.choices, help_text=_lazy("Where the request stands: new."))
    message = serializers.CharField(help_text=_lazy("What to tell the requester, in their language."))

    class Meta:
        additional_properties = False


class UploadField(serializers.FileField):
    """A file sent in a multipart body."""

    def openapi_schema(self):
        return {"type": "string", "format": "binary"}


class AnyTextField(serializers.CharField):
    """Text as it was sent, NUL characters and spaces included: what cannot be a reference is
    simply not found (the same answer as a wrong secret)."""

    def __init__(self, **kwargs):
        super().__init__(trim_whitespace=False, **kwargs)
        self.validators = [
            validator
            for validator in self.validators
            if not isinstance(validator, ProhibitNullCharactersValidator)
        ]


class LegalAidStatusQuerySerializer(serializers.Serializer):
    """What a status check is sent: the reference and the secret given with it."""

    reference = AnyTextField(min_length=1, help_text=_lazy("The reference, e.g. LA-7KQ2-M9XD."))
    secret = AnyTextField(min_length=1, help_text=_lazy("The secret given with it."))


class LegalAidStatusSerializer(serializers.Serializer):
    reference = ReferenceField()
    status = InlineChoiceField(choices=CaseStatus.choices, help_text=_lazy("Where the request stands."))
    status_label = serializers.CharField(help_text=_lazy("The status in the request's language."))

    class Meta:
        additional_properties = False


def _core_answer(core, multipart):
    label = f"“{core.label}”."
    if core.choices is not None:
        return InlineChoiceField(choices=core.choices.values, required=core.required, help_text=label)
    if core.field_type == "checkbox":
        help_text = (
            f"{label} Must be true: no request is kept without consent."
            if core.required
            else f"{label} {ACKNOWLEDGEMENT_HELP}"
        )
        if multipart:
            return InlineChoiceField(choices=CHECKBOX_WORDS, required=core.required, help_text=help_text)
        return serializers.BooleanField(required=core.required, help_text=help_text)
    if core.field_type == "date":
        return serializers.DateField(
            required=core.required, help_text=f"{label} YYYY-MM-DD, not in the future."
        )
    return serializers.CharField(
        max_length=MAX_TEXT[core.field_type],
        required=core.required,
        allow_blank=not core.required,
        help_text=label,
    )


@functools.cache
def answers_serializer(multipart=False):
    """The answers, by key: the core fields with their types, and any other field of the form.

    Built when first asked for (the labels are translated texts), once per kind of body.
    """
    fields = {core.key: _core_answer(core, multipart) for core in (*CORE_FIELDS, ACKNOWLEDGEMENT)}
    fields["website"] = serializers.CharField(
        max_length=0, required=False, allow_blank=True, help_text="The honeypot: send it empty."
    )
    if multipart:
        other = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
        fields["attachments"] = serializers.ListField(
            child=UploadField(),
            required=False,
            max_length=settings.LEGAL_AID_MAX_FILES,
            help_text=f"At most {settings.LEGAL_AID_MAX_FILES} files of "
            f"{settings.LEGAL_AID_MAX_FILE_BYTES // (1024 * 1024)} MB each: PDFs, images, sounds or videos "
            "(read from their bytes, see `attachments.types` of the form).",
        )
    else:
        other = {
            "anyOf": [
                {"type": "string"},
                {"type": "number"},
                {"type": "boolean"},
                {"type": "array", "items": {"type": "string"}},
            ]
        }
    meta = type(
        "Meta",
        (),
        {
            "additional_properties": {
                **other,
                "description": "The answer to another field of the form, by its key.",
            }
        },
    )
    name = "LegalAidAnswersMultipartSerializer" if multipart else "LegalAidAnswersSerializer"
    doc = (
        "The answers by field key (`fields[].key` of the form): the core fields below and the form's other "
        "fields. The form's schema says which are required."
        + (" A field with several values (checkboxes) is repeated." if multipart else "")
    )
    return type(name, (serializers.Serializer,), {**fields, "Meta": meta, "__doc__": doc})
