from .choices import Topic
from .hotlines import HotlineContact
from .pages import LegalAidIndexPage, LegalInformationPage, LegalInformationRelatedPage

__all__ = [
    "HotlineContact",
    "LegalAidIndexPage",
    "LegalInformationPage",
    "LegalInformationRelatedPage",
    "Topic",
]
