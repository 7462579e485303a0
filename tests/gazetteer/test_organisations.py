"""Organisations: the table is well formed, no form names two bodies, and acronyms match exactly."""

from __future__ import annotations

from importlib import resources

import pycountry
import pytest

from newsgraph.gazetteer.organisations import (
    KINDS,
    SECTORS,
    Organisation,
    find_organisation,
    is_acronym,
    organisations,
)


def _lines() -> list[str]:
    text = resources.files("newsgraph.gazetteer").joinpath("organisations.tsv").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


def test_table_has_a_header_and_five_columns() -> None:
    header, *rows = _lines()
    assert header.split("\t") == ["name", "aliases", "kind", "country", "sector"]
    assert len(rows) == len(organisations()) >= 150
    for row in rows:
        assert len(row.split("\t")) == 5, row


def test_kinds_sectors_and_countries_are_valid() -> None:
    known = {country.alpha_3 for country in pycountry.countries} | {"XKX"}
    for organisation in organisations():
        assert isinstance(organisation, Organisation)
        assert organisation.name, organisation
        assert organisation.kind in KINDS, organisation
        assert organisation.sector in SECTORS, organisation
        assert organisation.country is None or organisation.country in known, organisation


def test_names_are_unique_and_no_form_is_shared() -> None:
    names = [organisation.name for organisation in organisations()]
    assert len(names) == len(set(names))
    for organisation in organisations():
        for form in organisation.forms:
            assert find_organisation(form) is organisation, (form, organisation.name)


def test_the_kinds_a_newsroom_needs_are_present() -> None:
    kinds = {organisation.kind for organisation in organisations()}
    assert {"IGO", "NGO", "media", "government", "armed group"} <= kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the UN", "United Nations"),
        ("UN", "United Nations"),
        ("U.N.", "United Nations"),
        ("United Nations", "United Nations"),
        ("ECOWAS", "Economic Community of West African States"),
        ("Economic Community of West African States", "Economic Community of West African States"),
        ("economic community of west african states", "Economic Community of West African States"),
        ("Doctors Without Borders", "Médecins Sans Frontières"),
        ("MSF", "Médecins Sans Frontières"),
        ("Medecins Sans Frontieres", "Médecins Sans Frontières"),
        ("WHO", "World Health Organization"),
        ("the Security Council", "United Nations Security Council"),
        ("NATO", "North Atlantic Treaty Organization"),
        ("Nato", "North Atlantic Treaty Organization"),
        ("NATO's", "North Atlantic Treaty Organization"),
        ("the Kremlin", "Kremlin"),
        ("The Associated Press", "Associated Press"),
        ("AP", "Associated Press"),
        ("Red Cross", "International Committee of the Red Cross"),
        ("Elysee", "Élysée"),
        ("Islamic State", "Islamic State"),
        ("ISIS", "Islamic State"),
        ("the Houthis", "Houthis"),
        ("Guardian", "The Guardian"),
        ("LeT", "Lashkar-e-Taiba"),
        ("West African leaders", "Economic Community of West African States"),
        ("Southeast Asian leaders", "Association of Southeast Asian Nations"),
    ],
)
def test_find_organisation(text: str, expected: str) -> None:
    found = find_organisation(text)
    assert found is not None and found.name == expected


@pytest.mark.parametrize("text", ["un", "Un", "who", "let", "ap", "nato alliance", "", "the"])
def test_find_organisation_rejects(text: str) -> None:
    assert find_organisation(text) is None


def test_the_companies_business_news_names_most_are_known_with_their_country() -> None:
    assert [(o.name, o.country, o.sector) for o in map(find_organisation, ("Google", "Wal-Mart", "HP"))] == [
        ("Google", "USA", "BUS"),
        ("Walmart", "USA", "BUS"),
        ("Hewlett-Packard", "USA", "BUS"),
    ]
    # names that are also places, surnames or common words are left out
    assert [find_organisation(name) for name in ("Shell", "Amazon", "Ford", "Santander", "Honda")] == [None] * 5


def test_doctors_without_borders_is_msf() -> None:
    assert find_organisation("Doctors Without Borders") == find_organisation("MSF")


def test_national_bodies_carry_their_country() -> None:
    assert find_organisation("White House").country == "USA"
    assert find_organisation("Downing Street").country == "GBR"
    assert find_organisation("Hezbollah").kind == "armed group"
    assert find_organisation("Hezbollah").sector == "MIL"
    assert find_organisation("Reuters").sector == "JRN"
    assert find_organisation("United Nations").country is None


def test_acronym_rule() -> None:
    assert is_acronym("UN") and is_acronym("G7") and is_acronym("PBoC")
    assert not is_acronym("Nato") and not is_acronym("Al-Jazeera") and not is_acronym("Red Cross")


def test_a_known_company_with_a_company_ending_is_that_company() -> None:
    motors = find_organisation("Mitsubishi Motors")
    assert motors is not None and motors.country == "JPN" and motors.sector == "BUS"
    assert find_organisation("Andean Industries") is None
    assert find_organisation("United Nations Securities") is None  # a known body, but no business
