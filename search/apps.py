from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")
    # A search entry written or removed, a document's text read: search answers change.
    api_versions = ("search",)

    def ready(self):
        from search import signals
        from search.query import recommendation_matches
        from upr.filters import register_text_search

        signals.connect()
        # The recommendations' listing finds them by their words in the one search index.
        register_text_search(recommendation_matches)
