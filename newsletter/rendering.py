"""An edition as an e-mail: the subject, an HTML part and a plain-text part, from the NewsletterPage's
blocks, in the page's language, every link and image absolute to the public site.

The body is rendered once per edition; each recipient's unsubscribe address replaces a mark in it.
"""

import re
from dataclasses import dataclass
from html import unescape

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags

from wagtail.rich_text import expand_db_html

from api.api_fields import localised_page

UNSUBSCRIBE_MARK = "__NEWSLETTER_UNSUBSCRIBE_URL__"
RELATIVE = re.compile(r'(?P<attribute>\b(?:href|src))="/(?!/)')


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str

    def for_recipient(self, unsubscribe_url):
        return self.text.replace(UNSUBSCRIBE_MARK, unsubscribe_url), self.html.replace(
            UNSUBSCRIBE_MARK, unsubscribe_url
        )


def site_url():
    return settings.PUBLIC_SITE_URL or settings.NEWSLETTER_LINKS_URL


def absolute(html):
    """Relative addresses (rich text's links, images) made absolute to the public site."""
    return RELATIVE.sub(lambda match: f'{match["attribute"]}="{site_url()}/', html)


def page_link(page, locale):
    if page is None:
        return None
    page = localised_page(page, locale)
    if not page.live:
        return None
    page = page.specific
    url = page.get_full_url() or ""
    if url.startswith("/"):
        url = site_url() + url
    return {"title": page.title, "url": url, "summary": getattr(page, "summary", "")}


def _text(html):
    """Rich text as plain text: paragraphs kept apart, links written out after their words."""
    html = re.sub(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', r"\2 (\1)", html, flags=re.DOTALL)
    html = re.sub(r"</p>|<br\s*/?>|</li>", "\n", html)
    return unescape(strip_tags(html)).strip()


def items(page):
    """The page's blocks as plain data the two templates share."""
    result = []
    for child in page.items:
        value, kind = child.value, child.block_type
        item = {"kind": kind}
        if kind == "story":
            html = absolute(expand_db_html(value["text"].source))
            item.update(heading=value["heading"], office=value["office"], html=html, text=_text(html))
            item["link"] = page_link(value["link"], page.locale)
        elif kind in ("page", "video"):
            item["link"] = page_link(value["page" if kind == "page" else "video"], page.locale)
            if item["link"] is None:
                continue
            item["note"] = value["note"] or item["link"]["summary"]
        elif kind == "deadline":
            item.update(
                title=value["title"], date=value["date"], description=value["description"], url=value["link"]
            )
        result.append(item)
    return result


def render(page):
    language = page.locale.language_code
    context = {
        "page": page,
        "language": language,
        "items": items(page),
        "page_url": page_link(page, page.locale)["url"] if page.live else site_url(),
        "unsubscribe_url": UNSUBSCRIBE_MARK,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": site_url(),
    }
    with translation.override(language):
        return Rendered(
            subject=page.title,
            text=render_to_string("newsletter/email/edition.txt", context),
            html=render_to_string("newsletter/email/edition.html", context),
        )
