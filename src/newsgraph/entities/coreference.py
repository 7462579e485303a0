"""Pronouns and role descriptions resolved to the people the article has named.

"she" goes to the most recent person whose gender agrees (learnt from honorifics and from earlier
pronouns resolved to them), within a few paragraphs; "the minister" or "the spokesman" goes to the most
recent person with a matching role. Unresolvable mentions are left out rather than guessed.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.entities.clusters import Cluster, Gender, Mention
from newsgraph.gazetteer.roles import find_role
from newsgraph.nlp.syntax import sentences

PRONOUNS: dict[str, Gender] = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
HONORIFICS: dict[str, Gender] = {
    "mr": "m",
    "mr.": "m",
    "sir": "m",
    "ms": "f",
    "ms.": "f",
    "mrs": "f",
    "mrs.": "f",
    "madam": "f",
    "dame": "f",
}
MAX_SENTENCES_BACK = 6
MEMBERSHIP_WORDS = {"party", "coalition", "movement", "alliance", "union", "front", "bloc", "group"}
"""Heads of the organisations a person belongs to: "her [Democratic Union coalition]"."""
ORGANISATION_NOUNS: dict[str, tuple[str, ...]] = {
    "ministry": (),
    "department": (),
    "commission": (),
    "council": (),
    "union": (),
    "party": (),
    "coalition": (),
    "agency": ("IGO",),
    "bloc": ("IGO",),
    "alliance": ("IGO",),
    "organisation": ("IGO", "NGO"),
    "organization": ("IGO", "NGO"),
    "charity": ("NGO",),
    "group": ("NGO", "BUS"),
    "company": ("BUS",),
    "firm": ("BUS",),
}
"""Words that stand for an organisation named before: one whose name has the word ("the ministry": the
Ministry of Foreign Affairs) or, for the generic ones, one of these sectors ("the bloc": ECOWAS). "The
government" is not here: it is a country's, which is a place."""


def resolve_references(doc: Doc, clusters: list[Cluster]) -> None:
    """Add pronoun and description mentions to the person clusters they refer to, and "the ministry" or
    "the bloc" to the organisation they stand for."""
    _organisation_descriptions(doc, [c for c in clusters if c.kind == "organisation"])
    people = [c for c in clusters if c.kind == "person"]
    if not people:
        return
    _genders_from_honorifics(doc, people)
    sentence_of = {token.i: n for n, sent in enumerate(sentences(doc)) for token in sent}
    index = 0
    while index < len(doc):
        token = doc[index]
        gender = PRONOUNS.get(token.lower_)
        if gender and token.ent_type_ == "":
            cluster = _antecedent(doc, people, index, sentence_of, lambda c, g=gender: c.gender in (None, g))
            if cluster:
                cluster.gender = cluster.gender or gender
                cluster.mentions.append(Mention(token.idx, token.idx + len(token), token.text, "pronoun", index))
                own = _organisation_owned(doc, index) if token.lower_ in ("his", "her") else None
                if own is not None and not cluster.affiliations:
                    cluster.add_affiliation(own)  # "Her Democratic Union coalition has called a march"
        elif token.lower_ == "the":
            end = _description_end(doc, index)
            if end:
                title = find_role(doc[index + 1 : end].text)
                cluster = title and _antecedent(
                    doc, people, index, sentence_of, lambda c, t=title: _has_role(c, t.title)
                )
                if cluster:
                    span = doc[index:end]
                    cluster.mentions.append(Mention(span.start_char, span.end_char, span.text, "description", end - 1))
                    index = end - 1
        index += 1


def _organisation_owned(doc: Doc, index: int) -> str | None:
    """The organisation named right after a possessive pronoun when it is a party, coalition or movement
    of the person's ("her Democratic Union coalition", "his Freedom Party"): not "her ministry's report"."""
    entity = next((e for e in doc.ents if e.start == index + 1 and e.label_ == "ORG"), None)
    if entity is None:
        return None
    words = {entity[-1].lower_}
    if entity.end < len(doc):
        words.add(doc[entity.end].lower_)
    return entity.text if words & MEMBERSHIP_WORDS else None


