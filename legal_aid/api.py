"""The headless request form: /api/v2/legal-aid/…

* ``GET  forms/<page_id>/?locale=fr``  the form's schema (in the translation of ?locale= if given)
* ``POST forms/<page_id>/?locale=fr``  a request, as JSON or multipart (files under ``attachments``)
* ``POST status/``                     ``{"reference", "secret"}``: the request's status, nothing else

REST framework views on the API's contract: the one error body (``{"status", "code", "message",
"errors": {field: [...]}}``, in the request's language: ``?locale=`` or Accept-Language), the
throttle scopes ``legal_aid_submit`` and ``legal_aid_status`` of ``API_THROTTLE_RATES`` (per
client, hashed, never stored), described by drf-spectacular from the serializers of
``api_fields.py``. The POST endpoints are for a front end on another origin or the public site's
servers: no session, so no CSRF token.
"""

import json
import re

import filetype
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import viewsets
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import DatabaseError
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from wagtail.models import Locale

from api.contract import APIError, PublicFormMixin
from api.openapi import locale_parameter
from api.parameters import LARGEST_NUMBER
from api.throttling import ClientThrottle
from legal_aid.api_fields import (
    LegalAidFormSerializer,
    LegalAidStatusQuerySerializer,
    LegalAidStatusSerializer,
    LegalAidSubmittedSerializer,
    answers_serializer,
)
from legal_aid.forms import ALLOWED_TYPES, MAX_TEXT
from legal_aid.models import CaseStatus, LegalAidRequest, LegalAidRequestPage
from legal_aid.models.choices import ACKNOWLEDGEMENT, CORE_FIELDS_BY_KEY
from legal_aid.services import StorageUnavailable, Upload, check_status, submit_request

HONEYPOT = "website"
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
ATTACHMENTS = "attachments"
MULTIPLE = {"checkboxes", "multiselect"}
# A multipart body with more fields than this is refused (a form has a few dozen at most).
MAX_FIELDS = 200
# A JSON body nested deeper than this is refused.
MAX_JSON_DEPTH = 64


def form_page(request, page_id, language):
    """The live, public request form with this id; with ?locale=, its live translation in that language if any."""
    page = LegalAidRequestPage.objects.live().public().filter(pk=page_id).first()
    if page is not None and "locale" in request.GET and page.locale.language_code != language:
        locale = Locale.objects.filter(language_code=language).first()
        translated = page.get_translation_or_none(locale) if locale else None
        if translated is not None and translated.live:
            page = translated
    if page is None:
        raise APIError(404, "not_found", _("There is no such form."))
    return page


# The schema ------------------------------------------------------------------------


def field_schema(page, field, django_field):
    core = CORE_FIELDS_BY_KEY.get(field.clean_name)
    schema = {
        "key": field.clean_name,
        "type": field.field_type,
        "label": field.label,
        "help_text": field.help_text,
        "required": django_field.required,
        "core": core is not None,
    }
    if hasattr(django_field, "choices"):
        schema["choices"] = [{"value": value, "label": str(label)} for value, label in django_field.choices]
    if field.field_type in MAX_TEXT:
        schema["max_length"] = MAX_TEXT[field.field_type]
    if field.field_type == "date":
        schema["format"] = "YYYY-MM-DD"
    if field.default_value:
        schema["default"] = field.default_value
    if field.clean_name == "preferred_language":
        schema["default"] = page.locale.language_code
    return schema


def acknowledgement_schema():
    """The box every form ends with: unticked, no email reaches the requester."""
    return {
        "key": ACKNOWLEDGEMENT.key,
        "type": ACKNOWLEDGEMENT.field_type,
        "label": str(ACKNOWLEDGEMENT.label),
        "help_text": str(ACKNOWLEDGEMENT.help_text),
        "required": False,
        "core": True,
    }


