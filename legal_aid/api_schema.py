"""The OpenAPI description of the legal-assistance endpoints (legal_aid/api.py).

Those endpoints are plain Django views (no session, no CSRF, their own rate limits), which
drf-spectacular cannot read: :meth:`LegalAidAPIViewSet.openapi` hands this description to
``cms.openapi.add_plain_endpoints``, which puts it under the endpoint's address in the router.
"""

from django.conf import settings

from home.api_contract import LARGEST_NUMBER
from home.openapi import BOOLEAN, INTEGER, LANGUAGE, STRING, URL, array, language_codes, obj
from legal_aid.forms import MAX_TEXT
from legal_aid.models.cases import REFERENCE_PATTERN
from legal_aid.models.choices import CORE_FIELDS, CaseStatus

TAG = "legal-aid"
ERROR_REF = {"$ref": "#/components/schemas/Error"}
MULTIPLE_TYPES = ("checkboxes", "multiselect")
CHOICE_TYPES = ("dropdown", "radio", *MULTIPLE_TYPES)
CHECKBOX_WORDS = ["true", "on", "1", "yes", "false", "", "0", "no"]
REFERENCE = {
    "type": "string",
    "pattern": REFERENCE_PATTERN.pattern.replace("\\Z", "$"),
    "description": "The request's reference, e.g. LA-7KQ2-M9XD.",
    "example": "LA-7KQ2-M9XD",
}
STATUS = {"type": "string", "enum": CaseStatus.values, "description": "Where the request stands."}


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def field_types():
    """The types a field of the form may have (Wagtail's form fields)."""
    from legal_aid.models import LegalAidFormField

    return [value for value, _label in LegalAidFormField._meta.get_field("field_type").choices]


def core_keys():
    return [core.key for core in CORE_FIELDS]


# The form's schema -------------------------------------------------------------------


def form_field():
    return obj(
        {
            "key": {
                "type": "string",
                "description": "The name the answer is sent under, the same in every language. "
                f"Every form has the core fields {', '.join(core_keys())}.",
            },
            "type": {"type": "string", "enum": field_types(), "description": "Wagtail's type of form field."},
            "label": STRING,
            "help_text": STRING,
            "required": BOOLEAN,
            "core": {
                "type": "boolean",
                "description": "Whether case handling needs this field (one of the core fields); its key "
                "and type never change.",
            },
            "choices": {
                **array(obj({"value": STRING, "label": STRING}, additionalProperties=False)),
                "description": f"The values to choose from (types {', '.join(CHOICE_TYPES)} only): the value "
                f"is sent, the label shown. Types {', '.join(MULTIPLE_TYPES)} take a list of values.",
            },
            "max_length": {
                "type": "integer",
                "enum": sorted(set(MAX_TEXT.values())),
                "description": f"The longest answer, in characters (types {', '.join(MAX_TEXT)} only).",
            },
            "format": {
                "type": "string",
                "enum": ["YYYY-MM-DD"],
                "description": "How a date is written (type date only); it may not be in the future.",
            },
            "default": {
                "type": "string",
                "description": "The answer to start with; for preferred_language, the form's language.",
            },
        },
        required=["key", "type", "label", "help_text", "required", "core"],
        additionalProperties=False,
        description="A field of the request form with its validation rules: `required`, `choices`, "
        "`max_length`, `format`. Checkbox answers are true or false; HTML tags are refused in text.",
    )


