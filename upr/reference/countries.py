"""Reference table of the states taking part in the Universal Periodic Review.

``STATES`` lists the 193 UN member states and the two observer states that
take part in the UPR (the Holy See and the State of Palestine), ordered by
ISO 3166-1 alpha-3 code.

Names
    English and French names are the short common names of the Unicode CLDR
    (through Babel), e.g. "Bolivia", "Iran", "Russia", "Côte d’Ivoire",
    "Türkiye". They are computed at import time; only the ISO codes are
    written here. CLDR names a few territories rather than the state that
    takes part in the UPR, or adds a disambiguating suffix; for those five
    states ``_NAME_OVERRIDES`` uses the UN short name instead ("Holy See"
    rather than "Vatican City", "State of Palestine" rather than "Palestinian
    Territories", "Democratic Republic of the Congo" rather than
    "Congo - Kinshasa", "Republic of the Congo" rather than
    "Congo - Brazzaville", "Myanmar" rather than "Myanmar (Burma)").

    CLDR has almost no Kinyarwanda country names, so ``_KINYARWANDA_NAMES``
    adds names for the East African Community and Great Lakes states only.
    An empty ``name_rw`` means "not translated yet": show the English name.

Regional groups and memberships
    Both follow the UPR Info database (sessions 1-20, 2008-2014), which
    codes every state under review and every recommending state, brought up
    to date where it has changed or was wrong (``MEMBERSHIP_CORRECTIONS``),
    plus "EAC" for the members of the East African Community, which UPR Info
    does not code. Israel and Türkiye sit in the Western European
    and Others Group, Cyprus and the Pacific states in the Asia-Pacific Group.
"""

from dataclasses import dataclass

import pycountry
from babel import Locale

# Where the memberships here differ from UPR Info's 2008-2014 coding, and why.
MEMBERSHIP_CORRECTIONS = {
    "GBR": "left the EU in 2020",
    "MAR": "rejoined the AU in 2017",
    "SSD": "is not a member of the OIC or the Arab League (UPR Info copied Sudan's)",
}

REGIONAL_GROUPS = {
    "AFRICA": ("African Group", "Groupe des États d’Afrique"),
    "ASIA_PACIFIC": ("Asia-Pacific Group", "Groupe des États d’Asie et du Pacifique"),
    "EEG": ("Eastern European Group", "Groupe des États d’Europe orientale"),
    "GRULAC": ("Latin American and Caribbean Group", "Groupe des États d’Amérique latine et des Caraïbes"),
    "WEOG": ("Western European and Others Group", "Groupe des États d’Europe occidentale et autres États"),
    "OBSERVER": ("Observer", "Observateur"),
}

ORGANISATIONS = {
    "AU": ("African Union", "Union africaine"),
    "EU": ("European Union", "Union européenne"),
    "OIF": (
        "International Organisation of La Francophonie",
        "Organisation internationale de la Francophonie",
    ),
    "Commonwealth": ("Commonwealth of Nations", "Commonwealth"),
    "OIC": ("Organisation of Islamic Cooperation", "Organisation de la coopération islamique"),
    "AL": ("League of Arab States", "Ligue des États arabes"),
    "ASEAN": ("Association of Southeast Asian Nations", "Association des nations de l’Asie du Sud-Est"),
    "CIS": ("Commonwealth of Independent States", "Communauté des États indépendants"),
    "OAS": ("Organization of American States", "Organisation des États américains"),
    "PIF": ("Pacific Islands Forum", "Forum des îles du Pacifique"),
    "ACS": ("Association of Caribbean States", "Association des États de la Caraïbe"),
    "OEI": ("Organization of Ibero-American States", "Organisation des États ibéro-américains"),
    "EAC": ("East African Community", "Communauté d’Afrique de l’Est"),
}

