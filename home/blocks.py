"""StreamField blocks shared by every page type."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=255)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Level 2"), ("h3", "Level 3"), ("h4", "Level 4")],
        default="h2",
        help_text="Use level 2 for the main sections of the page.",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "openquote"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, help_text="Defaults to the document's own title.")

    class Meta:
        icon = "doc-full"


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        # h2 and images too: what a Plone page holds survives its first edit here.
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h2", "h3", "h4", "image"]
    )
    image = ImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(help_text="A YouTube or Vimeo address, for example.")
    document = DocumentLinkBlock()


class PageLinkBlock(blocks.PageChooserBlock):
    """A chosen page, given in the API as its id, title, url and type rather than a bare id."""

    def get_api_representation(self, value, context=None):
        from api.api_fields import localised_page, page_summary  # that module imports the models

        if value is None:
            return None
        # The page in the reader's language (see api.api_fields.LocalisedStreamField).
        page = localised_page(value, (context or {}).get("locale"))
        return page_summary(page) if page.live else None


class FeaturedPageBlock(blocks.StructBlock):
    page = PageLinkBlock()
    note = blocks.CharBlock(
        required=False, max_length=255, help_text="A line to put it forward; its summary otherwise."
    )

    class Meta:
        icon = "pick"
        label = "Featured page"


class FeaturedStreamBlock(blocks.StreamBlock):
    page = FeaturedPageBlock()
