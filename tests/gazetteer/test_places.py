"""The gazetteer: its table is consistent, covers every UN member, and lookups forgive case and accents."""

from __future__ import annotations

from importlib import resources

import pycountry
import pytest

from newsgraph.gazetteer.places import country_code, country_for_place, find_place

from un_members import UN_MEMBERS


def _rows() -> list[list[str]]:
    text = resources.files("newsgraph.gazetteer").joinpath("places.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines()]


def test_table_has_a_header_and_three_valid_columns() -> None:
    header, *rows = _rows()
    assert header == ["place", "country_iso3", "kind"]
    known_codes = {country.alpha_3 for country in pycountry.countries} | {"XKX"}
    for row in rows:
        assert len(row) == 3, row
        place, country, kind = row
        assert place == place.strip() and place, row
        assert country in known_codes or (kind == "feature" and country == "-"), row
        assert kind in {"capital", "city", "state", "feature"}, row


def test_every_un_member_but_israel_has_a_capital() -> None:
    # Jerusalem is deliberately a `city` (see the module docstring), so Israel has no capital row.
    assert len(UN_MEMBERS) == 193
    capitals = {country for _, country, kind in _rows()[1:] if kind == "capital"}
    assert UN_MEMBERS - capitals == {"ISR"}
    assert find_place("Jerusalem").country == "ISR"


def test_no_name_is_claimed_by_two_countries() -> None:
    # Spellings differing only in case or accents share a key, so they must agree on the country.
    for place, country, _ in _rows()[1:]:
        assert find_place(place).country == (None if country == "-" else country), place


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Cairo", "EGY"),
        ("NAIROBI", "KEN"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Brasília", "BRA"),
        ("BRASILIA", "BRA"),
        ("sao paulo", "BRA"),
        ("São Paulo", "BRA"),
        ("Bogota", "COL"),
        ("Mexico City", "MEX"),
        ("Washington", "USA"),
        ("Washington D.C.", "USA"),
        ("Washington, D.C.", "USA"),
        ("Hong Kong", "HKG"),
        ("Taipei", "TWN"),
        ("Pristina", "XKX"),
        ("Ramallah", "PSE"),
        ("N’Djamena", "TCD"),
        ("chisinau", "MDA"),
        ("Geneva", "CHE"),
        ("Lagos", "NGA"),
        ("Calif.", "USA"),
    ],
)
def test_places_resolve_to_their_country(name: str, expected: str) -> None:
    assert country_for_place(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("France", "FRA"),
        ("the Netherlands", "NLD"),
        ("Russia", "RUS"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Iran", "IRN"),
        ("Syria", "SYR"),
        ("Vietnam", "VNM"),
        ("Tanzania", "TZA"),
        ("Bolivia", "BOL"),
        ("Venezuela", "VEN"),
        ("Moldova", "MDA"),
        ("Laos", "LAO"),
        ("the United States", "USA"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("COTE D’IVOIRE", "CIV"),
        ("Czech Republic", "CZE"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("DR Congo", "COD"),
        ("Kosovo", "XKX"),
    ],
)
def test_country_names_and_short_forms(name: str, expected: str) -> None:
    assert country_code(name) == expected
    assert country_for_place(name) == expected


def test_country_wins_over_a_namesake_state() -> None:
    assert country_for_place("Georgia") == "GEO"
    assert find_place("Georgia").kind == "state"


@pytest.mark.parametrize("name", ["IT", "in", "AM", "IND", "004", "Atlantis", "Springfield", ""])
def test_codes_words_and_unknown_names_are_not_countries(name: str) -> None:
    assert country_for_place(name) is None


def test_find_place_gives_the_gazetteer_spelling() -> None:
    place = find_place("PORT-AU-PRINCE")
    assert (place.name, place.country, place.kind) == ("Port-au-Prince", "HTI", "capital")
    assert find_place("Paris, Texas") is None


def test_rivers_seas_and_regions_are_places_of_one_country_or_none() -> None:
    assert (find_place("Mekong").kind, find_place("Mekong").country) == ("feature", None)
    assert country_for_place("Crimea") == "UKR"
    assert country_for_place("South China Sea") is None
