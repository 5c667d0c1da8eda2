"""What every endpoint of the API promises, whichever app it lives in.

* One error body: ``{"status": 400, "code": "invalid_parameter", "message": "…", "errors": {"limit": ["…"]}}``,
  the message in the request's language (``?locale=``, else the ``Accept-Language`` header).
* Pages of at most ``WAGTAILAPI_LIMIT_MAX`` items (``?limit=`` and ``?offset=`` checked the same way everywhere).
* ``?locale=`` checked the same way everywhere: one of the content languages, else a 400.
* ``?fields=`` with Wagtail's syntax (``a,b``, ``-a``, ``*``, ``_,a``) on every listing.

Every endpoint class mixes in :class:`APIContractMixin`; the error body is built by
:func:`exception_handler`, which REST framework calls for any view (a form-submission view too).
"""

import logging
import re

from rest_framework.exceptions import APIException, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import InterfaceError, OperationalError
from django.http import Http404, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError, parse_fields_parameter

from api.caching import DEFAULT_VERSIONS, answer_without_the_view, keep, uncached
from api.parameters import LARGEST_NUMBER, is_whole_number

logger = logging.getLogger(__name__)

# "limit: at most 50" -> {"limit": ["at most 50"]}
_PARAMETER_MESSAGE = re.compile(r"^(?P<name>[a-z_]+)(?: error)?: (?P<message>.+)$", re.DOTALL)


def error_body(status, code, message, errors=None):
    """The one error body of the API."""
    return {"status": status, "code": code, "message": str(message), "errors": errors or {}}


# Wagtail's messages that do not start with the parameter's name.
_WAGTAIL_MESSAGES = {"unknown fields": "fields", "type doesn't exist": "type", "filtering by ": "fields"}


def _parameter_errors(message, request):
    """A message about one query parameter, as that parameter's error."""
    if request is None:
        return {}
    match = _PARAMETER_MESSAGE.match(message)
    if match and match["name"] in request.GET:
        return {match["name"]: [match["message"]]}
    for start, name in _WAGTAIL_MESSAGES.items():
        if message.startswith(start) and name in request.GET:
            return {name: [message]}
    if "nested fields" in message and "fields" in request.GET:
        return {"fields": [message]}
    return {}


def _flatten(detail):
    if isinstance(detail, dict):
        return {name: _flatten(value) for name, value in detail.items()}
    if isinstance(detail, list):
        return [str(item) if not isinstance(item, dict | list) else _flatten(item) for item in detail]
    return [str(detail)]


class APIError(APIException):
    """An error with its status, code, message (in the request's language) and errors by field,
    e.g. ``APIError(413, "too_large", _("The request is too large."), {"attachments": [...]})``."""

    def __init__(self, status, code, message, errors=None, *, retry_after=None):
        super().__init__(detail=str(message), code=code)
        self.status_code, self.code, self.errors, self.wait = status, code, errors or {}, retry_after


# Seconds a client is told to wait when the database cannot be reached.
UNAVAILABLE_RETRY_AFTER = 30


def exception_handler(exc, context):
    """REST framework's EXCEPTION_HANDLER: every expected error as the one error body."""
    request = context.get("request")
    headers = {}
    if isinstance(exc, APIError):
        status, code, message, errors = exc.status_code, exc.code, str(exc.detail), exc.errors
        if exc.wait is not None:
            headers["Retry-After"] = str(max(1, round(exc.wait)))
    elif isinstance(exc, OperationalError | InterfaceError):
        # The database is out of reach (restarting, failing over): nothing was done; try again.
        logger.error("The database could not be reached: %s", exc, exc_info=exc)
        status, code = 503, "unavailable"
        message = _("The service is briefly unavailable. Please try again in a minute.")
        errors, headers["Retry-After"] = {}, str(UNAVAILABLE_RETRY_AFTER)
    elif isinstance(exc, Http404):
        status, code, message, errors = 404, "not_found", _("Nothing was found at this address."), {}
    elif isinstance(exc, BadRequestError):
        status, code, message = 400, "invalid_parameter", str(exc)
        errors = _parameter_errors(message, request)
    elif isinstance(exc, ValidationError):
        status, code = exc.status_code, "invalid"
        message = _("Some of the data sent is not valid.")
        errors = _flatten(exc.detail)
        if not isinstance(errors, dict):
            errors = {"non_field_errors": errors}
    elif isinstance(exc, APIException):
        status, message, errors = exc.status_code, str(exc.detail), {}
        code = exc.default_code
        if getattr(exc, "wait", None) is not None:
            headers["Retry-After"] = str(int(exc.wait))
        if getattr(exc, "auth_header", None):
            headers["WWW-Authenticate"] = exc.auth_header
    elif isinstance(exc, PermissionDenied):
        status, code, message, errors = 403, "permission_denied", _("You may not do this."), {}
    else:
        return None  # a server error: logged, and answered by the 500 handler
    return Response(error_body(status, code, message, errors), status=status, headers=headers)


