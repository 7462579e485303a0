"""Reading the parse where the shipped model is known to stumble, for the stages that walk it, and the
Doc's text without rebuilding it.

The model was trained on treebanks without line breaks. Articles are parsed a paragraph at a time
(`nlp.paragraphs`), so a break is never a word of a sentence; a run of blanks inside a line (a blanked
dateline) still can be, and is then taken for the subject of the first verb after it, with the real
subject hanging off it. The model also leaves some verbs with no subject at all where news prose is
regular ("In Arica, fishing unions ... said"); `subject` finds it. The quote and event stages ask for
subjects through here, so that the workarounds live in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.dates import MONTH_NAMES, RELATIVE_DAYS, WEEKDAYS


def text_of(doc: Doc) -> str:
    """`doc.text`, built once per Doc. spaCy joins every token's text on each access, and the quote stage
    reads the text around each cue and mark: that alone was a fifth of the analysis time."""
    text = doc.user_data.get("newsgraph.text")
    if text is None:
        text = doc.user_data["newsgraph.text"] = doc.text
    return text


def sentences(doc: Doc) -> list[Span]:
    """The Doc's sentences without the paragraph breaks and stray marks (a closing quotation mark the
    parser left after a quote's full stop), which it parses as sentences of their own: counting
    sentences back ("within three sentences") counts prose only."""
    return [sentence for sentence in doc.sents if not all(token.is_space or token.is_punct for token in sentence)]


def previous_sentence_start(sentence: Span) -> int:
    """The first token of the prose sentence before `sentence` (its own first token when none is)."""
    i = sentence.start - 1
    while i > 0 and sentence.doc[i].is_space:
        i -= 1
    return sentence.doc[i].sent.start if i >= 0 else sentence.start


def subject(
    verb: Token, deps: Collection[str] = ("nsubj",), skip: Callable[[Token], bool] | None = None
) -> Token | None:
    """The verb's subject (a child with one of `deps`, not one `skip` rejects); where the parser made a
    paragraph break the subject, the name (else the noun) hanging off it ("\\n\\nAnother coach, Rosa
    Lindgren, said"). Where it gave the verb two subjects (a dateline "BISSAU (Agency) – The government
    refused" parsed as one), the one nearest before the verb."""
    subjects = [c for c in verb.children if c.dep_ in deps and not (skip and skip(c))]
    real = _nearest([c for c in subjects if not c.is_space], verb)
    if real is None and not subjects:
        found = _misread_subject(verb)
        return found if found is not None and not (skip and skip(found)) else None
    if real is not None or not subjects:
        return real
    hanging = [c for c in subjects[0].children if c.pos_ in ("NOUN", "PROPN", "PRON")]
    return next((c for c in hanging if c.pos_ == "PROPN"), hanging[0] if hanging else None)


def coordinated_outer(verb: Token) -> Token | None:
    """The verb a conjunct really coordinates with, where the parser hung it inside that verb's reported
    clause: "Costa said the river had fallen and blamed the dam" ("blamed" finite past like "said", not a
    participle like "fallen", and with no subject of its own) is Costa blaming. None where the conjunct
    shares the form of the verb it hangs on ("said they met and agreed": one reported clause).
    """
    if (
        verb.dep_ != "conj"
        or verb_form(verb.head) == verb_form(verb)
        or any(c.dep_.startswith(("nsubj", "csubj")) for c in verb.children)
    ):
        return None
    node = verb.head
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "parataxis"):
            outer = node.head
            return outer if verb_form(outer) == verb_form(verb) and outer.i < verb.i else None
        node = node.head
    return None


def verb_form(verb: Token) -> tuple[str, ...]:
    """Finiteness and tense ("said" and "warned": finite past; "order" after "would": infinitive)."""
    return (*verb.morph.get("VerbForm"), *verb.morph.get("Tense"))


