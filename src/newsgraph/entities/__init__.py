"""People, organisations and places of one article, with roles, affiliations, country and sector.

`find_entities(doc, published, dateline_country)` is the resolver the quote and event stages use: it
groups the Doc's name mentions into entities (`names`), describes people from the words around their
names (`descriptions`), and attaches pronouns and role descriptions to them (`coreference`). The returned
`EntityIndex` answers "which entity is this span?" for any mention, pronoun or description.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from newsgraph.entities.clusters import Cluster
from newsgraph.entities.coreference import resolve_references
from newsgraph.entities.descriptions import (
    canonical_affiliations,
    colleagues_share_a_country,
    describe_others,
    describe_people,
    ministers_of_the_ministry_before,
    officials_of_the_story_country,
    story_country,
)
from newsgraph.entities.names import name_clusters
from newsgraph.model import Entity

__all__ = ["EntityIndex", "find_entities"]


@dataclass
class EntityIndex:
    """The article's entities and a lookup from text spans to them."""

    entities: list[Entity]
    country: str | None = None
    """The country the article is about (`descriptions.story_country`), when one stands out: the home of
    the officials and institutions it leaves unqualified ("the government", "Prime Minister Cabi")."""

    def at(self, start: int, end: int, kinds: Collection[str] | None = None) -> Entity | None:
        """The entity (of one of `kinds`, when given) with a mention overlapping [start, end), if any."""
        for entity in self.entities:
            if (kinds is None or entity.kind in kinds) and any(s < end and start < e for s, e in entity.mentions):
                return entity
        return None


def find_entities(doc: Doc, published: date | None = None, dateline_country: str | None = None) -> EntityIndex:
    """Resolve the entities of an analysed article; `published` dates the office-holder lookups, and the
    dateline's country (ISO alpha-3) tells whether the story's country is its only candidate."""
    clusters = name_clusters(doc)
    describe_people(doc, clusters, published)
    describe_others(clusters)
    ministers_of_the_ministry_before(doc, clusters)
    country = story_country(clusters, dateline_country, doc)
    officials_of_the_story_country(clusters, country)
    canonical_affiliations(clusters)
    colleagues_share_a_country(clusters)
    resolve_references(doc, clusters)
    return EntityIndex([_entity(n, cluster) for n, cluster in enumerate(clusters, start=1)], country)


def _entity(number: int, cluster: Cluster) -> Entity:
    name = cluster.name
    return Entity(
        id=f"e{number}",
        name=name,
        kind=cluster.kind,
        country=cluster.country,
        sector=cluster.sector,
        roles=list(cluster.roles),
        affiliations=list(cluster.affiliations),
        aliases=[n for n in cluster.names if n != name],
        mentions=sorted({(m.start, m.end) for m in cluster.mentions}),
    )
