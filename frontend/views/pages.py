"""The CMS's pages at their own paths: found through the API, drawn by their type's template."""

from django.http import HttpResponse, HttpResponseRedirect
from django.template.loader import select_template
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods

from frontend import api_client, calendar, content, languages, page_types
from frontend.views import legal_aid

FORM_PAGE = "legal_aid.LegalAidRequestPage"


def render_page(request, page, extra=None, status=200):
    try:
        paths = content.translations(page) if page.get("id") else {}
    except api_client.APIError:
        paths = {}
    page_type = page["meta"]["type"]
    context = {
        "page": page,
        "title": page.get("title", ""),
        **languages.switch(request, paths or {get_language(): request.path}),
        **page_types.context_for(page, request),
        **(extra or {}),
    }
    template = select_template([page_types.template_name(page_type), "frontend/pages/generic.html"])
    return HttpResponse(template.render(context, request), status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def page_view(request, path):
    if path and not path.endswith("/"):
        return HttpResponseRedirect(f"/{get_language()}/{path}/")
    page = content.find(get_language(), path)
    if page["meta"]["type"] == FORM_PAGE:
        return legal_aid.request_form(request, page, render_page)
    if request.method == "POST":
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
    return render_page(request, page)


@require_GET
def event_calendar(request, path):
    page = content.find(get_language(), path)
    if page["meta"]["type"] != "publications.EventPage":
        raise api_client.NotFound()
    response = HttpResponse(calendar.event_ics(page, request), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{page["meta"]["slug"]}.ics"'
    return response


@require_GET
def preview(request):
    """An editor's draft (HEADLESS_PREVIEW_URL of the CMS pointing here): never cached."""
    params = {"content_type": request.GET.get("content_type", ""), "token": request.GET.get("token", "")}
    page = api_client.get_uncached("page-preview/", params)
    response = render_page(request, page)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
