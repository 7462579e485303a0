"""Triggers: the words that report an event, from the lexicon we write (`triggers.tsv`).

A verb triggers on its lemma, or more specifically with its particle ("call off") or its object's lemma
("impose sanctions", "recall its ambassador"), the longest form winning; a noun ("talks", "visit",
"sanctions") triggers on its lemma. A longer form whose code is "-" is no event although its verb is
one ("meet demand", "release statement"). Editing the table changes what is coded without touching code.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Token

from newsgraph.events.ontology import cameo, cameo_ancestor
from newsgraph.events.verbs import VerbDictionary
from newsgraph.gazetteer.countries import country_of
from newsgraph.gazetteer.organisations import find_organisation
from newsgraph.gazetteer.places import find_place
from newsgraph.nlp.syntax import case_of, is_passive, to_infinitive

_OBJECT_DEPS = ("obj", "dobj")
_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass")
NEGATING = {"fail", "collapse", "cancel", "abandon", "postpone", "scrap"}
"""Verbs that say the event they govern did not happen ("the talks collapsed", "a visit was postponed")."""
IRREGULAR = {
    **{"met": "meet", "held": "hold", "froze": "freeze", "frozen": "freeze", "sought": "seek", "struck": "strike"},
    **{"shot": "shoot", "fought": "fight", "sent": "send", "began": "begin", "begun": "begin", "spoke": "speak"},
    **{"led": "lead", "made": "make", "paid": "pay", "flew": "fly", "flown": "fly", "broke": "break"},
    **{"broken": "break", "withdrew": "withdraw", "withdrawn": "withdraw", "cut": "cut", "rang": "ring"},
    **{"blew": "blow", "blown": "blow", "gave": "give", "given": "give", "set": "set", "fled": "flee"},
}
TIME_WORDS = {
    *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "week", "month"),
    *("year", "day", "days", "morning", "evening", "night", "time", "hours", "january", "february", "march"),
    *("april", "may", "june", "july", "august", "september", "october", "november", "december", "spring"),
    *("summer", "autumn", "winter", "end", "start", "beginning"),
}
"""Heads of phrases that say when, not who or what: "called [for Saturday]", "arrived [on Sunday]"."""
_PARTICLE_DEPS = ("compound:prt", "prt")


@dataclass(frozen=True)
class Entry:
    trigger: str
    pos: str
    cameo: str
    reciprocal: bool
    user_code: str | None = None
    """The code a user's verb dictionary gives in context (by a pattern) or that CAMEO lacks, which our
    rules do not refine. Where CAMEO lacks it (a project's own codes, the WEIS codes of older
    dictionaries), `cameo` is what types the event: the code's CAMEO ancestor, the verb's own code in the
    file, or our lexicon's."""


UNDERGONE = {
    *("be", "have", "suffer", "feel", "know", "understand", "lose", "fail", "win", "succeed", "die", "get"),
    *("become", "remain", "stay", "prosper", "thrive", "survive", "see", "hear", "learn", "look", "seem"),
    "appear",
}
"""Verbs of what befalls someone rather than what they do: wanting a party to suffer asks nothing of it."""
WISH = Entry("want", "verb", "100", False)
"""The entry for "Chile wants Peru to withdraw the fees": wanting another to act is a request to it;
wanting a thing ("wants a deal") is no event."""


@dataclass(frozen=True)
class Trigger:
    """A trigger found in a Doc: `token` is the head word, `words` the [start, end) tokens of the phrase."""

    token: int
    words: tuple[int, ...]
    entry: Entry


@functools.cache
def lexicon() -> dict[tuple[str, str], Entry]:
    """(trigger, pos) to its entry."""
    entries: dict[tuple[str, str], Entry] = {}
    text = resources.files("newsgraph.events").joinpath("triggers.tsv").read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or fields[1] not in ("verb", "noun") or fields[3] not in ("yes", "no"):
            raise ValueError(f"events/triggers.tsv line {number}: expected trigger, verb|noun, cameo, yes|no")
        trigger, pos, cameo, reciprocal = fields
        entries[(trigger, pos)] = Entry(trigger, pos, cameo, reciprocal == "yes")
    return entries


