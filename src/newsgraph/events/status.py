"""Whether an event happened: asserted, negated, future or hypothetical, with the word that says so.

The status is read from the trigger's clause and the clauses that govern it through to-infinitives
("is expected to travel", "hoped to meet", "failed to agree"): a negation, "fail" or being kept "from" the
act ("barred from sending aid") makes it negated; "will" or a verb of planning ("plans to", "is expected
to", "decided to") makes it future; "if", "could", "would" or a verb of wishing ("hopes to", "wants to")
makes it hypothetical. A noun trigger also takes
the status of the verb it is the subject of ("the talks collapsed": negated; "talks will open": future),
and with no such verb, of the word before it ("a planned visit": future; "proposed talks": hypothetical).
What "the options included" is hypothetical, and so is what a yes-no question asks ("Will Chile sanction
Peru?"); a question with "why" or "when" takes the event as given.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from newsgraph.events.triggers import NEGATING, TIME_WORDS, lemma_in, nominal
from newsgraph.nlp.syntax import case_of, to_infinitive

NEGATIONS = {"not", "n't", "never", "no"}
TIME_CONJUNCTIONS = {"when", "once", "after", "before", "until", "whenever"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "must", "'d"}
FUTURE_GOVERNORS = {"expect", "plan", "schedule", "intend", "prepare", "decide", "set", "due", "aim", "vow", "about"}
"""Words a plan is governed by: "plans to", "is expected to", "is about to"."""
HYPOTHETICAL_GOVERNORS = {
    *("hope", "want", "wish", "seek", "consider", "propose", "try", "ready", "willing", "likely", "unlikely"),
}
CONDITIONS = {"if", "unless", "whether", "once"}
CONDITION_NOUNS = {"day", "moment", "minute"}
"""Nouns that open a clause of condition: "[the day] Bissau publishes a date, we will meet"."""
PLANNED = {"planned": "future", "scheduled": "future", "expected": "future", "upcoming": "future"}
PLANNED |= dict.fromkeys(("proposed", "possible", "potential", "mooted", "hoped-for"), "hypothetical")
"""Words before an event noun that make it a plan or a possibility: "a planned visit", "proposed talks"."""
CAPACITIES = {
    *("power", "right", "ability", "capacity", "chance", "opportunity", "means", "freedom", "licence"),
    *("license", "permission", "mandate", "option"),
}
"""Nouns whose to-infinitive is what a party could do, not what it did: "has the power [to block] the bid"."""
OPTIONS = {"option", "possibility", "idea", "scenario", "alternative", "proposal", "choice"}
"""Subjects that make what they "include" or "are" a possibility: "the options included asking ..."."""
REPORTING = {
    *("say", "tell", "announce", "add", "state", "confirm", "report", "insist", "warn", "promise", "expect"),
    *("declare", "reiterate", "stress", "repeat", "argue", "maintain", "demand", "write"),
}
DENIALS = {"deny", "dismiss"}
NO_SIGNS = {"suggestion", "sign", "evidence", "indication", "proof", "hint", "chance", "prospect", "likelihood"}
"""Nouns that, after "no", deny the clause they hold: "no suggestion that Quito [backs] the plan"."""
WISHING = {"hope", "wish", "long", "yearn", "pray", "push", "press", "angle", "campaign", "lobby"}
"""Verbs whose "for" names an event a party wants: "hoping for talks"."""
PARTAKING = {"join", "participate", "engage"}
"""Verbs whose "in" names the event they take part in, as "take part" does: "join Peru in talks"."""
PREVENTING = {"prevent", "bar", "ban", "stop", "block", "preclude", "prohibit", "forbid", "keep", "deter", "restrain"}
"""Verbs that keep a party "from" an act: "barred from sending aid"."""
INVERTED = {
    *("is", "are", "was", "were", "am", "do", "does", "did", "will", "would", "can", "could", "shall"),
    *("should", "has", "have", "had", "may", "might", "must", "isn't", "aren't", "wasn't", "weren't"),
}
"""Words a yes-no question opens with: the auxiliary before its subject."""
OPENERS = {'"', "“", "‘", "'", ":", "(", "\n", "\n\n"}
"""Marks after which a question may open inside a sentence: 'Ruiz asked: "Will they ban the march?"'."""
ENDS = {".", "!", "?"}


def chain(trigger: Token) -> list[Token]:
    """The trigger's head word and the words governing it through to-infinitives and open clauses, and
    for a noun, the verb it is the subject or object of."""
    words = [trigger]
    token = trigger
    if nominal(token):
        of_only = True  # "a new round of [talks]" is the talks; "action on change at [a meeting]" is not
        while token.dep_ in ("nmod", "compound") and token.head.pos_ == "NOUN" and token.head.i != token.i:
            of_only = of_only and case_of(token) == "of"
            token = token.head  # "a new round of [talks]"
        if (
            token.dep_ in ("nsubj", "nsubj:pass", "obj", "nsubjpass", "dobj")
            or takes_part_in(token)
            or (of_only and _wished_for(token))
        ):
            token = token.head
            words.append(token)
        elif (verb := _verb_of_misread_subject(token)) is not None:
            token = verb
            words.append(token)
    while _open_clause(token) and token.head.i != token.i and _governs(token.head):
        token = token.head
        words.append(token)
    return words


def takes_part_in(noun: Token) -> bool:
    """ "will take part [in the negotiations]", "is to join the minister [in a visit]": the noun of an event a
    verb takes part in, which has that verb's status."""
    if noun.dep_ != "obl" or case_of(noun) != "in":
        return False
    verb = noun.head
    return lemma_in(verb, PARTAKING) or (lemma_in(verb, {"take"}) and any(c.lower_ == "part" for c in verb.children))


