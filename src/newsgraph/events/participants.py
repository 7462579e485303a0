"""Who an event's actor and recipient are: coded to a name, an entity, a country and a sector.

A participant is the entity the resolver found at the noun phrase's head (a person, an organisation, a
place); a place stands for its country, so "Moscow said" and "travelled to Bissau" code to the country.
A phrase the resolver does not know ("the Chilean government", "fishing unions") keeps its words as the
name, with a country from a nationality or place inside it and a sector from its head noun. A user's
actor dictionary (`actors`), when given, is asked first: its CAMEO code gives country and sector.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.entities import EntityIndex
from newsgraph.events.actors import ActorDictionary
from newsgraph.events.triggers import TIME_WORDS
from newsgraph.gazetteer.countries import country_name, country_of
from newsgraph.gazetteer.roles import find_role, names_people
from newsgraph.model import Entity, Participant, Speaker
from newsgraph.nlp.rules import HONORIFICS
from newsgraph.nlp.syntax import opens_with_comma, previous_sentence_start

ANYONE = {
    *("people", "children", "women", "men", "man", "woman", "child", "boy", "girl", "boys", "girls"),
    *("passengers", "victims", "bystanders", "person", "persons"),
}
"""Words for people that say nothing of who they are: civilians where they are harmed or protest ("20 people
were killed", "hundreds of people marched"), no party to other acts ("allow people to copy CDs")."""
SECTORS = {
    **dict.fromkeys(
        (
            "government",
            "ministry",
            "cabinet",
            "authorities",
            "administration",
            "official",
            "officials",
            "minister",
            "president",
            "leader",
            "leaders",
            "heads",
            "delegation",
            "negotiators",
            "diplomats",
            "diplomat",
            "embassy",
            "parliament",
            "assembly",
            "police",
            "mediator",
            "envoy",
            "ministers",
            "presidents",
            "governments",
            "envoys",
            "mediators",
            "negotiator",
            "lawmakers",
            "legislators",
            "senators",
            "deputies",
            "parliamentarians",
            "ministries",
            "countries",
            "nations",
            "neighbours",
            "neighbors",
        ),
        "GOV",
    ),
    **dict.fromkeys(
        (
            *("army", "military", "troops", "soldiers", "forces", "navy", "junta", "commander", "commanders"),
            *("generals", "peacekeepers", "contingent", "battalion", "battalions", "soldier", "peacekeeper"),
        ),
        "MIL",
    ),
    **dict.fromkeys(
        (
            "protesters",
            "demonstrators",
            "protestors",
            "rioters",
            "supporters",
            "residents",
            "farmers",
            "fishermen",
            "villagers",
            "unions",
            "union",
            "students",
            "workers",
            "opposition",
            "activists",
            "campaigners",
            "civilians",
            "voters",
            "refugees",
            "prisoners",
            "inmates",
            "detainees",
            "youths",
            "landowners",
            "teachers",
            "doctors",
            "nurses",
            "organisers",
            "organizers",
            *("civilian", "student", "farmer", "worker", "activist", "protester", "demonstrator"),
            *ANYONE,
        ),
        "CVL",
    ),
    **dict.fromkeys(("journalists", "reporters", "newspaper", "broadcaster", "journalist", "reporter"), "JRN"),
    **dict.fromkeys(
        ("company", "companies", "firm", "firms", "exporters", "producers", "bank", "banks", "executives"), "BUS"
    ),
    **dict.fromkeys(
        (
            *("rebels", "insurgents", "militants", "militia", "militias", "fighters", "gunmen", "jihadists"),
            *("guerrillas", "guerillas", "separatists", "extremists", "fundamentalists"),
            *("rebel", "insurgent", "militant", "separatist"),
        ),
        "REB",
    ),
}
BODY_NOUNS = {
    *("company", "firm", "bank", "group", "government", "ministry", "party", "club", "union", "council"),
    *("agency", "court", "board", "commission", "regulator", "administration", "country", "state", "network"),
    *("broadcaster", "newspaper", "carmaker", "airline", "retailer", "insurer", "broker", "operator", "giant"),
}
"""Singular common nouns that name a body, which a later "it" may stand for ("the firm ... accusing it")."""
_SOURCE_OPENER = "according to "
"""Words before a source of a report, which no later "it" or "they" stands for."""
_LEADING_PEOPLE = {"leader", "leaders", "official", "officials", "representatives", "heads"}
"""People who lead or speak for others: the word before them says whose ("union leaders")."""
_GROUPS = {"group", "groups", "faction", "factions", "movement", "organisation", "organization", "cell", "cells"}
_ARMED = {
    *("militant", "rebel", "armed", "terrorist", "extremist", "jihadist", "insurgent", "separatist", "islamist"),
    *("paramilitary", "guerrilla", "guerilla"),
}
"""Words that make a group an armed one: "the militant group", "armed factions"."""
_MODIFIER_SECTORS = {"business": "BUS", "industry": "BUS", "corporate": "BUS", "church": "CVL", "religious": "CVL"}
"""Words that give the sector of the people they describe ("business leaders") but are no party alone
("its business practices")."""
THINGS = {
    *("economy", "economies", "market", "markets", "resource", "resources", "export", "exports", "import"),
    *("imports", "price", "prices", "growth", "currency", "dollar", "euro", "share", "shares", "stock"),
    *("stocks", "oil", "gas", "production", "output", "sale", "sales", "profit", "profits", "budget"),
    *("deficit", "debt", "inflation", "rate", "rates", "earnings", "revenue", "revenues", "demand", "supply"),
    *("investment", "investments", "fee", "fees", "tariff", "tariffs", "tax", "taxes", "contract", "contracts"),
}
"""Heads of phrases that name what a country or company has, never a party, whatever country is named in
them ("the German economy", "Chilean farmed salmon exports"): where one is the object, the owner or the
party it is with stands in (`events.coder._recipient`)."""


def is_thing(word: Token) -> bool:
    """A word of `THINGS`, also in a plural the lemmatizer left alone ("supplies")."""
    forms = {word.lower_, word.lemma_.lower()}
    if word.lower_.endswith("ies"):
        forms.add(word.lower_[:-3] + "y")
    return not forms.isdisjoint(THINGS)


ORGANS = {"council", "committee", "board", "secretariat", "commission", "court", "bloc", "panel", "delegation"}
"""Singular nouns for a body's own organs: "the commission's council" acts for the commission."""
HOME_INSTITUTIONS = {"government", "authorities", "army", "military", "police", "junta", "cabinet", "parliament"}
"""Institutions news leaves unqualified when they are the story country's own ("the government said")."""
OTHERS_OF = {
    *("rival", "competitor", "opponent", "enemy", "customer", "client", "shareholder", "creditor", "user"),
    *("employee", "worker", "fan", "player", "subscriber", "supplier", "buyer", "bidder", "suitor", "victim"),
}
"""People a body has who are not the body: "BT's rivals accused ..." are not BT."""
QUANTITIES = {"dozens", "hundreds", "thousands", "tens", "millions", "scores", "hundred", "thousand"}
FIRST_PERSON = {"i": "singular", "me": "singular", "we": "plural", "us": "plural"}
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "who", "which", "that"}
_LEADING = {"the", "a", "an", "her", "his", "its", "their", "our", "whose"}
_CLAUSE_OPENERS = {"when", "where", "while", "whenever", "once", "after", "before", "until", "whether"}
_COUNTING = {"about", "around", "some", "several", "nearly", "almost", "roughly", "over", "more", "than", "least"}
"""Words of a head count before a group ("[about 300] fishermen"): how many came is not who they are."""
_CLAUSES = {"acl", "acl:relcl", "relcl", "advcl", "parataxis", "ccomp", "conj"}
"""Clauses inside a phrase that say what its party did, not who it is ("ECOWAS[, which froze the assets
of Bissau-Guinean officials]" is no Bissau-Guinean body)."""
_LEFT_OUT = {"appos", "acl", "acl:relcl", "relcl", "punct", "advcl", "parataxis", "conj", "cc", "case"}


