"""Write demo content into pages without creating a revision when nothing changed."""

import copy

from wagtail.fields import StreamField


def _without_block_ids(stream_data):
    return [{"type": block["type"], "value": block["value"]} for block in stream_data]


def _current_value(page, name):
    field = page._meta.get_field(name)
    value = getattr(page, name)
    if isinstance(field, StreamField):
        return _without_block_ids(value.get_prep_value())
    return value


def update_page(page, fields, *, user=None):
    """Set ``fields`` on ``page`` and publish it if any of them changed. Return whether it changed."""
    changed = {name: value for name, value in fields.items() if _current_value(page, name) != value}
    if not changed and page.live and not page.has_unpublished_changes:
        return False
    for name, value in changed.items():
        # Wagtail writes block ids into the stream data it is given: keep the content pristine.
        setattr(page, name, copy.deepcopy(value))
    page.save_revision(user=user, log_action=True).publish(user=user)
    return True
