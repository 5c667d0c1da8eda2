from .documents import ReportDocument
from .events import EventIndexPage, EventPage
from .news import NewsIndexPage, NewsletterPage, NewsPage
from .pages import PublicationAuthor, PublicationFile, PublicationIndexPage, PublicationPage

__all__ = [
    "EventIndexPage",
    "EventPage",
    "NewsIndexPage",
    "NewsPage",
    "NewsletterPage",
    "PublicationAuthor",
    "PublicationFile",
    "PublicationIndexPage",
    "PublicationPage",
    "ReportDocument",
]
