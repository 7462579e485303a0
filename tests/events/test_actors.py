"""User actor dictionaries: our CSV and the PETRARCH/TABARI format, written here for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.events.actors import load_actors
from newsgraph.model import Article
from newsgraph.pipeline import analyze

PETRARCH_ACTORS = """<!-- a dictionary written for this test -->
NORTHLAND [NRL]
+NORTHLANDER  # demonym
SOUTH_MARCHES_
	[SMA]
RIVERTOWN_COUNCIL [NRLGOV] # a city body
"""
PETRARCH_AGENTS = """!PERSON! = MAN, MEN
AMBASSADOR [~GOV]
REBEL [~REB]
"""


def test_petrarch_actors_with_synonyms_indented_codes_and_stems(tmp_path: Path) -> None:
    actors = tmp_path / "test.actors.txt"
    agents = tmp_path / "test.agents.txt"
    actors.write_text(PETRARCH_ACTORS, encoding="utf-8")
    agents.write_text(PETRARCH_AGENTS, encoding="utf-8")
    dictionary = load_actors([actors, agents])
    assert dictionary.code(["Northland"]) == "NRL"
    assert dictionary.code(["the", "Northlanders"]) == "NRL"  # a stem matches the words it begins
    assert dictionary.code(["South", "Marches"]) == "SMA"
    assert dictionary.code(["South", "Marchesville"]) is None  # a trailing _ asks for the whole word
    assert dictionary.code(["Northland", "'s", "ambassador"]) == "NRLGOV"
    assert dictionary.code(["the", "rebels"]) == "REB"


def test_our_csv_and_bad_files(tmp_path: Path) -> None:
    good = tmp_path / "actors.csv"
    good.write_text("name,code\nHarbour Authority of Northland,NRLGOV\n", encoding="utf-8")
    assert load_actors([good]).code(["the", "Harbour", "Authority", "of", "Northland"]) == "NRLGOV"
    bad = tmp_path / "bad.csv"
    bad.write_text("name,code\nHarbour Authority,\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        load_actors([bad])
    headless = tmp_path / "headless.csv"
    headless.write_text("Harbour Authority,NRLGOV\n", encoding="utf-8")
    with pytest.raises(InputError, match="header"):
        load_actors([headless])
    empty = tmp_path / "empty.actors"
    empty.write_text("<!-- nothing -->\n", encoding="utf-8")
    with pytest.raises(InputError, match="no entries"):
        load_actors([empty])


def test_the_dictionary_codes_event_parties_before_the_entity_resolver(tmp_path: Path) -> None:
    actors = tmp_path / "test.actors.txt"
    actors.write_text(PETRARCH_ACTORS, encoding="utf-8")
    text = "Northland accused the South Marches of blocking the river."
    [event] = analyze(Article(id="t", text=text), actors=load_actors([actors])).events
    assert (event.type, event.actor.country, event.recipient.country) == ("ACCUSE", "NRL", "SMA")


def test_an_agent_alone_says_what_a_party_is_not_which_country(tmp_path: Path) -> None:
    actors = tmp_path / "test.actors.txt"
    agents = tmp_path / "test.agents.txt"
    actors.write_text(PETRARCH_ACTORS, encoding="utf-8")
    agents.write_text(PETRARCH_AGENTS, encoding="utf-8")
    text = "The rebels attacked a police post in Northland on Sunday."
    [event] = analyze(Article(id="t", text=text), actors=load_actors([actors, agents])).events
    assert (event.actor.country, event.actor.sector) == (None, "REB")