def _wished_for(noun: Token) -> bool:
    """ "is hoping [for talks] with the manager", "pressed for a ceasefire": what a party hopes or presses
    "for" has not happened, and takes that verb's status."""
    return noun.dep_ == "obl" and case_of(noun) == "for" and lemma_in(noun.head, WISHING)


def _verb_of_misread_subject(noun: Token) -> Token | None:
    """ "after a planned visit to Hanoi [last week] was postponed": the parser took the time phrase after
    the noun for the verb's subject, or left the verb with none; a day, week or month is never what is
    postponed, the noun is."""
    after = noun.right_edge.i + 1
    if after >= len(noun.doc):
        return None
    time = noun.doc[after]
    while time.head.i != time.i and time.head.i > time.i and time.dep_ in ("amod", "det", "compound", "nummod"):
        time = time.head  # "last" -> "week"
    verb = time.head
    if time.lower_ not in TIME_WORDS or verb.pos_ not in ("VERB", "AUX") or verb.i < time.i:
        return None
    if time.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
        return verb
    subjects = ("nsubj", "nsubj:pass", "nsubjpass", "expl")
    alone = time.dep_ in ("obl", "obl:tmod", "npadvmod") and not any(c.dep_ in subjects for c in verb.children)
    return verb if alone else None  # "... last week was postponed" with no subject at all


def _governs(word: Token) -> bool:
    """A word an open clause may hang on: a verb, an adjective ("ready to"), or "about" ("is about to")."""
    return word.pos_ in ("VERB", "AUX", "ADJ") or word.lower_ == "about"


