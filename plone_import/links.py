"""Plone rich text as Wagtail rich text: links to pages and documents by id, images as embeds.

Plone links to its own content by UID (``resolveuid/<uid>``, possibly
followed by a view such as ``/@@download/file`` or ``/@@images/image/large``)
or by path (``/about/team``, ``../team``, ``http://site/Plone/about``).
Those that resolve to an imported item become ``<a linktype="page" id="…">``,
``<a linktype="document" id="…">`` or ``<embed embedtype="image" id="…">``;
the others are left as they are and reported.
"""

import re
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

PAGE = "page"
DOCUMENT = "document"
IMAGE = "image"

RESOLVE_UID = re.compile(r"resolve[uU]id/([0-9a-zA-Z_-]+)")
# What Plone appends to an item's path to show or download it.
VIEW_SUFFIX = re.compile(
    r"/(?:@@[\w.-]+|view|image_\w+|images/[\w.-]+|download(?:/.*)?|at_download(?:/.*)?|\+\+[\w+-]+.*)(?:/.*)?$"
)
IMAGE_FORMATS = {"image-left": "left", "image-right": "right"}


@dataclass(frozen=True)
class Target:
    kind: str  # PAGE, DOCUMENT or IMAGE
    id: int


class LinkRewriter:
    """Rewrites the HTML of many items against one index of imported items."""

    def __init__(self, targets_by_uid, uids_by_path, portal_url=""):
        self.targets_by_uid = targets_by_uid
        self.uids_by_path = uids_by_path
        self.portal_url = portal_url.rstrip("/")
        self.portal_host = urlsplit(self.portal_url).netloc

    def rewrite(self, html, item_path):
        """``(html, unresolved)``: the rewritten HTML and the addresses that point inside the site to nothing."""
        if not html or ("<a" not in html and "<img" not in html):
            return html, []
        soup = BeautifulSoup(html, "html.parser")
        unresolved = []
        for link in soup.find_all("a", href=True):
            href = link["href"]
            target, internal = self.resolve(href, item_path)
            if target is None:
                if internal:
                    unresolved.append(href)
                continue
            if target.kind == IMAGE:
                # Wagtail has no link type for images: a link to the image keeps its address.
                unresolved.append(href)
                continue
            attributes = {"linktype": target.kind, "id": str(target.id)}
            link.attrs = attributes
        for image in soup.find_all("img"):
            src = image.get("src", "")
            target, internal = self.resolve(src, item_path)
            if target is None or target.kind != IMAGE:
                if internal or target is not None:
                    unresolved.append(src)
                continue
            classes = image.get("class") or []
            image_format = next((IMAGE_FORMATS[c] for c in classes if c in IMAGE_FORMATS), "fullwidth")
            embed = soup.new_tag("embed")
            embed.attrs = {
                "embedtype": "image",
                "id": str(target.id),
                "format": image_format,
                "alt": image.get("alt", ""),
            }
            image.replace_with(embed)
        return str(soup), unresolved

    def resolve(self, address, item_path):
        """``(Target or None, internal)``: what the address points to, and whether it points inside the site."""
        address = (address or "").strip()
        if not address or address.startswith(("#", "mailto:", "tel:", "data:", "javascript:")):
            return None, False
        if match := RESOLVE_UID.search(address):
            return self.targets_by_uid.get(match.group(1)), True
        parts = urlsplit(address)
        if parts.scheme or parts.netloc:
            if parts.scheme not in ("http", "https", "") or not self.portal_host:
                return None, False
            if parts.netloc != self.portal_host:
                return None, False
            path = parts.path
            portal_path = urlsplit(self.portal_url).path.rstrip("/")
            if portal_path and (path == portal_path or path.startswith(portal_path + "/")):
                path = path[len(portal_path) :]
        elif "${" in parts.path:  # "${portal_url}/…", "${navigation_root_url}/…"
            path = re.sub(r"^.*\$\{[^}]*\}", "", parts.path)
        else:
            path = parts.path
        if path.startswith("/"):
            paths = [path]
        else:
            # Relative to the item's address: as a page (a Document) or as a folder.
            paths = [urljoin(item_path, path), urljoin(item_path.rstrip("/") + "/", path)]
        for path in paths:
            path = unquote(path).rstrip("/") or "/"
            for candidate in (path, VIEW_SUFFIX.sub("", path) or "/"):
                uid = self.uids_by_path.get(candidate)
                if uid is not None:
                    return self.targets_by_uid.get(uid), True
        return None, True
