"""The shape of the numbers every query parameter of the API takes (api/contract.py checks them,
api/openapi.py describes them). Imports nothing, so that models may declare filters with it."""

import re

# The largest number a query parameter may give: it fits every database's integer column.
LARGEST_NUMBER = 999_999_999
_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")


def is_whole_number(value):
    """Whether ``value`` is written as a whole number of at most nine ASCII digits."""
    return bool(_WHOLE_NUMBER.fullmatch(value))