@dataclass(frozen=True)
class Coder:
    """Codes noun phrases of one article through the user's actor dictionary, then its entity index."""

    entities: EntityIndex
    actors: ActorDictionary | None = None
    voices: tuple[tuple[int, int, Speaker], ...] = ()
    """The character spans of the article's quotes with their speakers: who "I" and "we" are inside them."""

    def code(self, head: Token) -> Participant | None:
        """The participant a noun phrase headed by `head` names; None for an unresolved pronoun, a day,
        and a phrase that names no one ("agreed to [a water release]", "[the real test] is whether").
        Where the parser split a name from its honorific ("[Mr] Galloway was expelled", read as two
        subjects), the name is the participant."""
        if head.is_space:
            return None  # a stray no-break space the parser hung a phrase on names no one
        participant = self._code(head)
        if participant is not None and not participant.name.strip():
            return None
        following = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
        honorific_only = participant is not None and participant.name.lower() in HONORIFICS
        if honorific_only and following is not None and following.pos_ == "PROPN":
            return self._code(following)
        return participant

    def _code(self, head: Token) -> Participant | None:
        counted = _counted(head)
        if counted is not None:
            return self._code(counted)  # "Thousands of [farmers]", "dozens of [soldiers]"
        if self.actors:
            words = _phrase(head)
            actor, agent = self.actors.parts([t.text for t in words])
            if actor or agent:
                entity = self._entity(head)
                name = " ".join(head.doc[words[0].i : words[-1].i + 1].text.split())
                country = actor[:3] if actor and actor[:3].isalpha() else None
                sector = (actor or "")[3:6] or (agent or "")[:3] or None
                return Participant(name, entity.id if entity else None, country, sector)
        if _first_person(head):
            return self._speaker(head)
        antecedent = self._antecedent(head)
        described = self._described_antecedent(head, antecedent)
        if described is not None:
            return self._code(described)  # "took the firm to court, accusing [it] of fraud": the firm
        entity = self._entity(head) or self._named_person(head) or self._apposition(head) or antecedent
        if entity is not None:
            participant = _from_entity(entity)
            owner = self._owner(head) if entity.kind == "organisation" else None
            if owner is not None and owner != participant.country:
                # "Peru's Congress": the country that owns the body, not the one its name is best known in
                participant = Participant(participant.name, participant.entity, owner, participant.sector)
            if participant.country is None:
                # "The Chilean commander in the north, General Ana Soto": the country is in the description.
                clauses = {t.i for c in head.children if c.dep_ in _CLAUSES for t in c.subtree}
                words = [
                    t
                    for t in head.subtree
                    if t.i not in clauses and not (entity.kind == "person" and self._entity(t) is entity)
                ]
                country = next((c for t in words if (c := self._country(t))), None)
                participant = Participant(participant.name, participant.entity, country, participant.sector)
            return participant
        if head.lower_ in _PRONOUNS or head.pos_ == "PRON" or head.lower_ in TIME_WORDS:
            return None
        if head.pos_ == "NOUN" and is_thing(head):
            return None  # "Iraq's vast natural resources", "the German economy": what a country has, not it
        words = _phrase(head)
        body = next((e for t in words if t.i < head.i and (e := self._entity(t)) and e.kind == "organisation"), None)
        # "all 25 EU members in Rome": a body's members are the body's, not the country where they met
        coded = [t for t in words if t.i <= head.i] if body is not None else words
        country = next((c for t in coded if t.i != head.i and (c := self._country(t))), None)
        if head.pos_ == "ADJ" and head.is_title and (own := self._country(head)) is not None:
            country = own  # "withdrew from [the Lebanese] to the Israeli side": the adjective's own country
        if country is None and (
            head.pos_ == "PROPN" or (head.dep_ in ("amod", "compound") and head.text[:1].isupper())
        ):
            country = country_of(head.text)  # "Obama", or "Israeli" in "Israeli shelling"
        sector = _sector_of(head)
        possessor = _possessor(head)
        owner = self._entity(possessor) if possessor is not None else None
        if (
            owner is not None
            and owner.kind == "organisation"
            and head.pos_ == "NOUN"
            and sector is None
            and not names_people(head.text)
            and head.lemma_.lower() not in OTHERS_OF
            and head.lower_ not in ORGANS
        ):
            # "Microsoft's near monopoly", "Labour's record": a body's thing stands for the body, which the
            # phrase would otherwise be named for in full; not a country's ("Britain's highest court")
            return _from_entity(owner)
        members = body is not None and (names_people(head.text) or head.lower_ in ORGANS or sector is not None)
        if members and (sector is None or body.sector in ("IGO", "NGO")):
            # "UN inspectors", "the commission's council"; not "the EU's move". The people of an
            # international body are the body's whatever they are ("UN troops", CAMEO's IGOUNOMIL).
            sector = body.sector
        if country is None and len(words) == 1 and head.lower_ in HOME_INSTITUTIONS:
            country = self.entities.country  # "the government" of a story about Guinea-Bissau
        if country is None and sector is None and head.pos_ != "PROPN":
            return None
        if _office(head) is not None and head.lower_ not in SECTORS:
            words = [t for t in words if t.i <= head.i]  # "praised [her finance minister] for her role"
        name = " ".join(head.doc[words[0].i : words[-1].i + 1].text.split())
        return Participant(name=name, country=country, sector=sector)

    def _speaker(self, pronoun: Token) -> Participant | None:
        """ "I" inside a quote is its speaker; "we" the body the speaker speaks for (their affiliation), or
        for an official with none, their country: "We will impose sanctions," the ECOWAS commissioner said."""
        speaker = next((who for start, end, who in self.voices if start <= pronoun.idx < end), None)
        if speaker is None:
            return None
        if FIRST_PERSON[pronoun.lower_] == "singular":
            return Participant(speaker.name, speaker.entity, speaker.country)
        if speaker.affiliation:
            body = next((e for e in self.entities.entities if e.name == speaker.affiliation), None)
            if body is not None and body.country in (None, speaker.country):
                # not another state's body of the same name: "Nigeria's Ministry of Foreign Affairs" is not
                # the one Bissau's foreign minister speaks for
                return _from_entity(body)
            return Participant(speaker.affiliation, country=speaker.country)
        if speaker.country and not speaker.described:
            return Participant(_country_label(speaker.country) or speaker.country, country=speaker.country)
        return None

    def affiliations(self, participant: Participant) -> list[str]:
        """The names of the bodies a participant that is a known person belongs to."""
        entity = next((e for e in self.entities.entities if e.id == participant.entity), None)
        return list(entity.affiliations) if entity is not None else []

    @staticmethod
    def _described_antecedent(head: Token, antecedent: Entity | None) -> Token | None:
        """ "Ruiz took the firm to court, accusing [it] of fraud": a body named by a common noun ("the company",
        "the ministry") between the last mention of the `_antecedent` entity and "it" or "its" in the
        sentence is what the pronoun stands for; not one that only describes another noun ("company
        rules"), nor the pronoun's own subject."""
        if head.lower_ not in ("it", "its"):
            return None
        mentions = antecedent.mentions if antecedent is not None else []
        nearest = max((start for start, _ in mentions if start < head.idx), default=0)
        for token in reversed(head.sent[: head.i - head.sent.start]):
            if token.idx < nearest:
                return None
            if token.pos_ != "NOUN" or token.lemma_.lower() not in BODY_NOUNS or "Plur" in token.morph.get("Number"):
                continue
            if token.dep_ in ("compound", "amod") or (head.head == token.head and token.dep_.startswith("nsubj")):
                continue
            if any(c.lower_ in ("the", "this", "that") for c in token.children):
                return token
        return None

    def _antecedent(self, head: Token) -> Entity | None:
        """ "Hungary said it will support the resolution", "the ILO reiterated its demand": "it", "its",
        "they" and "their" for the country or organisation named last before them, in their sentence or the
        one before; not one named as the source of a report ("According to Bloomberg, they will seize ...")."""
        if head.lower_ not in ("it", "its", "they", "their"):
            return None
        sentence = head.sent
        earliest = head.doc[previous_sentence_start(sentence)].idx
        best: tuple[int, Entity] | None = None
        for entity in self.entities.entities:
            if entity.kind == "person" or (entity.kind == "place" and not entity.country):
                continue
            for start, _ in entity.mentions:
                before = head.doc.text[max(0, start - len(_SOURCE_OPENER)) : start]
                source = before.lower().endswith(_SOURCE_OPENER)
                if earliest <= start < head.idx and (best is None or start > best[0]) and not source:
                    best = (start, entity)
        return best[1] if best else None

    def _named_person(self, head: Token) -> Entity | None:
        """ "the West African mediator Ousmane Badji": the person a title introduces."""
        for token in [*head.children, *head.subtree]:
            if token.dep_ in ("appos", "flat", "compound", "nmod") or token.head == head:
                entity = self._entity(token)
                if entity is not None and entity.kind == "person" and token.pos_ == "PROPN":
                    return entity
        return None

    def _apposition(self, head: Token) -> Entity | None:
        """ "The largest rebel group, the Front for National Unity (FNU),": the organisation an apposition
        names."""
        for child in head.children:
            entity = self._entity(child) if child.dep_ == "appos" else None
            if entity is not None and entity.kind == "organisation":
                return entity
        return None

    def _entity(self, token: Token) -> Entity | None:
        return self.entities.at(token.idx, token.idx + len(token.text))

    def _owner(self, head: Token) -> str | None:
        """The country of a possessive before the head: "[Peru's] Congress"."""
        owner = _possessor(head)
        return self._country(owner) if owner is not None else None

    def _country(self, token: Token) -> str | None:
        """The country a word inside a phrase names: a place or organisation, or a nationality; not one
        a group is for or against ("pro-Russia rebels", "anti-American protesters")."""
        if _sided(token):
            return None
        entity = self._entity(token)
        if entity is not None and entity.kind in ("place", "organisation"):
            return entity.country
        return country_of(token.text) if token.is_title else None


