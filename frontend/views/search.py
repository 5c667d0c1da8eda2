"""Search: a form and a results page (no JavaScript needed), and the suggestions a small script asks."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from frontend import api_client, languages, paging

PER_PAGE = 10
FILTERS = ("type", "country", "theme", "language", "cycle", "session", "year", "response")


def _facet_label(name):
    return {
        "type": _("Kind"),
        "country": _("State"),
        "theme": _("Theme"),
        "language": _("Language"),
        "cycle": _("UPR cycle"),
        "session": _("Session"),
        "year": _("Year"),
        "response": _("Response"),
    }.get(name, name)


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:200]
    page_number = paging.page_number(request)
    chosen = {name: request.GET.get(name, "").strip()[:100] for name in FILTERS}
    order = request.GET.get("order", "") if request.GET.get("order") in ("-date", "date") else ""
    context = {
        "title": _("Search") if not query else _("Search: %(query)s") % {"query": query},
        "query": query,
        "order": order,
        **languages.switch(request, languages.same_path(request)),
    }
    if query:
        params = {
            "q": query,
            "locale": get_language(),
            "limit": PER_PAGE,
            "offset": (page_number - 1) * PER_PAGE or None,
            "order": order or None,
            **chosen,
        }
        try:
            data = api_client.get_data("search/", params)
        except api_client.BadRequest as error:
            context.update(error=error.message)
            return render(request, "frontend/search.html", context, status=400)
        total = data["meta"]["total_count"]
        facets = []
        for name, values in (data["meta"].get("facets") or {}).items():
            if not values:
                continue
            entries = [
                {
                    **value,
                    "link": paging.link(
                        request, **{name: "" if value["selected"] else value["value"], "page": None}
                    ),
                }
                for value in values
            ]
            facets.append({"name": name, "label": _facet_label(name), "values": entries})
        # "Did you mean": the same search (filters kept) with the misspelt words replaced.
        suggestion = data["meta"].get("suggestion")
        if suggestion and suggestion.get("q"):
            context.update(
                suggestion=suggestion["q"], suggestion_link=paging.link(request, q=suggestion["q"], page=None)
            )
        context.update(
            results=data["items"],
            total=total,
            all_words=data["meta"].get("all_words_count", total),
            facets=facets,
            chosen={name: value for name, value in chosen.items() if value},
            clear_filters=paging.link(request, page=None, **dict.fromkeys(FILTERS)),
            paging=paging.paging(request, total, page_number, PER_PAGE),
        )
    return render(request, "frontend/search.html", context)


@require_GET
def suggest(request):
    """Titles of pages matching what is typed, from the API's autocomplete (for the search box's script)."""
    query = request.GET.get("q", "").strip()[:100]
    if len(query) < 2:
        return JsonResponse({"items": []})
    try:
        data = api_client.get_data("autocomplete/", {"q": query, "locale": get_language(), "limit": 8})
    except api_client.APIError:
        return JsonResponse({"items": []})
    items = [{"title": item["title"], "url": item["url"]} for item in data["items"]]
    return JsonResponse({"items": items})
