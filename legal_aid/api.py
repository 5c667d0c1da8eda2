"""The headless request form: /api/v2/legal-aid/…

* ``GET  forms/<page_id>/?locale=fr``  the form's schema (in the translation of ?locale= if given)
* ``POST forms/<page_id>/?locale=fr``  a request, as JSON or multipart (files under ``attachments``)
* ``POST status/``                     ``{"reference", "secret"}``: the request's status, nothing else

Every error has one shape, in the request's language (``?locale=`` or
Accept-Language): ``{"status", "code", "message", "errors": {field: [...]}}``.
The POST endpoints are for a front end on another origin: no session, no
CSRF token; each is rate-limited per client address (hashed, never stored).
"""

import json
import re

import filetype
from django_ratelimit.core import is_ratelimited

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFilesSent
from django.db import DatabaseError
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from wagtail.models import Locale

from legal_aid.crypto import keyed_hash
from legal_aid.forms import MAX_TEXT
from legal_aid.models import CaseStatus, LegalAidRequestPage
from legal_aid.models.choices import CORE_FIELDS_BY_KEY
from legal_aid.services import StorageUnavailable, Upload, check_status, submit_request

HONEYPOT = "website"
ATTACHMENTS = "attachments"
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
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
MULTIPLE = {"checkboxes", "multiselect"}


class APIError(Exception):
    def __init__(self, status, code, message, errors=None):
        super().__init__(message)
        self.status, self.code, self.message, self.errors = status, code, message, errors or {}

    def response(self):
        return JsonResponse(
            {"status": self.status, "code": self.code, "message": str(self.message), "errors": self.errors},
            status=self.status,
        )


def client_key(group, request):
    """The client's address, HMAC'd with SECRET_KEY: counts requests without knowing who sent them."""
    return keyed_hash(request.META.get("REMOTE_ADDR", ""), "ratelimit")


def request_language(request):
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    asked = request.GET.get("locale")
    if asked is not None:
        if asked not in codes:
            raise APIError(
                400,
                "invalid_locale",
                _("locale: “%(locale)s” is not one of %(codes)s.")
                % {"locale": asked, "codes": ", ".join(codes)},
            )
        return asked
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in codes else settings.LANGUAGE_CODE


def api_view(*methods):
    """A JSON endpoint without session or CSRF, whose errors are APIErrors in the request's language."""

    def decorator(view):
        @csrf_exempt
        @require_http_methods(methods)
        def wrapped(request, *args, **kwargs):
            language = settings.LANGUAGE_CODE
            try:
                language = request_language(request)
                with translation.override(language):
                    return view(request, language, *args, **kwargs)
            except APIError as error:
                with translation.override(language):
                    return error.response()

        return wrapped

    return decorator


def rate_limit(request, group, rate):
    if is_ratelimited(request, group=group, key=client_key, rate=rate, increment=True):
        raise APIError(
            429, "rate_limited", _("Too many requests from your connection. Wait a while and try again.")
        )


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


def schema(request, page):
    form = page.get_form(page=page)
    fields = [field_schema(page, field, form.fields[field.clean_name]) for field in page.get_form_fields()]
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


def read_body(request):
    """(values, files) of a JSON or multipart request."""
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
            except (ValueError, UnicodeDecodeError):
                raise APIError(400, "malformed", _("The request is not valid JSON.")) from None
            if not isinstance(values, dict):
                raise APIError(400, "malformed", _("Send the answers as a JSON object."))
            return values, []
        if content_type == "multipart/form-data":
            values = {
                key: request.POST.getlist(key)
                if len(request.POST.getlist(key)) > 1
                else request.POST.get(key)
                for key in request.POST
            }
            return values, request.FILES.getlist(ATTACHMENTS)
    except (RequestDataTooBig, TooManyFilesSent):
        raise too_large() from None
    raise APIError(
        415, "unsupported_media_type", _("Send the request as application/json or multipart/form-data.")
    )


def form_data(page, values):
    """The answers as the Django form reads them, with type errors for values of the wrong JSON type."""
    data, errors = {}, {}
    for field in page.get_form_fields():
        key = field.clean_name
        if key not in values or values[key] is None:
            continue
        value = values[key]
        if field.field_type == "checkbox":
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
        elif field.field_type in MULTIPLE:
            items = value if isinstance(value, list) else [value]
            if not all(isinstance(item, str) for item in items):
                errors[key] = [_("Give a list of choices.")]
            else:
                data[key] = items
        elif isinstance(value, str) or (field.field_type == "number" and isinstance(value, int | float)):
            if isinstance(value, bool):
                errors[key] = [_("Give a number.")]
            elif isinstance(value, str) and HTML_TAG.search(value):
                errors[key] = [_("Write plain text, without HTML tags or scripts.")]
            else:
                data[key] = str(value)
        else:
            errors[key] = [_("Give a number.") if field.field_type == "number" else _("Give text.")]
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


@api_view("GET", "POST")
def form_view(request, language, page_id):
    if request.method == "GET":
        return JsonResponse(schema(request, form_page(request, page_id, language)))
    rate_limit(request, "legal_aid.submit", settings.LEGAL_AID_SUBMIT_RATE)
    page = form_page(request, page_id, language)
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
            ("non_field_errors" if key == "__all__" else key): messages for key, messages in errors.items()
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
    return JsonResponse(
        {
            "reference": submitted.case.reference,
            "secret": submitted.secret,
            "status": submitted.case.status,
            "message": _(
                "Your request was received. Keep the reference and the secret: with them you can check its "
                "status. The secret is shown only this once."
            ),
        },
        status=201,
    )


@api_view("POST")
def status_view(request, language):
    rate_limit(request, "legal_aid.status", settings.LEGAL_AID_STATUS_RATE)
    values, _files = read_body(request)
    reference, secret = values.get("reference"), values.get("secret")
    if not isinstance(reference, str) or not isinstance(secret, str) or not reference or not secret:
        raise APIError(
            400,
            "invalid",
            _("Give the reference and the secret of the request."),
            {
                key: [_("This field is required.")]
                for key in ("reference", "secret")
                if not isinstance(values.get(key), str) or not values.get(key)
            },
        )
    status = check_status(reference, secret)
    if status is None:
        raise APIError(404, "not_found", _("No request matches this reference and secret."))
    return JsonResponse(
        {
            "reference": reference.strip().upper(),
            "status": status,
            "status_label": str(CaseStatus(status).label),
        }
    )


class LegalAidAPIViewSet:
    """Mounts the views above in the API router at /api/v2/legal-aid/. It serves no model."""

    model = type("NoModel", (), {})

    @classmethod
    def openapi(cls, prefix):
        """Its paths under ``prefix`` and their schemas, for the OpenAPI description (see api_schema.py)."""
        from legal_aid.api_schema import operations

        return operations(prefix)

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("forms/<int:page_id>/", form_view, name="form"),
            path("status/", status_view, name="status"),
        ]