# ISO code -> (regional group, organisation codes separated by spaces).
_STATE_DATA = {
    "AFG": ("ASIA_PACIFIC", "OIC"),
    "AGO": ("AFRICA", "AU"),
    "ALB": ("EEG", "OIF OIC"),
    "AND": ("WEOG", "OIF"),
    "ARE": ("ASIA_PACIFIC", "OIC AL"),
    "ARG": ("GRULAC", "OAS OEI"),
    "ARM": ("EEG", "OIF CIS"),
    "ATG": ("GRULAC", "Commonwealth OAS ACS"),
    "AUS": ("WEOG", "Commonwealth PIF"),
    "AUT": ("WEOG", "EU"),
    "AZE": ("EEG", "OIC CIS"),
    "BDI": ("AFRICA", "AU OIF EAC"),
    "BEL": ("WEOG", "EU OIF"),
    "BEN": ("AFRICA", "AU OIF OIC"),
    "BFA": ("AFRICA", "AU OIF OIC"),
    "BGD": ("ASIA_PACIFIC", "Commonwealth OIC"),
    "BGR": ("EEG", "EU OIF"),
    "BHR": ("ASIA_PACIFIC", "OIC AL"),
    "BHS": ("GRULAC", "Commonwealth OAS ACS"),
    "BIH": ("EEG", ""),
    "BLR": ("EEG", "CIS"),
    "BLZ": ("GRULAC", "Commonwealth OAS ACS"),
    "BOL": ("GRULAC", "OAS OEI"),
    "BRA": ("GRULAC", "OAS OEI"),
    "BRB": ("GRULAC", "Commonwealth OAS ACS"),
    "BRN": ("ASIA_PACIFIC", "Commonwealth OIC ASEAN"),
    "BTN": ("ASIA_PACIFIC", ""),
    "BWA": ("AFRICA", "AU Commonwealth"),
    "CAF": ("AFRICA", "AU OIF"),
    "CAN": ("WEOG", "OIF Commonwealth OAS"),
    "CHE": ("WEOG", "OIF"),
    "CHL": ("GRULAC", "OAS OEI"),
    "CHN": ("ASIA_PACIFIC", ""),
    "CIV": ("AFRICA", "AU OIF OIC"),
    "CMR": ("AFRICA", "AU OIF Commonwealth OIC"),
    "COD": ("AFRICA", "AU OIF EAC"),
    "COG": ("AFRICA", "AU OIF"),
    "COL": ("GRULAC", "OAS ACS OEI"),
    "COM": ("AFRICA", "AU OIF OIC AL"),
    "CPV": ("AFRICA", "AU OIF"),
    "CRI": ("GRULAC", "OAS ACS OEI"),
    "CUB": ("GRULAC", "OAS ACS OEI"),
    "CYP": ("ASIA_PACIFIC", "EU OIF Commonwealth"),
    "CZE": ("EEG", "EU"),
    "DEU": ("WEOG", "EU"),
    "DJI": ("AFRICA", "AU OIF OIC AL"),
    "DMA": ("GRULAC", "OIF Commonwealth OAS ACS"),
    "DNK": ("WEOG", "EU"),
    "DOM": ("GRULAC", "OAS ACS OEI"),
    "DZA": ("AFRICA", "AU OIC AL"),
    "ECU": ("GRULAC", "OAS OEI"),
    "EGY": ("AFRICA", "AU OIF OIC AL"),
    "ERI": ("AFRICA", "AU"),
    "ESP": ("WEOG", "EU OEI"),
    "EST": ("EEG", "EU"),
    "ETH": ("AFRICA", "AU"),
    "FIN": ("WEOG", "EU"),
    "FJI": ("ASIA_PACIFIC", "Commonwealth PIF"),
    "FRA": ("WEOG", "EU OIF"),
    "FSM": ("ASIA_PACIFIC", "PIF"),
    "GAB": ("AFRICA", "AU OIF OIC"),
    "GBR": ("WEOG", "Commonwealth"),
    "GEO": ("EEG", ""),
    "GHA": ("AFRICA", "AU OIF Commonwealth"),
    "GIN": ("AFRICA", "AU OIF OIC"),
    "GMB": ("AFRICA", "AU Commonwealth OIC"),
    "GNB": ("AFRICA", "AU OIF OIC"),
    "GNQ": ("AFRICA", "AU OIF OEI"),
    "GRC": ("WEOG", "EU OIF"),
    "GRD": ("GRULAC", "Commonwealth OAS ACS"),
    "GTM": ("GRULAC", "OAS ACS OEI"),
    "GUY": ("GRULAC", "Commonwealth OIC OAS ACS"),
    "HND": ("GRULAC", "OAS ACS OEI"),
    "HRV": ("EEG", "EU"),
    "HTI": ("GRULAC", "OIF OAS ACS"),
    "HUN": ("EEG", "EU"),
    "IDN": ("ASIA_PACIFIC", "OIC ASEAN"),
    "IND": ("ASIA_PACIFIC", "Commonwealth"),
    "IRL": ("WEOG", "EU"),
    "IRN": ("ASIA_PACIFIC", "OIC"),
    "IRQ": ("ASIA_PACIFIC", "OIC AL"),
    "ISL": ("WEOG", ""),
    "ISR": ("WEOG", ""),
    "ITA": ("WEOG", "EU"),
    "JAM": ("GRULAC", "Commonwealth OAS ACS"),
    "JOR": ("ASIA_PACIFIC", "OIC AL"),
    "JPN": ("ASIA_PACIFIC", ""),
    "KAZ": ("ASIA_PACIFIC", "OIC CIS"),
    "KEN": ("AFRICA", "AU Commonwealth EAC"),
    "KGZ": ("ASIA_PACIFIC", "OIC CIS"),
    "KHM": ("ASIA_PACIFIC", "OIF ASEAN"),
    "KIR": ("ASIA_PACIFIC", "Commonwealth PIF"),
    "KNA": ("GRULAC", "Commonwealth OAS ACS"),
    "KOR": ("ASIA_PACIFIC", ""),
    "KWT": ("ASIA_PACIFIC", "OIC AL"),
    "LAO": ("ASIA_PACIFIC", "OIF ASEAN"),
    "LBN": ("ASIA_PACIFIC", "OIF OIC AL"),
    "LBR": ("AFRICA", "AU"),
    "LBY": ("AFRICA", "AU OIC AL"),
    "LCA": ("GRULAC", "OIF Commonwealth OAS ACS"),
    "LIE": ("WEOG", ""),
    "LKA": ("ASIA_PACIFIC", "Commonwealth"),
    "LSO": ("AFRICA", "AU Commonwealth"),
    "LTU": ("EEG", "EU"),
    "LUX": ("WEOG", "EU OIF"),
    "LVA": ("EEG", "EU"),
    "MAR": ("AFRICA", "AU OIF OIC AL"),
    "MCO": ("WEOG", "OIF"),
    "MDA": ("EEG", "OIF CIS"),
    "MDG": ("AFRICA", "AU OIF"),
    "MDV": ("ASIA_PACIFIC", "Commonwealth OIC"),
    "MEX": ("GRULAC", "OAS ACS OEI"),
    "MHL": ("ASIA_PACIFIC", "PIF"),
    "MKD": ("EEG", "OIF"),
    "MLI": ("AFRICA", "AU OIF OIC"),
    "MLT": ("WEOG", "EU Commonwealth"),
    "MMR": ("ASIA_PACIFIC", "ASEAN"),
    "MNE": ("EEG", ""),
    "MNG": ("ASIA_PACIFIC", ""),
    "MOZ": ("AFRICA", "AU Commonwealth OIC"),
    "MRT": ("AFRICA", "AU OIF OIC AL"),
    "MUS": ("AFRICA", "AU OIF Commonwealth"),
    "MWI": ("AFRICA", "AU Commonwealth"),
    "MYS": ("ASIA_PACIFIC", "Commonwealth OIC ASEAN"),
    "NAM": ("AFRICA", "AU Commonwealth"),
    "NER": ("AFRICA", "AU OIF OIC"),
    "NGA": ("AFRICA", "AU Commonwealth OIC"),
    "NIC": ("GRULAC", "OAS ACS OEI"),
    "NLD": ("WEOG", "EU"),
    "NOR": ("WEOG", ""),
    "NPL": ("ASIA_PACIFIC", ""),
    "NRU": ("ASIA_PACIFIC", "Commonwealth PIF"),
    "NZL": ("WEOG", "Commonwealth PIF"),
    "OMN": ("ASIA_PACIFIC", "OIC AL"),
    "PAK": ("ASIA_PACIFIC", "Commonwealth OIC"),
    "PAN": ("GRULAC", "OAS ACS OEI"),
    "PER": ("GRULAC", "OAS OEI"),
    "PHL": ("ASIA_PACIFIC", "ASEAN"),
    "PLW": ("ASIA_PACIFIC", "PIF"),
    "PNG": ("ASIA_PACIFIC", "Commonwealth PIF"),
    "POL": ("EEG", "EU"),
    "PRK": ("ASIA_PACIFIC", ""),
    "PRT": ("WEOG", "EU OEI"),
    "PRY": ("GRULAC", "OAS OEI"),
    "PSE": ("OBSERVER", "OIC AL"),
    "QAT": ("ASIA_PACIFIC", "OIC AL"),
    "ROU": ("EEG", "EU OIF"),
    "RUS": ("EEG", "CIS"),
    "RWA": ("AFRICA", "AU OIF Commonwealth EAC"),
    "SAU": ("ASIA_PACIFIC", "OIC AL"),
    "SDN": ("AFRICA", "AU OIC AL"),
    "SEN": ("AFRICA", "AU OIF OIC"),
    "SGP": ("ASIA_PACIFIC", "Commonwealth ASEAN"),
    "SLB": ("ASIA_PACIFIC", "Commonwealth PIF"),
    "SLE": ("AFRICA", "AU Commonwealth OIC"),
    "SLV": ("GRULAC", "OAS ACS OEI"),
    "SMR": ("WEOG", ""),
    "SOM": ("AFRICA", "AU OIC AL EAC"),
    "SRB": ("EEG", ""),
    "SSD": ("AFRICA", "AU EAC"),
    "STP": ("AFRICA", "AU OIF"),
    "SUR": ("GRULAC", "OIC OAS ACS"),
    "SVK": ("EEG", "EU"),
    "SVN": ("EEG", "EU"),
    "SWE": ("WEOG", "EU"),
    "SWZ": ("AFRICA", "AU Commonwealth"),
    "SYC": ("AFRICA", "AU OIF Commonwealth"),
    "SYR": ("ASIA_PACIFIC", "OIC AL"),
    "TCD": ("AFRICA", "AU OIF OIC"),
    "TGO": ("AFRICA", "AU OIF OIC"),
    "THA": ("ASIA_PACIFIC", "ASEAN"),
    "TJK": ("ASIA_PACIFIC", "OIC CIS"),
    "TKM": ("ASIA_PACIFIC", "OIC CIS"),
    "TLS": ("ASIA_PACIFIC", ""),
    "TON": ("ASIA_PACIFIC", "Commonwealth PIF"),
    "TTO": ("GRULAC", "Commonwealth OAS ACS"),
    "TUN": ("AFRICA", "AU OIF OIC AL"),
    "TUR": ("WEOG", "OIC"),
    "TUV": ("ASIA_PACIFIC", "Commonwealth PIF"),
    "TZA": ("AFRICA", "AU Commonwealth EAC"),
    "UGA": ("AFRICA", "AU Commonwealth OIC EAC"),
    "UKR": ("EEG", "CIS"),
    "URY": ("GRULAC", "OAS OEI"),
    "USA": ("WEOG", "OAS"),
    "UZB": ("ASIA_PACIFIC", "OIC CIS"),
    "VAT": ("OBSERVER", ""),
    "VCT": ("GRULAC", "Commonwealth OAS ACS"),
    "VEN": ("GRULAC", "OAS ACS OEI"),
    "VNM": ("ASIA_PACIFIC", "OIF ASEAN"),
    "VUT": ("ASIA_PACIFIC", "OIF Commonwealth PIF"),
    "WSM": ("ASIA_PACIFIC", "Commonwealth PIF"),
    "YEM": ("ASIA_PACIFIC", "OIC AL"),
    "ZAF": ("AFRICA", "AU Commonwealth"),
    "ZMB": ("AFRICA", "AU Commonwealth"),
    "ZWE": ("AFRICA", "AU"),
}

