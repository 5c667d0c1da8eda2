"""RSS and Atom feeds of publications and news, and an iCalendar feed of events and UPR deadlines, per locale."""

import datetime

import icalendar

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.translation import gettext as _

from wagtail.models import Locale

from publications.models import EventPage, NewsletterPage, NewsPage, PublicationPage
from upr.feeds import session_events

FEED_LENGTH = 50


def feed_locale(language):
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        raise Http404(f"No content in “{language}”.")
    return locale


def midday(date):
    """A date as an aware datetime, for feed readers that want a time."""
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(12)))


class LocalisedFeed(Feed):
    """A feed of live, public pages of one locale; titles in the locale's language."""

    def __call__(self, request, *args, **kwargs):
        with translation.override(kwargs.get("language")):
            return super().__call__(request, *args, **kwargs)

    def get_object(self, request, language):
        return feed_locale(language)

    def link(self, locale):
        return f"{settings.PUBLIC_SITE_URL or settings.WAGTAILADMIN_BASE_URL}/{locale.language_code}/"

    def item_link(self, page):
        return page.get_full_url()

    def item_guid(self, page):
        return f"{page.translation_key}:{page.locale.language_code}"

    item_guid_is_permalink = False

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.summary

    def item_updateddate(self, page):
        return page.last_published_at


class PublicationsFeed(LocalisedFeed):
    def title(self, locale):
        return _("%(site)s: publications") % {"site": settings.WAGTAIL_SITE_NAME}

    def description(self, locale):
        return _("Reports, assessments and newsletters, newest first.")

    def items(self, locale):
        return (
            PublicationPage.objects.live()
            .public()
            .filter(locale=locale)
            .prefetch_related("files__document")
            .order_by("-publication_date", "-pk")[:FEED_LENGTH]
        )

    def item_pubdate(self, page):
        return midday(page.publication_date)

    def item_categories(self, page):
        return [page.get_publication_type_display()]

    def item_enclosures(self, page):
        files = list(page.files.all())
        if not files:
            return []
        document = files[0].document
        url = document.url
        if url.startswith("/"):
            url = settings.WAGTAILAPI_BASE_URL.rstrip("/") + url
        return [Enclosure(url, str(document.file_size or 0), "application/pdf")]


class PublicationsAtomFeed(PublicationsFeed):
    feed_type = Atom1Feed
    subtitle = PublicationsFeed.description


class NewsFeed(LocalisedFeed):
    def title(self, locale):
        return _("%(site)s: news") % {"site": settings.WAGTAIL_SITE_NAME}

    def description(self, locale):
        return _("News and newsletter issues, newest first.")

    def items(self, locale):
        news = NewsPage.objects.live().public().filter(locale=locale).order_by("-date", "-pk")[:FEED_LENGTH]
        letters = NewsletterPage.objects.live().public().filter(locale=locale).order_by("-date")[:FEED_LENGTH]
        return sorted([*news, *letters], key=lambda page: (page.date, page.pk), reverse=True)[:FEED_LENGTH]

    def item_description(self, page):
        return getattr(page, "summary", None) or page.intro

    def item_pubdate(self, page):
        return midday(page.date)


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description


def events_calendar(request, language):
    """Events of the last year and to come, and the deadlines of the UPR sessions, as iCalendar."""
    locale = feed_locale(language)
    with translation.override(language):
        calendar = icalendar.Calendar()
        calendar.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//events//{language.upper()}")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", _("%(site)s: events") % {"site": settings.WAGTAIL_SITE_NAME})
        since = timezone.now() - datetime.timedelta(days=365)
        events = (
            EventPage.objects.live().public().filter(locale=locale, ends_at__gte=since).order_by("starts_at")
        )
        for page in events:
            event = icalendar.Event()
            event.add("uid", f"event-{page.translation_key}@{request.get_host()}")
            event.add("summary", page.title)
            event.add("description", page.summary)
            event.add("dtstart", page.starts_at.astimezone(page.zone))
            event.add("dtend", page.ends_at.astimezone(page.zone))
            event.add("dtstamp", page.last_published_at or timezone.now())
            if location := ", ".join(part for part in (page.venue, page.address.replace("\n", ", ")) if part):
                event.add("location", location)
            if url := page.get_full_url():
                event.add("url", url)
            calendar.add_component(event)
        for event in _session_deadlines(since.date()):
            calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="events-{language}.ics"'
    return response


def _session_deadlines(since):
    """The UPR sessions' reviews and deadlines, with their sources (upr.feeds), from ``since`` on."""
    return session_events(since=since)