def acts_as_verb(token: Token) -> bool:
    """Whether a word is a clause's verb: tagged one, or a noun the parser gave a subject, or a clause of
    its own at the sentence's root, with no copula, determiner, owner or preposition ("Trump [claims]
    that ...", "the campaign [plans] to ...", "he [remarks]"), where the tagger took a verb's -s form
    for a plural noun; at the root with a that-clause of its own, whatever the words before it ("The New
    York Post [reports] that ...")."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    if token.pos_ != "NOUN" or any(c.dep_ in ("cop", "case") for c in token.children):
        return False
    deps = {c.dep_ for c in token.children}
    if token.dep_ == "ROOT" and any(
        c.dep_ in ("ccomp", "acl") and c.i > token.i and finite_clause(c) for c in token.children
    ):
        return True  # "The Andes Courier [reports] that ...", its name read as the noun's modifiers
    if deps & _NOUN_ONLY:
        return False
    if token.dep_ == "conj" and deps & {"ccomp", "xcomp"} and token.head.i < token.i:
        return acts_as_verb(token.head)  # "She proposes scrapping the levy, and [plans] to ..."
    if token.dep_ == "advcl" and token.lower_.endswith("ing") and token.i > 0 and token.doc[token.i - 1].text == ",":
        # "..., [warning] that the council is short of money": a participle set off after its clause
        return any(c.dep_ == "ccomp" and finite_clause(c) for c in token.children)
    return "nsubj" in deps or (token.dep_ == "ROOT" and bool(deps & {"ccomp", "xcomp"}))


def finite_clause(clause: Token) -> bool:
    """A clause with a subject of its own and "that" or no opener: "that Clinton's team avoided ..."."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    return marks <= {"that"} and any(c.dep_.startswith("nsubj") for c in clause.children)


_NOUN_ONLY = {"cop", "det", "case", "nmod:poss", "poss", "amod", "nummod"}


def case_of(token: Token) -> str | None:
    """The preposition the parser hung on a noun ("[on] Monday", "[by] Thailand"), lower-cased."""
    return next((c.lower_ for c in token.children if c.dep_ == "case"), None)


def to_infinitive(clause: Token) -> bool:
    """Whether a clause is a to-infinitive: "refused [to] meet", "offered [to] resign"."""
    return any(c.dep_ == "mark" and c.lower_ == "to" for c in clause.children)


def passive_agent(verb: Token) -> Token | None:
    """Who does a passive verb's act: its "by" phrase ("was attacked [by] critics"), also where the parser
    hung the phrase on an adverb after the verb ("was opposed earlier [by] Brazil")."""
    adverbs = [c for c in verb.children if c.dep_ == "advmod" and c.i > verb.i]
    phrases = (*verb.children, *(g for a in adverbs for g in a.children))
    return next((c for c in phrases if c.dep_ == "obl" and case_of(c) == "by"), None)


def opens_sentence(word: Token) -> bool:
    """ "[Rebuked] by ...", "But if [asked], ...": nothing before the word in its sentence but a
    subordinator, a conjunction or a comma; or a full stop (with closing quotation marks) right before
    it, where the parser ran the sentence before on into the word's ('"... any." [Asked] what ...')."""
    doc = word.doc
    if all(t.dep_ in ("mark", "cc", "punct") for t in doc[word.sent.start : word.i]):
        return True
    before = word.i - 1
    while before > word.sent.start and doc[before].is_quote:
        before -= 1
    return before >= word.sent.start and doc[before].text in (".", "?", "!")