def status_of(trigger: Token, phrase: Iterable[Token] = ()) -> tuple[str, Token | None]:
    """(status, the word that decides it, or None for a plain asserted event). `phrase` holds the other
    words of a verb-and-object trigger, whose "no" denies it as a "not" would ("reached no agreement",
    "no sanctions were imposed")."""
    for word in phrase:
        denial = next((c for c in word.children if c.dep_ == "det" and c.lower_ == "no"), None)
        if word is not trigger and denial is not None:
            return "negated", denial
    question = _asked(trigger)
    if question is not None:
        return "hypothetical", question
    words = chain(trigger)
    for word in words:
        for child in word.children:
            if child.dep_ in ("neg", "advmod", "det") and child.lower_ in NEGATIONS and child.i < word.i + 2:
                return "negated", child
            if word is trigger and child.dep_ == "case" and child.lower_ == "without":
                return "negated", child  # "ended without a meeting"
        if word is not trigger and lemma_in(word, NEGATING):
            return "negated", word
    denial = _reported_by(words[-1], DENIALS) or _no_sign_of(words[-1])
    if denial is not None:
        return "negated", denial
    kept_from = _kept_from(trigger)
    if kept_from is not None:
        return "negated", kept_from
    for word in words:
        for clause in word.children:
            if clause.dep_ == "conj" and _occurrence(clause):
                negation = next((c for c in clause.children if c.lower_ in NEGATIONS), None)
                if negation is not None:
                    return "negated", negation  # "a meeting had been scheduled, but it did not take place"
    for word in words:
        for child in word.children:
            if child.dep_ == "mark" and child.lower_ in CONDITIONS:
                return "hypothetical", child
            if child.dep_ == "advcl" and any(m.lower_ in CONDITIONS for m in child.children if m.dep_ == "mark"):
                return "hypothetical", next(m for m in child.children if m.lower_ in CONDITIONS)
            if child.dep_ == "advcl" and child.i < word.i and (noun := _condition_noun(child)) is not None:
                return "hypothetical", noun
        for child in word.children:
            if child.dep_ == "aux" and child.lower_ == "would" and _reported_by(word, REPORTING) is not None:
                return "future", child  # "said the negotiators would meet again": future in the past
            if child.dep_ == "aux" and child.lower_ in HYPOTHETICAL_AUX:
                return "hypothetical", child
            if child.dep_ == "aux" and child.lower_ in FUTURE_AUX:
                return "future", child
            if child.dep_ in ("mark", "cop", "aux") and child.lower_ == "due":
                return "future", child  # "are due to meet"
            if child.dep_ in ("cop", "aux") and child.lemma_.lower() == "be" and _to_before(word, child):
                return "future", child  # "Straw is to visit Jakarta", "the bosses are to meet"
        if word is not trigger:
            if lemma_in(word, HYPOTHETICAL_GOVERNORS):
                return "hypothetical", word
            if lemma_in(word, FUTURE_GOVERNORS):
                return "future", word
    for word in words:
        option = _option(word) or _capacity(word)
        if option is not None:
            return "hypothetical", option
    when = _time_clause(words[-1])
    if when is not None:
        governing = status_of(when.head)
        if governing[0] in ("future", "hypothetical"):
            return governing  # "a deal could come in December, when the members [gather] in Hong Kong"
    if nominal(trigger) and len(words) == 1:
        # "after a planned visit", "at the proposed talks": with no verb of its own to say what came of
        # it, the word before the noun does ("the planned talks opened" is the verb's to decide)
        planned = next((c for c in trigger.children if c.dep_ == "amod" and c.lower_ in PLANNED), None)
        if planned is not None:
            return PLANNED[planned.lower_], planned
    return "asserted", None


def _no_sign_of(verb: Token) -> Token | None:
    """The "no" of "no sign that the rebels [attacked]", "no evidence Iran [supplied] them": a clause held
    by a noun of evidence or likelihood that "no" denies."""
    noun = verb.head
    if verb.dep_ in ("parataxis", "ccomp") and noun.lemma_.lower() == "be":
        # "There is no suggestion Quito [backs] the plan" with the clause hung on "is"
        noun = next((c for c in noun.children if c.dep_ == "nsubj" and c.i < verb.i), noun)
    elif verb.dep_ not in ("acl", "ccomp"):
        return None
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in NO_SIGNS:
        return None
    return next((c for c in noun.children if c.dep_ == "det" and c.lower_ == "no"), None)


def _to_before(verb: Token, be: Token) -> bool:
    """ "is [to] visit": "to" between a form of "be" and the verb it marks, the news's plain future."""
    return be.i < verb.i and any(c.dep_ == "mark" and c.lower_ == "to" and be.i < c.i < verb.i for c in verb.children)


