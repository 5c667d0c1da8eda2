"""StreamField blocks of newsletters and events."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from home.blocks import PageLinkBlock, QuoteBlock

RICH_TEXT = ["bold", "italic", "link", "document-link", "ul", "ol"]


class NewsletterStoryBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=255)
    office = blocks.CharBlock(
        label=_("regional office"), required=False, max_length=120, help_text=_("Where the news comes from.")
    )
    text = blocks.RichTextBlock(features=RICH_TEXT)
    link = PageLinkBlock(required=False, help_text=_("A page to read more, e.g. the full news item."))

    class Meta:
        icon = "doc-full"
        label = _("News")


class NewsletterPageBlock(blocks.StructBlock):
    page = PageLinkBlock(
        page_type=["publications.EventPage", "publications.NewsPage", "publications.PublicationPage"]
    )
    note = blocks.TextBlock(
        required=False, help_text=_("A line to introduce it; the page's summary otherwise.")
    )

    class Meta:
        icon = "link"
        label = _("Event, news or publication")


class DeadlineBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=255, help_text=_("e.g. Stakeholder submissions for the 50th session"))
    date = blocks.DateBlock()
    description = blocks.TextBlock(required=False)
    link = blocks.URLBlock(required=False)

    class Meta:
        icon = "date"
        label = _("Deadline")


class VideoOfTheMonthBlock(blocks.StructBlock):
    # Any page, so that publications does not depend on programmes: editors choose a training video.
    video = PageLinkBlock(help_text=_("The training video page to feature."))
    note = blocks.TextBlock(required=False)

    class Meta:
        icon = "media"
        label = _("Video of the month")


class NewsletterItemsBlock(blocks.StreamBlock):
    story = NewsletterStoryBlock()
    page = NewsletterPageBlock()
    deadline = DeadlineBlock()
    video = VideoOfTheMonthBlock()
    quote = QuoteBlock(label=_("Quote of the month"))


class SpeakerBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=255)
    role = blocks.CharBlock(max_length=255, required=False, help_text=_("e.g. Programme officer"))
    organisation = blocks.CharBlock(max_length=255, required=False)
    photo = ImageBlock(required=False)

    class Meta:
        icon = "user"
        label = _("Speaker")


class AgendaSessionBlock(blocks.StructBlock):
    """One session of the agenda; times are in the event's time zone."""

    starts_at = blocks.TimeBlock(label=_("starts"))
    ends_at = blocks.TimeBlock(label=_("ends"), required=False)
    day = blocks.IntegerBlock(
        min_value=1, default=1, help_text=_("Day of the event, 1 for the first day (multi-day workshops).")
    )
    title = blocks.CharBlock(max_length=255)
    description = blocks.RichTextBlock(features=RICH_TEXT, required=False)
    speakers = blocks.ListBlock(blocks.CharBlock(max_length=255), default=[], required=False)

    class Meta:
        icon = "time"
        label = _("Agenda session")

    def clean(self, value):
        value = super().clean(value)
        if value.get("ends_at") and value["ends_at"] <= value["starts_at"]:
            raise blocks.StructBlockValidationError(
                block_errors={"ends_at": blocks.BlockValidationError(_("A session ends after it starts."))}
            )
        return value


class AgendaStreamBlock(blocks.StreamBlock):
    session = AgendaSessionBlock()
