from search.models.documents import DocumentPage, DocumentText
from search.models.entries import SearchEntry, SearchEntryTag
from search.models.words import SearchWord

__all__ = ["DocumentPage", "DocumentText", "SearchEntry", "SearchEntryTag", "SearchWord"]
