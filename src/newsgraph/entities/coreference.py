"""Pronouns and role descriptions resolved to the people the article has named.

"she" goes to the most salient person whose gender agrees (learnt from honorifics and from earlier
pronouns resolved to them), within a few sentences (`_antecedent`), among those the sentence's syntax
allows: never a name the pronoun governs or one in the report its cue follows (`_not_coreferent`), nor
whoever a direct quote holding it is attributed to (`_quoting`); a reflexive is its clause's subject
(`_binder`), and a pronoun inside an unnamed official's own phrase is that official, so no named person
(`_unnamed_holder`). "the minister" or "the spokesman" goes to the most recent person with a matching
role, "the Tory leader" to one of that party. Unresolvable mentions are left out rather than guessed.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.entities.clusters import Cluster, Gender, Mention, given_gender
from newsgraph.gazetteer.countries import country_of
from newsgraph.gazetteer.organisations import find_organisation
from newsgraph.gazetteer.roles import find_role
from newsgraph.nlp.syntax import REFLEXIVES, sentences

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
    sentence_of = {token.i: n for n, sent in enumerate(sentences(doc)) for token in sent}
    _organisation_descriptions(doc, [c for c in clusters if c.kind == "organisation"], sentence_of)
    people = [c for c in clusters if c.kind == "person"]
    if not people:
        return
    _genders_from_honorifics(doc, people)
    for cluster in people:
        cluster.gender = cluster.gender or given_gender(cluster)
    index = 0
    while index < len(doc):
        token = doc[index]
        gender = PRONOUNS.get(token.lower_)
        if gender and token.ent_type_ == "":
            cluster = _binder(token, people) or _clarified(token, people)
            if cluster is None and _unnamed_holder(token) is None:
                barred = _not_coreferent(token) | _quoting(token) | _quote_before(token)
                cluster = _antecedent(
                    doc,
                    people,
                    index,
                    sentence_of,
                    lambda c, g=gender, b=barred: (
                        c.gender in (None, g) and not any(m.token in b and m.kind != "pronoun" for m in c.mentions)
                    ),
                )
            if cluster:
                cluster.gender = cluster.gender or gender
                cluster.mentions.append(Mention(token.idx, token.idx + len(token), token.text, "pronoun", index))
                own = _organisation_owned(doc, index) if token.lower_ in ("his", "her") else None
                if own is not None and not cluster.affiliations:
                    cluster.add_affiliation(own)  # "Her Democratic Union coalition has called a march"
        elif token.lower_ == "the" and (end := _age_end(doc, index)):
            # "The 21-year-old missed most of the season": the most salient person, whoever it is
            cluster = _antecedent(doc, people, index, sentence_of, lambda c: True)
            if cluster:
                span = doc[index:end]
                cluster.mentions.append(Mention(span.start_char, span.end_char, span.text, "description", end - 1))
                index = end - 1
        elif token.lower_ == "the":
            end = _description_end(doc, index)
            if end:
                modifier = _modifier(doc, index, end)
                title = find_role(doc[index + 1 + bool(modifier) : end].text)
                cluster = title and _antecedent(
                    doc,
                    people,
                    index,
                    sentence_of,
                    lambda c, t=title, m=modifier: _described_as(c, t.title, m),
                )
                if cluster:
                    span = doc[index:end]
                    cluster.mentions.append(Mention(span.start_char, span.end_char, span.text, "description", end - 1))
                    index = end - 1
        index += 1


_COMPLEMENT_DEPS = {"obj", "iobj", "ccomp", "xcomp", "obl"}
_REPORTING = {
    *("say", "add", "claim", "tell", "insist", "argue", "write", "explain", "note", "warn", "believe"),
    *("think", "suggest", "admit", "declare", "state", "reply", "respond", "continue", "conclude"),
    *("maintain", "contend", "allege", "acknowledge", "deny", "predict", "tweet", "complain", "concede"),
}
"""Verbs whose subject reports the clause set before them ("..., he claimed"), the ones the
report-before rule reads; the quote stage's own lexicon (quotes/cues.tsv) is fuller."""
_DESCRIPTION_REACH = 12
"""Words a description after a name may run to before its head."""
_SUBJECT_DEPS = {"nsubj", "nsubj:pass", "nsubjpass"}