SIDES = {"pro", "anti"}
"""Prefixes that say whose side a group takes, not whose it is."""
BACKERS = {"backed", "linked", "allied", "aligned", "funded", "supported", "sponsored", "inspired", "affiliated"}
"""Suffixes that name who stands behind a group, not who it is: "Iran-backed militias", "al-Qaeda-linked
rebels" ("US-led" forces are the US's)."""


def _sided(token: Token) -> bool:
    """ "pro-Russia", "anti-American", "Iran-backed", "al-Qaeda-linked" (split at the hyphen or one word)."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in SIDES:
        return True
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and doc[token.i + 2].lower_ in BACKERS:
        return True
    parts = token.lower_.split("-")
    return len(parts) > 1 and (parts[0] in SIDES or parts[-1] in BACKERS)


def _possessor(head: Token) -> Token | None:
    """The possessive before a phrase's head: "[Peru's] Congress", "[Microsoft's] near monopoly"."""
    return next((c for c in head.children if c.i < head.i and possessive(c)), None)


def _from_entity(entity: Entity) -> Participant:
    if entity.kind == "place" and entity.country:
        return Participant(name=_country_label(entity.country) or entity.name, entity=entity.id, country=entity.country)
    return Participant(name=entity.name, entity=entity.id, country=entity.country, sector=entity.sector)


@functools.cache
def _country_label(code: str) -> str | None:
    return country_name(code)


def _phrase(head: Token) -> list[Token]:
    """The noun phrase without appositions, relative clauses, coordinated phrases, when ("the Ministry of
    the Interior [on Thursday]") and a leading article, possessive or head count ("[whose] Democratic
    Union coalition", "[about 300] fishermen")."""
    kept = [head]
    for child in head.children:
        if (
            child.dep_ not in _LEFT_OUT
            and child.lower_ not in TIME_WORDS
            and not (child.i > head.i and opens_with_comma(child))
        ):
            kept.extend(child.subtree)
    when = {t.i for w in kept if w is not head and w.lower_ in TIME_WORDS for t in w.subtree}
    kept = sorted((t for t in kept if t.i not in when), key=lambda t: t.i)
    while (
        kept
        and kept[0] is not head
        and (
            kept[0].is_punct
            or kept[0].lower_ in _LEADING
            or kept[0].pos_ in ("ADP", "NUM", "SCONJ")
            or kept[0].lower_ in _CLAUSE_OPENERS  # "when" the parser hung on a clause's subject
            or kept[0].lower_ in _COUNTING
        )
    ):
        kept.pop(0)
    return kept


def _sector_of(head: Token) -> str | None:
    """The sector a common noun names; for "leaders", "officials" or "representatives", the sector of a
    noun before them wins ("business leaders", "union officials" are no government's)."""
    if head.lower_ in _LEADING_PEOPLE:
        sectors = (
            _MODIFIER_SECTORS.get(c.lower_) or SECTORS.get(c.lower_)
            for c in head.children
            if c.dep_ in ("compound", "amod")
        )
        if (sector := next((s for s in sectors if s), None)) is not None:
            return sector
    if head.lower_ in _GROUPS and any(c.dep_ in ("compound", "amod") and c.lower_ in _ARMED for c in head.children):
        return "REB"  # "the militant group that has seized ...", "armed groups"
    return SECTORS.get(head.lower_) or _office(head)


def _office(head: Token) -> str | None:
    """The sector of an office named by a common noun: "urged [the chancellor] to admit", "the general";
    only offices of state, the armed forces and international bodies make a party of a title alone."""
    if head.pos_ != "NOUN" or not head.is_lower:
        return None
    role = find_role(head.text)
    return role.sector if role is not None and role.sector in ("GOV", "MIL", "IGO") else None


PERSONAL_POSSESSIVES = {"his", "her"}
"""Possessive pronouns the entity resolver gives a person; "its" and "their" are the participant coder's."""


def possessive(token: Token) -> bool:
    """Whether a word is a possessor ("[Cambodia]'s proposal"), however the parser labelled it."""
    if token.dep_ in ("nmod:poss", "poss") or any(
        c.dep_ == "case" and c.lower_ in ("'s", "’s") for c in token.children
    ):
        return True
    # "during [his] visit" with the pronoun labelled a plain modifier
    return token.lower_ in PERSONAL_POSSESSIVES and token.pos_ == "PRON" and token.i < token.head.i


def _first_person(word: Token) -> bool:
    """ "I", "we", "us", but not "US" (the country)."""
    return word.lower_ in FIRST_PERSON and (word.text == "I" or not word.text.isupper()) and word.pos_ == "PRON"


def _counted(head: Token) -> Token | None:
    """ "Thousands of farmers": the people a word of number counts."""
    if head.lower_ not in QUANTITIES:
        return None
    return next((c for c in head.children if c.dep_ == "nmod" and any(k.lower_ == "of" for k in c.children)), None)


def conjuncts(head: Token) -> list[Token]:
    """ "Peru and Chile", "Peru, Chile and Bolivia": the head and the words coordinated with it. Without an
    "and", "or" or "nor" anywhere it is no coordination but an apposition the parser took for one
    ("Portugal, Guinea-Bissau's former colonial power,")."""
    others = [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON")]
    joined = any(c.dep_ == "cc" for word in (head, *others) for c in word.children)
    twins = _twins(head)
    return sorted([head, *others, *twins], key=lambda t: t.i) if joined or twins else [head]


def _twins(head: Token) -> list[Token]:
    """ "Chile and Peru signed" parsed as two subjects of one verb, the "and" hung on the second: the
    words with the same relation to the same head, joined by an "and" between them, are one
    coordination."""
    if head.dep_ not in ("nsubj", "obj", "dobj") or head.head.i == head.i:
        return []
    siblings = [s for s in head.head.children if s.dep_ == head.dep_ and s.i != head.i]
    return [
        s
        for s in siblings
        if any(
            c.dep_ == "cc" and c.lower_ in ("and", "or") and min(head.i, s.i) < c.i < max(head.i, s.i)
            for word in (head, s)
            for c in word.children
        )
    ]