def _kept_from(trigger: Token) -> Token | None:
    """ "The agency was barred from [sending] aid to the rebels", "were stopped from [flying] to Lima":
    the verb that kept a party from the act, which did not happen."""
    if trigger.head.i == trigger.i or trigger.dep_ not in ("advcl", "obl", "xcomp", "acl"):
        return None
    if not any(c.lower_ == "from" and c.dep_ in ("mark", "case") for c in trigger.children):
        return None
    return trigger.head if lemma_in(trigger.head, PREVENTING) else None


def _asked(trigger: Token) -> Token | None:
    """The question mark of the yes-no question the trigger stands in ("Did the army attack the
    village?"), found from the words alone: the parser often breaks a question into several sentences."""
    doc = trigger.doc
    start = trigger.i
    while start > 0 and doc[start - 1].text not in ENDS and doc[start - 1].text.strip(" ") not in OPENERS:
        start -= 1
    end = trigger.i
    while end < len(doc) and doc[end].text not in ENDS:
        end += 1
    opening = next((t for t in doc[start : trigger.i] if not (t.is_punct or t.is_space)), None)
    asked = end < len(doc) and doc[end].text == "?" and opening is not None and opening.lower_ in INVERTED
    return doc[end] if asked else None


def _time_clause(verb: Token) -> Token | None:
    """A present-tense clause of time ("when they meet", "once talks resume"), which English uses for
    what the clause it hangs on plans or imagines."""
    if verb.dep_ != "advcl" or "Pres" not in verb.morph.get("Tense") or verb.head.i == verb.i:
        return None
    first = next((t for t in verb.subtree if not t.is_punct), verb)  # the parser may hang "when" anywhere
    return verb if first.lower_ in TIME_CONJUNCTIONS else None


def _condition_noun(clause: Token) -> Token | None:
    """ "The day Bissau publishes a date, ...": the clause opens with "the day" or "the moment"."""
    first = clause.left_edge
    while first.is_punct and first.i < clause.i:
        first = clause.doc[first.i + 1]
    noun = clause.doc[first.i + 1] if first.lower_ == "the" and first.i + 1 < len(clause.doc) else first
    return noun if noun.lower_ in CONDITION_NOUNS and noun.head.i == clause.i else None


def _option(word: Token) -> Token | None:
    """ "those options included [asking] the organisation to convene": a clause that is one of the options
    or possibilities someone weighs is hypothetical; the word naming them is returned."""
    if word.dep_ not in ("advcl", "xcomp", "ccomp", "obj", "dobj", "attr") or word.head.i == word.i:
        return None
    verb = word.head
    if not lemma_in(verb, {"include", "be"}):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in OPTIONS), None)


def _capacity(word: Token) -> Token | None:
    """ "has the power [to block] the bid", "the right [to impose] sanctions": what a party is able or
    entitled to do has not happened; the noun of capacity is returned."""
    if word.dep_ != "acl" or not to_infinitive(word) or word.head.i == word.i:
        return None
    return word.head if lemma_in(word.head, CAPACITIES) else None


def _reported_by(word: Token, verbs: set[str]) -> Token | None:
    """The verb of saying whose reported clause holds `word` ("denied [that Laos had agreed]")."""
    token = word
    while token.dep_ in ("ccomp", "xcomp", "conj", "advcl", "acl", "obj", "dobj") and token.head.i != token.i:
        token = token.head
        if lemma_in(token, verbs):
            return token
    return None


def _open_clause(token: Token) -> bool:
    """A to-infinitive or participle governed by the word above it ("hoped [to meet]", "urged them [to
    resume talks]", however the parser labelled it)."""
    if token.dep_ in ("xcomp", "acl"):
        return True
    return token.dep_ == "advcl" and to_infinitive(token)


def _occurrence(verb: Token) -> bool:
    """ "took place", "happened", "materialised", "went ahead": a verb that says an event occurred."""
    if lemma_in(verb, {"happen", "occur", "materialise", "materialize"}):
        return True
    if lemma_in(verb, {"take"}):
        return any(c.lower_ == "place" for c in verb.children)
    return lemma_in(verb, {"go"}) and any(c.lower_ == "ahead" for c in verb.children)