def _not_coreferent(pronoun: Token) -> set[int]:
    """Tokens where a name or description cannot be what a subject pronoun refers to, by the rule that a
    pronoun never stands for a name it governs: its verb's objects and complements ("He criticised
    Blair"), and a report set before its cue (`_report_before`). Pronouns there may still be the same
    person ("She felt tired, she said")."""
    if pronoun.dep_ not in _SUBJECT_DEPS or pronoun.head.i == pronoun.i:
        return set()
    verb = pronoun.head
    barred = {t.i for c in verb.children if c.dep_ in _COMPLEMENT_DEPS and c.i > verb.i for t in c.subtree}
    barred |= _report_before(pronoun, verb)
    return {i for i in barred if not _in_another_name(pronoun.doc[i])}


def _in_another_name(token: Token) -> bool:
    """A person's name inside the name of something else ("She helped launch the Markova-Dolin
    Ballet"), which a pronoun may well stand for; not a name before a common noun ("the Peter Hain
    attack, he says")."""
    while token.dep_ in ("flat", "flat:name") and token.head.i != token.i:
        token = token.head
    head = token.head
    return token.dep_ == "compound" and head.text[:1].isupper() and head.ent_type_ != "PER"


def _report_before(pronoun: Token, verb: Token) -> set[int]:
    """The report a pronoun's cue follows ("Mr Blair's government has failed, he said": the speaker is
    someone else), however the parser hung it: as the cue's clause before it, or as the clause the cue
    is inserted in, whether after it ("..., he claimed") or between commas ("The Hain attack, he says,
    is ..."); not a clause the cue only follows while reporting its own ("How long Mr Brown will stay is
    not clear (he once said [...])")."""
    if verb.lemma_.lower() not in _REPORTING:
        return set()  # "Markova spent the war in New York, where, in a new company, she played ..."
    doc = pronoun.doc
    fronted = {t.i for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for t in c.subtree}
    inserted = verb.dep_ == "parataxis" or (verb.dep_ == "conj" and not any(c.dep_ == "cc" for c in verb.children))
    own_report = any(c.dep_ in ("ccomp", "parataxis", "xcomp") and c.i > verb.i for c in verb.children)
    set_off = pronoun.i > 0 and doc[pronoun.i - 1].text == "," and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ","
    if inserted and verb.head.i < verb.i and (set_off or not own_report):
        own = {t.i for t in verb.subtree}
        fronted |= {t.i for t in verb.head.subtree if t.i < verb.i and t.i not in own}
    # "DuVernay said she felt ... because ..., she said": whoever reports inside the report may be the same
    reporters = {
        t.i
        for head in (doc[i] for i in fronted)
        if any(c.dep_ == "ccomp" for c in head.children)
        for subject in head.children
        if subject.dep_ in _SUBJECT_DEPS
        for t in subject.subtree
    }
    # a full stop the parser read through ('... Block C." The party had broken promises ..., he said')
    # ends what the pronoun's verb can report
    start = max((t.i for t in verb.sent if t.i < verb.i and _ends_a_sentence(t)), default=-1)
    return {i for i in fronted - reporters if i > start}


def _unnamed_holder(pronoun: Token) -> Token | None:
    """The word for a person whose own phrase holds the pronoun ("A senior trade official, speaking on
    condition of anonymity because he was not authorised to ...": he is that official, not the last
    person named), when no name goes with it."""
    clause = False
    for noun in pronoun.ancestors:
        if noun.pos_ in ("VERB", "AUX"):
            clause = True
        if noun.pos_ != "NOUN":
            continue
        if not clause or noun.dep_ not in _SUBJECT_DEPS or find_role(noun.text) is None:
            return None  # not "his spokesman", whose "his" is someone else
        named = any(c.dep_ in ("appos", "flat", "compound") and c.ent_type_ == "PER" for c in noun.children)
        return None if named else noun
    return None


