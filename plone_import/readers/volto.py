"""The text of a Volto page (``blocks`` and ``blocks_layout``) as HTML, for the pages Plone 6 edits with Volto.

Only the blocks that carry the page's text are kept: slate text, images
and plain HTML. Title and description blocks repeat fields the item already
has; listings and teasers are built from other content and have no text.
"""

from html import escape

SLATE_TAGS = {
    "p": "p",
    "h2": "h2",
    "h3": "h3",
    "h4": "h4",
    "ul": "ul",
    "ol": "ol",
    "li": "li",
    "blockquote": "blockquote",
    "strong": "strong",
    "b": "strong",
    "em": "em",
    "i": "em",
    "u": "u",
    "del": "del",
    "sub": "sub",
    "sup": "sup",
    "code": "code",
}


def blocks_to_html(blocks, layout) -> str:
    if not isinstance(blocks, dict):
        return ""
    order = (layout or {}).get("items") or list(blocks)
    parts = []
    for block_id in order:
        block = blocks.get(block_id) or {}
        kind = block.get("@type")
        if kind == "slate":
            parts.append("".join(_slate(node) for node in block.get("value") or []))
        elif kind == "image" and block.get("url"):
            align = {"left": "image-left", "right": "image-right"}.get(block.get("align"), "image-inline")
            parts.append(
                f'<p><img src="{escape(block["url"])}" alt="{escape(block.get("alt") or "")}" class="{align}"></p>'
            )
        elif kind == "html" and block.get("html"):
            parts.append(block["html"])
        elif kind == "text" and isinstance(block.get("text"), dict):
            # Draft.js text of Plone 5.2 / early Volto: keep its plain text.
            text = "\n".join(b.get("text", "") for b in block["text"].get("blocks", []))
            if text.strip():
                parts.append(f"<p>{escape(text)}</p>")
    return "".join(parts)


def _slate(node) -> str:
    if "text" in node and "type" not in node:
        return escape(node["text"])
    inner = "".join(_slate(child) for child in node.get("children") or [])
    kind = node.get("type")
    if kind == "link":
        url = ((node.get("data") or {}).get("url")) or ""
        return f'<a href="{escape(url)}">{inner}</a>'
    tag = SLATE_TAGS.get(kind)
    return f"<{tag}>{inner}</{tag}>" if tag else inner
