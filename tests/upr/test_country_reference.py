"""The reference table of UPR states and the state-name matcher, against the real data files."""

import csv
from functools import cache
from pathlib import Path

import pycountry
import pytest

from upr.reference.countries import MEMBERSHIP_CORRECTIONS, ORGANISATIONS, REGIONAL_GROUPS, STATES, by_iso3
from upr.reference.matching import CountryMatcher, default_matcher, normalise, split_states

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
UPR_INFO_FILES = [
    SHARED_DATA / "upr-info" / "recommendations-2008-2014.csv",
    SHARED_DATA / "upr-info" / "voluntary-pledges-2008-2014.csv",
]
OHCHR_FILES = sorted((SHARED_DATA / "ohchr-matrices").glob("*.csv"))
UNKNOWN = "&#40;Unknown&#41;"
# Parenthesised convention numbers that the CSV extraction of the UPR34
# Slovenia matrix took for recommending states, e.g. "... Convention, 1930 (No. 29) (United Kingdom ...)".
OHCHR_NOT_STATES = {"No. 29", "No. 189"}
DATA_GROUPS = {"Africa": "AFRICA", "Asia": "ASIA_PACIFIC", "EEG": "EEG", "GRULAC": "GRULAC", "WEOG": "WEOG"}


@cache
def read_rows(path):
    with open(path, encoding="utf-8", newline="") as file:
        return tuple(csv.DictReader(file))


def upr_info_names():
    names = set()
    for path in UPR_INFO_FILES:
        for row in read_rows(path):
            names.update((row["To"], row["From"]))
    return sorted(names)


def ohchr_recommending_states():
    names = set()
    for path in OHCHR_FILES:
        for row in read_rows(path):
            names.update(split_states(row["recommending_state"]))
    return sorted(names)


# The table ------------------------------------------------------------------


def test_193_member_states_and_two_observers():
    codes = [state.iso3 for state in STATES]
    assert len(STATES) == 195
    assert len(set(codes)) == 195
    assert {"VAT", "PSE"} <= set(codes)
    assert [state.iso3 for state in STATES if state.regional_group == "OBSERVER"] == ["PSE", "VAT"]


def test_codes_are_iso_3166_alpha_3():
    for state in STATES:
        assert pycountry.countries.get(alpha_3=state.iso3) is not None, state.iso3


def test_every_state_has_an_english_and_a_french_name():
    for state in STATES:
        assert state.name_en.strip(), state.iso3
        assert state.name_fr.strip(), state.iso3


def test_regional_groups_and_memberships_are_known_codes():
    for state in STATES:
        assert state.regional_group in REGIONAL_GROUPS, state.iso3
        assert set(state.memberships) <= set(ORGANISATIONS), state.iso3
        assert len(set(state.memberships)) == len(state.memberships), state.iso3
    assert set(REGIONAL_GROUPS) == {"AFRICA", "ASIA_PACIFIC", "EEG", "GRULAC", "WEOG", "OBSERVER"}


def test_names_come_from_cldr_with_un_names_for_the_overridden_states():
    assert by_iso3("CIV").name_fr == "Côte d’Ivoire"
    assert by_iso3("FRA").name_fr == "France"
    assert by_iso3("DEU").name_fr == "Allemagne"
    assert by_iso3("VAT").name_en == "Holy See"
    assert by_iso3("PSE").name_en == "State of Palestine"
    assert by_iso3("COD").name_en == "Democratic Republic of the Congo"
    assert by_iso3("COG").name_en == "Republic of the Congo"


def test_kinyarwanda_names():
    assert by_iso3("RWA").name_rw == "U Rwanda"
    assert by_iso3("MKD").name_rw  # from CLDR
    assert by_iso3("FRA").name_rw == ""  # not translated yet: shown in English


def test_east_african_community():
    members = {state.iso3 for state in STATES if "EAC" in state.memberships}
    assert members == {"BDI", "COD", "KEN", "RWA", "SOM", "SSD", "TZA", "UGA"}
    assert by_iso3("RWA").memberships == ("AU", "OIF", "Commonwealth", "EAC")


def test_by_iso3():
    assert by_iso3("RWA").name_en == "Rwanda"
    assert by_iso3("rwa").iso3 == "RWA"
    with pytest.raises(KeyError):
        by_iso3("XKX")


def test_regional_groups_agree_with_upr_info():
    for path in UPR_INFO_FILES:
        for row in read_rows(path):
            iso3 = default_matcher().match(row["To"])
            assert by_iso3(iso3).regional_group == DATA_GROUPS[row["To-Rgrp"]], row["To"]


def test_corrected_memberships():
    assert "EU" not in by_iso3("GBR").memberships
    assert "AU" in by_iso3("MAR").memberships
    assert {"OIC", "AL"}.isdisjoint(by_iso3("SSD").memberships)


def test_memberships_agree_with_upr_info():
    for path in UPR_INFO_FILES:
        for row in read_rows(path):
            for side in ("To", "From"):
                if row[side] == UNKNOWN:
                    continue
                state = by_iso3(default_matcher().match(row[side]))
                if state.iso3 in MEMBERSHIP_CORRECTIONS:
                    continue
                coded = {code for code in row[f"{side}-Org"].split(", ") if code}
                assert set(state.memberships) - {"EAC"} == coded, row[side]


# Matching the data files ----------------------------------------------------