def find_triggers(doc: Doc, verbs: VerbDictionary | None = None) -> list[Trigger]:
    """Every trigger in the Doc, in text order; a noun inside a verb's phrase ("imposed [sanctions]") is
    part of that trigger, not one of its own. A user's verb dictionary (`events.verbs`), when given, is
    asked first for every verb."""
    found = [t for token in doc if (t := _user_trigger(token, verbs) or trigger_at(token)) is not None]
    in_phrases = {i for t in found for i in t.words if i != t.token}
    return [t for t in found if t.token not in in_phrases]


def _user_trigger(token: Token, verbs: VerbDictionary | None) -> Trigger | None:
    """The trigger a user's verb dictionary makes of a verb; whether the event goes both ways ("Peru and
    Chile met") is our lexicon's call for the same verb."""
    if not verbs or token.pos_ not in ("VERB", "AUX"):
        return None
    coded = verbs.code(token)
    if coded is None:
        return None
    code, words, block = coded
    ours = next((e for lemma in verb_forms(token) if (e := lexicon().get((lemma, "verb")))), None)
    reciprocal = ours.reciprocal if ours else False
    if cameo(code) is not None:
        # a code one of the file's patterns gives the verb in its context stands; the verb's own code is
        # refined by our rules as our lexicon's would be ("attacked the plan": criticism)
        in_context = code if code != block else None
        return Trigger(token.i, words, Entry(token.lemma_.lower(), "verb", code, reciprocal, user_code=in_context))
    # a code of the user's own is typed by what it refines: its CAMEO ancestor, the verb's own code in
    # the dictionary, or our lexicon's code for the verb; with none of them it makes no event
    typed_by = cameo_ancestor(code) or (block if block and cameo(block) else None) or (ours.cameo if ours else None)
    if typed_by is None:
        return None
    return Trigger(token.i, words, Entry(token.lemma_.lower(), "verb", typed_by, reciprocal, user_code=code))


@functools.cache
def _trigger_words() -> frozenset[str]:
    """Every word of the lexicon's triggers, and the verbs `trigger_at` reads without an entry. A token
    none of whose forms is here heads no trigger: `trigger_at` is asked of every token, and this spares
    the look at the children of the nine in ten that cannot be one."""
    words = {word for trigger, _ in lexicon() for word in trigger.split()}
    return frozenset(words | NEGATING | {"want", "wish"})


@functools.lru_cache(maxsize=1 << 16)
def _may_head_a_trigger(word: str, lemma: str) -> bool:
    """Whether any form of the word, as a verb or as a noun, is a word of the lexicon's triggers: the
    same few thousand words come back in every article, so the answer is kept."""
    words = _trigger_words()
    return any(form in words for form in _verb_forms(word, lemma)) or any(
        form in words for form in _noun_forms(word, lemma)
    )


