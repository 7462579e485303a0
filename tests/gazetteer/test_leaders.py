"""The leaders table: who held an office on a day, lookups by name or alias, and a consistent table."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from itertools import pairwise

import pycountry
import pytest

from newsgraph.gazetteer.folding import fold
from newsgraph.gazetteer.leaders import BODIES, find_person, holder, offices
from newsgraph.gazetteer.roles import find_role


@pytest.mark.parametrize(
    ("iso3", "role", "day", "name"),
    [
        ("GBR", "prime minister", date(2020, 6, 1), "Boris Johnson"),
        ("GBR", "Prime Minister", date(2022, 10, 1), "Liz Truss"),
        ("USA", "president", date(2022, 1, 1), "Joe Biden"),
        ("USA", "Defense Secretary", date(2025, 6, 1), "Pete Hegseth"),
        ("DEU", "chancellor", date(2019, 1, 1), "Angela Merkel"),
        ("RUS", "foreign minister", date(2016, 1, 1), "Sergey Lavrov"),
        ("UN", "secretary-general", date(2015, 1, 1), "Ban Ki-moon"),
        ("NATO", "Secretary General", date(2025, 1, 1), "Mark Rutte"),
        ("LBN", "president", date(2010, 1, 1), "Michel Suleiman"),
        ("RUS", "prime minister", date(2010, 1, 1), "Vladimir Putin"),
        ("USA", "foreign minister", date(2007, 1, 1), "Condoleezza Rice"),
    ],
)
def test_holder(iso3: str, role: str, day: date, name: str) -> None:
    office = holder(iso3, role, day)
    assert office is not None
    assert office.name == name


def test_on_a_handover_day_the_successor_holds_the_office() -> None:
    office = holder("USA", "president", date(2021, 1, 20))
    assert office is not None
    assert office.name == "Joe Biden"


def test_holder_is_none_for_an_unknown_country_or_role() -> None:
    assert holder("ZZZ", "president", date(2020, 1, 1)) is None
    assert holder("GBR", "astronaut", date(2020, 1, 1)) is None


def test_macron_is_french_president() -> None:
    terms = find_person("Macron")
    assert terms
    assert {(office.iso3, office.role) for office in terms} == {("FRA", "president")}
    assert find_person("emmanuel macron") == terms


def test_find_person_on_a_day() -> None:
    terms = find_person("Lula", on=date(2024, 1, 1))
    assert [(office.iso3, office.role) for office in terms] == [("BRA", "president")]
    assert find_person("Lula", on=date(2015, 1, 1)) == []
    assert len(find_person("Lula")) == 2


def test_archive_news_finds_the_leaders_of_its_day() -> None:
    [bush] = find_person("Bush", on=date(2003, 3, 20))
    assert (bush.iso3, bush.role) == ("USA", "president")
    assert [o.role for o in find_person("Putin", on=date(2009, 6, 1))] == ["prime minister"]


def test_find_person_ignores_accents_and_case() -> None:
    assert find_person("ERDOGAN") == find_person("Erdoğan") == find_person("Recep Tayyip Erdoğan")
    assert find_person("Nobody Inparticular") == []


def test_dates_are_ordered_and_codes_and_roles_are_known() -> None:
    assert len(offices()) > 250
    for office in offices():
        assert office.end is None or office.start < office.end, office
        assert office.iso3 in BODIES or office.iso3 == "XKX" or pycountry.countries.get(alpha_3=office.iso3), office
        role = find_role(office.role)
        assert role is not None and role.title == office.role, office


def test_terms_of_one_office_do_not_overlap() -> None:
    terms: dict[tuple[str, str], list] = defaultdict(list)
    for office in offices():
        terms[(office.iso3, office.role)].append(office)
    for key, held in terms.items():
        held.sort(key=lambda office: office.start)
        for before, after in pairwise(held):
            assert before.end is not None and before.end <= after.start, (key, before.name, after.name)


def test_no_alias_names_two_people() -> None:
    people: dict[str, set[str]] = defaultdict(set)
    for office in offices():
        for name in (office.name, *office.aliases):
            people[fold(name)].add(office.name)
    assert {name: who for name, who in people.items() if len(who) > 1} == {}
