"""The shape of the numbers every query parameter of the API takes (api/contract.py checks them,
api/openapi.py describes them). Imports nothing, so that models may declare filters with it."""

import re

# The largest number a query parameter may give: it fits every database's integer column.
LARGEST_NUMBER = 999_999_999
_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")


def is_whole_number(value):
    """Whether ``value`` is written as a whole number of at most nine ASCII digits."""
    return bool(_WHOLE_NUMBER.fullmatch(value))


# A text query (``q``) is read up to this many words, the rest left out (``meta.query`` says what
# was searched); beyond this many characters it is refused with a 400. Both keep every search
# linear and small, whatever a reader or a robot sends.
MAX_QUERY_WORDS = 32
MAX_QUERY_CHARACTERS = 1000


def query_error(text):
    """Why a text query is refused, or None."""
    if len(text) > MAX_QUERY_CHARACTERS:
        return f"q: at most {MAX_QUERY_CHARACTERS} characters (this one has {len(text)})"
    return None
