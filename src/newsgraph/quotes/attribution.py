"""Who a quote's source is: a named entity, a pronoun resolved to one, or an unnamed, described source.

The source words come from the cue (its subject, or the X of "according to X"). When the head word of
those words is a mention of an entity the resolver found (a name, "he" resolved to a name, "the
minister" resolved to a person), the speaker is that entity, with its role, affiliation and country.
Otherwise the words themselves are the speaker: "a senior foreign ministry official" stays unnamed,
`described` is true, and role, affiliation and country come from inside the description.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Span, Token

from newsgraph.entities import EntityIndex
from newsgraph.gazetteer.cities import city_country
from newsgraph.gazetteer.countries import country_of
from newsgraph.gazetteer.places import country_for_place
from newsgraph.gazetteer.roles import find_role, names_people
from newsgraph.model import Entity, Speaker
from newsgraph.nlp.dates import MONTH_NAMES, WEEKDAYS
from newsgraph.nlp.rules import BODY_WORDS
from newsgraph.quotes.cues import INVERTING, possessive

PRONOUNS = {"he", "she", "they", "i", "we", "you", "it", "him", "her", "them"}
_OF_SOMEONE = {"of", "for", "to", "with", "at", "by", "from", "'s", "’s"}
_POSSESSIVES = {"his", "her", "its", "their"}
_OWN_WORDS = {
    *("statement", "book", "speech", "letter", "e-mail", "email", "remarks", "comments", "article", "column"),
    *("memo", "blog", "website", "tweet", "tweets", "interview", "diary", "memoirs", "autobiography"),
    *("testimony", "message", "note", "post", "lawsuit", "affidavit", "campaign", "manifesto"),
}
"""What a person writes or delivers: the person's own words when it "says" something."""


def speaker_for(doc: Doc, words: tuple[int, int], entities: EntityIndex) -> Speaker:
    """The Speaker of the source words `words` (a [start, end) token span of `doc`)."""
    span = doc[words[0] : words[1]]
    if _capitalised_group(span):
        return _described(span, entities)
    head = span.root
    person = _titled_person(span, entities)
    if person is not None:
        return _named(person, span, entities)
    entity = entities.at(head.idx, head.idx + len(head.text), kinds=("person", "organisation"))
    if len(span) == 1 and head.lower_ in ("he", "she"):
        unnamed = _unnamed_person_before(head, entity, entities)
        if unnamed is not None:
            described = _described(doc[unnamed.left_edge.i : unnamed.right_edge.i + 1], entities)
            return dataclasses.replace(described, start=span.start_char, end=span.end_char)
    if entity is not None:
        return _named(entity, span, entities)
    if len(span) == 1 and head.lower_ in (*PRONOUNS, "its"):
        if head.lower_ == "its":
            governing = _owning_body(head, entities)
        else:
            governing = _governing_body(head, entities) if head.lower_ in ("it", "they") else None
        if isinstance(governing, Speaker):
            return governing
        body = governing or (_body_it_stands_for(head, entities) if head.lower_ in ("it", "its") else None)
        if body is not None:
            return _named(body, span, entities)
        document = _document_it_stands_for(head) if head.lower_ == "it" else None
        if document is None and head.lower_ == "it":
            document = _described_body_before(head)
        if document is not None:
            described = _described(doc[document.left_edge.i : document.i + 1], entities)
            return dataclasses.replace(described, start=span.start_char, end=span.end_char)
        return Speaker(name=span.text, start=span.start_char, end=span.end_char)
    if all(t.pos_ == "PROPN" or t.is_punct for t in span):
        # A name the entity layer missed is still a name, not a description.
        return Speaker(name=span.text, start=span.start_char, end=span.end_char, country=_country_in(span, entities))
    named = _name_set_off_before(span, entities)
    if named is not None:
        return _named(named[0], doc[named[1] : words[1]], entities)
    apposed = _name_set_off_after(span, entities)
    if apposed is not None:
        return _named(apposed[0], doc[words[0] : apposed[1]], entities)
    return _described(span, entities)


