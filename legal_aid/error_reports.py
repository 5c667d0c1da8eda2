"""Django's error reports (the e-mail to ADMINS) without a journalist's data.

A request to the legal-assistance endpoints (the API's submissions and status
checks, the legal team's admin screens) is reported with its path, method and
the traceback's lines only: every POST field, file, header, cookie and local
variable is replaced by stars. Everything else is reported as Django does.
"""

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

from legal_aid.sentry import is_legal_aid_path

# Request headers that say nothing about who sent the request.
HARMLESS_META = frozenset(
    {
        "REQUEST_METHOD",
        "PATH_INFO",
        "SCRIPT_NAME",
        "SERVER_NAME",
        "SERVER_PORT",
        "CONTENT_TYPE",
        "CONTENT_LENGTH",
    }
)


def hides_everything(request):
    """Does ``request`` carry a journalist's or a case's data (so nothing of it may be reported)?"""
    if request is None:
        return False
    return getattr(request, "sensitive_post_parameters", None) == "__ALL__" or is_legal_aid_path(
        getattr(request, "path", "")
    )


class LegalAidExceptionReporterFilter(SafeExceptionReporterFilter):
    def get_post_parameters(self, request):
        if hides_everything(request):
            cleansed = request.POST.copy()
            for key in cleansed:
                cleansed[key] = self.cleansed_substitute
            return cleansed
        return super().get_post_parameters(request)

    def get_traceback_frame_variables(self, request, tb_frame):
        if hides_everything(request):
            return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]
        return super().get_traceback_frame_variables(request, tb_frame)

    def get_safe_request_meta(self, request):
        meta = super().get_safe_request_meta(request)
        if hides_everything(request):
            return {
                key: value if key in HARMLESS_META else self.cleansed_substitute
                for key, value in meta.items()
            }
        return meta

    def get_safe_cookies(self, request):
        if hides_everything(request):
            return dict.fromkeys(request.COOKIES, self.cleansed_substitute)
        return super().get_safe_cookies(request)


class LegalAidExceptionReporter(ExceptionReporter):
    """Files are listed by Django as they came (their names); for legal-assistance requests, stars."""

    def get_traceback_data(self):
        data = super().get_traceback_data()
        if hides_everything(self.request) and "request_FILES_items" in data:
            data["request_FILES_items"] = [
                (key, self.filter.cleansed_substitute) for key in self.request.FILES
            ]
        return data
