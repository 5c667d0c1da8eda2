"""Match the names of states found in data files to ISO 3166-1 alpha-3 codes.

Names are compared after ``normalise`` (case, accents, apostrophes,
punctuation and a leading "the" do not matter). Matching is exact on the
normalised form: a name that is not in the index gives ``None``, never a
guess.

The index holds, for every state in ``STATES``, its English, French and
Kinyarwanda names, the CLDR and ISO 3166 names it is derived from, and the
spellings in ``ALIASES``.
"""

import difflib
import html
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache

import pycountry
from babel import Locale

from upr.reference.countries import STATES

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")

# Spellings of state names used in the data sources (UPR Info, OHCHR
# matrices) and the official UN forms, beyond the names in ``STATES``.
ALIASES = {
    # UPR Info database, 2008-2014
    "Antigua & Barbuda": "ATG",
    "Bosnia & Herzegovina": "BIH",
    "Brunei Darussalam": "BRN",
    "Cape Verde": "CPV",
    "Cote d'Ivoire": "CIV",
    "Czech Republic": "CZE",
    "DPR Korea": "PRK",
    "Democratic Republic of Congo": "COD",
    "Guinea Bissau": "GNB",
    "Holy See": "VAT",
    "Laos": "LAO",
    "Macedonia FYR": "MKD",
    "Micronesia": "FSM",
    "Moldova": "MDA",
    "Palestine": "PSE",
    "Republic of Congo": "COG",
    "Republic of Korea": "KOR",
    "Russian Federation": "RUS",
    "Sao Tome & Principe": "STP",
    "St Kitts & Nevis": "KNA",
    "St Lucia": "LCA",
    "St Vincent & the Grenadines": "VCT",
    "Swaziland": "SWZ",
    "Syria": "SYR",
    "Tanzania": "TZA",
    "Timor-Leste": "TLS",
    "Trinidad & Tobago": "TTO",
    "Turkey": "TUR",
    "United Kingdom": "GBR",
    "United States": "USA",
    "Viet Nam": "VNM",
    # OHCHR matrices
    "Bolivarian Republic of Venezuela": "VEN",
    "Islamic Republic of Iran": "IRN",
    "Kingdom of the Netherlands": "NLD",
    "United States of America": "USA",
    # Official UN names and other common forms
    "Bolivia (Plurinational State of)": "BOL",
    "Burma": "MMR",
    "Cabo Verde": "CPV",
    "Congo": "COG",
    "Republic of the Congo": "COG",
    "Czechia": "CZE",
    "Côte d'Ivoire": "CIV",
    "Ivory Coast": "CIV",
    "DR Congo": "COD",
    "DRC": "COD",
    "RDC": "COD",
    "Democratic Republic of the Congo": "COD",
    "Democratic People's Republic of Korea": "PRK",
    "Eswatini": "SWZ",
    "Iran (Islamic Republic of)": "IRN",
    "Lao People's Democratic Republic": "LAO",
    "Micronesia (Federated States of)": "FSM",
    "Myanmar": "MMR",
    "North Macedonia": "MKD",
    "the former Yugoslav Republic of Macedonia": "MKD",
    "Republic of Moldova": "MDA",
    "State of Palestine": "PSE",
    "Syrian Arab Republic": "SYR",
    "Türkiye": "TUR",
    "United Kingdom of Great Britain and Northern Ireland": "GBR",
    "United Republic of Tanzania": "TZA",
    "Venezuela (Bolivarian Republic of)": "VEN",
    "Vatican": "VAT",
}


def normalise(name: str) -> str:
    """A comparison key for a name: case, accents and punctuation removed.

    >>> normalise("The Côte d’Ivoire")
    'cote d ivoire'
    >>> normalise("Sao Tome &amp; Principe")
    'sao tome and principe'
    """
    text = html.unescape(name).translate(_APOSTROPHES).casefold()
    text = "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))
    text = text.replace("&", " and ")
    text = _NOT_LETTER_OR_DIGIT.sub(" ", text).strip()
    return text.removeprefix("the ")


def split_states(text: str) -> list[str]:
    """The state names in an OHCHR "recommending_state" cell such as "France; Lithuania"."""
    return [part.strip() for part in text.split(";") if part.strip()]


def _library_names(iso3, cldr_territories):
    """The ISO 3166 (pycountry) and CLDR names of a state."""
    country = pycountry.countries.get(alpha_3=iso3)
    yield country.name
    for attribute in ("official_name", "common_name"):
        if name := getattr(country, attribute, None):
            yield name
    for territories in cldr_territories:
        if name := territories.get(country.alpha_2):
            yield name


@cache
def _builtin_index():
    cldr_territories = [Locale(language).territories for language in ("en", "fr")]
    index = {}
    for state in STATES:
        names = [state.name_en, state.name_fr, state.name_rw, *_library_names(state.iso3, cldr_territories)]
        for name in names:
            _add(index, name, state.iso3)
    for name, iso3 in ALIASES.items():
        _add(index, name, iso3)
    return index


def _add(index, name, iso3):
    key = normalise(name)
    if not key:
        return
    known = index.setdefault(key, iso3)
    if known != iso3:
        raise ValueError(f"{name!r} would match both {known} and {iso3}")


class CountryMatcher:
    """Resolve state names to ISO 3166-1 alpha-3 codes, exactly (after ``normalise``).

    ``extra_aliases`` maps further spellings to codes, e.g. the aliases
    editors add in the admin. They are applied last, so an extra alias
    takes precedence over a built-in spelling with the same normalised form.
    """

    def __init__(self, extra_aliases: Mapping[str, str] | None = None):
        self._index = dict(_builtin_index())
        for name, iso3 in (extra_aliases or {}).items():
            if key := normalise(name):
                self._index[key] = iso3.strip().upper()

    def match(self, name: str | None) -> str | None:
        """The ISO code for ``name``, or ``None`` if the name is unknown."""
        if not name:
            return None
        return self._index.get(normalise(name))

    def closest(self, name: str | None, cutoff: float = 0.85) -> str | None:
        """The ISO code of the state whose name ``name`` is most likely a misspelling of (one
        letter or space off: "Sierra Le one"), or ``None``. Only ever a suggestion to report,
        never a match."""
        key = normalise(name or "")
        if not key:
            return None
        found = difflib.get_close_matches(key, self._index.keys(), n=1, cutoff=cutoff)
        return self._index[found[0]] if found else None

    def match_many(self, names: Iterable[str]) -> list[str | None]:
        """``match`` for each name, in order."""
        return [self.match(name) for name in names]


@cache
def default_matcher() -> CountryMatcher:
    """A shared matcher built from ``STATES`` and ``ALIASES`` only."""
    return CountryMatcher()