_SUBJECTS = ("nsubj", "nsubj:pass")
BODIES = {*BODY_WORDS, "panel", "firm", "government", "watchdog", "regulator", "cabinet", "inquiry", "opposition"}
"""Common nouns for bodies that speak, which a later "it" (or, in the plural, "they") stands for."""
IT_REACH = 3
"""Sentences before the pronoun's own looked back through for what "it" stands for."""


def _body_it_stands_for(pronoun: Token, entities: EntityIndex) -> Entity | None:
    """ "The Callao Fishing Cooperative expects a poor season. Smaller boats may stay in port, [it] said": a
    speaking "it" is the organisation that was the main subject last, the way news carries a body from
    one sentence to the next; so is a country ("Norway rejected the plan. It said ..."). The nearest
    earlier sentence whose main verb has a subject before it other than a pronoun decides: when that
    subject is neither (a report or survey is `_document_it_stands_for`'s) or is a name with an owner
    ("Costa's Chile", a book), or a sentence on the way shows no subject, "it" stays unresolved."""
    subject = _earlier_subject(pronoun)
    if subject is None or any(possessive(child) for child in subject.children):
        return None
    # "Andean lender [Banco Sur] has challenged ...": the name set beside a described subject
    named = [subject, *(c for c in subject.children if c.dep_ in ("appos", "flat", "flat:name"))]
    return next(
        (e for t in named if (e := entities.at(t.idx, t.idx + len(t.text), kinds=("organisation", "place")))),
        None,
    )


def _earlier_subject(pronoun: Token) -> Token | None:
    """The subject a speaking "it" carries on from: that of the nearest earlier sentence, up to
    `IT_REACH` back, whose main verb has a subject before it (or after it, for a verb of saying that
    inverts) other than a pronoun; None where a sentence on the way shows no subject (nothing the parse
    gives to carry over)."""
    doc = pronoun.doc
    earlier = [s for s in doc.sents if s.end <= pronoun.sent.start and not s.root.is_space][-IT_REACH:]
    for sentence in reversed(earlier):
        root = sentence.root
        subject = next((c for c in root.children if c.dep_ in _SUBJECTS and c.i < root.i), None)
        if subject is None and root.lemma_.lower() in INVERTING:
            subject = _inverted_source(root)
        if subject is None or subject.pos_ != "PRON":
            return subject
    return None


UNNAMED_ROLES = {"spokesman", "spokeswoman", "spokesperson", "official", "source", "aide", "insider"}
"""Roles news gives people it does not name, whom "the spokesman" later still means."""
_FEMININE = ("woman", "women", "wife", "mother", "daughter", "sister", "chairwoman", "spokeswoman")
_MASCULINE = ("man", "men", "husband", "father", "son", "brother", "chairman", "spokesman")


def _unnamed_person_before(pronoun: Token, named: Entity | None, entities: EntityIndex) -> Token | None:
    """ "But a spokesman for the ministry defended the plan. [He] said: ..." : a "he" or "she" right after
    a sentence whose subject is a person the text does not name is that person, not someone named before
    them (the resolver knows only named people); the description must agree with the pronoun where it
    says a sex ("spokeswoman" is no "he")."""
    subject = _earlier_subject(pronoun)
    if subject is None or subject.pos_ != "NOUN" or "Plur" in subject.morph.get("Number"):
        return None
    if find_role(subject.lemma_) is None or entities.at(subject.idx, subject.idx + len(subject.text)) is not None:
        return None
    article = next((c.lower_ for c in subject.children if c.dep_ == "det"), None)
    if article not in ("a", "an", "one", "another") and subject.lemma_.lower() not in UNNAMED_ROLES:
        return None  # "the chancellor" is most often someone the article names
    opened = [t for t in subject.sent if t.i < subject.i and t.is_quote]
    if len(opened) % 2:
        return None  # a subject inside a quotation
    if any(t.pos_ == "PROPN" for t in subject.subtree if t.dep_ in ("appos", "flat", "compound", "nmod:poss")):
        return None  # "a spokesman, Ana Ruiz," names the person
    word = subject.lower_
    if (pronoun.lower_ == "he" and word.endswith(_FEMININE)) or (pronoun.lower_ == "she" and word.endswith(_MASCULINE)):
        return None
    if named is not None and any(subject.idx < start < pronoun.idx for start, _ in named.mentions):
        return None  # the named person was mentioned again after the description
    return subject