def glued_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen inside a word ("F-Secure", "think-tank"): no space on either side, a word after it (not
    "Lima-based", which says where a body is)."""
    if doc[i].text != "-" or i == 0 or doc[i - 1].whitespace_ or doc[i].whitespace_ or i + 1 >= len(doc):
        return False
    return doc[i + 1].is_alpha and doc[i + 1].lower_ != "based"


def opens_with_comma(phrase: Token) -> bool:
    """Whether a phrase opens with a comma, its own or the one before it: an aside, not part of what it
    follows ("The prime minister[, on a visit to India,] signed", "unions in Arica[, where ...]")."""
    first = phrase.left_edge.i
    return phrase.doc[first].text == "," or (first > 0 and phrase.doc[first - 1].text == ",")


def closes_with_comma(phrase: Token) -> bool:
    """Whether a phrase ends with a comma, its own or the one after it: set off from what follows ("In
    the long run [at least,] builders said", "[Called the Marlin Association,] the alliance ...")."""
    last = phrase.right_edge.i
    return any(t.text == "," for t in phrase.doc[last : last + 2])


def absolute_subject(verb: Token) -> Token | None:
    """The noun of "with [300 people] killed": a phrase right before a past participle that "with" opens,
    whether the parser hung "with" on the verb or on the noun."""
    before = next((c for c in verb.children if c.i < verb.i and c.right_edge.i == verb.i - 1), None)
    if before is None or before.pos_ not in ("NOUN", "PROPN", "PRON") or before.right_edge.is_punct:
        return None
    # "with" right before the phrase, not a "With 50 days to go, [Moore] called" the parser hung on the verb
    opening = next(t for t in before.subtree if not t.is_punct)
    marked = opening.lower_ == "with" or (opening.i > 0 and opening.nbor(-1).lower_ == "with")
    return before if marked else None


def is_passive(verb: Token) -> bool:
    """ "was arrested": a past participle with a form of "be" or "get" before it, however the parser labelled them
    (the shipped model gives no passive labels); "is asking" is a present participle, and its subject
    acts. A participle coordinated with a passive, with no subject or auxiliary of its own, shares its
    "be": "were killed or [wounded]"; one that "with" opens has none: "with 300 people [killed]"."""
    if "Past" in verb.morph.get("Tense") and absolute_subject(verb) is not None:
        return True
    if "Part" not in verb.morph.get("VerbForm") or "Pres" in verb.morph.get("Tense"):
        return False
    if _stative_to(verb):
        return False
    if any(c.dep_ in ("aux", "aux:pass", "auxpass") and c.lemma_.lower() in ("be", "get") for c in verb.children):
        return True  # "was arrested", "got arrested", "only a quarter get returned"
    own = any(c.dep_ in ("aux", "aux:pass", "auxpass", "nsubj", "nsubj:pass", "nsubjpass") for c in verb.children)
    return verb.dep_ == "conj" and verb.head.i != verb.i and not own and is_passive(verb.head)


STATIVE_TO = {"oppose", "commit", "dedicate", "devote", "entitle", "accustom"}
"""Participles that with "be ... to" say how their subject stands, not what was done to it: "I am
opposed to the war" is the speaker's opposition; "was opposed by the unions" is a passive."""


def _stative_to(verb: Token) -> bool:
    if verb.lemma_.lower() not in STATIVE_TO:
        return False
    phrases = [c for c in verb.children if c.dep_ in ("obl", "nmod", "xcomp", "advcl")]
    to = any(case_of(c) == "to" or to_infinitive(c) for c in phrases)  # "opposed to [the war]", "to [sell]"
    agent = any(case_of(c) == "by" for c in phrases)
    return to and not agent


def _misread_subject(verb: Token) -> Token | None:
    """The subject of a verb the parser left without one, in the shapes it gets wrong:

    * "Badji, Senegal's foreign minister, travelled to Bissau": the verb coordinated with the name;
    * "Dr. Hiroshi Takeda, a hydrologist ..., said": a name before the verb, with no preposition, taken
      for an oblique, or set in apposition to one (a quotation before the name read as the oblique); also
      a noun that opens the sentence ("Fishing unions in Arica, where ..., have accused"), not a time;
    * "In Arica, fishing unions ... said": the subject coordinated with, or set in apposition to, the
      place fronted before it;
    * "Sok Chanthy, Cambodia's water resources minister, said", "Rendell, a Clinton surrogate, said": the
      title before the verb read as a clause of it, the name (if the parser hung it there) off the title;
    * "Carolina Fuentes, the undersecretary leading her country's delegation, said": the name taken for
      the subject of the participle ("leading") that describes it, the participle for the verb's subject;
    * a sentence's main verb with the name hung on what precedes it (`_name_left_of`).
    """
    if verb.dep_ == "conj" and verb.head.pos_ == "PROPN" and verb.head.i < verb.i:
        return verb.head
    for child in verb.lefts:
        if _noun_after_opening_clause(child, verb):
            return child  # "Back from the summit, [the delegates] warned that ...": the noun right before it
        if child.dep_ in ("obl", "nmod") and not any(c.dep_ == "case" for c in child.children):
            if child.pos_ == "PROPN":
                return child
            found = next((c for c in child.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if found is not None:
                return found
            if child.pos_ == "NOUN" and child.left_edge.i == child.sent.start and child.lower_ not in TIME_NOUNS:
                return child  # "Fishing unions in Arica, where ..., have accused": the group opening the sentence
        if child.dep_ in ("obl", "advmod", "nmod") and any(c.lower_ == "in" for c in child.children):
            found = [
                c
                for c in child.children
                if c.dep_ in ("conj", "appos") and c.pos_ in ("NOUN", "PROPN") and c.i < verb.i
            ]
            # "In Kampong Luong, [a village on the lake], [fisherman Chea Sovann], said": the name after
            # the place's description
            named = [c for c in found if c.pos_ == "PROPN"]
            if found:
                return named[-1] if named else found[0]
        if child.dep_ in ("ccomp", "dep") and child.i < verb.i:
            # "Rendell, a Clinton surrogate, said": the title read as a clause (even tagged an adjective),
            # the name before it hanging off it
            name = next(
                (c for c in child.lefts if c.pos_ == "PROPN" and c.dep_ in _NAME_OFF_TITLE and _comma_after(c)),
                None,
            )
            if name is not None and child.pos_ in ("NOUN", "PROPN", "ADJ"):
                return name
            if child.pos_ in ("NOUN", "PROPN"):
                return child  # "Sok Chanthy, Cambodia's water resources minister, said": the title itself
        if _description_after_quote(child, verb):
            return child  # '"...?" [the 43-year-old] asked': the description read as a modifier of the verb
        if child.dep_ == "csubj" and {"Ger", "Part"} & set(child.morph.get("VerbForm")):
            found = next((c for c in child.lefts if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
            if found is not None:
                return found
    if verb.dep_ == "ROOT" or _main_verb_under_noun(verb):
        return _name_left_of(verb)
    if verb.dep_ == "conj":
        # "doubts over whether Chile's minister, Tomás Echeverría, will still travel", the verb read as
        # coordinated with "raised": a name set off by commas right before it is its subject
        return _name_left_of(verb, set_off_only=True)
    return None


def _noun_after_opening_clause(child: Token, verb: Token) -> bool:
    """A noun phrase with no preposition right before a verb that has no subject, after the comma that
    closes an opening clause, is the verb's subject, whatever the parser hung it as (an oblique, a
    compound): "Having left the port in May, [the crew] feared that ..."."""
    first = child.left_edge.i
    return (
        child.pos_ == "NOUN"
        and child.dep_ in ("obl", "nmod", "compound", "dep")
        and child.right_edge.i == verb.i - 1
        and first > 0
        and child.doc[first - 1].text == ","
        and child.lower_ not in TIME_NOUNS
        and not any(c.dep_ == "case" for c in child.children)
    )


def _main_verb_under_noun(verb: Token) -> bool:
    """ "Harbour union president Dan Morrow said ...", "Ruiz, the only candidate to campaign there,
    told ...": the parser made a noun before the verb the sentence's root and hung the verb off it as an
    aside; the verb is the sentence's main verb all the same."""
    head = verb.head
    if verb.dep_ != "parataxis" or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN") or head.i > verb.i:
        return False
    return not any(c.dep_ in ("nsubj", "cop") for c in head.children)  # "That's the point of reports that ..."


def _description_after_quote(child: Token, verb: Token) -> bool:
    """A phrase opened by a determiner right after a closing quotation mark that runs up to the verb."""
    first = child.left_edge
    return (
        child.dep_ in ("amod", "nmod", "obl", "advmod")
        and first.pos_ == "DET"
        and first.i > 0
        and child.doc[first.i - 1].is_quote
        and child.right_edge.i == verb.i - 1
    )


def _name_left_of(verb: Token, set_off_only: bool = False) -> Token | None:
    """The name the parser hung on what comes before a sentence's main verb (and its auxiliaries): right
    before it ("nominee Mike Pence (R-IN) said"), or set off by commas before an aside that ends at the
    verb ("With a week to go, Ana Costa, an adviser to the campaign, called ...", "Rui Tanaka, who
    teaches at Keio, said", "Echeverría, will still travel"); `set_off_only` asks only the second."""
    doc, start = verb.doc, verb.sent.start
    before = verb.i - 1
    while before > start and doc[before].head.i == verb.i and doc[before].dep_ in ("aux", "advmod"):
        before -= 1  # "will still [travel]"
    if before > start and doc[before].text == ")":
        opening = next((t.i for t in reversed(doc[start:before]) if t.text == "("), None)
        before = opening - 1 if opening is not None else before
    if before < start:
        return None
    if doc[before].pos_ == "PROPN" and not set_off_only:
        first = before
        while first > start and doc[first - 1].pos_ == "PROPN":
            first -= 1
        run = range(first, before + 1)
        if not any(c.islower() for c in doc[first : before + 1].text):
            return None  # a heading in capitals ("SAVE A QUARTER Let's say ..."), not a name
        return next((doc[i] for i in run if doc[i].head.i not in run), doc[before])
    opener = doc[before]
    if before == start and opener.pos_ in ("ADV", "ADJ") and opener.is_title and _named_elsewhere(opener):
        return opener  # "[Jolly] told the hearing ...", a name the article gives elsewhere, tagged an adverb
    if doc[before].text != ",":
        return None
    for name in verb.sent.ents:
        first = name.start
        while first > start and doc[first - 1].pos_ == "PROPN" and doc[first - 1].is_title:
            first -= 1  # a title the entity leaves out ("[Rep.] Chris Collins")
        before_name = doc[first - 1] if first > start else None
        opened = before_name is None or before_name.text == "," or before_name.is_quote
        opened = opened or _described_from_start(doc, start, first)
        closed = doc[name.end].text == "," or doc[name.end].lower_ in _AFFILIATING
        if name.label_ == "PER" and name.end < verb.i and opened and closed:
            return name.root
    return _name_opening(verb)


def _name_opening(verb: Token) -> Token | None:
    """ "Ruiz, the only candidate to campaign in the valley, told ...": a name that opens the sentence,
    set off by a comma, whatever the entity recogniser made of it (a place or a day opening the sentence
    says where or when, and a place rarely speaks)."""
    doc, start = verb.doc, verb.sent.start
    end = start
    while end < verb.i and doc[end].pos_ == "PROPN":
        end += 1
    if end == start or end >= verb.i - 1 or doc[end].text != "," or (end == start + 1 and doc[start].is_stop):
        return None  # "Rather, ..."
    if doc[start].lower_ in TIME_NOUNS or any(t.ent_type_ in ("LOC", "GPE") for t in doc[start:end]):
        return None
    run = range(start, end)
    return next((doc[i] for i in run if doc[i].head.i not in run), doc[end - 1])


_AFFILIATING = {"of", "from", "at"}
"""Words that open a name's affiliation before the aside's comma ("Darran Whiting [of] Liberty Church, said")."""
_DESCRIPTION_BEFORE_NAME = 4


def _named_elsewhere(word: Token) -> bool:
    """Whether the word is a name somewhere else in the text: tagged or recognised as one, or after a first
    name ("Rep. Nina [Jolly]")."""
    doc = word.doc
    return any(
        t.text == word.text
        and t.i != word.i
        and (t.pos_ == "PROPN" or t.ent_type_ or (t.i > 0 and doc[t.i - 1].pos_ == "PROPN" and doc[t.i - 1].is_title))
        for t in doc
    )


def _described_from_start(doc: Doc, start: int, name_start: int) -> bool:
    """ "[Ohio delegate] John Archway, wearing a hat, said": a few words with no punctuation that
    describe the name opening the sentence (the parser may have read one of them as a verb)."""
    words = doc[start:name_start]
    return 0 < len(words) <= _DESCRIPTION_BEFORE_NAME and not any(t.is_punct for t in words)


_NAME_OFF_TITLE = {"vocative", "nsubj", "dep", "appos"}
"""How the parser hangs a name off the title that follows it when it reads the title as a clause."""
_WHEN = frozenset({*RELATIVE_DAYS, "tonight", *WEEKDAYS})
TIME_NOUNS = frozenset(
    {*_WHEN, *MONTH_NAMES, "week", "weeks", "month", "months", "year", "years", "day", "days", "morning"}
    | {"afternoon", "evening", "night", "weekend", "time", "hour", "hours", "season"}
)
"""Nouns that open a sentence to say when ("Last week, ..."), which is never who."""
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself"})
"""Pronouns that stand for their own clause's subject ("Costa blamed herself")."""


def _comma_after(name: Token) -> bool:
    """Whether a comma follows the words of a name ("Rendell[,] a Clinton surrogate")."""
    last = max(t.i for t in name.subtree if not t.is_punct)
    return last + 1 < len(name.doc) and name.doc[last + 1].text == ","


def _nearest(candidates: list[Token], verb: Token) -> Token | None:
    """The candidate nearest before the verb; a day ("Arafat Wednesday rejected") parsed as a second
    subject is never the one."""
    named = [c for c in candidates if c.lower_ not in _WHEN] or candidates
    before = [c for c in named if c.i < verb.i]
    return before[-1] if before else (named[0] if named else None)