def schema(request, page):
    form = page.get_form(page=page)
    fields = [field_schema(page, field, form.fields[field.clean_name]) for field in page.get_form_fields()]
    fields.append(acknowledgement_schema())
    return {
        "id": page.pk,
        "locale": page.locale.language_code,
        "title": page.title,
        "intro": page.intro,
        "thank_you_text": page.thank_you_text,
        "fields": fields,
        "honeypot": HONEYPOT,
        "attachments": {
            "field": ATTACHMENTS,
            "max_files": settings.LEGAL_AID_MAX_FILES,
            "max_file_bytes": settings.LEGAL_AID_MAX_FILE_BYTES,
            "max_total_bytes": settings.LEGAL_AID_MAX_BODY_BYTES,
            "types": sorted(ALLOWED_TYPES),
        },
        "submit_url": request.build_absolute_uri(reverse("wagtailapi:legal-aid:form", args=[page.pk])),
        "status_url": request.build_absolute_uri(reverse("wagtailapi:legal-aid:status")),
    }


# A submission ------------------------------------------------------------------------


def too_large(message=None):
    return APIError(
        413,
        "too_large",
        message or _("The request is too large: send fewer or smaller files."),
    )


@sensitive_variables()
def read_body(request):
    """(values, files) of a JSON or multipart request."""
    request = getattr(request, "_request", request)  # the body as it came, not REST framework's parsing
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit():
        raise APIError(400, "invalid", _("The request has no valid length."))
    if int(length) > settings.LEGAL_AID_MAX_BODY_BYTES:
        raise too_large()
    content_type = request.content_type or ""
    try:
        if content_type == "application/json":
            try:
                values = json.loads(request.body or b"null")
            except (ValueError, UnicodeDecodeError, RecursionError):
                raise APIError(400, "malformed", _("The request is not valid JSON.")) from None
            if _deeper_than(values, MAX_JSON_DEPTH):
                raise APIError(400, "malformed", _("The request is not valid JSON.")) from None
            if not isinstance(values, dict):
                raise APIError(400, "malformed", _("Send the answers as a JSON object."))
            return values, []
        if content_type == "multipart/form-data":
            if len(request.POST) > MAX_FIELDS:
                raise too_large(_("The request has too many fields."))
            values = {
                key: request.POST.getlist(key)
                if len(request.POST.getlist(key)) > 1
                else request.POST.get(key)
                for key in request.POST
            }
            if any("\ufffd" in item for value in values.values() for item in _as_list(value)):
                # Django decodes a field that is not UTF-8 with replacement characters: refuse
                # rather than keep a request whose words were changed.
                raise APIError(400, "malformed", _("The request is not valid UTF-8 text."))
            return values, request.FILES.getlist(ATTACHMENTS)
    except (RequestDataTooBig, TooManyFilesSent, TooManyFieldsSent):
        raise too_large() from None
    raise APIError(
        415, "unsupported_media_type", _("Send the request as application/json or multipart/form-data.")
    )


@sensitive_variables()
def form_data(page, values):
    """The answers as the Django form reads them, with type errors for values of the wrong JSON type."""
    data, errors = {}, {}
    fields = [(field.clean_name, field.field_type) for field in page.get_form_fields()]
    fields.append((ACKNOWLEDGEMENT.key, ACKNOWLEDGEMENT.field_type))
    for key, field_type in fields:
        if key not in values or values[key] is None:
            continue
        value = values[key]
        if field_type == "checkbox":
            if isinstance(value, bool):
                data[key] = "on" if value else ""
            elif isinstance(value, str) and value.lower() in (
                "true",
                "on",
                "1",
                "yes",
                "false",
                "",
                "0",
                "no",
            ):
                data[key] = "on" if value.lower() in ("true", "on", "1", "yes") else ""
            else:
                errors[key] = [_("Give true or false.")]
        elif field_type in MULTIPLE:
            items = value if isinstance(value, list) else [value]
            if not all(isinstance(item, str) for item in items):
                errors[key] = [_("Give a list of choices.")]
            else:
                data[key] = items
        elif isinstance(value, str) or (field_type == "number" and isinstance(value, int | float)):
            if isinstance(value, bool):
                errors[key] = [_("Give a number.")]
            elif isinstance(value, str) and HTML_TAG.search(value):
                errors[key] = [_("Write plain text, without HTML tags or scripts.")]
            else:
                data[key] = str(value)
        else:
            errors[key] = [_("Give a number.") if field_type == "number" else _("Give text.")]
    return data, errors