def _described_body_before(pronoun: Token) -> Token | None:
    """ "The opposition also seized on the figures. [It] said ...": a speaking "it" carries on a body
    that the sentence before named by a common noun ("the opposition", "the committee"), as it carries on
    a named one; not a body's plural, nor one owned ("the party's committee" may be the party's)."""
    subject = _earlier_subject(pronoun)
    if subject is None or subject.lemma_.lower() not in BODIES or "Plur" in subject.morph.get("Number"):
        return None
    return None if any(possessive(child) for child in subject.children) else subject


REPORTS = {
    *("report", "survey", "study", "poll", "review", "audit", "analysis", "paper", "document", "statement"),
    *("letter", "research", "assessment", "evaluation", "census", "index", "forecast", "update"),
}
"""Written sources a later speaking "it" carries on: "The report said ... Rules are too lax, it said"."""


def _inverted_source(verb: Token) -> Token | None:
    """'"...," said [the Callao Fishing Cooperative].', '"...," said the [report]': the name or document
    right after an inverted verb of saying, whatever the parser made of it (not another description:
    "said one broker" is a person)."""
    return next(
        (
            c
            for c in verb.children
            if c.i > verb.i and c.left_edge.i == verb.i + 1 and (c.pos_ == "PROPN" or c.lemma_.lower() in REPORTS)
        ),
        None,
    )


def _document_it_stands_for(pronoun: Token) -> Token | None:
    """ "The survey found that farmers lacked water. [It] said the drought had cost them dearly": a
    speaking "it" is the report, survey or study that was the subject of the sentence before (or one
    more back, past sentences with no subject before their verb), when no body is; one with an owner
    ("the firm's report") is left to the owner's reading."""
    subject = _earlier_subject(pronoun)
    if subject is None or subject.lemma_.lower() not in REPORTS:
        return None
    return None if any(possessive(c) for c in subject.children) else subject


def _owning_body(pronoun: Token, entities: EntityIndex) -> Entity | Speaker | None:
    """ "The Harbour Trust renewed [its] call for a sea wall": the "its" of a noun cue is the subject of
    the clause the noun stands in, when that is an organisation or place the entity layer holds, a name,
    or a body a common noun describes (kept with the pronoun's place in the text)."""
    clause = pronoun.head.head
    subject = next((c for c in clause.children if c.dep_ in _SUBJECTS and c.i < pronoun.i), None)
    if subject is None or subject.pos_ == "PRON" or any(possessive(child) for child in subject.children):
        return None
    entity = entities.at(subject.idx, subject.idx + len(subject.text), kinds=("organisation", "place"))
    if entity is not None:
        return entity
    if subject.pos_ != "PROPN" and subject.lemma_.lower() not in BODIES:
        return None
    described = _described(subject.doc[subject.left_edge.i : subject.i + 1], entities)
    return dataclasses.replace(described, start=pronoun.idx, end=pronoun.idx + len(pronoun.text))