_RELATIVES = {"who", "that", "which"}


def _binder(pronoun: Token, people: list[Cluster]) -> Cluster | None:
    """The person a reflexive stands for: its own clause's subject ("Costa blamed herself"), or where
    that is a relative pronoun, the name it follows ("Malik, who is himself running")."""
    if pronoun.lower_ not in REFLEXIVES:
        return None
    clause = pronoun.head
    subject = next((c for c in clause.children if c.dep_ in _SUBJECT_DEPS and c.i != pronoun.i), None)
    if subject is None and clause.dep_ == "xcomp":  # "was keen to distance himself": the one keen
        subject = next((c for c in clause.head.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None:
        return None
    if subject.lower_ in _RELATIVES:  # whatever the parser hung the relative clause on, "who" follows the name
        before = subject.i - 1
        while before > 0 and subject.doc[before].is_punct:
            before -= 1
        words = {before}
    else:
        words = {subject.i} | {c.i for c in subject.children if c.dep_ in ("flat", "flat:name", "compound")}
        named = _named_before(subject)
        if named is not None:  # "Mr Soto, a long-time critic ..., was quick to distance himself"
            words.add(named)
    return next((c for c in people if any(m.token in words for m in c.mentions)), None)


def _quoting(pronoun: Token) -> set[int]:
    """Tokens of whoever a direct quote that holds the pronoun is attributed to: in 'May said: "...
    announced by Brown in his review"' the speaker would have said "my", so "his" is someone else."""
    marks = [t.i for t in pronoun.sent if t.is_quote]

    def inside(token: Token) -> bool:  # an odd number of the sentence's quotation marks before it
        return sum(1 for mark in marks if mark < token.i) % 2 == 1

    if not inside(pronoun):
        return set()
    barred: set[int] = set()
    for verb in (a for a in pronoun.ancestors if not inside(a)):
        for subject in (c for c in verb.children if c.dep_ in _SUBJECT_DEPS and not inside(c)):
            barred |= {t.i for t in subject.subtree}
    return barred


def _clarified(pronoun: Token, people: list[Cluster]) -> Cluster | None:
    """The person a writer names in brackets after a pronoun: 'He (Bridge) has no chance'."""
    doc = pronoun.doc
    if pronoun.i + 3 >= len(doc) or doc[pronoun.i + 1].text != "(":
        return None
    close = next((t.i for t in doc[pronoun.i + 2 : pronoun.i + 6] if t.text == ")"), None)
    if close is None:
        return None
    words = set(range(pronoun.i + 2, close))
    return next((c for c in people if any(m.token in words and m.kind != "pronoun" for m in c.mentions)), None)


def _quote_before(pronoun: Token) -> set[int]:
    """Tokens of the direct quote that closes right before a pronoun's verb of saying: in '"He (Bridge)
    has no chance of playing," he said' the speaker would have said "I", so a name inside the quote is
    someone else, however the parser joined the quote and the cue."""
    doc = pronoun.doc
    if pronoun.dep_ not in _SUBJECT_DEPS or pronoun.head.lemma_.lower() not in _REPORTING or pronoun.i < 2:
        return set()
    close = pronoun.i - 1
    if not doc[close].is_quote:
        return set()
    opening = next((t.i for t in reversed(doc[:close]) if t.is_quote or "\n" in t.text), None)
    if opening is None or not doc[opening].is_quote:
        return set()
    return set(range(opening + 1, close))


def _named_before(description: Token) -> int | None:
    """The last word of a name right before the comma that opens a description ("Mr [Gref], a
    well-known opponent")."""
    comma = description.left_edge.i
    if description.doc[comma].text != ",":
        comma -= 1
    if comma < 1 or description.doc[comma].text != ",":
        return None
    word = description.doc[comma - 1]
    return word.i if word.ent_type_ == "PER" else None


def _described_subject(name: Token) -> Token | None:
    """The subject a description set off after a name heads, where the parser hung the name elsewhere
    ("Mr Soto, a long-time critic of the tax, was angry": "critic" is the subject)."""
    doc = name.doc
    last = max(t.i for t in name.subtree if t.i >= name.i and (t.i == name.i or t.dep_ in ("flat", "flat:name")))
    comma = last + 1
    if comma + 1 >= len(doc) or doc[comma].text != ",":
        return None
    reach = doc[comma + 1 : comma + 1 + _DESCRIPTION_REACH]
    return next(
        (
            t
            for t in reach
            if t.dep_ in _SUBJECT_DEPS
            and t.pos_ == "NOUN"
            and t.left_edge.i in (comma, comma + 1)
            and t.right_edge.i + 1 < len(doc)
            # the closing comma after the description, or hung inside it as its last token
            and "," in (doc[t.right_edge.i].text, doc[t.right_edge.i + 1].text)
        ),
        None,
    )


def _ends_a_sentence(token: Token) -> bool:
    """A full stop, or a word ending in one before a closing quotation mark ('Cell Block H."')."""
    if token.text in (".", "!", "?"):
        return True
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.text[-1:] in (".", "!", "?") and after is not None and after.is_quote


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


def _organisation_descriptions(doc: Doc, organisations: list[Cluster], sentence_of: dict[int, int]) -> None:
    """ "the ministry said", "the bloc imposed", "the company denied": the most recent organisation
    before, within reach, whose name has that word ("the ministry": the Ministry of Foreign Affairs) or,
    for a word no name carries, whose sector fits ("the bloc": ECOWAS). "the ministry of ..." and "the
    ministry's" are left alone: a name or a longer phrase follows."""
    if not organisations:
        return
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
    She said ...") comes before a more recent object; then the nearer sentence, then, in one sentence,
    the subject of a main clause before one of a clause inside it ("Abbas said the British prime
    minister was ... He added: ..."); otherwise the most recent mention wins.
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
        subject = max((_subject_rank(doc[t]) for t in before if here - sentence_of.get(t, 0) <= 1), default=0)
        ranked.append((subject > 0 and distance <= 1, -distance, subject, last, cluster))
    return max(ranked, key=lambda r: r[:4])[4] if ranked else None


def _subject_rank(token: Token) -> int:
    """2 where the name this token ends is the subject of its sentence's main clause, 1 where it is the
    subject of a clause inside another, else 0. "Costa" in "Ana Costa met" hangs off "Ana" (flat), a
    name in apposition off the noun it names ("committee member Nigel Waterson said"); a name right
    before a verb the parser left without a subject is that verb's ("..., minister Khamphet Sisavath
    told the envoy" parsed with the name as an oblique of an earlier verb)."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if (
        following is not None
        and following.pos_ == "VERB"
        and not any(c.dep_.startswith("nsubj") for c in following.children)
    ):
        return 2
    if _subject_past_relative(token):
        return 1
    while token.dep_ in ("flat", "flat:name", "compound", "appos") and token.head.i != token.i:
        token = token.head
    if token.dep_ not in _SUBJECT_DEPS:
        token = _described_subject(token) or token
    if token.dep_ not in _SUBJECT_DEPS:
        return 0
    clause = token.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "parataxis":
        return 2  # the cue of "..., he claimed" is the sentence's main clause in all but the parse
    if clause.head.i != clause.i:
        return 1
    reported = any(c.dep_ == "parataxis" and any(k.dep_ in _SUBJECT_DEPS for k in c.children) for c in clause.children)
    return 1 if reported else 2  # "Mr Blair has failed, he claimed": what Blair did is what was claimed


def _subject_past_relative(token: Token) -> bool:
    """ "... means Mourinho, who wants to sign Cole, will not have a left-back": a name, a relative
    clause set off by commas, then a verb the parser left without a subject; the name is that verb's."""
    doc = token.doc
    comma = token.i + 1
    if comma + 1 >= len(doc) or doc[comma].text != "," or doc[comma + 1].lower_ not in _RELATIVES:
        return False
    relative = doc[comma + 1].head
    end = relative.right_edge.i + 1
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    verb = doc[end + 1]
    while verb.dep_ in ("aux", "aux:pass", "advmod") and verb.head.i > verb.i:
        verb = verb.head  # "will not have"
    return verb.pos_ in ("VERB", "AUX") and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children)


def _description_end(doc: Doc, start: int) -> int | None:
    """End of "the [adjective] role" when a role title follows "the", or follows "the" and one
    capitalised word ("the Tory leader", "the Brazilian minister"); not when a name follows."""
    for offset in (1, 2):
        if offset == 2 and not _capitalised_modifier(doc, start + 1):
            break
        for size in (4, 3, 2, 1):
            end = start + offset + size
            if end <= len(doc) and find_role(doc[start + offset : end].text):
                if end < len(doc) and doc[end].ent_type_ == "PER":
                    return None
                return end
    return None


def _age_end(doc: Doc, start: int) -> int | None:
    """End of "the 21-year-old" or "the 30-year-old striker", how news calls back a person it named: an
    age the sentence opens with as its subject."""
    words = doc[start : start + 6]
    if len(words) < 6 or not words[1].like_num or [t.lower_ for t in words[2:]] != ["-", "year", "-", "old"]:
        return None
    if start > 0 and not doc[start].is_sent_start and not doc[start - 1].is_space:
        return None  # "met the 21-year-old striker": only an opening subject calls a person back
    old = words[5]
    noun = old.head if old.head.i == old.i + 1 and old.head.pos_ == "NOUN" else None
    return noun.i + 1 if noun is not None else old.i + 1


def _capitalised_modifier(doc: Doc, index: int) -> bool:
    """A party, country or body's word before a title ("Tory", "Brazilian", "Kremlin"), not a title's
    own capitalised word."""
    token = doc[index] if index < len(doc) else None
    return token is not None and token.text[:1].isupper() and token.is_alpha and find_role(token.text) is None


def _modifier(doc: Doc, start: int, end: int) -> str | None:
    """The capitalised word between "the" and the title of a description, when the title is without it."""
    if find_role(doc[start + 1 : end].text) is None and _capitalised_modifier(doc, start + 1):
        return doc[start + 1].text
    return None


def _described_as(cluster: Cluster, title: str, modifier: str | None) -> bool:
    """Whether "the [modifier] title" fits the person: "the Tory leader" a leader of the Tories; "the
    Green leader" also one whose role the article gave as "Green leader" (a party no gazetteer knows
    stays in the role's words)."""
    if modifier is None:
        return _has_role(cluster, title)
    if any(r.lower() == f"{modifier} {title}".lower() for r in cluster.roles):
        return True
    return _has_role(cluster, title) and _modifier_fits(cluster, modifier)


def _modifier_fits(cluster: Cluster, modifier: str) -> bool:
    """ "the Tory leader" is a leader whose affiliation or country that word names, or one the article
    has given neither: never the Labour leader nor the Brazilian minister's French counterpart."""
    if not cluster.affiliations and cluster.country is None:
        return True
    word = modifier.lower()
    if any(word in affiliation.lower().split() for affiliation in cluster.affiliations):
        return True
    organisation = find_organisation(modifier)  # "Tory" for one of the "Conservative Party"
    if organisation is not None and organisation.name in cluster.affiliations:
        return True
    return cluster.country is not None and country_of(modifier) == cluster.country


def _has_role(cluster: Cluster, title: str) -> bool:
    """ "the minister" fits a foreign minister; "the spokesman" a spokesperson. "The mayor" is not the
    deputy mayor, nor "the minister" a shadow or former one (`SECOND_TO`)."""
    return any(
        (role := find_role(r)) is not None
        and (role.title == title or role.title.endswith(" " + title))
        and r.lower().replace("-", " ").split()[0] not in SECOND_TO
        for r in cluster.roles
    )


SECOND_TO = {"deputy", "vice", "assistant", "junior", "shadow", "former", "ex", "under"}
"""Words before a title that make its holder someone other than the one "the" and the title name."""


def _genders_from_honorifics(doc: Doc, people: list[Cluster]) -> None:
    for cluster in people:
        for mention in cluster.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and span.start > 0:
                gender = HONORIFICS.get(doc[span.start - 1].lower_)
                if gender:
                    cluster.gender = gender
