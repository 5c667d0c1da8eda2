"""Training videos: where they go, what an editor must give, what the API gives a player."""

import codecs

import pytest

from django.urls import reverse

from wagtail.test.utils import WagtailPageTestCase

from home.factories import CustomImageFactory
from home.models import HomePage
from programmes.factories import (
    ProgrammePageFactory,
    TrainingVideoIndexPageFactory,
    TrainingVideoPageFactory,
    TrainingVideoSubtitleFactory,
)
from programmes.models import ProgrammeIndexPage, TrainingVideoIndexPage, TrainingVideoPage
from programmes.validators import is_webvtt

from .support import (
    TWELVE_AND_A_HALF_MINUTES,
    add_page_url,
    edit_page_url,
    srt_document,
    theme,
    video_document,
    video_form,
    webvtt_document,
)

LISTING = reverse("wagtailapi:pages:listing")


def detail(client, page):
    response = client.get(reverse("wagtailapi:pages:detail", args=[page.pk]))
    assert response.status_code == 200, response.content
    return response.json()


class TrainingVideoRulesTests(WagtailPageTestCase):
    def test_the_video_index_sits_under_the_programmes_or_the_home_page(self):
        self.assertAllowedParentPageTypes(TrainingVideoIndexPage, {ProgrammeIndexPage, HomePage})
        self.assertAllowedSubpageTypes(TrainingVideoIndexPage, {TrainingVideoPage})

    def test_videos_sit_in_the_video_index_and_have_no_children(self):
        self.assertAllowedParentPageTypes(TrainingVideoPage, {TrainingVideoIndexPage})
        self.assertAllowedSubpageTypes(TrainingVideoPage, set())
        self.assertCanNotCreateAt(ProgrammeIndexPage, TrainingVideoPage)


@pytest.mark.django_db
def test_one_video_index_per_parent(home_pages, programme_index, video_index):
    assert not TrainingVideoIndexPage.can_create_at(programme_index)
    assert TrainingVideoIndexPage.can_create_at(home_pages["en"])
    TrainingVideoIndexPageFactory(parent=home_pages["en"])
    assert not TrainingVideoIndexPage.can_create_at(home_pages["en"])


@pytest.mark.django_db
def test_a_video_is_created_published_and_unpublished(client, video_index):
    video = TrainingVideoPageFactory(parent=video_index, live=False)
    params = {"type": "programmes.TrainingVideoPage"}
    assert client.get(LISTING, params).json()["meta"]["total_count"] == 0

    video.save_revision().publish()
    assert [item["id"] for item in client.get(LISTING, params).json()["items"]] == [video.pk]

    video.refresh_from_db()
    video.unpublish()
    assert client.get(LISTING, params).json()["meta"]["total_count"] == 0
    assert client.get(reverse("wagtailapi:pages:detail", args=[video.pk])).status_code == 404


@pytest.mark.django_db
def test_editors_publish_a_youtube_video_with_subtitles(admin_client, video_index):
    assert admin_client.get(add_page_url(TrainingVideoPage, video_index)).status_code == 200
    subtitles = webvtt_document()
    data = video_form(
        video_url="https://youtu.be/dQw4w9WgXcQ", subtitles=[("en", subtitles)], duration="1:05:30"
    )

    response = admin_client.post(add_page_url(TrainingVideoPage, video_index), data)

    assert response.status_code == 302, response.context["form"].errors
    video = TrainingVideoPage.objects.get(slug="writing-a-stakeholder-report")
    assert video.live
    assert video.duration.total_seconds() == 3930
    assert [(s.language, s.file) for s in video.subtitles.all()] == [("en", subtitles)]
    assert admin_client.get(edit_page_url(video)).status_code == 200


@pytest.mark.django_db
def test_editors_publish_a_video_file(admin_client, video_index):
    film = video_document()

    response = admin_client.post(add_page_url(TrainingVideoPage, video_index), video_form(video_file=film.pk))

    assert response.status_code == 302, response.context["form"].errors
    assert TrainingVideoPage.objects.get().video_file == film


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"video_url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "video_file": "FILM"},
            "Give a YouTube or Vimeo address or a video file, not both.",
        ),
        ({}, "Give a YouTube or Vimeo address, or choose a video file."),
        (
            {"video_url": "https://www.dailymotion.com/video/x7tgad0"},
            "Only YouTube and Vimeo videos can be embedded.",
        ),
        (
            {"video_url": "https://www.youtube.com/playlist?list=PL590L5WQmH8fJ54F369BLDSqIwcs-TCfs"},
            "This address is not one video",
        ),
        ({"video_file": "SUBTITLES"}, "“English subtitles” is not a video file a browser can play."),
        (
            {"video_url": "https://vimeo.com/76979871", "duration": "twelve minutes"},
            "Enter a valid duration.",
        ),
    ],
    ids=["both", "neither", "unknown-provider", "playlist", "not-a-video-file", "bad-duration"],
)
def test_an_editor_sees_why_a_video_is_refused(admin_client, video_index, fields, message):
    documents = {"FILM": video_document().pk, "SUBTITLES": webvtt_document().pk}
    fields = {name: documents.get(value, value) for name, value in fields.items()}

    response = admin_client.post(add_page_url(TrainingVideoPage, video_index), video_form(**fields))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not TrainingVideoPage.objects.exists()


