"""Which Wagtail model each Plone item becomes: by portal_type, or by path prefix (``--map``)."""

from dataclasses import dataclass, field

from django.apps import apps

from wagtail.models import Page

# What becomes of each Plone type. Pages are named by model label; the other
# kinds are handled apart: documents, images, redirects, and the folders
# Plone uses for languages, which become the home page of their locale.
PAGE_TYPES = {
    "Document": "home.StandardPage",
    "Folder": "home.StandardPage",
    "LIF": "home.StandardPage",
    "Collection": "home.StandardPage",
    "Topic": "home.StandardPage",
    "News Item": "publications.NewsPage",
    "Event": "publications.EventPage",
}
DOCUMENT = "document"
IMAGE = "image"
LINK = "link"
LANGUAGE_ROOT = "language_root"
KINDS = {"File": DOCUMENT, "Image": IMAGE, "Link": LINK, "LRF": LANGUAGE_ROOT}
FOLDER_TYPES = {"Folder", "LIF", "Document"}


class MappingError(ValueError):
    pass


@dataclass
class TypeMapping:
    # (path prefix, page model) from the longest prefix to the shortest.
    prefixes: list[tuple[str, type[Page]]] = field(default_factory=list)

    @classmethod
    def from_options(cls, options):
        """``["/publications=publications.PublicationPage", ...]`` as a TypeMapping."""
        prefixes = []
        for option in options or []:
            prefix, sep, label = option.partition("=")
            if not sep or not prefix.startswith("/"):
                raise MappingError(
                    f"“{option}”: expected /path=app.Model, e.g. /publications=publications.PublicationPage."
                )
            prefixes.append((prefix.rstrip("/") or "/", page_model(label)))
        prefixes.sort(key=lambda entry: len(entry[0]), reverse=True)
        return cls(prefixes)

    def kind(self, item):
        """A page model, or one of DOCUMENT, IMAGE, LINK, LANGUAGE_ROOT; None when the type is not imported."""
        if item.portal_type in KINDS:
            return KINDS[item.portal_type]
        for prefix, model in self.prefixes:
            if item.path == prefix and item.portal_type in FOLDER_TYPES:
                # The folder the mapped items live in becomes their index, if they need one.
                index = index_model_for(model)
                return index or PAGE_MODELS_BY_LABEL()[PAGE_TYPES[item.portal_type]]
            if item.path.startswith(prefix.rstrip("/") + "/") and item.portal_type in {
                "Document",
                "News Item",
            }:
                return model
        label = PAGE_TYPES.get(item.portal_type)
        return PAGE_MODELS_BY_LABEL()[label] if label else None

    def publication_prefix(self, item):
        """Whether a File at this path also becomes a page (of the model mapped to its prefix)."""
        for prefix, model in self.prefixes:
            if item.path.startswith(prefix.rstrip("/") + "/"):
                return model
        return None


def page_model(label):
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        raise MappingError(f"“{label}” is not a model (expected app_label.ModelName).") from None
    if not issubclass(model, Page):
        raise MappingError(f"“{label}” is not a page type.")
    return model


def index_model_for(model):
    """The one page type ``model`` must live under, when there is exactly one and it is not the home page."""
    parents = model.allowed_parent_page_models()
    if len(parents) == 1 and parents[0] is not Page and parents[0]._meta.label != "home.HomePage":
        return parents[0]
    return None


def PAGE_MODELS_BY_LABEL():
    return {label: apps.get_model(label) for label in PAGE_TYPES.values()}


def accepts(parent_model, child_model):
    return child_model in parent_model.allowed_subpage_models() and parent_model in (
        child_model.allowed_parent_page_models()
    )
