"""Error pages: every error a reader can meet gets a page in their language, never a bare 500."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from frontend import languages


def error_page(request, status, title, message=""):
    context = {"title": title, "message": message, "status": status}
    context.update(languages.switch(request, languages.same_path(request)))
    return render(request, "frontend/error.html", context, status=status)


def not_found(request, exception=None):
    return error_page(
        request, 404, _("Page not found"), _("There is no page at this address. Try the search or the menu.")
    )


def bad_request(request, exception=None, message=""):
    return error_page(request, 400, _("This request cannot be answered"), message)


def unavailable(request):
    response = error_page(
        request,
        503,
        _("The site is briefly unavailable"),
        _("This page cannot be shown right now. Please try again in a few minutes."),
    )
    response["Retry-After"] = "120"
    return response


def too_many_requests(request):
    response = error_page(
        request,
        429,
        _("Too many requests"),
        _("You have made many requests in a short time. Please wait a few minutes and try again."),
    )
    response["Retry-After"] = "60"
    return response


def server_error(request):
    return error_page(request, 500, _("Something went wrong"), _("Please try again later."))


def csrf_failure(request, reason=""):
    return error_page(
        request,
        403,
        _("The form has expired"),
        _("Please go back, reload the page and send the form again. Nothing was sent."),
    )