def _governing_body(pronoun: Token, entities: EntityIndex) -> Entity | Speaker | None:
    """ "Siemens will keep the patents but [it] has pledged ...", "the panel reached its verdict after [it]
    found ...", "the unions agreed, but [they] said ...": a speaking "it" whose clause is joined to, or
    hangs on, a clause with a body as its subject is that body, the organisation or place named or a
    body described ("the panel", kept with the pronoun's place in the text); a speaking "they" is only
    a plural body so described ("the unions"). A name the entity layer did not type is left alone: it
    may be a person the recogniser missed."""
    if pronoun.dep_ not in _SUBJECTS:
        return None
    clause = pronoun.head
    while clause.dep_ in ("conj", "advcl") and clause.head.i != clause.i:
        clause = clause.head
        subject = next((c for c in clause.children if c.dep_ in _SUBJECTS and c.i < pronoun.i), None)
        if subject is None:
            continue
        if subject.pos_ == "PRON" or any(possessive(child) for child in subject.children):
            return None
        entity = entities.at(subject.idx, subject.idx + len(subject.text), kinds=("organisation", "place"))
        if entity is not None:
            # a named body is "it"; "they" after one is as often the people it acted on ("the IAAF warned the
            # sprinters after they ...")
            return entity if pronoun.lower_ == "it" else None
        plural = "Plur" in subject.morph.get("Number")
        body = subject.lemma_.lower() in BODIES and (plural == (pronoun.lower_ == "they"))
        if not body:
            return None
        described = _described(subject.doc[subject.left_edge.i : subject.i + 1], entities)
        return dataclasses.replace(described, start=pronoun.idx, end=pronoun.idx + len(pronoun.text))
    return None


def _name_set_off_after(span: Span, entities: EntityIndex) -> tuple[Entity, int] | None:
    """ "The Opposition Spokesman for Fisheries and Ports, [Owen Rhys], said", "said the bank's principal
    analyst [Rui Tanaka]": a person's name in apposition right after a description that is the source is who speaks.
    The person, and the end of the name."""
    doc = span.doc
    for child in span.root.children:
        if child.dep_ != "appos" or child.i < span.end or child.pos_ != "PROPN":
            continue
        words = [t for t in child.subtree if not t.is_punct]
        right_after = words[0].i == span.end or (doc[span.end].text == "," and words[0].i == span.end + 1)
        if not right_after or any(t.pos_ != "PROPN" for t in words):
            continue  # not a name alone right after it ("the group, including Labour's Robin Cook, ...")
        person = entities.at(child.idx, child.idx + len(child.text), kinds=("person",))
        if person is not None:
            return person, child.right_edge.i + 1
    return None


def _name_set_off_before(span: Span, entities: EntityIndex) -> tuple[Entity, int] | None:
    """ "Meanwhile Owen Pritchard, [Plaid Cymru farming spokesman], said": a description set off by
    commas right after a person's name, which the parser took for the subject, describes that person.
    The person, and the token their name starts at."""
    doc = span.doc
    comma, after = span.start - 1, span.end
    if comma < 1 or doc[comma].text != "," or after >= len(doc) or doc[after].text != ",":
        return None
    name = doc[comma - 1]
    person = entities.at(name.idx, name.idx + len(name.text), kinds=("person",)) if name.pos_ == "PROPN" else None
    if person is None:
        return None
    start = comma - 1
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].ent_type_ == name.ent_type_ != "":
        start -= 1
    return person, start


def _capitalised_group(span: Span) -> bool:
    """ "Diplomats said ...": a plural noun for people, capitalised because it opens the sentence, which
    the tagger or the entity recogniser took for a name."""
    word = span[0]
    if len(span) != 1 or not (word.is_sent_start or word.i == 0 or span.doc[word.i - 1].is_space):
        return False
    return names_people(word.text)


def _titled_person(span: Span, entities: EntityIndex) -> Entity | None:
    """A person named in the source words, wherever the parser put the head: "Lao Energy and Mines
    Minister Khamphet Sisavath", "Carolina Fuentes, the Chilean undersecretary". The last name wins, as
    a title comes before its holder; a person after "of" or "for", or before "'s", is someone else ("a
    spokesman for Ana Costa", "Ana Costa's spokesman"), unless what is theirs is their own words ("Ana
    Costa's statement")."""
    for token in reversed(span):
        entity = entities.at(token.idx, token.idx + len(token.text), kinds=("person",))
        if entity is None:
            continue
        if token.pos_ != "PROPN":
            continue
        before = span.doc[token.i - 1].lower_ if token.i > span.start else ""
        if before in _OF_SOMEONE:
            return None  # "a spokesman for Ana Costa": someone else
        if token.i + 1 < span.end and span.doc[token.i + 1].lower_ in ("'s", "’s"):
            # "Gordon Brown's closest ally" is someone else; "Mr Crosby's statement" is Crosby's words
            return entity if span.root.lower_ in _OWN_WORDS else None
        return entity
    return None


