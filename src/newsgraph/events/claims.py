"""Claims of violence: a party that says another attacked or repressed someone accuses that party.

"Israel said rockets were fired at it from Gaza", "Peru claimed that Chilean troops had detained two
fishermen": besides the act itself (coded where it is reported),
the speaker accuses whoever it says did it (CAMEO 112, ACCUSE), as event coders since PETRARCH do. Only
a speaker the text names (a country, a body, a person: "..., police said" is a source reporting), and
only an actor other than the speaker: "the army said it killed ten rebels" is a report of its own act.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Token

from newsgraph.events.ontology import cameo, plover_for
from newsgraph.events.triggers import lemma_in
from newsgraph.model import Event, Participant
from newsgraph.model import Span as TextSpan
from newsgraph.nlp.syntax import subject

CLAIMING = {"say", "claim", "allege", "charge", "state", "report", "insist", "declare", "tell", "add", "confirm"}
"""Verbs of saying that put forward what another did as a fact."""
ACCUSED = {"ASSAULT", "COERCE"}
"""Acts whose claim is an accusation: violence and repression."""
ACCUSATION = "112"
_CLAUSE_LINKS = ("conj", "xcomp", "advcl")


def accusations(doc: Doc, events: Iterable[Event], code: Callable[[Token], Participant | None]) -> list[Event]:
    """One ACCUSE event from each speaker to each other party it says did violence or repression, in the
    order of the events claimed; `code` names the party a noun phrase stands for."""
    found: list[Event] = []
    for event in events:
        if event.type not in ACCUSED or event.actor is None or event.status != "asserted":
            continue
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        verb = _claiming_verb(span.root) if span is not None else None
        said_by = subject(verb) if verb is not None else None
        speaker = code(said_by) if said_by is not None else None
        if speaker is None or speaker.entity is None or _same_party(speaker, event.actor):
            continue  # "..., police said": a source that reports, not a party that accuses
        if span is not None and _own_side(span.root):
            continue  # "said they attempted to assassinate ...": the speaker's own side, however resolved
        accusation = _accusation(event, speaker, verb)
        if all(
            (e.actor, e.recipient, e.trigger) != (accusation.actor, accusation.recipient, accusation.trigger)
            for e in found
        ):
            found.append(accusation)
    return found


def _claiming_verb(trigger: Token) -> Token | None:
    """The verb of saying whose reported clause holds the trigger: "said [rebels attacked]", "claimed that
    [troops had detained ...] and [taken] ..."."""
    clause = trigger
    while clause.dep_ in _CLAUSE_LINKS and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return None
    return clause.head if lemma_in(clause.head, CLAIMING) else None


def _own_side(trigger: Token) -> bool:
    """ "they attacked", "its troops detained": an act whose subject is a pronoun, or is owned by one."""
    for child in trigger.children:
        if child.dep_ == "nsubj" and (child.pos_ == "PRON" or any(g.pos_ == "PRON" for g in child.children)):
            return True
    return False


def _same_party(speaker: Participant, actor: Participant) -> bool:
    if speaker.entity is not None and speaker.entity == actor.entity:
        return True
    return speaker.name == actor.name or (speaker.country is not None and speaker.country == actor.country)


def _accusation(event: Event, speaker: Participant, verb: Token) -> Event:
    mapping = plover_for(ACCUSATION)
    info = cameo(ACCUSATION)
    return Event(
        actor=speaker,
        recipient=event.actor,
        type=mapping.type if mapping else "ACCUSE",
        status="asserted",
        sentence=event.sentence,
        trigger=TextSpan(verb.text, verb.idx, verb.idx + len(verb.text)),
        mode=mapping.mode or None if mapping else None,
        context=list(mapping.context) if mapping else [],
        cameo=ACCUSATION,
        goldstein=info.goldstein if info else None,
        quad_class=info.quad_class if info else None,
        date=event.date,
        confidence=0.6,
        clause=verb.i,
    )
