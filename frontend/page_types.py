"""What each page type shows beyond its own fields: the listings and look-ups its template needs.

``context_for(page, request)`` gives the template context of a page from the API's detail of it.
Each page type's template is ``frontend/pages/<app>_<model>.html``.
"""

from frontend import api_client, content, filters, paging

PER_PAGE = 20


def _offset(request):
    number = paging.page_number(request)
    return number, (number - 1) * PER_PAGE


def _paging(request, total, number):
    return paging.paging(request, total, number, PER_PAGE)


def home(page, request):
    return {}


def index(page, request):
    items, _total = content.children(page)
    return {"children": items}


def programme_index(page, request):
    items, _total = content.children(page, "programmes.ProgrammePage", "summary,kind")
    others, _total = content.children(page)
    ids = {item["id"] for item in items}
    return {"programmes": items, "children": [item for item in others if item["id"] not in ids]}


def video_index(page, request):
    items, _total = content.children(page, "programmes.TrainingVideoPage", "duration,language,thumbnail")
    return {"videos": items}


def video(page, request):
    return {"play": request.GET.get("play") == "1" and bool((page.get("embed") or {}).get("embed_url"))}


def publication_index(page, request):
    chosen, api_filters = filters.publication_filters(request)
    page_number, offset = _offset(request)
    items, total = content.children(
        page,
        "publications.PublicationPage",
        "publication_date,summary,publication_type,cover,languages",
        order="-publication_date",
        limit=PER_PAGE,
        offset=offset,
        **api_filters,
    )
    return {
        "publications": items,
        "filters": filters.publication_filter_fields(chosen),
        "filtered": bool(api_filters),
        "paging": _paging(request, total, page_number),
    }


def publication(page, request):
    query = request.GET.get("q", "").strip()[:200]
    hits = None
    if query:
        data = api_client.get_data(
            "search/",
            {"q": query, "type": "publication", "locale": page["meta"]["locale"], "limit": 50},
        )
        hits = []
        for item in data["items"]:
            if (item.get("page") or {}).get("id") == page["id"]:
                for document in item.get("documents") or []:
                    for found in document.get("pages") or [document]:  # every page where the words are
                        hits.append({**document, "page": found["page"], "excerpt": found["excerpt"]})
    return {"inside_query": query, "inside_hits": hits}


def news_index(page, request):
    page_number, offset = _offset(request)
    news, total = content.children(
        page, "publications.NewsPage", "date,summary", order="-date", limit=PER_PAGE, offset=offset
    )
    newsletters, _count = content.children(
        page, "publications.NewsletterPage", "date,issue_number,intro", order="-date", limit=10
    )
    return {"news": news, "newsletters": newsletters, "paging": _paging(request, total, page_number)}


def event_index(page, request):
    events, _total = content.children(
        page, "publications.EventPage", "starts_at,ends_at,time_zone,venue,summary", order="-starts_at"
    )
    return {"events": events}


def legal_aid_index(page, request):
    items, _total = content.children(page)
    return {"children": items}


EXTRA = {
    "home.HomePage": home,
    "programmes.ProgrammeIndexPage": programme_index,
    "programmes.TrainingVideoIndexPage": video_index,
    "programmes.TrainingVideoPage": video,
    "publications.PublicationIndexPage": publication_index,
    "publications.PublicationPage": publication,
    "publications.NewsIndexPage": news_index,
    "publications.EventIndexPage": event_index,
    "legal_aid.LegalAidIndexPage": legal_aid_index,
}


def template_name(page_type):
    app, _dot, model = page_type.partition(".")
    return f"frontend/pages/{app}_{model.lower()}.html"


def context_for(page, request):
    return EXTRA.get(page["meta"]["type"], index if page["meta"]["type"].endswith("IndexPage") else home)(
        page, request
    )