def check_uploads(files):
    if len(files) > settings.LEGAL_AID_MAX_FILES:
        raise APIError(
            400,
            "invalid",
            _("Too many files."),
            {ATTACHMENTS: [_("Send at most %(count)s files.") % {"count": settings.LEGAL_AID_MAX_FILES}]},
        )
    uploads = []
    for file in files:
        if file.size > settings.LEGAL_AID_MAX_FILE_BYTES:
            raise APIError(
                413,
                "too_large",
                _("A file is too large."),
                {
                    ATTACHMENTS: [
                        _("“%(name)s” is larger than %(size)s MB.")
                        % {"name": file.name, "size": settings.LEGAL_AID_MAX_FILE_BYTES // (1024 * 1024)}
                    ]
                },
            )
        data = file.read()
        kind = filetype.guess(data)
        if kind is None or kind.mime not in ALLOWED_TYPES:
            raise APIError(
                400,
                "invalid",
                _("A file is of a type we do not accept."),
                {
                    ATTACHMENTS: [
                        _("“%(name)s” is not a PDF, an image, a sound or a video file.") % {"name": file.name}
                    ]
                },
            )
        uploads.append(Upload(name=file.name[:200], content_type=kind.mime, data=data))
    return uploads


def _as_list(value):
    return value if isinstance(value, list) else [value]


def _deeper_than(value, depth):
    """Whether a JSON value nests lists and objects more than ``depth`` deep (without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            if level > depth:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return False


# The endpoint --------------------------------------------------------------------------------


def _error(description):
    return OpenApiResponse(response={"$ref": "#/components/schemas/Error"}, description=description)


FORM_LOCALE = locale_parameter("The form's translation into this language, if it has one; messages in it.")
STATUS_LOCALE = locale_parameter("The language of `status_label` and of messages.")
PAGE_ID = OpenApiParameter(
    "page_id",
    {"type": "integer", "minimum": 1, "maximum": LARGEST_NUMBER},
    location=OpenApiParameter.PATH,
    description="The request form page's id (`form_schema_url` of the page in the pages endpoint).",
)
TOO_LARGE = "The request is too large (see `attachments` of the form)."
UNSUPPORTED = "The body is neither application/json nor multipart/form-data."


def _rate(scope):
    return settings.API_THROTTLE_RATES.get(scope)


class LegalAidAPIViewSet(PublicFormMixin, viewsets.ViewSet):
    """Mounted in the API router at /api/v2/legal-aid/: it makes legal-assistance requests."""

    model = LegalAidRequest  # what the router asks of every endpoint
    # No session, so no CSRF: the form is posted by a front end's servers or from another origin.
    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = (ClientThrottle,)
    throttle_scopes = {"submit": "legal_aid_submit", "status": "legal_aid_status"}

    @property
    def throttle_scope(self):
        return self.throttle_scopes.get(getattr(self, "action", None))

    # No field of a request (or of a status check) in any error report (legal_aid.error_reports).
    @method_decorator(sensitive_post_parameters())
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    @extend_schema(
        operation_id="legal_aid_form_retrieve",
        summary="A request form: its fields, choices and validation rules",
        tags=["legal-aid"],
        parameters=[PAGE_ID, FORM_LOCALE],
        responses={
            200: LegalAidFormSerializer,
            400: _error("`locale` is not a content language."),
            404: _error("There is no live, public request form with this id."),
        },
    )
    def form(self, request, page_id):
        page = form_page(request, page_id, self.language)
        return Response(LegalAidFormSerializer(schema(request, page)).data)

    @extend_schema(
        operation_id="legal_aid_form_submit",
        summary="Send a request for legal assistance",
        description="The answers are checked against the form (in the language of ?locale=), encrypted "
        "and kept; the answer gives the reference and a secret, shown only once, to check its status.",
        tags=["legal-aid"],
        parameters=[PAGE_ID, FORM_LOCALE],
        request={
            "application/json": answers_serializer(),
            "multipart/form-data": answers_serializer(multipart=True),
        },
        responses={
            201: OpenApiResponse(LegalAidSubmittedSerializer, description="The request was kept."),
            400: _error(
                "Some answers need correcting (`errors` by field key, `attachments`, `non_field_errors`), "
                "the body is not a JSON object, or `locale` is not a content language."
            ),
            404: _error("There is no live, public request form with this id."),
            413: _error(TOO_LARGE),
            415: _error(UNSUPPORTED),
            429: _error("Too many requests from this connection: wait for the seconds of `Retry-After`."),
            503: _error("The request could not be kept (storage unavailable); nothing was: try again."),
        },
    )
    @sensitive_variables()
    def submit(self, request, page_id):
        page = form_page(request, page_id, self.language)
        values, files = read_body(request)
        if values.get(HONEYPOT):
            raise APIError(400, "rejected", _("The request was refused."))
        data, type_errors = form_data(page, values)
        form = page.get_form(data, page=page)
        errors = {}
        if not form.is_valid():
            errors = {key: [str(message) for message in messages] for key, messages in form.errors.items()}
        for key, messages in type_errors.items():
            errors[key] = messages
        if errors:
            errors = {
                ("non_field_errors" if key == "__all__" else key): messages
                for key, messages in errors.items()
            }
            raise APIError(400, "invalid", _("Some answers need correcting."), errors)
        uploads = check_uploads(files)
        try:
            submitted = submit_request(page, page.locale.language_code, form.cleaned_data, uploads)
        except (StorageUnavailable, DatabaseError):
            # Nothing was kept (submit_request removed the files it had written): the requester must try again.
            raise APIError(
                503,
                "storage_unavailable",
                _(
                    "Your request could not be saved because of a problem on our side. Nothing was kept: please try again in a few minutes."
                ),
            ) from None
        answer = {
            "reference": submitted.case.reference,
            "secret": submitted.secret,
            "status": submitted.case.status,
            "message": _(
                "Your request was received. Keep the reference and the secret: with them you can check its "
                "status. The secret is shown only this once."
            ),
        }
        return Response(LegalAidSubmittedSerializer(answer).data, status=201)

    @extend_schema(
        operation_id="legal_aid_status",
        summary="The status of a request, from its reference and secret",
        tags=["legal-aid"],
        parameters=[STATUS_LOCALE],
        request={
            "application/json": LegalAidStatusQuerySerializer,
            "multipart/form-data": LegalAidStatusQuerySerializer,
        },
        responses={
            200: OpenApiResponse(
                LegalAidStatusSerializer, description="The status, nothing else of the request."
            ),
            400: _error("The reference or the secret is missing, or `locale` is not a content language."),
            404: _error("No request has this reference and secret (the same answer for either)."),
            413: _error(TOO_LARGE),
            415: _error(UNSUPPORTED),
            429: _error("Too many requests from this connection: wait for the seconds of `Retry-After`."),
        },
    )
    def status(self, request):
        values, _files = read_body(request)
        query = LegalAidStatusQuerySerializer(
            data={key: values.get(key) for key in ("reference", "secret") if isinstance(values.get(key), str)}
        )
        if not query.is_valid():
            raise APIError(
                400,
                "invalid",
                _("Give the reference and the secret of the request."),
                {key: [_("This field is required.")] for key in query.errors},
            )
        reference, secret = query.validated_data["reference"], query.validated_data["secret"]
        status = check_status(reference, secret)
        if status is None:
            raise APIError(404, "not_found", _("No request matches this reference and secret."))
        answer = {
            "reference": reference.strip().upper(),
            "status": status,
            "status_label": str(CaseStatus(status).label),
        }
        return Response(LegalAidStatusSerializer(answer).data)

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("forms/<int:page_id>/", cls.as_view({"get": "form", "post": "submit"}), name="form"),
            path("status/", cls.as_view({"post": "status"}), name="status"),
        ]
