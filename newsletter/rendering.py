"""An edition as an e-mail: the subject, an HTML part and a plain-text part, from the NewsletterPage's
blocks, in the page's language, every link and image absolute to the public site.

Events are given in the reader's time zone (the subscriber's, else the event's own), with the UTC
offset; publications with their cover, news and events with their image, the video of the month as
its thumbnail linked to its page. The body is rendered once per edition and time zone; each
recipient's unsubscribe address replaces a mark in it.
"""

import logging
import re
import zoneinfo
from dataclasses import dataclass
from html import unescape

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from wagtail.images.views.serve import generate_image_url
from wagtail.rich_text import expand_db_html

from api.api_fields import localised_page
from upr.deadlines import coming_deadlines

logger = logging.getLogger(__name__)

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


# Renditions sized for a 600-pixel-wide mail, twice that for sharp screens; shown at half.
PICTURES = {"cover": ("max-240x340", 120), "image": ("fill-1136x640", 568), "video": ("fill-1136x640", 568)}


def absolute_url(url):
    return site_url() + url if url.startswith("/") else url


def picture(image, kind, alt=""):
    """``{"url", "width", "alt"}`` of an image for a mail, or None. A private bucket's images are given at
    the CMS's address that redirects to a freshly signed URL (a mail is opened weeks later); others at
    their own address. An image whose file cannot be read leaves its item without a picture."""
    if image is None:
        return None
    spec, width = PICTURES[kind]
    try:
        if getattr(image.file.storage, "querystring_auth", False):
            url = generate_image_url(image, spec)
        else:
            url = image.get_rendition(spec).url
    except Exception:
        logger.warning(
            "The newsletter shows image %s without its picture: no rendition.", image.pk, exc_info=True
        )
        return None
    return {"url": absolute_url(url), "width": width, "alt": alt or getattr(image, "alt_text", "") or ""}


def page_picture(page):
    """What a linked page is shown with: a publication's cover, a video's thumbnail, a page's image."""
    if hasattr(page, "cover_or_first_page"):
        return picture(page.cover_or_first_page, "cover", alt=_("Cover of %(title)s") % {"title": page.title})
    if getattr(page, "thumbnail_id", None):
        return picture(page.thumbnail, "video")
    if getattr(page, "image_id", None):
        return picture(page.image, "image")
    return None


def _offset(moment):
    minutes = int(moment.utcoffset().total_seconds() // 60)
    sign, minutes = ("+" if minutes >= 0 else "−"), abs(minutes)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _zone_name(zone):
    return zone.key.rpartition("/")[2].replace("_", " ")


def event_times(page, reader_zone=None):
    """An event's start and end as the reader reads them: in ``reader_zone`` (else the event's own), e.g.
    "Tuesday 10 March 2026, 09:00 – 12:00 (Kigali time, UTC+02:00)", and, when that is not the event's
    own time zone, the local time where it takes place."""
    try:
        own = zoneinfo.ZoneInfo(page.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        own = zoneinfo.ZoneInfo("UTC")
    zone = reader_zone or own
    start, end = page.starts_at.astimezone(zone), page.ends_at.astimezone(zone) if page.ends_at else None

    def span(start, end, zone):
        text = formats.date_format(start, "l j F Y, H:i")
        if end is not None and end != start:
            same_day = end.date() == start.date()
            text += " – " + formats.date_format(end, "H:i" if same_day else "l j F Y, H:i")
        label = _("%(place)s time, %(offset)s") % {"place": _zone_name(zone), "offset": _offset(start)}
        return f"{text} ({label})"

    when = span(start, end, zone)
    local = None
    if zone.key != own.key:
        local = span(
            page.starts_at.astimezone(own), page.ends_at.astimezone(own) if page.ends_at else None, own
        )
    return {"when": when, "local": local, "venue": getattr(page, "venue", "") or ""}


def page_link(page, locale, *, with_picture=False):
    if page is None:
        return None
    page = localised_page(page, locale)
    if not page.live:
        return None
    page = page.specific
    link = {
        "title": page.title,
        "url": absolute_url(page.get_full_url() or ""),
        "summary": getattr(page, "summary", ""),
    }
    if with_picture:
        link["picture"] = page_picture(page)
        link["page"] = page
    return link


def _text(html):
    """Rich text as plain text: paragraphs kept apart, links written out after their words."""
    html = re.sub(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', r"\2 (\1)", html, flags=re.DOTALL)
    html = re.sub(r"</p>|<br\s*/?>|</li>", "\n", html)
    return unescape(strip_tags(html)).strip()


def items(page):
    """The page's blocks as plain data the two templates share (an event's times come per reader)."""
    result = []
    for child in page.items:
        value, kind = child.value, child.block_type
        item = {"kind": kind}
        if kind == "story":
            html = absolute(expand_db_html(value["text"].source))
            item.update(heading=value["heading"], office=value["office"], html=html, text=_text(html))
            item["link"] = page_link(value["link"], page.locale)
        elif kind in ("page", "video"):
            item["link"] = page_link(
                value["page" if kind == "page" else "video"], page.locale, with_picture=True
            )
            if item["link"] is None:
                continue
            item["note"] = value["note"] or item["link"]["summary"]
            linked = item["link"].pop("page")
            if hasattr(linked, "starts_at") and hasattr(linked, "time_zone"):
                item["event"] = linked
        elif kind == "deadline":
            item.update(
                title=value["title"], date=value["date"], description=value["description"], url=value["link"]
            )
        elif kind == "quote":
            item.update(text=value["text"], attribution=value["attribution"])
        result.append(item)
    return result


def reader_zone(name):
    """A subscriber's time zone, or None (each event in its own) when empty or unknown."""
    try:
        return zoneinfo.ZoneInfo(name) if name else None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


class EditionMail:
    """An issue's mail, rendered once per reader's time zone: its blocks are read once."""

    def __init__(self, page):
        self.page = page
        self.language = page.locale.language_code
        with translation.override(self.language):
            self.items = items(page)
            # The UPR calendar's deadlines after the date, beside those the editor wrote.
            self.deadlines = coming_deadlines(page.date, language=self.language)
        self.page_url = page_link(page, page.locale)["url"] if page.live else site_url()
        self._rendered = {}

    def render(self, time_zone=""):
        zone = reader_zone(time_zone)
        key = zone.key if zone else ""
        if key not in self._rendered:
            self._rendered[key] = self._render(zone)
        return self._rendered[key]

    def _render(self, zone):
        with translation.override(self.language):
            shown = [
                {**item, "times": event_times(item["event"], zone)} if "event" in item else item
                for item in self.items
            ]
            context = {
                "page": self.page,
                "language": self.language,
                "items": shown,
                "deadlines": self.deadlines,
                "page_url": self.page_url,
                "unsubscribe_url": UNSUBSCRIBE_MARK,
                "site_name": settings.WAGTAIL_SITE_NAME,
                "site_url": site_url(),
            }
            return Rendered(
                subject=self.page.title,
                text=render_to_string("newsletter/email/edition.txt", context),
                html=render_to_string("newsletter/email/edition.html", context),
            )


def render(page, time_zone=""):
    return EditionMail(page).render(time_zone)
