"""Name mentions from the Doc's entities, grouped so that every name of one entity is one cluster.

"President Ana Costa" then "Costa" is one person; "the Economic Community of West African States
(ECOWAS)" then "ECOWAS" is one organisation; "the United States", "the U.S." and "Washington" as a
country are one place only when the gazetteer says they are the same country (a capital stays a place
of its own: whether "Moscow" means the city or the government is the reader's call).
"""

from __future__ import annotations

import re
from typing import Literal

from spacy.tokens import Doc, Span

from newsgraph.entities.clusters import Cluster, Kind, Mention, given_gender
from newsgraph.gazetteer.countries import country_of
from newsgraph.gazetteer.family_names import comes_first
from newsgraph.gazetteer.organisations import find_organisation
from newsgraph.gazetteer.places import find_place
from newsgraph.gazetteer.roles import TITLE_ABBREVIATIONS, find_role
from newsgraph.nlp.rules import GIVEN_NAME_TITLES, HONORIFICS, NAME_PARTICLES

KINDS: dict[str, Kind] = {
    "PER": "person",
    "PERSON": "person",
    "ORG": "organisation",
    "LOC": "place",
    "GPE": "place",
    "FAC": "place",
}
_LEADING = re.compile(r"^(?:the|The)\s+")
_TRAILING = re.compile(r"(?:['’]s|['’])$")
NamePart = Literal["first", "last"]
_ADDRESS_FORMS = {"mr": "mr", "mrs": "ms", "ms": "ms", "miss": "ms", "sir": "sir", "dame": "dame"}
"""How an honorific addresses a person: one person is not called both "Mr" and "Sir", nor "Mr" and "Mrs"."""
_OTHER_GENDER = {"mr": "f", "sir": "f", "ms": "m", "dame": "m"}
"""The gender a given name must not have for an honorific of that form to go with it."""
_FIRST_NAME_TITLES = {"sir", "dame"}
"""Honorifics a first name follows ("Sir Edward"); the others take a surname ("Mr Heath")."""
_MINOR = {"of", "the", "and", "for", "de", "du", "des", "la", "le", "on", "in", "&"}


def name_clusters(doc: Doc) -> list[Cluster]:
    """Clusters of name mentions, in order of first mention."""
    clusters: list[Cluster] = []
    for ent in doc.ents:
        kind = KINDS.get(ent.label_)
        if kind is None:
            continue
        mention = _mention(ent)
        if kind == "person" and _acronym(mention.text):
            kind = "organisation"  # "TUC", "SARFT": the model's person is a body known by its initials
        if not mention.text or (kind == "person" and not _looks_like_a_name(mention.text)):
            continue
        if kind == "person" and ent.start > 0 and doc[ent.start - 1].lower_ in ("a", "an"):
            continue  # "drove a Rolls Royce", "bought a Picasso": a thing named after someone, no person
        if kind != "person" and _person_named_before(clusters, mention.text):
            kind = "person"  # "Fuentes told reporters" after "Carolina Fuentes", taken by the model for an ORG
        title = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        part = "first" if title in _FIRST_NAME_TITLES else "last" if title in HONORIFICS else None
        form = _ADDRESS_FORMS.get(title.rstrip(".")) if kind == "person" else None
        cluster = _match(clusters, kind, mention.text, part, form) or _new(clusters, kind, mention.text)
        if form is not None:
            cluster.addressed_as.add(form)
        cluster.mentions.append(mention)
        if mention.text not in cluster.names:
            cluster.names.append(mention.text)
        _link_acronym(doc, ent, cluster)
    _add_repeats(doc, clusters)
    return clusters


def _add_repeats(doc: Doc, clusters: list[Cluster]) -> None:
    """Later uses of a known name the entity recogniser missed ("Badji, Senegal's foreign minister" after
    "Ousmane Badji"), added as mentions of the same entity. A surname shared by two people is skipped."""
    forms: dict[tuple[str, ...], Cluster | None] = {}
    for cluster in clusters:
        if cluster.kind == "place":
            continue
        for name in cluster.names:
            words = tuple(name.split())
            candidates = [words] + ([words[-1:]] if cluster.kind == "person" and len(words) > 1 else [])
            for form in candidates:
                forms[form] = cluster if forms.get(form, cluster) is cluster else None
    longest = max((len(form) for form in forms), default=0)
    known = {(m.start, m.end) for cluster in clusters for m in cluster.mentions}
    texts = [token.text for token in doc]
    firsts = {form[0] for form in forms if form}
    index = 0
    while index < len(texts):
        if texts[index] not in firsts:
            index += 1
            continue
        for size in range(min(longest, len(texts) - index), 0, -1):
            cluster = forms.get(tuple(texts[index : index + size]))
            if cluster is None:
                continue
            span = doc[index : index + size]
            if not any(t.ent_type_ for t in span) and (span.start_char, span.end_char) not in known:
                cluster.mentions.append(Mention(span.start_char, span.end_char, span.text, "name", span.end - 1))
                index += size - 1
                break
        index += 1


def _person_named_before(clusters: list[Cluster], text: str) -> bool:
    """Whether one word is the surname of a person the article has already named in full, and not a
    place or organisation the gazetteers know."""
    if " " in text or find_organisation(text) is not None or country_of(text) or find_place(text) is not None:
        return False
    people = [c for c in clusters if c.kind == "person" and _same_person(c, text)]
    return len(people) == 1 and any(len(name.split()) > 1 and name.split()[-1] == text for name in people[0].names)