def _named(entity: Entity, span: Span, entities: EntityIndex) -> Speaker:
    """A speaker the resolver knows; a country its entity lacks may be in the source words themselves
    ("Portugal's Ministry of Foreign Affairs")."""
    return Speaker(
        name=entity.name,
        entity=entity.id,
        start=span.start_char,
        end=span.end_char,
        role=entity.roles[0] if entity.roles else None,
        affiliation=entity.affiliations[0] if entity.affiliations else None,
        country=entity.country or _country_in(span, entities),
    )


def _described(span: Span, entities: EntityIndex) -> Speaker:
    """An unnamed source, described by `span`: role, affiliation and country from its own words. A
    possessive pronoun in front is the person or body it stands for ("Her office": "Katarina Lindqvist's
    office", with her affiliation and country)."""
    head = span.root
    owner = _pronoun_owner(span, entities)
    if owner is not None:
        return Speaker(
            name=f"{owner.name}'s {span[1:].text}",
            start=span.start_char,
            end=span.end_char,
            affiliation=owner.affiliations[0] if owner.affiliations else None,
            country=owner.country,
            described=True,
        )
    role = None
    for start in range(span.start, head.i + 1):
        found = find_role(span.doc[start : head.i + 1].text)
        if found is not None:
            role = span.doc[start : head.i + 1].text
            break
    affiliation = None
    for token in span:
        if token.i == head.i:
            continue
        entity = entities.at(token.idx, token.idx + len(token.text), kinds=("organisation",))
        if entity is not None:
            affiliation = entity.name
            break
    country = _country_in(span, entities) or (None if affiliation else _place_opening_sentence(span, entities))
    return Speaker(
        name=span.text,
        start=span.start_char,
        end=span.end_char,
        role=role,
        affiliation=affiliation,
        country=country,
        described=True,
    )


def _pronoun_owner(span: Span, entities: EntityIndex) -> Entity | None:
    first = span[0]
    if len(span) < 2 or first.lower_ not in _POSSESSIVES:
        return None
    return entities.at(first.idx, first.idx + len(first.text), kinds=("person", "organisation"))


def _place_opening_sentence(span: Span, entities: EntityIndex) -> str | None:
    """ "In Arica, fishing unions ... said": the country of the place a sentence opens with is that of
    the unnamed locals it quotes (not of a body's officials: those speak for their body)."""
    sentence = span.sent
    if len(sentence) < 4 or sentence[0].lower_ != "in":
        return None
    comma = next((t.i for t in sentence[1:6] if t.text == ","), None)
    if comma is None or comma >= span.start:
        return None
    place = sentence.doc[sentence.start + 1 : comma]
    entity = entities.at(place.start_char, place.end_char, kinds=("place",))
    if entity is not None:
        return entity.country
    if all(t.is_title for t in place) and not any(t.lower_ in MONTH_NAMES or t.lower_ in WEEKDAYS for t in place):
        return country_for_place(place.text) or city_country(place.text)  # a town the model did not label
    return None


def _country_in(span: Span, entities: EntityIndex) -> str | None:
    """The country a description names: a place or organisation in it ("Guinea-Bissau's government"),
    else a nationality word ("a Senegalese foreign ministry official")."""
    for entity in entities.entities:
        inside = any(span.start_char <= s and e <= span.end_char for s, e in entity.mentions)
        if inside and entity.kind in ("place", "organisation") and entity.country:
            return entity.country
    words = (t for t in span if t.i != span.root.i and t.is_title and t.pos_ in ("ADJ", "PROPN"))
    return next((c for t in words if (c := country_of(t.text))), None)