def stands_for(word: str, organisation: Cluster) -> bool:
    """Whether "the ministry", "the bloc" (`word`, one of ORGANISATION_NOUNS) can stand for the
    organisation: its name has the word, or its sector is one the word is used for."""
    return any(word in name.lower().split() for name in organisation.names) or (
        organisation.sector in ORGANISATION_NOUNS.get(word, ())
    )


def _organisation_descriptions(doc: Doc, organisations: list[Cluster]) -> None:
    """ "the ministry said", "the bloc imposed", "the company denied": the most recent organisation
    before, within reach, whose name has that word ("the ministry": the Ministry of Foreign Affairs) or,
    for a word no name carries, whose sector fits ("the bloc": ECOWAS). "the ministry of ..." and "the
    ministry's" are left alone: a name or a longer phrase follows."""
    if not organisations:
        return
    sentence_of = {token.i: n for n, sent in enumerate(sentences(doc)) for token in sent}
    for token in doc:
        if token.lower_ != "the" or token.i + 1 >= len(doc) or token.ent_type_:
            continue
        noun = doc[token.i + 1]
        word = noun.lower_
        if word not in ORGANISATION_NOUNS or noun.ent_type_:
            continue
        after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        if after is not None and (after.lower_ == "of" or after.text[:1].isupper()):
            continue
        here = sentence_of.get(token.i, 0)
        candidates = [
            (max(before), cluster)
            for cluster in organisations
            if (before := [m.token for m in cluster.mentions if m.token < token.i])
            and here - sentence_of.get(max(before), 0) <= MAX_SENTENCES_BACK
            and stands_for(word, cluster)
        ]
        if candidates:
            cluster = max(candidates, key=lambda c: c[0])[1]
            cluster.mentions.append(
                Mention(token.idx, noun.idx + len(noun), f"{token.text} {noun.text}", "description", noun.i)
            )


def _antecedent(doc: Doc, people: list[Cluster], index: int, sentence_of: dict[int, int], fits) -> Cluster | None:  # type: ignore[no-untyped-def]
    """The most salient person before token `index`, within reach, that `fits`.

    Salience: a person who was the subject of the previous or the same sentence ("Costa met Sato.
    She said ...") comes before a more recent object; otherwise the most recent mention wins.
    """
    here = sentence_of.get(index, 0)
    ranked = []
    for cluster in people:
        before = [m.token for m in cluster.mentions if m.token < index]
        if not before or not fits(cluster):
            continue
        last = max(before)
        distance = here - sentence_of.get(last, 0)
        if distance > MAX_SENTENCES_BACK:
            continue
        subject = any(here - sentence_of.get(t, 0) <= 1 and _is_subject(doc[t]) for t in before)
        ranked.append((subject and distance <= 1, -distance, last, cluster))
    return max(ranked, key=lambda r: r[:3])[3] if ranked else None


def _is_subject(token: Token) -> bool:
    """Whether the name this token ends is a subject: "Costa" in "Ana Costa met" hangs off "Ana" (flat);
    also a name right before a verb the parser left without a subject ("..., minister Khamphet Sisavath
    told the envoy" parsed with the name as an oblique of an earlier verb)."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if (
        following is not None
        and following.pos_ == "VERB"
        and not any(c.dep_.startswith("nsubj") for c in following.children)
    ):
        return True
    while token.dep_ in ("flat", "flat:name", "compound") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass", "nsubj:pass")


def _description_end(doc: Doc, start: int) -> int | None:
    """End of "the [adjective] role" when a role title follows "the" (not followed by a name)."""
    for size in (4, 3, 2, 1):
        end = start + 1 + size
        if end <= len(doc) and find_role(doc[start + 1 : end].text):
            if end < len(doc) and doc[end].ent_type_ == "PER":
                return None
            return end
    return None


def _has_role(cluster: Cluster, title: str) -> bool:
    """ "the minister" fits a foreign minister; "the spokesman" a spokesperson."""
    return any(
        (role := find_role(r)) is not None and (role.title == title or role.title.endswith(" " + title))
        for r in cluster.roles
    )


def _genders_from_honorifics(doc: Doc, people: list[Cluster]) -> None:
    for cluster in people:
        for mention in cluster.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and span.start > 0:
                gender = HONORIFICS.get(doc[span.start - 1].lower_)
                if gender:
                    cluster.gender = gender