def _looks_like_a_name(text: str) -> bool:
    """People's names are capitalised words and particles; "Nong Kham dam" is something else, and so is
    a word with a digit ("NM2", a project)."""
    if any(ch.isdigit() for ch in text):
        return False
    return all(word[:1].isupper() or word in NAME_PARTICLES for word in text.split())


def _acronym(text: str) -> bool:
    """One word of two or more capitals ("TUC", "M&S"), which names a body, not a person."""
    return " " not in text and len(text) > 1 and text.isupper()


def _mention(ent: Span) -> Mention:
    text = _TRAILING.sub("", _LEADING.sub("", ent.text)).strip()
    start = ent.start_char + ent.text.find(text) if text else ent.start_char
    # "Kenji\u00a0Sato" is the same name as "Kenji Sato": the name is written with plain single spaces
    return Mention(start, start + len(text), " ".join(text.split()), "name", ent.end - 1)


def _key(kind: Kind, text: str) -> str:
    if kind == "organisation":
        organisation = find_organisation(text)
        return organisation.name if organisation else text.lower()
    if kind == "place":
        country = country_of(text)
        # Country names share a key; a capital keeps its own ("Tokyo" is not "Japan").
        return country if country and find_place(text) is None else text.lower()
    return text.lower()


def _match(
    clusters: list[Cluster], kind: Kind, text: str, part: NamePart | None = None, form: str | None = None
) -> Cluster | None:
    key = _key(kind, text)
    same = [c for c in clusters if c.kind == kind and c.key == key]
    if same and (kind != "person" or len(text.split()) > 1):
        return same[-1]
    if kind == "person":
        # "Ambani" after "Mukesh Ambani" and "Anil Ambani": the one of them named last; "Mr Blair" is
        # never the one the article calls "Sir Ian" or "Mrs Blair"
        people = [
            c
            for c in clusters
            if c.kind == "person"
            and (c.key == key or _same_person(c, text, part))
            and (form is None or (c.addressed_as <= {form} and given_gender(c) != _OTHER_GENDER.get(form)))
        ]
        return max(people, key=lambda c: max((m.start for m in c.mentions), default=-1), default=None)
    for cluster in reversed(clusters):
        if cluster.kind == kind and any(_acronym_of(text, name) or _acronym_of(name, text) for name in cluster.names):
            return cluster
    return None


def _new(clusters: list[Cluster], kind: Kind, text: str) -> Cluster:
    cluster = Cluster(kind=kind, key=_key(kind, text))
    clusters.append(cluster)
    return cluster


def _same_person(cluster: Cluster, text: str, part: NamePart | None = None) -> bool:
    """ "Costa" after "Ana Costa" (a surname, or a first name alone; after an honorific only the `part`
    it goes with: "Mr Howard" is not Howard Flight, "Sir Edward" is Edward Heath), or "Ana Costa" after
    "Costa"."""
    words = text.split()
    if len(words) > 1 and any(_other_given_name(name.split(), words) for name in cluster.names):
        return False  # "Anil Ambani" is not Mukesh Ambani, though either may be "Ambani"
    for name in cluster.names:
        known = name.split()
        family = (known[0],) if comes_first(known[0]) else ()  # "Mr Wang" is Wang Yan
        parts = {"first": (known[0],), "last": (known[-1], *family), None: (known[-1], known[0])}[part]
        if len(words) == 1 and len(known) > 1 and words[0] in parts:
            return True
        if len(known) == 1 and len(words) > 1 and known[0] == words[-1]:
            return True
        if words[0][:1].islower() and len(known) > len(words) and known[-len(words) :] == words:
            return True  # "da Silva" after "Luiz Inacio Lula da Silva": a surname with its particle
    return False


def _other_given_name(known: list[str], words: list[str]) -> bool:
    """Whether two full names share the family name but not the given name ("Cherie Blair", "Tony Blair");
    an initial goes with any given name it begins ("J. Smith", "John Smith")."""
    if len(known) < 2 or known[-1] != words[-1]:
        return False
    first, other = known[0].rstrip("."), words[0].rstrip(".")
    if first[:1].islower() or other[:1].islower():
        return False  # "da Silva": a particle, no given name
    if _title_word(first) or _title_word(other):
        return False  # "General Musharraf", "Gen Musharraf": a title the recogniser took into the name
    if len(first) == 1 or len(other) == 1:
        return first[:1] != other[:1]
    return first != other


def _title_word(word: str) -> bool:
    """A title or its abbreviation ("General", "Gen", "Sen", "Dr"), not a given name ("Dean")."""
    lower = word.lower()
    if lower in HONORIFICS or lower in TITLE_ABBREVIATIONS:
        return True
    return find_role(word) is not None and lower not in GIVEN_NAME_TITLES


def _acronym_of(short: str, long: str) -> bool:
    """Whether `short` ("ECOWAS") is the initials of `long` ("Economic Community of West African States")."""
    if not _acronym(short):
        return False
    initials = "".join(word[0] for word in long.split() if word.lower() not in _MINOR and word[:1].isalpha())
    return initials.upper() == short.replace(".", "")


def _link_acronym(doc: Doc, ent: Span, cluster: Cluster) -> None:
    """ "Economic Community of West African States (ECOWAS)": the bracketed acronym joins the name."""
    if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")":
        acronym = doc[ent.end + 1].text
        if _acronym_of(acronym, ent.text) and acronym not in cluster.names:
            cluster.names.append(acronym)
