"""What the programme tests share: vocabulary rows, recommendations, files, and the admin's forms."""

import datetime

from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from programmes.factories import WEBVTT, VideoDocumentFactory
from upr.models import Country, Cycle, Recommendation, Theme

SRT = b"1\n00:00:00,000 --> 00:00:04,000\nWelcome to this training.\n"


def country(iso3):
    return Country.objects.get(locale__language_code="en", iso3=iso3)


def theme(slug):
    return Theme.objects.get(locale__language_code="en", slug=slug)


def recommendation(number, text, *, iso3="RWA", language="en"):
    """An original recommendation (made in ``language``) to ``iso3`` in the third cycle."""
    return Recommendation.objects.create(
        text=text,
        number=number,
        state_under_review=country(iso3),
        cycle=Cycle.objects.get(number=3),
        language=language,
        locale=Locale.objects.get(language_code=language),
        natural_key=f"test:{iso3}:{number}",
    )


def webvtt_document(title="English subtitles"):
    return VideoDocumentFactory(title=title, file=ContentFile(WEBVTT, name="subtitles.vtt"))


def srt_document(title="Subtitles in SubRip format"):
    return VideoDocumentFactory(title=title, file=ContentFile(SRT, name="subtitles.vtt"))


def video_document(title="Training film"):
    return VideoDocumentFactory(
        title=title, file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="training.mp4")
    )


def add_page_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk))


def edit_page_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def programme_form(
    kind, *, countries=(), themes=(), recommendations=(), related_pages=(), partners=(), **fields
):
    """POST data of the admin's programme form, as the browser sends it on "Publish"."""
    data = nested_form_data(
        {
            "title": "Journalists and the UPR",
            "slug": "journalists-and-the-upr",
            "kind": kind.pk,
            "summary": "Journalists learn to report on the recommendations made to their country.",
            "hero_image": "",
            "body": streamfield([]),
            "partners": inline_formset([{"name": name, "url": url, "logo": ""} for name, url in partners]),
            "contact_name": "",
            "contact_email": "",
            "contact_phone": "",
            "related_pages": inline_formset([{"page": page.pk} for page in related_pages]),
            "seo_title": "",
            "search_description": "",
            "action-publish": "action-publish",
            **fields,
        }
    )
    data["countries"] = [item.pk for item in countries]
    data["themes"] = [item.pk for item in themes]
    data["related_recommendations"] = [item.pk for item in recommendations]
    return data


def video_form(*, subtitles=(), **fields):
    """POST data of the admin's training video form, as the browser sends it on "Publish"."""
    return nested_form_data(
        {
            "title": "Writing a stakeholder report",
            "slug": "writing-a-stakeholder-report",
            "video_url": "",
            "video_file": "",
            "thumbnail": "",
            "language": "en",
            "duration": "12:30",
            "subtitles": inline_formset(
                [{"language": language, "file": document.pk} for language, document in subtitles]
            ),
            "transcript": rich_text("<p>Welcome to this training.</p>"),
            "topic": "",
            "programme": "",
            "seo_title": "",
            "search_description": "",
            "action-publish": "action-publish",
            **fields,
        }
    )


TWELVE_AND_A_HALF_MINUTES = datetime.timedelta(minutes=12, seconds=30)
