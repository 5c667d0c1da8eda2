from .content_version import ContentVersion
from .images import CustomImage, CustomRendition
from .pages import BasePage, HomePage, StandardPage

__all__ = ["BasePage", "ContentVersion", "CustomImage", "CustomRendition", "HomePage", "StandardPage"]
