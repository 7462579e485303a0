"""What the corpus knows about a person: details one article leaves out, filled from the others."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from newsgraph.entities.corpus import People, clear_lead
from newsgraph.model import Analysis, Article, Entity, Event, Participant, Quote, Source, Span, Speaker
from newsgraph.pipeline import analyze
from newsgraph.store import Store

MONDAY = (
    "GENEVA, June 3 - The United Nations named Ingrid Halvorsen, a Norwegian diplomat who spent a decade "
    "on Arctic fisheries disputes, as its special envoy for the Barents Sea on Monday.\n\n"
    "Halvorsen told reporters she would travel to Oslo and Moscow before the end of the month."
)
THURSDAY = (
    "MURMANSK, June 6 - The UN envoy for the Barents Sea, Ingrid Halvorsen, met port officials on Thursday "
    "to discuss the seizure of two trawlers.\n\n"
    '"Both sides want the boats home before the season closes," Halvorsen said after the meeting.'
)


def _article(id_: str, text: str, published: str) -> Article:
    return Article(id=id_, text=text, published=published, source=Source(path=f"{id_}.txt"))


def _person(analysis: Analysis, surname: str) -> Entity:
    return next(e for e in analysis.entities if e.kind == "person" and surname in e.name)


def test_a_later_report_gets_the_country_an_earlier_one_gave() -> None:
    monday = analyze(_article("mon", MONDAY, "2025-06-03"))
    thursday = analyze(_article("thu", THURSDAY, "2025-06-06"))
    assert _person(monday, "Halvorsen").country == "NOR"
    alone = _person(thursday, "Halvorsen")
    assert alone.country is None

    people = People()
    for analysis in (monday, thursday):
        people.add(analysis.entities)
    completed = people.complete_analysis(thursday)
    person = _person(completed, "Halvorsen")
    assert person.country == "NOR"
    assert person.roles[: len(alone.roles)] == alone.roles, "the article's own roles come first"
    quote = next(q for q in completed.quotes if "boats home" in q.text)
    assert quote.speaker is not None and quote.speaker.country == "NOR"
    assert _person(thursday, "Halvorsen").country is None, "the article's own analysis is not changed"


def _entity(name: str, country: str | None = None, roles: list[str] | None = None) -> Entity:
    return Entity(id="e1", name=name, kind="person", country=country, roles=roles or [])


def test_what_the_article_says_is_never_replaced() -> None:
    people = People()
    people.add([_entity("Marta Ruiz", "ESP", ["trade minister"])])
    people.add([_entity("Marta Ruiz", "ESP", ["minister"])])
    own = _entity("Marta Ruiz", "ARG", ["economist"])
    completed = people.complete(own)
    assert completed.country == "ARG"
    assert completed.roles == ["economist", "trade minister"], "'minister' is in 'trade minister': not repeated"


def test_countries_in_a_tie_fill_nothing() -> None:
    people = People()
    people.add([_entity("Ali Hassan", "EGY")])
    people.add([_entity("Ali Hassan", "JOR")])
    assert people.complete(_entity("Ali Hassan")).country is None
    people.add([_entity("Ali Hassan", "EGY")])
    assert people.complete(_entity("Ali Hassan")).country == "EGY"
    assert clear_lead(Counter()) is None


def test_a_surname_alone_or_an_organisation_is_not_matched_across_articles() -> None:
    people = People()
    people.add(
        [_entity("Peter Novak", "SVK"), Entity(id="e2", name="Novak Holdings", kind="organisation", country="CZE")]
    )
    assert people.complete(_entity("Novak")).country is None
    organisation = Entity(id="e3", name="Novak Holdings", kind="organisation")
    assert people.complete(organisation).country is None
    assert people.get("peter  NOVÁK") is not None, "case, spacing and accents do not matter"


def test_quote_speakers_and_event_parties_of_the_person_are_completed() -> None:
    people = People()
    people.add([_entity("Lea Brandt", "DEU", ["spokeswoman"])])
    text = "Brandt said the talks would resume. Lea Brandt met the delegation."
    analysis = Analysis(
        article=Article(id="a", text=text),
        entities=[_entity("Lea Brandt")],
        quotes=[
            Quote(
                "the talks would resume",
                12,
                34,
                [(12, 34)],
                "indirect",
                Span("said", 7, 11),
                Speaker("Lea Brandt", "e1"),
            )
        ],
        events=[Event(Participant("Lea Brandt", "e1"), None, "CONSULT", "asserted", (36, 66), Span("met", 47, 50))],
    )
    completed = people.complete_analysis(analysis)
    speaker = completed.quotes[0].speaker
    assert speaker is not None and (speaker.country, speaker.role) == ("DEU", "spokeswoman")
    assert completed.events[0].actor is not None and completed.events[0].actor.country == "DEU"


def test_the_store_lists_one_person_across_articles_and_fills_speaker_details(tmp_path: Path) -> None:
    with Store(tmp_path / "people.db") as store:
        for id_, text, published in (("mon", MONDAY, "2025-06-03"), ("thu", THURSDAY, "2025-06-06")):
            store.add_analysis(analyze(_article(id_, text, published)))
        people = [e for e in store.entities(kind="person") if "Halvorsen" in e.name]
        assert [(e.name, e.country, e.articles) for e in people] == [("Ingrid Halvorsen", "NOR", 2)]
        assert [e.name for e in store.entities(country="NOR", kind="person")] == ["Ingrid Halvorsen"]
        quote = next(q for q in store.quotes(speaker="halvorsen") if "boats home" in q.text)
        assert quote.speaker_country == "NOR"


def test_the_store_folds_spellings_and_missing_countries_of_one_person(tmp_path: Path) -> None:
    rows = [("a1", "Héctor Carrasco", "PER"), ("a2", "Hector Carrasco", "PER"), ("a3", "Héctor Carrasco", None)]
    rows += [("a4", "Héctor Carrasco", "CHL")]
    with Store(tmp_path / "spellings.db") as store:
        for article_id, name, country in rows:
            article = Article(id=article_id, text=f"{name} spoke to fishermen in the port of {article_id}.")
            store.add_analysis(Analysis(article=article, entities=[_entity(name, country)]))
        people = [(e.name, e.country, e.articles) for e in store.entities(kind="person")]
    assert ("Héctor Carrasco", "PER", 3) in people, "two spellings and an article without a country, one row"
    assert ("Héctor Carrasco", "CHL", 1) in people, "an article that disagrees keeps its own row"
