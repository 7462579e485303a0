"""What a corpus knows about a person that one article does not say.

Reports lean on earlier reports: "Katarina Lindqvist, a Swedish diplomat" on Monday is "the UN special
envoy, Katarina Lindqvist" on Thursday, with no nationality. One article's analysis can only give what its
own text says, so the Thursday article leaves her country empty. `People` gathers what every article says
of each person, keyed by the full name, and fills what a single article leaves out: a country and sector
where the article gives none, and the roles and affiliations other articles give after the article's own.
It never replaces what the article itself says, and a one-word name ("Costa") is never matched across
articles, because only the article knows which Costa it means.

Views over many articles use it (the store's `entities` and `quotes` listings, `newsgraph eval entities`);
`newsgraph analyze` output stays what each article says.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from newsgraph.gazetteer.folding import fold
from newsgraph.model import Analysis, Entity, Participant, Speaker


@dataclass
class KnownPerson:
    """A person as the whole corpus describes them: each detail with the number of articles giving it."""

    name: str
    countries: Counter[str] = field(default_factory=Counter)
    sectors: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    """Keyed by the form first seen: "Foreign Minister" and "foreign minister" count as one."""
    affiliations: Counter[str] = field(default_factory=Counter)
    articles: int = 0
    _forms: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def country(self) -> str | None:
        return clear_lead(self.countries)

    @property
    def sector(self) -> str | None:
        return clear_lead(self.sectors)

    @property
    def role(self) -> str | None:
        """The role most articles give (the first given, in a tie)."""
        return _most_given(self.roles)

    @property
    def affiliation(self) -> str | None:
        return _most_given(self.affiliations)

    def form_of(self, value: str) -> str:
        """The form of `value` first seen for this person, so that one title is counted under one key."""
        return self._forms.setdefault(fold(value), value)


def person_key(name: str) -> str | None:
    """The key a person is matched by across articles: the folded full name; None for a single word."""
    key = fold(name)
    return key if len(key.split()) >= 2 else None


class People:
    """Every named person of a set of articles, and what the articles together say of each."""

    def __init__(self) -> None:
        self._known: dict[str, KnownPerson] = {}

    def add(self, entities: Iterable[Entity]) -> None:
        """Add one article's entities (each article once: details are counted per article)."""
        for entity in entities:
            if entity.kind == "person":
                self.add_person(entity.name, entity.country, entity.sector, entity.roles, entity.affiliations)

    def add_person(
        self, name: str, country: str | None, sector: str | None, roles: list[str], affiliations: list[str]
    ) -> None:
        """Add what one article says of one person; a single-word name is left out."""
        key = person_key(name)
        if key is None:
            return
        known = self._known.setdefault(key, KnownPerson(name))
        known.articles += 1
        if country:
            known.countries[country] += 1
        if sector:
            known.sectors[sector] += 1
        known.roles.update(known.form_of(value) for value in _distinct(roles))
        known.affiliations.update(known.form_of(value) for value in _distinct(affiliations))

    def get(self, name: str) -> KnownPerson | None:
        key = person_key(name)
        return self._known.get(key) if key else None

    def fill(
        self, name: str | None, role: str | None, affiliation: str | None, country: str | None
    ) -> tuple[str | None, str | None, str | None]:
        """A named person's role, affiliation and country, each as given or, where empty, what most
        articles give: how the store's listings show a speaker."""
        known = self.get(name) if name else None
        if known is None:
            return role, affiliation, country
        return role or known.role, affiliation or known.affiliation, country or known.country

    def complete(self, entity: Entity) -> Entity:
        """The entity with what the other articles say added where this article is silent."""
        known = self.get(entity.name) if entity.kind == "person" else None
        if known is None:
            return entity
        return replace(
            entity,
            country=entity.country or known.country,
            sector=entity.sector or known.sector,
            roles=_extended(entity.roles, known.roles),
            affiliations=_extended(entity.affiliations, known.affiliations),
        )

    def complete_analysis(self, analysis: Analysis) -> Analysis:
        """The analysis with its people completed, and their quotes' speakers and events' parties too."""
        entities = [self.complete(entity) for entity in analysis.entities]
        by_id = {entity.id: entity for entity in entities}
        quotes = [
            replace(quote, speaker=_completed_speaker(quote.speaker, by_id)) if quote.speaker else quote
            for quote in analysis.quotes
        ]
        events = [
            replace(
                event,
                actor=_completed_party(event.actor, by_id),
                recipient=_completed_party(event.recipient, by_id),
            )
            for event in analysis.events
        ]
        return replace(analysis, entities=entities, quotes=quotes, events=events)


def _completed_speaker(speaker: Speaker, by_id: dict[str, Entity]) -> Speaker:
    entity = by_id.get(speaker.entity) if speaker.entity else None
    if entity is None or entity.kind != "person":
        return speaker
    return replace(
        speaker,
        role=speaker.role or next(iter(entity.roles), None),
        affiliation=speaker.affiliation or next(iter(entity.affiliations), None),
        country=speaker.country or entity.country,
    )


def _completed_party(party: Participant | None, by_id: dict[str, Entity]) -> Participant | None:
    entity = by_id.get(party.entity) if party and party.entity else None
    if party is None or entity is None or entity.kind != "person":
        return party
    return replace(party, country=party.country or entity.country, sector=party.sector or entity.sector)


def clear_lead(counts: Counter[str]) -> str | None:
    """The value most articles give, if no other value is given as often (two countries in a tie: none)."""
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _most_given(counts: Counter[str]) -> str | None:
    ranked = counts.most_common(1)
    return ranked[0][0] if ranked else None


def _distinct(values: Iterable[str]) -> list[str]:
    """One form per folded value, so that an article counts once for "Foreign Minister" and "foreign minister"."""
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(fold(value), value)
    return list(seen.values())


def _extended(own: list[str], known: Counter[str]) -> list[str]:
    """The article's own values, then the corpus's others, most widely given first.

    A corpus value that one of the article's own contains, or that contains one, is the same title in a
    shorter or longer form ("spokesman", "foreign ministry spokesman") and is not added again.
    """
    result = list(own)
    folded = [fold(value) for value in own]
    for value, _ in known.most_common():
        key = fold(value)
        if any(key in have or have in key for have in folded):
            continue
        result.append(value)
        folded.append(key)
    return result
