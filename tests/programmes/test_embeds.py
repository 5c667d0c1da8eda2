"""YouTube and Vimeo addresses: provider, id and embed URL, worked out without asking anyone."""

import pytest

from django.core.exceptions import ValidationError

from programmes.embeds import UnsupportedVideoURL, parse_video_url, validate_video_url


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s",
        "http://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PL590L5WQmH8fJ54F369BLDSqIwcs-TCfs",
        "https://youtu.be/dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ?si=abc",
        "https://www.youtube.com/shorts/dQw4w9WgXcQ",
        "https://www.youtube.com/live/dQw4w9WgXcQ?feature=shared",
        "https://www.youtube.com/v/dQw4w9WgXcQ",
    ],
)
def test_youtube_addresses(url):
    embed = parse_video_url(url)
    assert (embed.provider, embed.video_id) == ("youtube", "dQw4w9WgXcQ")
    assert embed.embed_url == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert embed.url == url


@pytest.mark.parametrize(
    "url",
    [
        "https://vimeo.com/76979871",
        "https://www.vimeo.com/76979871/",
        "https://vimeo.com/channels/staffpicks/76979871",
        "https://vimeo.com/groups/shortfilms/videos/76979871",
        "https://vimeo.com/showcase/9876/video/76979871",
        "https://player.vimeo.com/video/76979871",
    ],
)
def test_vimeo_addresses(url):
    embed = parse_video_url(url)
    assert (embed.provider, embed.video_id) == ("vimeo", "76979871")
    assert embed.embed_url == "https://player.vimeo.com/video/76979871"


def test_an_unlisted_vimeo_video_keeps_its_privacy_hash():
    assert parse_video_url("https://vimeo.com/76979871/8d2a4c1e0f").embed_url == (
        "https://player.vimeo.com/video/76979871?h=8d2a4c1e0f"
    )
    assert parse_video_url("https://player.vimeo.com/video/76979871?h=8d2a4c1e0f").embed_url == (
        "https://player.vimeo.com/video/76979871?h=8d2a4c1e0f"
    )


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("https://www.dailymotion.com/video/x7tgad0", "unknown_provider"),
        ("https://example.org/training.mp4", "unknown_provider"),
        ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "unknown_provider"),
        ("https://www.youtube.com/playlist?list=PL590L5WQmH8fJ54F369BLDSqIwcs-TCfs", "not_a_video"),
        ("https://www.youtube.com/user/UNHumanRights", "not_a_video"),
        ("https://www.youtube.com/watch?v=too-short", "not_a_video"),
        ("https://vimeo.com/channels/staffpicks", "not_a_video"),
    ],
)
def test_other_addresses_are_refused_with_a_reason(url, code):
    with pytest.raises(UnsupportedVideoURL):
        parse_video_url(url)
    with pytest.raises(ValidationError) as error:
        validate_video_url(url)
    assert error.value.code == code


def test_an_empty_address_is_left_to_the_page_to_judge():
    validate_video_url("")
