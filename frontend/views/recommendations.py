"""The UPR recommendations database: browse with the API's filters and facets, one recommendation,
statistics as SVG charts with their tables, and the CSV/XLSX exports (streamed from this origin)."""

from django.shortcuts import render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from frontend import api_client, charts, languages, paging
from frontend.views import files

PER_PAGE = 20
FILTERS = {
    "state": gettext_lazy("State under review"),
    "recommending_state": gettext_lazy("Recommending state"),
    "regional_group": gettext_lazy("Regional group"),
    "cycle": gettext_lazy("UPR cycle"),
    "session": gettext_lazy("Session"),
    "response": gettext_lazy("Response"),
    "action_category": gettext_lazy("Action category"),
    "theme": gettext_lazy("Theme"),
    "sdg": gettext_lazy("Sustainable Development Goal"),
    "affected_group": gettext_lazy("Affected group"),
    "implementation_status": gettext_lazy("Implementation status"),
}
STATS = {
    "response": gettext_lazy("By response"),
    "cycle": gettext_lazy("By UPR cycle"),
    "theme": gettext_lazy("By theme"),
    "state": gettext_lazy("By state under review"),
    "recommending_state": gettext_lazy("By recommending state"),
    "action_category": gettext_lazy("By action category"),
    "implementation_status": gettext_lazy("By implementation status"),
}
ORDERS = ("number", "-number", "session", "-session", "state", "-state", "updated", "-updated")


def _chosen(request):
    chosen = {name: request.GET.get(name, "").strip()[:200] for name in FILTERS}
    chosen["q"] = request.GET.get("q", "").strip()[:200]
    return {name: value for name, value in chosen.items() if value}


def _facets(request, meta):
    facets = []
    for name, values in (meta.get("facets") or {}).items():
        if not values or name not in FILTERS:
            continue
        current = request.GET.get(name, "")
        entries = [
            {
                **value,
                "selected": str(value["value"]) == current,
                "link": paging.link(
                    request, **{name: "" if str(value["value"]) == current else value["value"], "page": None}
                ),
            }
            for value in values
        ]
        facets.append({"name": name, "label": FILTERS[name], "values": entries})
    return facets


@require_GET
def browse(request):
    chosen = _chosen(request)
    page_number = paging.page_number(request)
    order = request.GET.get("order") if request.GET.get("order") in ORDERS else None
    context = {"title": _("UPR recommendations"), "query": chosen.get("q", ""), "order": order or ""}
    context.update(languages.switch(request, languages.same_path(request)))
    try:
        data = api_client.get_data(
            "recommendations/",
            {
                **chosen,
                "locale": get_language(),
                "limit": PER_PAGE,
                "offset": (page_number - 1) * PER_PAGE or None,
                "order": order,
            },
        )
    except api_client.BadRequest as error:
        context.update(error=error.message)
        return render(request, "frontend/recommendations/browse.html", context, status=400)
    total = data["meta"]["total_count"]
    query = request.GET.copy()
    for key in ("page", "order"):
        query.pop(key, None)
    context.update(
        recommendations=data["items"],
        total=total,
        facets=_facets(request, data["meta"]),
        filtered=bool(chosen),
        filter_query=query.urlencode(),
        paging=paging.paging(request, total, page_number, PER_PAGE),
    )
    return render(request, "frontend/recommendations/browse.html", context)


@require_GET
def detail(request, pk):
    recommendation = api_client.get_data(f"recommendations/{int(pk)}/", {"locale": get_language()})
    context = {
        "title": _("Recommendation to %(state)s") % {"state": recommendation["state_under_review"]["name"]},
        "recommendation": recommendation,
        **languages.switch(request, languages.same_path(request)),
    }
    return render(request, "frontend/recommendations/detail.html", context)


@require_GET
def stats(request):
    chosen = _chosen(request)
    context = {
        "title": _("Statistics of the recommendations"),
        **languages.switch(request, languages.same_path(request)),
    }
    try:
        data = api_client.get_data("recommendations/stats/", {**chosen, "locale": get_language()})
    except api_client.BadRequest as error:
        context.update(error=error.message)
        return render(request, "frontend/recommendations/stats.html", context, status=400)
    sections = [
        {"name": name, "title": title, "chart": charts.bar_chart(data.get(name) or [])}
        for name, title in STATS.items()
        if data.get(name)
    ]
    query = request.GET.copy()
    context.update(data=data, sections=sections, filter_query=query.urlencode())
    return render(request, "frontend/recommendations/stats.html", context)


@require_GET
def export(request, extension):
    """The API's export of the filtered recommendations, streamed from this origin."""
    chosen = _chosen(request)
    url = api_client.api_url(f"recommendations/export.{extension}", {**chosen, "locale": get_language()})
    upstream = api_client.stream(url.removeprefix(api_client.settings.CMS_API_URL))

    response = files.streamed(upstream, upstream.headers.get("Content-Type"))
    response["Content-Disposition"] = upstream.headers.get(
        "Content-Disposition", f'attachment; filename="recommendations.{extension}"'
    )
    return response
