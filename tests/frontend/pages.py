"""The demo's pages as the public site should show them: every page in every language, from the API."""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import requests


def page_paths(cms, language):
    """The paths of the live pages of ``language`` (the CMS's page paths: the public site's)."""
    answer = requests.get(
        f"{cms}/api/v2/pages/",
        params={"locale": language, "fields": "_,id,type,html_url", "limit": 100},
        timeout=30,
    ).json()
    return {urlsplit(item["meta"]["html_url"]).path: item["meta"]["type"] for item in answer["items"]}


class Links(HTMLParser):
    """The links, scripts, stylesheets and images of a page, and its alternates."""

    def __init__(self):
        super().__init__()
        self.links, self.resources, self.alternates = [], [], {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "link" and attrs.get("rel") == "alternate":
            self.alternates[attrs["hreflang"]] = attrs["href"]
        elif tag == "link" and attrs.get("rel") == "stylesheet":
            self.resources.append(attrs["href"])
        elif tag in ("script", "img") and attrs.get("src"):
            self.resources.append(attrs["src"])


def parse(html):
    parser = Links()
    parser.feed(html)
    return parser


def internal(base, href):
    """``href`` as an address of the site, or None when it leads elsewhere (or nowhere to fetch)."""
    if href.startswith(("mailto:", "tel:", "#")):
        return None
    url = urljoin(base, href)
    return url.split("#")[0] if url.startswith(base.split("/", 3)[0] + "//" + urlsplit(base).netloc) else None