@pytest.mark.django_db
def test_subtitles_that_are_not_webvtt_are_refused(admin_client, video_index):
    data = video_form(video_url="https://vimeo.com/76979871", subtitles=[("fr", srt_document())])

    response = admin_client.post(add_page_url(TrainingVideoPage, video_index), data)

    assert response.status_code == 200
    assert (
        "“Subtitles in SubRip format” is not a WebVTT subtitle file: its first line must be WEBVTT."
        in response.content.decode()
    )
    assert not TrainingVideoPage.objects.exists()


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"WEBVTT\n\n00:00.000 --> 00:01.000\nHello", True),
        (b"WEBVTT", True),
        (b"WEBVTT - Kinyarwanda\r\n", True),
        (codecs.BOM_UTF8 + b"WEBVTT\n", True),
        (b"WEBVTTX\n", False),
        (b"1\n00:00:00,000 --> 00:00:04,000\n", False),
        (b"", False),
    ],
)
def test_what_counts_as_webvtt(head, expected):
    assert is_webvtt(head) is expected


@pytest.mark.django_db
def test_api_gives_the_embed_without_asking_youtube(client, programme_index, video_index, programme_kinds):
    programme = ProgrammePageFactory(parent=programme_index, title="Journalists and the UPR")
    video = TrainingVideoPageFactory(
        parent=video_index,
        title="Writing a stakeholder report",
        video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s",
        duration=TWELVE_AND_A_HALF_MINUTES,
        language="fr",
        transcript="<p>Bienvenue dans cette formation.</p>",
        topic=theme("freedom-of-the-press"),
        programme=programme,
        thumbnail=CustomImageFactory(title="Still from the video", file__width=1280, file__height=720),
    )
    TrainingVideoSubtitleFactory(page=video, language="en")
    TrainingVideoSubtitleFactory(page=video, language="rw")

    data = detail(client, video)

    assert data["meta"]["type"] == "programmes.TrainingVideoPage"
    assert data["embed"] == {
        "provider": "youtube",
        "id": "dQw4w9WgXcQ",
        "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s",
        "embed_url": "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    }
    assert data["video_file"] is None
    assert data["duration"] == 750
    assert data["language"] == "fr"
    assert data["transcript"] == "<p>Bienvenue dans cette formation.</p>"
    assert data["topic"] == {"slug": "freedom-of-the-press", "name": "Freedom of the press"}
    assert data["programme"] == {
        "id": programme.pk,
        "title": "Journalists and the UPR",
        "url": programme.url,
        "type": "programmes.ProgrammePage",
    }
    assert data["thumbnail"]["renditions"]["thumbnail"]["width"] == 400
    assert [(item["language"], item["label"]) for item in data["subtitles"]] == [
        ("en", "English"),
        ("rw", "Ikinyarwanda"),
    ]
    subtitle = data["subtitles"][0]["url"]
    assert subtitle.startswith("http://testserver/documents/")
    assert client.get(subtitle.removeprefix("http://testserver")).getvalue().startswith(b"WEBVTT")


@pytest.mark.django_db
def test_api_gives_a_vimeo_player_or_the_video_file(client, video_index):
    vimeo = TrainingVideoPageFactory(parent=video_index, video_url="https://vimeo.com/76979871")
    film = video_document()
    own = TrainingVideoPageFactory(parent=video_index, video_url="", video_file=film, duration=None)

    assert detail(client, vimeo)["embed"]["embed_url"] == "https://player.vimeo.com/video/76979871"
    assert detail(client, vimeo)["embed"]["provider"] == "vimeo"
    data = detail(client, own)
    assert data["embed"] is None
    assert data["duration"] is None
    assert data["video_file"]["id"] == film.pk
    assert data["video_file"]["title"] == "Training film"
    assert data["video_file"]["content_type"] == "video/mp4"
    assert data["video_file"]["url"] == f"http://testserver{film.url}"

    listing = client.get(LISTING, {"type": "programmes.TrainingVideoPage", "fields": "*"}).json()
    assert {item["id"] for item in listing["items"]} == {vimeo.pk, own.pk}
    assert {"embed", "video_file", "subtitles", "duration", "language", "thumbnail"} <= set(
        listing["items"][0]
    )