# (English, French) where the CLDR short name is not the UN short name of the state.
_NAME_OVERRIDES = {
    "COD": ("Democratic Republic of the Congo", "République démocratique du Congo"),
    "COG": ("Republic of the Congo", "République du Congo"),
    "MMR": ("Myanmar", "Myanmar"),
    "PSE": ("State of Palestine", "État de Palestine"),
    "VAT": ("Holy See", "Saint-Siège"),
}

# Used where CLDR has no Kinyarwanda name (CLDR provides MKD, RWA and TON).
_KINYARWANDA_NAMES = {
    "BDI": "U Burundi",
    "COD": "Repubulika Iharanira Demokarasi ya Kongo",
    "KEN": "Kenya",
    "SOM": "Somalia",
    "SSD": "Sudani y’Epfo",
    "TZA": "Tanzaniya",
    "UGA": "Uganda",
}


@dataclass(frozen=True)
class StateInfo:
    iso3: str
    name_en: str
    name_fr: str
    name_rw: str
    regional_group: str
    memberships: tuple[str, ...]


def _build_states():
    english = Locale("en").territories
    french = Locale("fr").territories
    kinyarwanda = Locale("rw").territories
    states = []
    for iso3, (regional_group, memberships) in _STATE_DATA.items():
        alpha2 = pycountry.countries.get(alpha_3=iso3).alpha_2
        name_en, name_fr = _NAME_OVERRIDES.get(iso3, (english[alpha2], french[alpha2]))
        states.append(
            StateInfo(
                iso3=iso3,
                name_en=name_en,
                name_fr=name_fr,
                name_rw=kinyarwanda.get(alpha2) or _KINYARWANDA_NAMES.get(iso3, ""),
                regional_group=regional_group,
                memberships=tuple(memberships.split()),
            )
        )
    return tuple(states)


STATES = _build_states()

_BY_ISO3 = {state.iso3: state for state in STATES}


def by_iso3(code: str) -> StateInfo:
    """The state with this ISO 3166-1 alpha-3 code; ``KeyError`` if it is not in ``STATES``."""
    return _BY_ISO3[code.strip().upper()]
