"""The sitemap: every live, public page of the site in every language, each with its translations
as alternates (``hreflang``), so that a search engine finds the French and Kinyarwanda trees too."""

from collections import defaultdict

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class SiteSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        in_site = Q()
        for root in [site.root_page, *site.root_page.get_translations()]:
            in_site |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(in_site)
            .live()
            .public()
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        found = {item.pk: item.get_sitemap_urls(self.request) for item in pages}
        translations = defaultdict(list)
        for item in sorted(pages, key=lambda item: item.locale.language_code):
            if found[item.pk]:
                translations[item.translation_key].append(
                    {"lang_code": item.locale.language_code, "location": found[item.pk][0]["location"]}
                )
        urls, last_mods = [], set()
        for item in pages:
            for url in found[item.pk]:
                if len(translations[item.translation_key]) > 1:
                    url = {**url, "alternates": translations[item.translation_key]}
                urls.append(url)
                last_mods.add(url.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
