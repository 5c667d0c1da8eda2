"""StreamField blocks of the legal-assistance pages."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

ANSWER_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class FAQBlock(blocks.StructBlock):
    """A question a journalist asks, and its answer."""

    question = blocks.CharBlock(
        label=_("Question"),
        max_length=255,
        help_text=_("As a journalist would ask it, e.g. “Can the police take my camera?”"),
    )
    answer = blocks.RichTextBlock(label=_("Answer"), features=ANSWER_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question and answer")
        label_format = "{question}"


class FAQStreamBlock(blocks.StreamBlock):
    faq = FAQBlock()
