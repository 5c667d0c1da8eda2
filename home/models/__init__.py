from .images import CustomImage, CustomRendition
from .pages import BasePage, HomePage, StandardPage

__all__ = ["BasePage", "CustomImage", "CustomRendition", "HomePage", "StandardPage"]
