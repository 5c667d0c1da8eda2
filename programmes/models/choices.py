"""What the choosers of programme and video pages offer."""

# The page types a programme's "related content" may link to. Strings, so
# that a type that does not exist (yet) breaks nothing: clean() checks them.
RELATED_PAGE_TYPES = (
    "publications.PublicationPage",
    "publications.EventPage",
    "publications.NewsPage",
    "programmes.TrainingVideoPage",
)