def trigger_at(token: Token) -> Trigger | None:
    """The trigger headed by `token`, if the lexicon has one."""
    if not _may_head_a_trigger(token.lower_, token.lemma_.lower()):
        return None
    table = lexicon()
    if _verbal(token):
        for lemma in verb_forms(token):
            for child in token.children:
                if particle(child) and (entry := table.get((f"{lemma} {child.lower_}", "verb"))):
                    # "called off the strike" may have an entry of its own, as "called off" does
                    objects = (o for o in token.children if _object_after_particle(o))
                    with_object = next(
                        (e for o in objects if (e := _with_noun(table, f"{lemma} {child.lower_}", o))), None
                    )
                    return Trigger(token.i, (token.i, child.i), with_object or entry)
            for child in token.children:
                if child.dep_ in _OBJECT_DEPS or (
                    child.dep_ in _SUBJECT_DEPS and is_passive(token) and lemma not in NEGATING
                ):
                    # the subject of a passive is what the verb acts on: "sanctions were imposed"; "a visit
                    # was postponed" says the visit did not happen, whoever put it off
                    entry = _with_noun(table, lemma, child)
                    if entry:
                        return Trigger(token.i, (token.i, child.i), entry)
                    found = _compound_object(table, lemma, child)
                    if found:
                        # "provided [Haiti] with [food]": the trigger's word is the thing given, not the
                        # party given it, which stays free to be the recipient
                        entry, word = found
                        own = word if case_of(word) == "with" else child
                        return Trigger(token.i, (token.i, own.i), entry)
            for child in token.children:
                if child.dep_ == "obl" and not time_phrase(child):
                    case = case_of(child)
                    if case and (entry := table.get((f"{lemma} {case}", "verb"))):
                        # "called off the strike" parsed with "off" as the strike's preposition
                        with_noun = _with_noun(table, f"{lemma} {case}", child)
                        if with_noun is not None:
                            return Trigger(token.i, (token.i, child.i), with_noun)
                        return Trigger(token.i, (token.i,), entry)
            if lemma in NEGATING and is_passive(token) and _event_subject(token):
                return None  # "a planned visit was cancelled": no act of its own, the visit did not happen
            if entry := table.get((lemma, "verb")):
                return Trigger(token.i, (token.i,), entry)
            if lemma in ("want", "wish") and _asks_to_act(token):
                return Trigger(token.i, (token.i,), WISH)
        if token.pos_ == "NOUN" or not nominal(token):
            return None
    if nominal(token) and not _in_a_name(token):
        for child in token.children:  # "air strike", "hunger strike": the compound's own entry wins
            if child.dep_ in ("compound", "amod") and child.i == token.i - 1:
                entry = _with_noun(table, child.lower_, token, "noun")
                if entry:
                    return Trigger(token.i, (child.i, token.i), entry)
        entry = next((table[k] for f in _forms(token) if (k := (f, "noun")) in table), None)
        return Trigger(token.i, (token.i,), entry) if entry else None
    return None


def time_phrase(phrase: Token) -> bool:
    """ "[on Sunday]", "[on 1 November]", "[in 2004]": a phrase of time, whose preposition makes no
    phrasal trigger ("fired [on 1 November]" is no "fire on")."""
    return phrase.lower_ in TIME_WORDS or phrase.like_num or any(c.lower_ in TIME_WORDS for c in phrase.children)


def _event_subject(verb: Token) -> bool:
    """Whether the verb's subject is an event noun ("[a planned visit] was cancelled")."""
    return any(c.dep_ in _SUBJECT_DEPS and nominal(c) and trigger_at(c) is not None for c in verb.children)


def _asks_to_act(verb: Token) -> bool:
    """An object followed by a to-infinitive of an act: "wants [Peru] [to withdraw]"; not of what befalls
    it or what it is to be ("has never wanted its neighbours to suffer", "wants the fair to be a success"),
    which is a wish, not a request."""
    objects = [c.i for c in verb.children if c.dep_ in _OBJECT_DEPS]
    infinitives = [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and to_infinitive(c)]
    return bool(objects) and any(
        c.i > objects[0] and c.lemma_.lower() not in UNDERGONE and not any(x.dep_ == "cop" for x in c.children)
        for c in infinitives
    )


def particle(child: Token) -> bool:
    """ "off" in "called off": a particle, also when the parser made it a compound."""
    return child.dep_ in _PARTICLE_DEPS or (child.dep_ == "compound" and child.pos_ in ("ADP", "ADV", "PART"))


def _object_after_particle(word: Token) -> bool:
    """The object of a verb with a particle, also when the parser made it an oblique with no preposition
    ("has called off [a four-day strike]")."""
    return word.dep_ in _OBJECT_DEPS or (word.dep_ == "obl" and not any(c.dep_ == "case" for c in word.children))


def lemma_in(token: Token, words: set[str] | frozenset[str]) -> bool:
    """Whether any candidate lemma of the word (`verb_forms`) is one of `words`: the small statistical
    lemmatizer cuts some words wrong ("reiterated" -> "reiterat"), the rules undo the regular endings."""
    return any(form in words for form in verb_forms(token))


def _in_a_name(noun: Token) -> bool:
    """ "the New Deal", "the Marshall Plan": a capitalised noun inside a sentence after a capitalised word
    of its own phrase names a programme or a treaty, not an event; after a place or a body it is still
    one ("the Lima Talks", "the G20 Summit")."""
    if not noun.text[:1].isupper() or noun.is_sent_start:
        return False
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    if before is None or before.head.i != noun.i or not before.text[:1].isupper():
        return False
    known = country_of(before.text) or find_place(before.text) or find_organisation(before.text)
    return known is None and before.ent_type_ != "ORG"


