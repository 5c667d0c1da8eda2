from .images import CustomImage, CustomRendition
from .pages import BasePage, HomePage, IndexPage, StandardPage

__all__ = ["BasePage", "CustomImage", "CustomRendition", "HomePage", "IndexPage", "StandardPage"]
