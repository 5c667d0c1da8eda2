"""What every template of the site gets: its name, the menu in the reader's language, the search box."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, gettext

from frontend import api_client, content


def _menu(language):
    try:
        return content.menu(language)
    except api_client.APIError:
        return []  # the CMS is down and the menu was never seen: the page goes on without it


def site(request):
    language = get_language()
    return {
        "site_name": settings.FRONTEND_SITE_NAME or gettext("Human rights and the Universal Periodic Review"),
        "menu": SimpleLazyObject(lambda: _menu(language)),
        "language": language,
        "search_query": request.GET.get("q", "") if request.method == "GET" else "",
        "served_stale": api_client.served_stale,
    }