def server_error(request, *args, **kwargs):
    """handler500 for the API's addresses: the error body rather than an HTML page."""
    from django.views.defaults import server_error as html_server_error

    if request.path.startswith("/api/"):
        message = _("Something went wrong on our side. Please try again later.")
        return JsonResponse(error_body(500, "server_error", message), status=500)
    return html_server_error(request, *args, **kwargs)


def page_not_found(request, exception=None, *args, **kwargs):
    """handler404 for the API's addresses (an unknown endpoint): the error body."""
    from django.views.defaults import page_not_found as html_page_not_found

    if request.path.startswith("/api/"):
        return JsonResponse(error_body(404, "not_found", _("Nothing was found at this address.")), status=404)
    return html_page_not_found(request, exception, *args, **kwargs)


# The public forms (legal assistance, the newsletter) --------------------------


def requested_language(request):
    """The content language of ``?locale=`` (None if it is not one), else the request's language."""
    asked = request.GET.get("locale")
    if asked is not None:
        return asked if asked in content_languages() else None
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in content_languages() else settings.LANGUAGE_CODE


class PublicFormMixin:
    """What the viewsets of the public forms share: the reader's language (``self.language``,
    messages in it), a 400 ``invalid_locale`` for any other ``?locale=``, and a 429
    ``rate_limited`` with ``Retry-After`` past a rate."""

    def dispatch(self, request, *args, **kwargs):
        self.language = requested_language(request)
        with translation.override(self.language or settings.LANGUAGE_CODE):
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        if self.language is None:
            raise APIError(
                400,
                "invalid_locale",
                _("locale: “%(locale)s” is not one of %(codes)s.")
                % {"locale": request.GET["locale"], "codes": ", ".join(content_languages())},
            )
        super().initial(request, *args, **kwargs)

    def throttled(self, request, wait):
        raise APIError(
            429,
            "rate_limited",
            _("Too many requests from your connection. Wait a while and try again."),
            retry_after=wait,
        )


# Query parameters ----------------------------------------------------------


def content_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def check_locale(request):
    """The ``?locale=`` of the request if it is a content language; a 400 if it is any other thing."""
    if "locale" not in request.GET:
        return None
    value = request.GET["locale"]
    if value not in content_languages():
        raise BadRequestError(
            _("locale: “%(value)s” is not one of %(choices)s")
            % {"value": value, "choices": ", ".join(content_languages())}
        )
    return value


def request_language(request):
    """The language asked for with ?locale=, else the request's language, else the default."""
    language = check_locale(request) or translation.get_language() or settings.LANGUAGE_CODE
    language = language.split("-")[0]
    return language if language in content_languages() else settings.LANGUAGE_CODE


def limit_max():
    return settings.WAGTAILAPI_LIMIT_MAX


def whole_number(request, name, default, maximum=None):
    """``?name=`` as a whole number from 0 to ``maximum``, or a 400."""
    raw = str(request.GET.get(name, default)).strip()
    if raw.startswith("-") and is_whole_number(raw[1:]):
        raise BadRequestError(_("%(name)s: give a number of 0 or more") % {"name": name})
    if not is_whole_number(raw):
        raise BadRequestError(_("%(name)s: give a whole number") % {"name": name})
    value = int(raw)
    maximum = LARGEST_NUMBER if maximum is None else maximum
    if value > maximum:
        raise BadRequestError(_("%(name)s: at most %(maximum)d") % {"name": name, "maximum": maximum})
    return value


def page_window(request, default=20, maximum=None):
    """``(offset, limit)`` of a listing, the limit at most ``maximum`` (``WAGTAILAPI_LIMIT_MAX``)."""
    maximum = maximum or limit_max()
    return whole_number(request, "offset", 0), whole_number(request, "limit", min(default, maximum), maximum)


