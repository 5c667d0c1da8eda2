from search.models.documents import DocumentPage, DocumentText
from search.models.entries import SearchEntry, SearchEntryTag

__all__ = ["DocumentPage", "DocumentText", "SearchEntry", "SearchEntryTag"]
