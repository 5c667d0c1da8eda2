from .images import CustomImage, CustomRendition
from .pages import BasePage, HomePage

__all__ = ["BasePage", "CustomImage", "CustomRendition", "HomePage"]