def selected_fields(request, available):
    """The item fields ``?fields=`` asks for, among ``available`` (all of them by default).

    Wagtail's syntax: ``fields=a,b`` (shown anyway here, every field is a default one),
    ``fields=-a`` (all but a), ``fields=_,a,b`` (only a and b), ``fields=*``. Unknown names are
    a 400, as on the pages endpoint.
    """
    available = list(available)
    if "fields" not in request.GET:
        return available
    try:
        config = parse_fields_parameter(request.GET["fields"])
    except ValueError as error:
        raise BadRequestError(_("fields error: %(error)s") % {"error": error}) from None
    fields = set(available)
    if config and config[0][0] == "*":
        config = config[1:]
    elif config and config[0][0] == "_":
        fields = set()
        config = config[1:]
    unknown = sorted({name for name, _negated, _sub in config} - set(available))
    if unknown:
        raise BadRequestError(_("unknown fields: %(names)s") % {"names": ", ".join(unknown)})
    for name, negated, sub_fields in config:
        if sub_fields:
            raise BadRequestError(
                _("fields error: '%(name)s' does not support nested fields") % {"name": name}
            )
        if negated:
            fields.discard(name)
        else:
            fields.add(name)
    return [name for name in available if name in fields]


def only_fields(item, fields):
    return {name: value for name, value in item.items() if name in fields}


class Pagination(WagtailPagination):
    """Wagtail's ``{"meta": {"total_count"}, "items"}`` pages, with the limits checked by :func:`page_window`."""

    def paginate_queryset(self, queryset, request, view=None):
        offset, limit = page_window(request)
        self.view = view
        self.total_count = queryset.count()
        return queryset[offset : offset + limit]


class APIContractMixin:
    """Mixed into every endpoint: the error body, ``?locale=`` checked before anything else.

    Wagtail's ``BaseAPIViewSet.handle_exception`` answers 400 and 404 with ``{"message"}``
    only; this hands every exception to REST framework's handler, i.e. :func:`exception_handler`.
    """

    pagination_class = Pagination
    # Public reads may be cached (api/caching.py); a preview of a draft may not.
    cacheable = True
    # The kinds of content its answers show (api/versions.py): a change of any other kind
    # leaves its kept answers and validators as they are.
    content_versions = DEFAULT_VERSIONS

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            if any("\x00" in value for value in [name, *values]):
                raise BadRequestError(_("%(name)s: a parameter cannot hold a NUL character") % {"name": name})
        if check_locale(request):
            # Messages meant for a person (errors) in the language asked for.
            translation.activate(request.GET["locale"])
            request.LANGUAGE_CODE = request.GET["locale"]
        if self.cacheable:
            # After authentication and throttling: a cached answer is throttled like any other.
            answer = answer_without_the_view(request._request, self.content_versions)
            if answer is not None:
                raise AlreadyAnswered(answer)

    def dispatch(self, request, *args, **kwargs):
        """A read answered from the cache, or with a 304, without running the view (see ``initial``);
        validators and ``Cache-Control`` on every read, and the answer kept for the next reader."""
        response = super().dispatch(request, *args, **kwargs)
        if not self.cacheable:
            return uncached(response)
        return keep(response, request, self.content_versions)

    def find_object(self, queryset, request):
        if "id" in request.GET and not is_whole_number(request.GET["id"]):
            raise BadRequestError(_("id: give a whole number"))
        return super().find_object(queryset, request)

    def handle_exception(self, exc):
        if isinstance(exc, AlreadyAnswered):
            return exc.response
        return APIView.handle_exception(self, exc)


class VersionsByAddressMixin:
    """For an endpoint whose answers show other kinds of content by address (a detail, a listing
    of one type): ``versions_of_request(request, url_name, kwargs)`` says which, from the address
    alone, so that the kept answer is checked before any view runs (api/caching.py)."""

    @classmethod
    def versions_of_request(cls, request, url_name, kwargs):
        raise NotImplementedError

    @property
    def content_versions(self):
        match = self.request.resolver_match
        return self.versions_of_request(self.request, match.url_name if match else None, self.kwargs)


class AlreadyAnswered(Exception):
    """Raised by ``initial`` with an answer found in the cache (or a 304)."""

    def __init__(self, response):
        super().__init__()
        self.response = response
