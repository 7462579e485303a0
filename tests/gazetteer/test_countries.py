"""Country terms: the table covers every UN member, each term means one country, and lookups are careful."""

from __future__ import annotations

from collections import defaultdict
from importlib import resources

import pycountry
import pytest

from newsgraph.gazetteer.countries import (
    EXTRA_CODES,
    KINDS,
    SHARED_TERMS,
    CountryTerm,
    country_name,
    country_of,
    country_terms,
    is_acronym,
)

from un_members import UN_MEMBERS

UN_OBSERVERS = frozenset({"VAT", "PSE"})
OFTEN_REPORTED = frozenset({"XKX", "TWN", "HKG", "ESH"})


def _rows() -> list[list[str]]:
    text = resources.files("newsgraph.gazetteer").joinpath("demonyms.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip()]


def _fold(text: str) -> str:
    return text.casefold()


def test_table_has_a_header_and_five_columns() -> None:
    header, *rows = _rows()
    assert header == ["iso3", "adjective", "demonym", "plural", "aliases"]
    for row in rows:
        assert len(row) == 5, row
        assert all(cell == cell.strip() for cell in row), row
        assert row[1] and row[2] and row[3], row


def test_every_code_is_known_to_pycountry_or_documented() -> None:
    known = {country.alpha_3 for country in pycountry.countries} | set(EXTRA_CODES)
    codes = [row[0] for row in _rows()[1:]]
    assert len(codes) == len(set(codes)), "one row per country"
    assert set(codes) <= known


def test_every_un_member_observer_and_listed_territory_has_a_row() -> None:
    assert len(UN_MEMBERS) == 193
    codes = {row[0] for row in _rows()[1:]}
    assert (UN_MEMBERS | UN_OBSERVERS | OFTEN_REPORTED) - codes == set()


def test_terms_are_well_formed() -> None:
    terms = country_terms()
    assert all(isinstance(term, CountryTerm) and term.text and term.kind in KINDS for term in terms)
    kinds = {term.kind for term in terms}
    assert kinds == set(KINDS)


def test_no_term_belongs_to_two_countries_except_documented_ones() -> None:
    owners: dict[tuple[str, bool], set[str]] = defaultdict(set)
    for term in country_terms():
        acronym = is_acronym(term.text)
        owners[(term.text if acronym else _fold(term.text), acronym)].add(term.iso3)
    shared = {key: codes for key, codes in owners.items() if len(codes) > 1}
    assert {key for key, _ in shared} == set(SHARED_TERMS)
    for (key, _), codes in shared.items():
        assert SHARED_TERMS[key] in codes


def test_every_term_resolves_to_its_country_unless_shared() -> None:
    for term in country_terms():
        if _fold(term.text) not in SHARED_TERMS:
            assert country_of(term.text) == term.iso3, term


def test_every_row_has_a_readable_name() -> None:
    for row in _rows()[1:]:
        name = country_name(row[0])
        assert name and "," not in name and "(" not in name, row[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Georgia", "GEO"),
        ("Georgian", "GEO"),
        ("Guinea", "GIN"),
        ("Guinea-Bissau", "GNB"),
        ("Equatorial Guinea", "GNQ"),
        ("Guinean", "GIN"),
        ("Bissau-Guinean", "GNB"),
        ("Niger", "NER"),
        ("Nigeria", "NGA"),
        ("Nigerien", "NER"),
        ("Nigerian", "NGA"),
        ("Dominica", "DMA"),
        ("Dominican Republic", "DOM"),
        ("Dominican", "DOM"),
        ("Congo", "COG"),
        ("Republic of the Congo", "COG"),
        ("DR Congo", "COD"),
        ("DRC", "COD"),
        ("Congolese", "COD"),
        ("Japanese", "JPN"),
        ("the Japanese", "JPN"),
        ("US", "USA"),
        ("U.S.", "USA"),
        ("the US", "USA"),
        ("America", "USA"),
        ("Americans", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("Briton", "GBR"),
        ("Moscow", "RUS"),
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("Brazil's", "BRA"),
        ("Brazil’s", "BRA"),
        ("the Philippines", "PHL"),
        ("Filipino", "PHL"),
        ("Philippine", "PHL"),
        ("the Netherlands", "NLD"),
        ("Holland", "NLD"),
        ("the Dutch", "NLD"),
        ("South Korea", "KOR"),
        ("North Korean", "PRK"),
        ("Iran", "IRN"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d’Ivoire", "CIV"),
        ("Czech Republic", "CZE"),
        ("Kosovo", "XKX"),
        ("Pristina", "XKX"),
        ("Taiwanese", "TWN"),
        ("Hong Kong", "HKG"),
        ("Palestinians", "PSE"),
        ("Western Sahara", "ESH"),
        ("BRASÍLIA", "BRA"),
        ("St. John's", "ATG"),
        ("Emirati", "ARE"),
    ],
)
def test_country_of(text: str, expected: str) -> None:
    assert country_of(text) == expected


@pytest.mark.parametrize(
    "text", ["us", "Us", "uk", "drc", "the Japanese side", "Korean", "Jersey", "", "the", "Springfield"]
)
def test_country_of_rejects(text: str) -> None:
    assert country_of(text) is None


@pytest.mark.parametrize(
    ("iso3", "expected"),
    [
        ("RUS", "Russia"),
        ("KOR", "South Korea"),
        ("PRK", "North Korea"),
        ("IRN", "Iran"),
        ("USA", "United States"),
        ("BOL", "Bolivia"),
        ("VEN", "Venezuela"),
        ("TZA", "Tanzania"),
        ("XKX", "Kosovo"),
        ("PSE", "Palestine"),
        ("COD", "DR Congo"),
        ("ABW", "Aruba"),
        ("ZZZ", None),
    ],
)
def test_country_name(iso3: str, expected: str | None) -> None:
    assert country_name(iso3) == expected
