"""The site's pages as the API describes them: found by their path, their translations, the menu.

Paths on the public site are the CMS's page paths (``/fr/news/…``). A page is found by its slug
in its language, then checked against the whole path: the API's ``pages/find/`` answers with a
redirect to the CMS's public address (``WAGTAILAPI_BASE_URL``), which need not be the address
this site reaches the CMS at (``CMS_API_URL``).
"""

from urllib.parse import urlsplit

from frontend import api_client

LANGUAGES = ("en", "fr", "rw")


def path_of(url):
    """The path of a page's ``html_url`` or ``url`` (the CMS's host, whatever it is, dropped)."""
    return urlsplit(url or "").path or "/"


def home(language):
    """The home page of ``language`` (id, title, path), or None when there is none."""
    items = api_client.get_data(
        "pages/", {"type": "home.HomePage", "locale": language, "fields": "_,id,title,html_url", "limit": 1}
    )["items"]
    if not items:
        return None
    item = items[0]
    return {"id": item["id"], "title": item["title"], "path": path_of(item["meta"]["html_url"])}


def find(language, path):
    """The page at ``/<language>/<path>/``, as the API's detail of it. Raises NotFound."""
    wanted = f"/{language}/{path.strip('/')}/" if path.strip("/") else f"/{language}/"
    if wanted == f"/{language}/":
        found = home(language)
        if found is None:
            raise api_client.NotFound()
        return detail(found["id"])
    slug = path.strip("/").rsplit("/", 1)[-1]
    items = api_client.get_data(
        "pages/", {"slug": slug, "locale": language, "fields": "_,id,html_url", "limit": 20}
    )["items"]
    for item in items:
        if path_of(item["meta"]["html_url"]) == wanted:
            return detail(item["id"])
    raise api_client.NotFound()


def detail(page_id):
    return api_client.get_data(f"pages/{int(page_id)}/")


def translations(page):
    """``{language: path}`` of the page's translations, the page itself included."""
    found = {page["meta"]["locale"]: path_of(page["meta"]["html_url"])}
    items = api_client.get_data(
        "pages/", {"translation_of": page["id"], "fields": "_,id,html_url,locale", "limit": 10}
    )["items"]
    for item in items:
        found[item["meta"]["locale"]] = path_of(item["meta"]["html_url"])
    return found


def menu(language):
    """The home page's children in ``language``: (title, path) pairs."""
    found = home(language)
    if found is None:
        return []
    items = api_client.get_data(
        "pages/", {"child_of": found["id"], "locale": language, "fields": "_,title,html_url", "limit": 20}
    )["items"]
    return [{"title": item["title"], "path": path_of(item["meta"]["html_url"])} for item in items]


def children(page, page_type=None, fields="", order=None, limit=50, offset=0, **filters):
    """A listing of the page's children (of ``page_type``), with ``fields``: (items, total)."""
    params = {
        "child_of": page["id"],
        "type": page_type,
        "fields": ",".join(filter(None, ["_", "id", "title", "html_url", fields])),
        "order": order,
        "limit": limit,
        "offset": offset or None,
        **filters,
    }
    data = api_client.get_data("pages/", params)
    return data["items"], data["meta"]["total_count"]
