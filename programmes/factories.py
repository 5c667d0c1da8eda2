import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from django.conf import settings
from django.utils.text import slugify

from wagtail.models import Collection, Locale

from programmes.models import (
    ProgrammeIndexPage,
    ProgrammeKind,
    ProgrammePage,
    ProgrammePartner,
    ProgrammeRelatedPage,
    TrainingVideoIndexPage,
    TrainingVideoPage,
    TrainingVideoSubtitle,
)

WEBVTT = (
    b"WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nWelcome to this training on the Universal Periodic Review.\n"
)


class ProgrammeKindFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Programme kind {n}")
    slug = factory.LazyAttribute(lambda kind: slugify(kind.name))
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = ProgrammeKind
        django_get_or_create = ("slug", "locale")


class ProgrammeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Programmes"
    slug = "programmes"
    intro = "What we do with journalists, lawyers and civil society."

    class Meta:
        model = ProgrammeIndexPage


class ProgrammePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Programme {n}")
    summary = "Journalists learn to follow up the UPR recommendations made to their country."
    kind = factory.SubFactory(ProgrammeKindFactory, name="Capacity building")

    class Meta:
        model = ProgrammePage


class ProgrammePartnerFactory(DjangoModelFactory):
    page = factory.SubFactory(ProgrammePageFactory)
    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    url = "https://partner.example.org/"

    class Meta:
        model = ProgrammePartner


class ProgrammeRelatedPageFactory(DjangoModelFactory):
    programme = factory.SubFactory(ProgrammePageFactory)

    class Meta:
        model = ProgrammeRelatedPage


class TrainingVideoIndexPageFactory(wagtail_factories.PageFactory):
    title = "Training videos"
    slug = "training-videos"

    class Meta:
        model = TrainingVideoIndexPage


class TrainingVideoPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Training video {n}")
    video_url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    duration = datetime.timedelta(minutes=12, seconds=30)
    language = "en"

    class Meta:
        model = TrainingVideoPage


class VideoDocumentFactory(wagtail_factories.DocumentFactory):
    """A document in the root collection; by default WebVTT subtitles, pass ``file`` for a video."""

    title = factory.Sequence(lambda n: f"Subtitles {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.FileField(filename="subtitles.vtt", data=WEBVTT)

    class Meta:
        model = settings.WAGTAILDOCS_DOCUMENT_MODEL


class TrainingVideoSubtitleFactory(DjangoModelFactory):
    page = factory.SubFactory(TrainingVideoPageFactory)
    language = "en"
    file = factory.SubFactory(VideoDocumentFactory)

    class Meta:
        model = TrainingVideoSubtitle