def nominal(token: Token) -> bool:
    """A noun, or a word the tagger called a verb that a determiner or preposition shows is one ("in a
    police [crackdown]")."""
    if token.pos_ == "NOUN":
        return True
    return token.pos_ == "VERB" and any(c.dep_ in ("det", "case") and c.i < token.i for c in token.children)


def verb_forms(token: Token) -> tuple[str, ...]:
    """Candidate lemmas of a verb: the lemmatizer's, and the word undone by rule ("imposed" -> "impose",
    "froze" -> "freeze"), since a small statistical lemmatizer gets some verbs wrong ("impos")."""
    return _verb_forms(token.lower_, token.lemma_.lower())


@functools.lru_cache(maxsize=1 << 16)
def _verb_forms(word: str, lemma: str) -> tuple[str, ...]:
    forms = [lemma, word, IRREGULAR.get(word, word)]
    for ending, replacements in (
        ("ied", ("y",)),
        ("ies", ("y",)),
        ("ed", ("", "e")),
        ("ing", ("", "e")),
        ("es", ("", "e")),
        ("s", ("",)),
    ):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            forms.extend(stem + r for r in replacements)
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # "planned" -> "plan"
    return tuple(dict.fromkeys(forms))


def _with_noun(table: dict[tuple[str, str], Entry], prefix: str, noun: Token, pos: str = "verb") -> Entry | None:
    """The entry for `prefix` followed by one of the noun's forms: "impose sanction", "call off strike",
    "air strike" (pos "noun")."""
    return next((table[k] for f in _forms(noun) if (k := (f"{prefix} {f}", pos)) in table), None)


def _compound_object(table: dict[tuple[str, str], Entry], lemma: str, noun: Token) -> tuple[Entry, Token] | None:
    """ "impose travel bans", "declared a state of emergency", "provided Haiti with food": the object's own
    modifiers ("travel", "emergency", "food") may carry the trigger; with the word that does."""
    for child in noun.children:
        if child.dep_ in ("compound", "amod") or (child.dep_ == "nmod" and child.i == noun.i + 2):
            entry = table.get((f"{lemma} {child.lemma_.lower()}", "verb"))
            if entry:
                return entry, child
    return None


def _verbal(token: Token) -> bool:
    """A verb, or a word the tagger called a noun that the parser uses as one ("urged them to [resume]");
    not a word the tagger called a verb after a determiner ("a Labour Party [gathering]") nor a participle
    describing a noun."""
    if token.pos_ in ("VERB", "AUX"):
        # "the internationally [recognised] south", "the [besieged] town": a participle that describes a noun
        describing = token.dep_ == "amod" and not any(c.dep_ in ("nsubj", "aux", "obj") for c in token.children)
        return not describing and not any(c.dep_ == "det" and c.i < token.i for c in token.children)
    if any(c.dep_ == "cop" for c in token.children):
        return False  # "we will be [back] here": a predicate after "be", not a verb
    if token.pos_ == "ADJ" and not token.lower_.endswith(("ed", "en", "ing")):
        return False  # "although initially [free]": an adjective of the verb's form, with nothing freed
    return token.dep_ in ("xcomp", "advcl", "ccomp", "ROOT", "conj", "acl:relcl", "acl") and any(
        c.dep_ in ("mark", "nsubj", "aux") and c.i < token.i for c in token.children
    )


def _forms(noun: Token) -> tuple[str, ...]:
    """A noun's lemma and, as the lemmatizer sometimes keeps a plural, its singular: "talks" -> "talk";
    then the word itself, which a small lemmatizer may have cut wrong ("crackdown" -> "crackdow")."""
    return _noun_forms(noun.lower_, noun.lemma_.lower())


@functools.lru_cache(maxsize=1 << 16)
def _noun_forms(word: str, lemma: str) -> tuple[str, ...]:
    forms: list[str] = []
    for form in (lemma, word):
        forms += [form, form[:-1]] if form.endswith("s") and not form.endswith("ss") else [form]
    return tuple(dict.fromkeys(forms))
