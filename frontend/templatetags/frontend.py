"""Template helpers of the public site: StreamField blocks, dates from the API, paths, files."""

import contextlib
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django import template
from django.template.loader import select_template
from django.utils.safestring import mark_safe

from frontend import content, vocabularies

register = template.Library()


@register.simple_tag(takes_context=True)
def stream(context, blocks, heading_level=2):
    """Each block of a StreamField with ``frontend/blocks/<type>.html`` (unknown types left out)."""
    parts = []
    for block in blocks or []:
        chosen = select_template([f"frontend/blocks/{block['type']}.html", "frontend/blocks/unknown.html"])
        parts.append(
            chosen.render({"block": block, "value": block.get("value"), "language": context.get("language")})
        )
    return mark_safe("".join(parts))  # noqa: S308 - the blocks' templates escape what they show


@register.filter
def path(url):
    """The path of an address the API gives (the CMS's own host dropped): a link on this site."""
    return content.path_of(url)


@register.filter
def file_path(url):
    """A document or image address of the CMS, served from this site (path and query kept)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url or "")
    return parts.path + (f"?{parts.query}" if parts.query else "")


@register.filter
def as_date(value):
    try:
        return date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


@register.filter
def as_datetime(value, zone=""):
    """An ISO date-time of the API, in ``zone`` (the event's own) when one is given."""
    try:
        moment = datetime.fromisoformat(str(value))
    except (TypeError, ValueError):
        return None
    if zone:
        with contextlib.suppress(ZoneInfoNotFoundError, ValueError):
            moment = moment.astimezone(ZoneInfo(zone))
    return moment


@register.filter
def utc_offset(moment):
    if not moment:
        return ""
    offset = moment.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


@register.filter
def minutes(seconds):
    try:
        seconds = int(seconds)
    except (TypeError, ValueError):
        return ""
    return f"{seconds // 60}:{seconds % 60:02d}"


@register.filter
def rendition(image, name="medium"):
    """A rendition of an image of the API (its url, width, height, alt), or None."""
    if not image:
        return None
    renditions = image.get("renditions") or {}
    return renditions.get(name) or next(iter(renditions.values()), None)


@register.filter
def publication_type(value):
    return vocabularies.PUBLICATION_TYPES.get(value, value)


@register.filter
def event_type(value):
    return vocabularies.EVENT_TYPES.get(value, value)


@register.filter
def language_name(code):
    return vocabularies.LANGUAGE_NAMES.get(code, code)


@register.filter
def lookup(mapping, key):
    return (mapping or {}).get(key)


@register.filter
def percent(share):
    try:
        return f"{float(share) * 100:.0f} %"
    except (TypeError, ValueError):
        return ""


@register.filter
def make_list_of_one(value):
    return [value]


@register.filter
def describe(bound_field, _same=None):
    """A form field's widget tied to its help text and errors (aria-describedby, aria-invalid)."""
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.auto_id}_help")
    attrs = {}
    if bound_field.errors:
        described.append(f"{bound_field.auto_id}_error")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return bound_field.as_widget(attrs=attrs)
