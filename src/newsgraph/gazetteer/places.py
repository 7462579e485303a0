"""Place and country names to ISO 3166 alpha-3 codes.

Two sources answer a lookup: country names come from pycountry (its name, official name and common
name) plus `_COUNTRY_ALIASES`, the everyday forms a newsroom writes that pycountry lacks ("Russia",
"Britain", "U.S."); cities, capitals, US and Australian states and Canadian provinces come from
`places.tsv` beside this module (`place<TAB>country_iso3<TAB>kind`, kind one of `capital`, `city`,
`state`, or `feature` for rivers, seas and regions, whose country is `-` when they lie in several:
"Mekong" is a place, not a person, but belongs to no one country). Names are compared
case- and accent-insensitively, so "BRASILIA", "Brasília" and "brasilia" are the same key; full
stops and commas are kept, so the AP state abbreviation "Ind." never collides with a bare "IND".

Choices the table makes where the facts are disputed or missing:

* Jerusalem maps to ISR, because datelines from it are filed from the Israeli-administered city,
  but it is listed as a `city`, not a `capital`: the table takes no side on its status, so Israel
  has no `capital` row. Tel Aviv and Haifa are ordinary ISR cities.
* Ramallah (seat of the Palestinian Authority), Gaza and the West Bank cities map to PSE, ISO's
  code for the State of Palestine; as Palestine is a UN observer, not a member, Ramallah is a `city`.
* Taipei is the capital of TWN, the ISO code for Taiwan.
* Pristina is the capital of XKX, the user-assigned code for Kosovo used by the European Commission
  and the IMF; Kosovo has no official ISO 3166 code, so pycountry does not know XKX.
* A city name shared by several countries maps to the one news copy most often means (Tripoli to
  LBY, Valencia to ESP, San José to CRI); a dateline that names the country overrides this.
* Two-letter and three-letter ISO codes are not accepted as names: "IT", "IN" or "AM" in running
  text are words far more often than countries. The few codes newsrooms write as names ("US",
  "UK", "UAE", "USA") are aliases instead.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import pycountry

from newsgraph.gazetteer.folding import fold

_COUNTRY_ALIASES: dict[str, str] = {
    "America": "USA",
    "US": "USA",
    "U.S.": "USA",
    "U.S": "USA",
    "USA": "USA",
    "U.S.A.": "USA",
    "United States of America": "USA",
    "UK": "GBR",
    "U.K.": "GBR",
    "Britain": "GBR",
    "Great Britain": "GBR",
    "England": "GBR",
    "Scotland": "GBR",
    "Wales": "GBR",
    "Northern Ireland": "GBR",
    "Russia": "RUS",
    "North Korea": "PRK",
    "South Korea": "KOR",
    "Iran": "IRN",
    "Syria": "SYR",
    "Vietnam": "VNM",
    "Tanzania": "TZA",
    "Bolivia": "BOL",
    "Venezuela": "VEN",
    "Moldova": "MDA",
    "Laos": "LAO",
    "Ivory Coast": "CIV",
    "Czech Republic": "CZE",
    "Turkey": "TUR",
    "Burma": "MMR",
    "Cape Verde": "CPV",
    "Swaziland": "SWZ",
    "East Timor": "TLS",
    "Vatican": "VAT",
    "Holy See": "VAT",
    "Brunei": "BRN",
    "Macedonia": "MKD",
    "Micronesia": "FSM",
    "Bosnia": "BIH",
    "Bosnia-Herzegovina": "BIH",
    "Holland": "NLD",
    "UAE": "ARE",
    "U.A.E.": "ARE",
    "Emirates": "ARE",
    "DR Congo": "COD",
    "DRC": "COD",
    "Democratic Republic of Congo": "COD",
    "Democratic Republic of the Congo": "COD",
    "Congo-Kinshasa": "COD",
    "Republic of Congo": "COG",
    "Republic of the Congo": "COG",
    "Congo-Brazzaville": "COG",
    "Palestine": "PSE",
    "Palestinian Territories": "PSE",
    "West Bank": "PSE",
    "Gaza Strip": "PSE",
    "Kosovo": "XKX",
    "Taiwan": "TWN",
    "St Kitts and Nevis": "KNA",
    "St. Kitts and Nevis": "KNA",
    "St Lucia": "LCA",
    "St. Lucia": "LCA",
    "St Vincent and the Grenadines": "VCT",
    "St. Vincent and the Grenadines": "VCT",
}


@dataclass(frozen=True)
class Place:
    """One row of places.tsv: the gazetteer's spelling, its country and whether it is a capital."""

    name: str
    country: str | None
    kind: str


def country_for_place(name: str) -> str | None:
    """ISO alpha-3 code for a country name or a known city, capital, state or province, else None.

    Country names win over places so that "Georgia" is the country, not the US state; use
    `find_place` to ask the gazetteer alone.
    """
    code = country_code(name)
    if code:
        return code
    place = find_place(name)
    return place.country if place else None


def country_code(name: str) -> str | None:
    """ISO alpha-3 code when `name` names a country ("Russia", "the Netherlands", "U.S."), else None."""
    key = fold(name)
    countries = _countries()
    return countries.get(key) or countries.get(key.removeprefix("the "))


def find_place(name: str) -> Place | None:
    """The gazetteer row for a city, capital, state or province name, ignoring case and accents."""
    return _places().get(fold(name))


def all_places() -> tuple[Place, ...]:
    """Every row of places.tsv (one per folded name), for building matchers."""
    return tuple(_places().values())


@functools.cache
def _places() -> dict[str, Place]:
    """places.tsv by folded name; the first row of a folded name gives its display spelling."""
    text = resources.files(__package__).joinpath("places.tsv").read_text(encoding="utf-8")
    index: dict[str, Place] = {}
    for line in text.splitlines()[1:]:
        if line.strip():
            place, country, kind = line.split("\t")
            index.setdefault(fold(place), Place(place, None if country == "-" else country, kind))
    return index


@functools.cache
def _countries() -> dict[str, str]:
    """Every pycountry name form plus the aliases, by folded name."""
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                index.setdefault(fold(value), country.alpha_3)
    index.update({fold(alias): code for alias, code in _COUNTRY_ALIASES.items()})
    return index
