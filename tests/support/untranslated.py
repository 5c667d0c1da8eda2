"""Our own strings left in English on a page shown in another language: the msgids of the project's
catalogue (the strings of our apps) that have a translation there, found word for word in the page's
text. Only strings of two words or more, without placeholders or markup, are looked for, so that a
name, a code or a single word that is the same in both languages is not taken for one."""

import functools
import re

import polib

from tests.support.settings import REPO

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|<[^>]+>|`")


@functools.cache
def _translated(language):
    catalogue = polib.pofile(str(REPO / "locales" / language / "LC_MESSAGES" / "django.po"))
    return frozenset(
        entry.msgid
        for entry in catalogue
        if entry.msgstr
        and not entry.obsolete
        and "fuzzy" not in entry.flags
        and entry.msgstr != entry.msgid
        and not PLACEHOLDER.search(entry.msgid)
        and len(entry.msgid.split()) >= 2
    )


def english_left(text, language):
    """Our English strings that appear in ``text`` although ``language`` has a translation of them."""
    flat = " ".join(text.split())
    return sorted(msgid for msgid in _translated(language) if " ".join(msgid.split()) in flat)
