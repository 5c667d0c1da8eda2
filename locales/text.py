"""Text as the apps compare it whatever its language: without case or accents."""

import re
import unicodedata

# The combining marks that decomposed accented letters leave (é -> e + U+0301).
COMBINING_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text):
    """``text`` in lower case without accents: "Côte d’Ivoire" -> "cote d’ivoire"."""
    text = text.casefold()
    if text.isascii():
        return text
    return COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text))
