"""The working objects of entity resolution: mentions in the text and the clusters they form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from newsgraph.gazetteer.family_names import comes_first
from newsgraph.gazetteer.given_names import Gender, given_name_gender

Kind = Literal["person", "organisation", "place"]
MentionKind = Literal["name", "pronoun", "description"]


@dataclass
class Mention:
    """One place the text refers to an entity: character offsets into the article text."""

    start: int
    end: int
    text: str
    kind: MentionKind
    token: int
    """Index of the mention's last token in the Doc, used for order and distance."""


@dataclass
class Cluster:
    """Everything the article says about one entity; becomes a `model.Entity`."""

    kind: Kind
    names: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    gender: Gender | None = None
    key: str = ""
    """What name mentions are matched on (a canonical organisation name, a country code, a full name)."""
    addressed_as: set[str] = field(default_factory=set)
    """The honorifics the article puts before the name, by form ("mr", "ms", "sir", "dame")."""
    implied: set[str] = field(default_factory=set)
    """Affiliations only the role's words give ("Foreign Minister": Ministry of Foreign Affairs): every
    state has such a body, so they say nothing of which state's."""

    @property
    def name(self) -> str:
        """The fullest name the article uses."""
        return max(self.names, key=lambda n: (len(n.split()), len(n))) if self.names else ""

    def add_role(self, role: str) -> None:
        if role and role.lower() not in (r.lower() for r in self.roles):
            self.roles.append(role)

    def add_affiliation(self, affiliation: str) -> None:
        if affiliation and affiliation not in self.affiliations:
            self.affiliations.append(affiliation)


def given_gender(cluster: Cluster) -> Gender | None:
    """The gender the given name of a person's fullest name tells ("Imelda Staunton": "f"), if any; not
    from a family name written first ("Kim Jong-il")."""
    words = cluster.name.split()
    if len(words) < 2 or comes_first(words[0]):
        return None
    return given_name_gender(words[0])