def test_every_upr_info_state_resolves():
    matcher = default_matcher()
    names = upr_info_names()
    assert len(names) == 196  # 195 states and "&#40;Unknown&#41;"
    unresolved = [name for name in names if name != UNKNOWN and matcher.match(name) is None]
    assert unresolved == []
    assert matcher.match(UNKNOWN) is None
    assert len({matcher.match(name) for name in names if name != UNKNOWN}) == 195


def test_every_ohchr_recommending_state_resolves():
    matcher = default_matcher()
    names = ohchr_recommending_states()
    assert set(names) >= OHCHR_NOT_STATES
    unresolved = [name for name in names if name not in OHCHR_NOT_STATES and matcher.match(name) is None]
    assert unresolved == []
    assert matcher.match_many(sorted(OHCHR_NOT_STATES)) == [None, None]


def test_every_name_in_the_table_resolves_to_its_state():
    matcher = default_matcher()
    for state in STATES:
        for name in (state.name_en, state.name_fr, state.name_rw):
            if name:
                assert matcher.match(name) == state.iso3, name


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Iran (Islamic Republic of)", "IRN"),
        ("Islamic Republic of Iran", "IRN"),
        ("Iran", "IRN"),
        ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
        ("Venezuela (Bolivarian Republic of)", "VEN"),
        ("Bolivarian Republic of Venezuela", "VEN"),
        ("Bolivia (Plurinational State of)", "BOL"),
        ("Republic of Moldova", "MDA"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("DPR Korea", "PRK"),
        ("Republic of Korea", "KOR"),
        ("Lao People's Democratic Republic", "LAO"),
        ("Syrian Arab Republic", "SYR"),
        ("United Republic of Tanzania", "TZA"),
        ("Russian Federation", "RUS"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Czechia", "CZE"),
        ("Czech Republic", "CZE"),
        ("Eswatini", "SWZ"),
        ("Swaziland", "SWZ"),
        ("North Macedonia", "MKD"),
        ("the former Yugoslav Republic of Macedonia", "MKD"),
        ("Macedonia FYR", "MKD"),
        ("Micronesia (Federated States of)", "FSM"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
        ("COTE D’IVOIRE", "CIV"),
        ("côte d'ivoire", "CIV"),
        ("Cabo Verde", "CPV"),
        ("Cape Verde", "CPV"),
        ("Timor-Leste", "TLS"),
        ("Viet Nam", "VNM"),
        ("Vietnam", "VNM"),
        ("Brunei Darussalam", "BRN"),
        ("State of Palestine", "PSE"),
        ("Palestine", "PSE"),
        ("Holy See", "VAT"),
        ("Saint-Siège", "VAT"),
        ("Congo", "COG"),
        ("Republic of Congo", "COG"),
        ("Republic of the Congo", "COG"),
        ("Democratic Republic of the Congo", "COD"),
        ("Democratic Republic of Congo", "COD"),
        ("DR Congo", "COD"),
        ("République démocratique du Congo", "COD"),
        ("Sao Tome & Principe", "STP"),
        ("São Tomé-et-Príncipe", "STP"),
        ("Myanmar", "MMR"),
        ("Burma", "MMR"),
        ("Kingdom of the Netherlands", "NLD"),
        ("United States of America", "USA"),
        ("The Gambia", "GMB"),
        ("St Vincent & the Grenadines", "VCT"),
        ("Saint Vincent and the Grenadines", "VCT"),
        ("Royaume-Uni", "GBR"),
        ("Allemagne", "DEU"),
        ("  rwanda ", "RWA"),
        ("U Rwanda", "RWA"),
        ("Tanzaniya", "TZA"),
    ],
)
def test_spellings(name, iso3):
    assert default_matcher().match(name) == iso3


@pytest.mark.parametrize(
    "name", ["Atlantis", "", "   ", "Congo Free State", "Korea", "Guinea-Conakry", UNKNOWN, None]
)
def test_unknown_names_are_not_guessed(name):
    assert default_matcher().match(name) is None


# Helpers --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Côte d’Ivoire", "cote d ivoire"),
        ("COTE D'IVOIRE", "cote d ivoire"),
        ("Sao Tome & Principe", "sao tome and principe"),
        ("&#40;Unknown&#41;", "unknown"),
        ("The Former  Yugoslav Republic of Macedonia", "former yugoslav republic of macedonia"),
        ("Bolivia (Plurinational State of)", "bolivia plurinational state of"),
        ("Türkiye", "turkiye"),
        ("Law No.\u00a0107", "law no 107"),
        ("Theocracy", "theocracy"),
    ],
)
def test_normalise(name, expected):
    assert normalise(name) == expected


def test_split_states():
    assert split_states("France; Lithuania") == ["France", "Lithuania"]
    assert split_states(" Portugal ;Slovakia; ") == ["Portugal", "Slovakia"]
    assert split_states("") == []


def test_extra_aliases():
    matcher = CountryMatcher({"Republika y’u Rwanda": "rwa", "Kosovo": "XKX"})
    assert matcher.match("Republika y'u Rwanda") == "RWA"
    assert matcher.match("kosovo") == "XKX"
    assert matcher.match("France") == "FRA"
    assert default_matcher().match("Kosovo") is None
    assert matcher.match_many(["Kenya", "Atlantis"]) == ["KEN", None]