def form():
    return obj(
        {
            "id": INTEGER,
            "locale": LANGUAGE,
            "title": STRING,
            "intro": {"type": "string", "description": "What happens to a request; whom to call instead."},
            "thank_you_text": {"type": "string", "description": "To show next to the reference and secret."},
            "fields": array(ref("LegalAidFormField")),
            "honeypot": {
                "type": "string",
                "enum": ["website"],
                "description": "A field to hide from people and send empty: a request with it filled is refused.",
            },
            "attachments": obj(
                {
                    "field": {
                        "type": "string",
                        "enum": ["attachments"],
                        "description": "The multipart field.",
                    },
                    "max_files": INTEGER,
                    "max_file_bytes": INTEGER,
                    "max_total_bytes": {
                        "type": "integer",
                        "description": "The largest request, files included.",
                    },
                    "types": array({"type": "string", "enum": allowed_types()}),
                },
                additionalProperties=False,
            ),
            "submit_url": {**URL, "description": "Where to POST a request (this address)."},
            "status_url": {**URL, "description": "Where to POST a reference and secret for the status."},
        },
        additionalProperties=False,
        description="A request form, in the language asked for when it is translated into it.",
    )


def allowed_types():
    from legal_aid.api import ALLOWED_TYPES

    return sorted(ALLOWED_TYPES)


# A submission -------------------------------------------------------------------------

CORE_ANSWERS = {
    "singleline": {"type": "string", "maxLength": MAX_TEXT["singleline"]},
    "multiline": {"type": "string", "maxLength": MAX_TEXT["multiline"]},
    "date": {"type": "string", "format": "date", "description": "YYYY-MM-DD, not in the future."},
}


def core_answer(core, multipart):
    if core.choices is not None:
        schema = {"type": "string", "enum": core.choices.values}
    elif core.field_type == "checkbox":
        schema = {"type": "string", "enum": CHECKBOX_WORDS} if multipart else dict(BOOLEAN)
        schema["description"] = "Must be true: no request is kept without consent."
    else:
        schema = dict(CORE_ANSWERS[core.field_type])
    extra = schema.get("description")
    return {**schema, "description": f"“{core.label}”." + (f" {extra}" if extra else "")}


def answers(multipart=False):
    """The answers, by key: the core fields with their types, and any other field of the form."""
    properties = {core.key: core_answer(core, multipart) for core in CORE_FIELDS}
    properties["website"] = {"type": "string", "maxLength": 0, "description": "The honeypot: send it empty."}
    if multipart:
        other = {"anyOf": [STRING, array(STRING)]}
        properties["attachments"] = {
            **array({"type": "string", "format": "binary"}),
            "maxItems": settings.LEGAL_AID_MAX_FILES,
            "description": f"At most {settings.LEGAL_AID_MAX_FILES} files of "
            f"{settings.LEGAL_AID_MAX_FILE_BYTES // (1024 * 1024)} MB each: PDFs, images, sounds or videos "
            "(read from their bytes, see `attachments.types` of the form).",
        }
    else:
        other = {"anyOf": [STRING, {"type": "number"}, BOOLEAN, array(STRING)]}
    return obj(
        properties,
        required=[core.key for core in CORE_FIELDS if core.required],
        additionalProperties={**other, "description": "The answer to another field of the form, by its key."},
        description="The answers by field key (`fields[].key` of the form): the core fields below and the "
        "form's other fields. The form's schema says which are required."
        + (" A field with several values (checkboxes) is repeated." if multipart else ""),
    )


def submitted():
    return obj(
        {
            "reference": REFERENCE,
            "secret": {
                "type": "string",
                "minLength": 32,
                "description": "Shown only this once: with the reference, it gives the request's status.",
            },
            "status": {**STATUS, "description": "Where the request stands: new."},
            "message": {"type": "string", "description": "What to tell the requester, in their language."},
        },
        additionalProperties=False,
    )


def status_query():
    return obj(
        {
            "reference": {
                "type": "string",
                "minLength": 1,
                "description": "The reference, e.g. LA-7KQ2-M9XD.",
            },
            "secret": {"type": "string", "minLength": 1, "description": "The secret given with it."},
        }
    )


def status_answer():
    return obj(
        {
            "reference": REFERENCE,
            "status": STATUS,
            "status_label": {"type": "string", "description": "The status in the request's language."},
        },
        additionalProperties=False,
    )


# The operations --------------------------------------------------------------------------


def error(description):
    return {"content": {"application/json": {"schema": ERROR_REF}}, "description": description}


