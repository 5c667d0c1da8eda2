"""Building blocks of the API's OpenAPI description: schemas and parameters every app describes
its endpoints with (``obj``, ``array``, ``nullable``, ``ERROR``, ``locale_parameter()``…).

They import nothing of ours, so any module may use them at import time: a field describes its
JSON with an ``openapi_schema()`` method (see :class:`api.api_fields.ReadOnlyAPIField`), an
endpoint its answers with ``extend_schema`` (``@extend_schema_actions(listing_view=…)`` for
Wagtail's actions). :mod:`api.schema` turns them into the description.

Generate it with ``python manage.py spectacular --validate --fail-on-warn`` or read it at
``/api/schema/`` (documentation page at ``/api/schema/docs/``).
"""

import re

from drf_spectacular.drainage import isolate_view_method
from drf_spectacular.utils import OpenApiParameter

from django.conf import settings

from api.parameters import LARGEST_NUMBER

# Schemas shared by the endpoints ----------------------------------------------


def nullable(schema):
    return {**schema, "nullable": True}


def obj(properties, required=None, **extra):
    """An object schema; every property is required unless ``required`` says otherwise."""
    schema = {"type": "object", "properties": properties, **extra}
    required = list(properties) if required is None else list(required)
    if required:
        schema["required"] = required
    return schema


def array(items):
    return {"type": "array", "items": items}


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
NUMBER = {"type": "number"}
BOOLEAN = {"type": "boolean"}
URL = {"type": "string", "format": "uri"}
DATE = {"type": "string", "format": "date"}
DATETIME = {"type": "string", "format": "date-time"}
ANY = {}


def language_codes():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


LANGUAGE = {"type": "string", "enum": language_codes(), "description": "A content language."}

ERROR = obj(
    {
        "status": {"type": "integer", "description": "The HTTP status, repeated."},
        "code": {
            "type": "string",
            "description": "What went wrong, for programs: invalid_parameter, invalid, not_found, "
            "method_not_allowed, throttled, permission_denied…",
        },
        "message": {"type": "string", "description": "What went wrong, in the request's language."},
        "errors": {
            "type": "object",
            "description": "The messages about each parameter or field, by its name.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    }
)

PAGE_SUMMARY = obj(
    {
        "id": INTEGER,
        "title": STRING,
        "url": nullable({"type": "string", "description": "The page's address on the site."}),
        "type": {"type": "string", "description": "The page type, e.g. publications.PublicationPage."},
    }
)

RENDITION = obj(
    {"url": STRING, "width": INTEGER, "height": INTEGER, "alt": STRING}, required=["url", "width", "height"]
)
IMAGE = obj(
    {
        "id": INTEGER,
        "title": STRING,
        "alt": STRING,
        "credit": STRING,
        "renditions": obj({"thumbnail": RENDITION, "medium": RENDITION, "large": RENDITION}),
    }
)

STREAM = array(
    obj(
        {
            "type": {"type": "string", "description": "The block type."},
            "value": {"description": "The block's value: text, a number, an object or a list, by type."},
            "id": STRING,
        },
        required=["type", "value"],
    )
)


def listing(item):
    """Wagtail's ``{"meta": {"total_count"}, "items"}`` around ``item``."""
    return obj({"meta": obj({"total_count": INTEGER}), "items": array(item)})


# Query parameters shared by the listings (api/contract.py checks them).


def locale_parameter(description="The language of the answer: items in it, texts and labels in it."):
    return OpenApiParameter("locale", str, enum=language_codes(), description=description)


def fields_parameter():
    return OpenApiParameter(
        "fields",
        str,
        description="The fields of each item: `a,b` adds fields, `-a` removes one, `*` gives all, "
        "`_,a,b` gives only a and b.",
    )


def window_parameters(maximum=None):
    maximum = maximum or settings.WAGTAILAPI_LIMIT_MAX
    return [
        OpenApiParameter(
            "limit",
            {"type": "integer", "minimum": 0, "maximum": maximum},
            description=f"How many items (at most {maximum}).",
        ),
        OpenApiParameter(
            "offset",
            {"type": "integer", "minimum": 0, "maximum": LARGEST_NUMBER},
            description="How many items to skip.",
        ),
    ]


def list_parameter(name, description, enum=None, numbers=False):
    """A filter taking one value or several separated by commas."""
    if numbers and not enum:
        schema = {"type": "string", "pattern": r"^[0-9]{1,9}(,[0-9]{1,9})*$"}
        description = f"{description} Several numbers may be separated by commas."
    elif enum:
        values = "|".join(re.escape(str(value)) for value in enum)
        pattern = rf"^({values})(,({values}))*$"
        schema = {"type": "string", "pattern": pattern}
        description = (
            f"{description} One of {', '.join(str(value) for value in enum)}, or several separated by commas."
        )
    else:
        schema = {"type": "string", "minLength": 1}
        description = f"{description} Several values may be separated by commas."
    return OpenApiParameter(name, schema, description=description, explode=False)


def extend_schema_actions(**actions):
    """``extend_schema_view`` for Wagtail's actions (``listing_view=extend_schema(...)``, ``detail_view=…``).

    drf-spectacular's own decorator only knows REST framework's action names.
    """

    def decorator(view):
        for name, method_decorator in actions.items():
            method_decorator(isolate_view_method(view, name))
        return view

    return decorator
