from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from api.api_fields import ImageField, RelatedPageField
from api.filters import APIFilter
from home.models import BasePage, IndexPage
from programmes.api_fields import DocumentField, DurationSecondsField, EmbedField, SubtitlesField
from programmes.embeds import validate_video_url
from programmes.validators import validate_video_document, validate_webvtt_document
from upr.api_fields import VocabularyField
from upr.models import source_rows


class TrainingVideoIndexPage(IndexPage):
    """The list of training videos (one per site language)."""

    parent_page_types = ["programmes.ProgrammeIndexPage", "home.HomePage"]
    subpage_types = ["programmes.TrainingVideoPage"]

    class Meta:
        verbose_name = _("training video index")
        verbose_name_plural = _("training video indexes")


class TrainingVideoPage(BasePage):
    """A training video: on YouTube or Vimeo, or a file of our own, with subtitles and a transcript."""

    video_url = models.URLField(
        _("YouTube or Vimeo address"),
        blank=True,
        validators=[validate_video_url],
        help_text=_(
            "The address of the video on YouTube or Vimeo, e.g. https://www.youtube.com/watch?v=… "
            "Give this or a video file, not both."
        ),
    )
    video_file = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("video file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An MP4 or WebM file, for a video that is not on YouTube or Vimeo."),
    )
    duration = models.DurationField(
        _("duration"),
        null=True,
        blank=True,
        help_text=_("Hours, minutes and seconds, e.g. 1:05:30 or 12:40."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language spoken in the video."),
    )
    transcript = RichTextField(
        _("transcript"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul", "h3", "h4"],
        help_text=_("What is said in the video, for people who cannot hear it and for search engines."),
    )
    topic = models.ForeignKey(
        "upr.Theme",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="training_videos",
        limit_choices_to=source_rows,
    )
    programme = models.ForeignKey(
        "programmes.ProgrammePage",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The programme the video was made for, if any."),
    )
    thumbnail = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("thumbnail"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in lists of videos and before the video plays."),
    )

    parent_page_types = ["programmes.TrainingVideoIndexPage"]
    subpage_types = []

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("transcript"),
        *(
            SynchronizedField(name)
            for name in (
                "video_url",
                "video_file",
                "duration",
                "language",
                "subtitles",
                "topic",
                "programme",
                "thumbnail",
            )
        ),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("transcript"),
        index.FilterField("language"),
        index.FilterField("topic"),
        index.FilterField("programme"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("embed", serializer=EmbedField(source="video_url")),
        APIField("video_file", serializer=DocumentField()),
        APIField("duration", serializer=DurationSecondsField()),
        APIField("language"),
        APIField("subtitles", serializer=SubtitlesField()),
        APIField("transcript"),
        APIField("topic", serializer=VocabularyField("themes", many=False)),
        APIField("programme", serializer=RelatedPageField()),
        APIField("thumbnail", serializer=ImageField()),
    ]
    api_related_rows = {"subtitles": ("file",)}
    api_filters = [
        APIFilter("theme", "topic__slug"),
        APIFilter("language", "language"),
    ]
    search_result_kind = "video"

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("video_url"), FieldPanel("video_file")],
            heading=_("Video"),
            help_text=_("A YouTube or Vimeo address, or a video file: one of the two."),
        ),
        FieldPanel("thumbnail"),
        MultiFieldPanel([FieldPanel("language"), FieldPanel("duration")], heading=_("About the video")),
        InlinePanel("subtitles", heading=_("Subtitles"), label=_("subtitles")),
        FieldPanel("transcript"),
        MultiFieldPanel(
            [FieldPanel("topic"), PageChooserPanel("programme", page_type="programmes.ProgrammePage")],
            heading=_("Classification"),
        ),
    ]

    class Meta:
        verbose_name = _("training video")
        verbose_name_plural = _("training videos")

    def clean(self):
        super().clean()
        if self.video_url and self.video_file_id:
            message = _("Give a YouTube or Vimeo address or a video file, not both.")
            raise ValidationError({"video_url": message, "video_file": message})
        if not self.video_url and not self.video_file_id:
            message = _("Give a YouTube or Vimeo address, or choose a video file.")
            raise ValidationError({"video_url": message, "video_file": message})
        if self.video_file_id:
            try:
                validate_video_document(self.video_file)
            except ValidationError as error:
                raise ValidationError({"video_file": error.messages}) from None


class TrainingVideoSubtitle(Orderable):
    """Subtitles of a training video in one language, as a WebVTT (.vtt) file."""

    page = ParentalKey(TrainingVideoPage, on_delete=models.CASCADE, related_name="subtitles")
    language = models.CharField(_("language"), max_length=8, choices=settings.WAGTAIL_CONTENT_LANGUAGES)
    file = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("WebVTT file"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("A .vtt file (not .srt): its first line reads WEBVTT."),
    )

    panels = [FieldPanel("language"), FieldPanel("file")]

    class Meta(Orderable.Meta):
        verbose_name = _("subtitles")
        verbose_name_plural = _("subtitles")

    def clean(self):
        super().clean()
        if self.file_id:
            try:
                validate_webvtt_document(self.file)
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from None
