"""StreamField blocks of the recommendations database."""

from wagtail import blocks


class ActionBlock(blocks.StructBlock):
    """One line of an action strategy, as civil-society coalitions draw them up."""

    activity = blocks.TextBlock()
    resources = blocks.TextBlock(required=False)
    partners = blocks.TextBlock(required=False)
    timeframe = blocks.CharBlock(required=False, max_length=255)
    risks = blocks.TextBlock(required=False)
    mitigation = blocks.TextBlock(required=False)
