import datetime

import factory
import wagtail_factories

from django.core.files.base import ContentFile
from django.utils import timezone

from publications.choices import PublicationType
from publications.models import (
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsletterPage,
    NewsPage,
    PublicationFile,
    PublicationIndexPage,
    PublicationPage,
    ReportDocument,
)


class ReportDocumentFactory(wagtail_factories.DocumentFactory):
    language = "en"

    class Meta:
        model = ReportDocument


def pdf_document(pdf_bytes, *, title="Report", filename="report.pdf", language="en"):
    """A document holding real PDF bytes (e.g. one of ../shared/data/pdfs)."""
    return ReportDocumentFactory(title=title, language=language, file=ContentFile(pdf_bytes, name=filename))


class PublicationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Publications"
    slug = "publications"

    class Meta:
        model = PublicationIndexPage


class PublicationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Mid-term assessment {n}")
    publication_type = PublicationType.MID_TERM_ASSESSMENT
    publication_date = datetime.date(2024, 5, 2)
    summary = "How far the state has implemented the recommendations it supported."

    class Meta:
        model = PublicationPage


class PublicationFileFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(PublicationPageFactory)
    document = factory.SubFactory(ReportDocumentFactory)
    language = "en"

    class Meta:
        model = PublicationFile


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    slug = "news"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Journalists trained on the UPR {n}")
    date = datetime.date(2025, 3, 14)
    summary = "Twenty journalists learned how to follow their state's review."

    class Meta:
        model = NewsPage


class NewsletterPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Newsletter {n}")
    issue_number = factory.Sequence(lambda n: n + 1)
    date = datetime.date(2025, 4, 1)

    class Meta:
        model = NewsletterPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Workshop on the mid-term report {n}")
    summary = "Civil society prepares its mid-term report."
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=7))
    time_zone = "Africa/Kigali"

    class Meta:
        model = EventPage