def locale_parameter(description):
    return {
        "in": "query",
        "name": "locale",
        "schema": {"type": "string", "enum": language_codes()},
        "description": description,
    }


def rate_limited(setting):
    return error(
        f"Too many requests from this connection (at most {getattr(settings, setting)}): wait and try again."
    )


TOO_LARGE = "The request is too large (see `attachments` of the form)."
UNSUPPORTED = "The body is neither application/json nor multipart/form-data."


def operations(prefix):
    """The paths of the endpoint mounted at ``prefix`` (/api/v2/legal-aid/) and their schemas."""
    page_id = {
        "in": "path",
        "name": "page_id",
        "required": True,
        "schema": {"type": "integer", "minimum": 1, "maximum": LARGEST_NUMBER},
        "description": "The request form page's id (`form_schema_url` of the page in the pages endpoint).",
    }
    form_path = {
        "get": {
            "operationId": "legal_aid_form_retrieve",
            "summary": "A request form: its fields, choices and validation rules",
            "tags": [TAG],
            "parameters": [
                page_id,
                locale_parameter("The form's translation into this language, if it has one; messages in it."),
            ],
            "responses": {
                "200": {
                    "content": {"application/json": {"schema": ref("LegalAidForm")}},
                    "description": "The form.",
                },
                "400": error("`locale` is not a content language."),
                "404": error("There is no live, public request form with this id."),
            },
        },
        "post": {
            "operationId": "legal_aid_form_submit",
            "summary": "Send a request for legal assistance",
            "description": "The answers as JSON, or as multipart/form-data with files under `attachments`. "
            "The answer gives a reference and a secret, shown only this once.",
            "tags": [TAG],
            "parameters": [
                page_id,
                locale_parameter("The language of the form to answer (its translation) and of messages."),
            ],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": ref("LegalAidAnswers")},
                    "multipart/form-data": {
                        "schema": ref("LegalAidAnswersMultipart"),
                        "encoding": {"attachments": {"contentType": ", ".join(allowed_types())}},
                    },
                },
            },
            "responses": {
                "201": {
                    "content": {"application/json": {"schema": ref("LegalAidSubmitted")}},
                    "description": "The request was kept, encrypted.",
                },
                "400": error(
                    "Some answers need correcting (`errors` by field key, `attachments`, `non_field_errors`), "
                    "the body is not a JSON object, or `locale` is not a content language."
                ),
                "404": error("There is no live, public request form with this id."),
                "413": error(TOO_LARGE),
                "415": error(UNSUPPORTED),
                "429": rate_limited("LEGAL_AID_SUBMIT_RATE"),
                "503": error("The request could not be kept (storage unavailable); nothing was: try again."),
            },
        },
    }
    status_path = {
        "post": {
            "operationId": "legal_aid_status",
            "summary": "The status of a request, from its reference and secret",
            "tags": [TAG],
            "parameters": [locale_parameter("The language of `status_label` and of messages.")],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": ref("LegalAidStatusQuery")},
                    "multipart/form-data": {"schema": ref("LegalAidStatusQuery")},
                },
            },
            "responses": {
                "200": {
                    "content": {"application/json": {"schema": ref("LegalAidStatus")}},
                    "description": "The status, nothing else of the request.",
                },
                "400": error(
                    "The reference or the secret is missing, or `locale` is not a content language."
                ),
                "404": error("No request has this reference and secret (the same answer for either)."),
                "413": error(TOO_LARGE),
                "415": error(UNSUPPORTED),
                "429": rate_limited("LEGAL_AID_STATUS_RATE"),
            },
        }
    }
    paths = {f"{prefix}forms/{{page_id}}/": form_path, f"{prefix}status/": status_path}
    components = {
        "LegalAidFormField": form_field(),
        "LegalAidForm": form(),
        "LegalAidAnswers": answers(),
        "LegalAidAnswersMultipart": answers(multipart=True),
        "LegalAidSubmitted": submitted(),
        "LegalAidStatusQuery": status_query(),
        "LegalAidStatus": status_answer(),
    }
    return paths, components
