"""YouTube and Vimeo addresses: which ones a training video accepts, and how to embed them.

The address is checked against Wagtail's own oEmbed URL patterns for the two
providers (the ones ``EmbedBlock`` uses), then the video id is read from it.
Nothing here asks the provider anything: no network in a save, a form or a
test. The embed URL is built from the id: youtube-nocookie.com for YouTube,
so that no tracking cookie is set before the reader presses play.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.embeds.finders.oembed import OEmbedFinder
from wagtail.embeds.oembed_providers import vimeo, youtube

PROVIDERS = {"youtube": OEmbedFinder(providers=[youtube]), "vimeo": OEmbedFinder(providers=[vimeo])}

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
# youtube.com/shorts/ID, /live/ID, /v/ID
YOUTUBE_PATH = re.compile(r"^/(?:shorts|live|v)/([A-Za-z0-9_-]{11})(?:[/?#]|$)")
# vimeo.com/ID, vimeo.com/ID/HASH (an unlisted video), vimeo.com/channels/NAME/ID,
# vimeo.com/groups/NAME/videos/ID, vimeo.com/album/N/video/ID, vimeo.com/showcase/N/video/ID,
# player.vimeo.com/video/ID
VIMEO_PATH = re.compile(
    r"^/(?:channels/[^/]+/|groups/[^/]+/videos/|(?:album|showcase)/\d+/video/|video/)?"
    r"(\d+)(?:/([0-9a-f]+))?/?$"
)


class UnsupportedVideoURL(ValueError):
    pass


@dataclass(frozen=True)
class VideoEmbed:
    provider: str
    video_id: str
    url: str
    # Vimeo's privacy hash of an unlisted video; the player needs it.
    vimeo_hash: str = ""

    @property
    def embed_url(self):
        if self.provider == "youtube":
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}"
        suffix = f"?h={self.vimeo_hash}" if self.vimeo_hash else ""
        return f"https://player.vimeo.com/video/{self.video_id}{suffix}"


def provider_of(url):
    """``"youtube"``, ``"vimeo"`` or None, by Wagtail's oEmbed URL patterns."""
    for name, finder in PROVIDERS.items():
        if finder.accept(url):
            return name
    return None


def _youtube_id(parts):
    if parts.hostname == "youtu.be":
        candidate = parts.path.strip("/").split("/")[0]
        return candidate if YOUTUBE_ID.match(candidate) else None
    if parts.path.rstrip("/") == "/watch":
        candidate = parse_qs(parts.query).get("v", [""])[0]
        return candidate if YOUTUBE_ID.match(candidate) else None
    match = YOUTUBE_PATH.match(parts.path)
    return match.group(1) if match else None


def parse_video_url(url):
    """The provider, id and embed URL of a YouTube or Vimeo video address.

    Raises UnsupportedVideoURL for another provider, or for an address of the
    right provider that is not one video (a channel, a playlist, a profile).
    """
    url = (url or "").strip()
    provider = provider_of(url)
    if provider is None:
        raise UnsupportedVideoURL(url)
    parts = urlsplit(url)
    if provider == "youtube":
        video_id = _youtube_id(parts)
        if video_id is None:
            raise UnsupportedVideoURL(url)
        return VideoEmbed("youtube", video_id, url)
    match = VIMEO_PATH.match(parts.path)
    if match is None:
        raise UnsupportedVideoURL(url)
    video_hash = match.group(2) or parse_qs(parts.query).get("h", [""])[0]
    return VideoEmbed("vimeo", match.group(1), url, vimeo_hash=video_hash)


def validate_video_url(value):
    """Model-field validator: a YouTube or Vimeo address of one video."""
    if not value:
        return
    if provider_of(value.strip()) is None:
        raise ValidationError(
            _(
                "Only YouTube and Vimeo videos can be embedded. Give the address of the video on "
                "YouTube or Vimeo, or upload the video file instead."
            ),
            code="unknown_provider",
        )
    try:
        parse_video_url(value)
    except UnsupportedVideoURL:
        raise ValidationError(
            _(
                "This address is not one video (it may be a channel, a profile or a playlist). "
                "Open the video and copy the address from the browser, e.g. "
                "https://www.youtube.com/watch?v=… or https://vimeo.com/123456789."
            ),
            code="not_a_video",
        ) from None
