"""Cues: the words that attribute content to a source ("said", "told reporters", "according to").

A cue is found in the dependency parse: a verb from the lexicon (`cues.tsv`, written by us) with its
source (the subject) and its content (the clause it governs, or, for "X, officials said", the clause it
interrupts). "according to X" is a cue of its own, whose source is X and whose content is the rest of the
clause; so are a noun with an owner ("Trump's claim that ...", `cue_nouns.tsv`), an adjective after a
copula ("they are convinced that ...", `cue_adjectives.tsv`), "made (it) clear" and a name and a colon
opening a paragraph. The quote stage turns cues and quotation marks into quotes.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources

from spacy.tokens import Doc, Span, Token

from newsgraph.gazetteer.cities import city_country
from newsgraph.gazetteer.countries import country_of
from newsgraph.gazetteer.roles import find_role
from newsgraph.nlp.dates import MONTH_NAMES, RELATIVE_DAYS, WEEKDAYS
from newsgraph.nlp.paragraphs import paragraph_around
from newsgraph.nlp.rules import HONORIFICS
from newsgraph.nlp.syntax import (
    REFLEXIVES,
    TIME_NOUNS,
    acts_as_verb,
    case_of,
    closes_with_comma,
    coordinated_outer,
    finite_clause,
    glued_hyphen,
    is_passive,
    opens_sentence,
    opens_with_comma,
    text_of,
)
from newsgraph.nlp.syntax import subject as subject_of
from newsgraph.quotes.marks import DOUBLE_CLOSING, DOUBLE_OPENING, SINGLE_CLOSING, SINGLE_OPENING

CLAUSE_DEPS = {"ccomp", "parataxis"}
_OBJECT_DEPS = {"obj", "dobj", "iobj"}
_NAMING = {"call", "name", "dub", "label", "term", "nickname", "title", "brand"}
_AUDIENCES = {
    *("reporters", "journalists", "supporters", "crowd", "audience", "lawmakers", "viewers", "conference"),
    *("meeting", "rally", "parliament", "committee", "hearing", "summit", "delegates", "listeners", "readers"),
    *("investors", "analysts", "students", "members", "congress", "assembly", "newspaper", "radio", "television"),
}
_SUBJECT_DEPS = {"nsubj"}
_PASSIVE_DEPS = {"nsubj:pass", "nsubjpass", "aux:pass", "auxpass"}
_NOT_IN_SOURCE = {"appos", "acl", "acl:relcl", "relcl", "parataxis", "punct", "advcl", "case"}
LABEL = "label"
"""The class of a cue that is a name and a colon opening a paragraph (`_label`)."""
MAX_LABEL_TOKENS = 4
MAX_DESCRIBED_LABEL_TOKENS = 8
"""A label may be longer when it ends with a person's name: "Lima Rovers coach Pedro Salas:"."""
_PAGE_LABELS = {
    *("update", "updated", "analysis", "watch", "exclusive", "breaking", "opinion", "editorial", "note", "photo"),
    *("photos", "video", "correction", "live", "listen", "read more", "related", "advertisement", "q", "a"),
    *("source", "sources", "credit", "caption", "editor's note", "warning", "graphic", "map", "chart", "summary"),
    *("background", "context", "timeline", "factbox", "explainer", "fact check", "transcript", "full text"),
    *("clarification", "corrections", "disclaimer", "programming note", "disclosure", "pictured", "file"),
}
"""Words a page puts before a colon that are no one's words ("Update: ...", "Photo: Reuters")."""
_EVIDENCE_SOURCES = {"poll", "survey", "study", "report", "audit", "review", "investigation"}
_EVIDENCE_THINGS = {
    *("analysis", "inquiry", "data", "figure", "research", "census", "test", "probe", "assessment", "estimate"),
    *("tally", "count", "record", "document", "video", "footage", "image", "photo", "chart", "slide", "map"),
    *("evidence", "result", "return", "average", "model", "paper", "statistic", "author", "researcher"),
    *("scientist", "analyst", "auditor", "expert", "economist", "email", "e-mail", "filing", "log", "letter"),
}
"""Finders whose finding is a report of it: "the data show a rise", "footage shows him with his hands up",
"the authors found an astonishing 73 percent"."""
_OTHER_OBJECTS = {
    *("recall", "continue", "ask", "inform", "assure", "answer", "agree", "signal", "indicate", "chant"),
    *("shout", "yell", "scream", "add", "observe", "recognise", "recognize"),
}
"""Verbs of saying whose object is something else than what was said ("recalled its ambassador",
"answered questions", "chanted slogans", "added support", "observed a silence", "recognised the new
government")."""
_TAKING = {"claim"}
"""Verbs of saying that also mean taking or winning: their object is what was said only where a finite
verb inside it makes it a clause ("claimed [the vote was rigged]") or it is one of `_CLAIMED`, not
"claimed the title"."""
_CLAIMED = {"responsibility", "credit", "innocence", "authorship"}
"""What is claimed by saying it: "claimed responsibility for the attack"."""
_WORDS_ONLY = {"repeat", "post"}
"""Verbs of saying whose object is what was said only where it names words ("repeated his call for
calm", "repeated the claim", "posted a message"), not a deed done again ("repeated the feat") or a
figure recorded ("posted a loss")."""
_KEEPING = {"maintain"}
"""Verbs of saying that also mean keeping: their object is what was said only where it is a thing said
or claimed ("maintained his innocence", "maintained that position"), not a lead, support or a pace."""
_SAID_THINGS = {
    *("word", "words", "message", "mantra", "mantras", "slogan", "point", "view", "views", "remark"),
    *("remarks", "comment", "comments", "question", "questions", "phrase", "line", "figure", "figures"),
    *("promise", "pledge", "threat", "offer", "apology", "denial", "allegation", "allegations", "accusation"),
    *("assurance", "assurances", "argument", "prediction", "forecast", "estimate", "advice", "plea"),
    *("position", "stance"),
}
"""Nouns for things said, besides the noun cues, that a verb like "repeated" may take as its object."""
_ADDRESSING = {"tell", "warn", "remind", "caution", "notify", "reassure"}
"""Verbs of saying whose object is the one spoken to, whoever it is ("warned [state election officials]
about ...", "told [the BBC News website]"), never what was said."""
_DOCUMENTS = {
    *("memoir", "book", "letter", "article", "column", "essay", "novel", "piece", "note", "email", "e-mail"),
    *("op-ed", "blog", "post", "report", "paper", "review", "poem", "song", "script", "biography", "diary"),
}
"""What one writes that holds words rather than being them: the object of "wrote" is no content."""
_WRITTEN_WORDS = {
    *_DOCUMENTS,
    *("statement", "message", "tweet", "release", "sign", "caption", "headline", "banner", "placard", "poster"),
    *("notice", "card", "ad", "advert", "slogan", "inscription", "plaque", "label", "memo", "text", "page"),
}
"""What "reads" words of its own ("the statement read", '"...," read the sign'): the only sources of "read"."""
_ASKING = {"ask", "wonder", "question", "inquire", "enquire"}
"""Verbs whose content may be a question opened by "if" or "whether" ("asked [if he had been bullied]")."""
_PUT_TO = {"asked", "questioned", "pressed", "quizzed", "challenged"}
"""Past participles of a question put to someone: "[Asked] whether ..., she said" is what she was asked."""
_WRITING = {"write", "pen", "publish", "author"}
"""Verbs whose object may be such a document ("wrote a memoir")."""
_CONTENT_OBJECT = 3
"""Words such an object needs to be taken for what was said ("said [the words 'lump' all the farmers
together ...]"), not a word or two ("said goodbye")."""
RULES = {
    *("law", "rule", "regulation", "step", "criterion", "criteria", "principle", "guideline", "need"),
    *("tradition", "custom", "merit", "size", "age", "income", "ability", "procedure", "formula", "scale"),
}
"""What "according to" after a verb means "in accordance with": "dealt with according to the law"."""
MAX_SOURCE_TOKENS = 12
"""A longer subject is a parse gone wrong or a clause; then only the words up to its head are kept."""
INVERTING = {
    *("say", "add", "write", "explain", "note", "continue", "conclude", "insist", "argue", "reply", "respond"),
    "read",
}
"""Cue verbs that come before their source in inverted attributions ('"...," said Rui Tanaka')."""
_MODIFIER_CLAUSES = {"acl", "acl:relcl", "relcl"}
_RELATIVE_PRONOUNS = {"who", "which", "that"}
_EDGE_WORDS = {"and", "but", "so", "or"}


@dataclass(frozen=True)
class CueWord:
    lemma: str
    cls: str
    """speech, thought, evidence, intent or stance (see cues.tsv)."""
    frames: frozenset[str]
    """Where the content may be: clause, infinitive, object."""


@dataclass
class Cue:
    """One attribution found in the parse: token spans are [start, end) token indices into the Doc."""

    token: int
    words: tuple[int, int]
    char_span: tuple[int, int]
    cls: str
    source: tuple[int, int] | None = None
    content: list[tuple[int, int]] = field(default_factory=list)
    mention: tuple[int, int] | None = None
    """Where the clause names its source when that is a relative pronoun standing for the source ("Weaver,
    [who] endorsed Clinton"), as a pronoun is the mention of the person it stands for."""


@functools.cache
def lexicon() -> dict[str, CueWord]:
    """Every form of every cue verb (lemma, -s, -ed, -ing and listed irregular forms) to its entry."""
    forms: dict[str, CueWord] = {}
    text = resources.files("newsgraph.quotes").joinpath("cues.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, cls, frames, *rest = line.split("\t")
        word = CueWord(lemma, cls, frozenset(frames.split(",")))
        irregular = [f.strip() for f in rest[0].split(",")] if rest and rest[0].strip() else []
        for form in [lemma, *_regular_forms(lemma), *irregular]:
            forms.setdefault(form, word)
    return forms


@functools.cache
def adjective_lexicon() -> dict[str, str]:
    """Adjectives that attribute a that-clause to their subject (`cue_adjectives.tsv`), with their class."""
    return {word: cls for word, cls, *_ in _rows("cue_adjectives.tsv")}


@functools.cache
def noun_lexicon() -> dict[str, str]:
    """Nouns that attribute a that-clause to their owner (`cue_nouns.tsv`), with their class."""
    return {word: cls for word, cls, *_ in _rows("cue_nouns.tsv")}


@functools.cache
def noun_prepositions() -> dict[str, frozenset[str]]:
    """The prepositions that open what a noun cue reports ("calls [for] ...", "criticism [of] ...")."""
    return {word: frozenset(rest[0].split(",")) for word, _, *rest in _rows("cue_nouns.tsv") if rest and rest[0]}


def _rows(name: str) -> list[list[str]]:
    text = resources.files("newsgraph.quotes").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _quoted_characterisation(verb: Token) -> CueWord | None:
    """ "has been pounding the governor as a "con artist"", "went after the mayor as a "spoiled brat"": a
    verb outside the lexicon that puts someone's quoted words on its object with "as" is a stance."""
    if verb.pos_ != "VERB" or not any(c.dep_ in _OBJECT_DEPS for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ in ("obl", "advcl") and _is_as_phrase(child) and any(t.is_quote for t in child.subtree):
            return CueWord(verb.lemma_.lower(), "stance", frozenset({"object"}))
    return None


def cue_word(token: Token) -> CueWord | None:
    """The lexicon's entry for a word, by its form or its lemma."""
    words = lexicon()
    return words.get(token.lower_) or words.get(token.lemma_.lower())


def _regular_forms(lemma: str) -> list[str]:
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    third = lemma + "es" if lemma.endswith(("s", "sh", "ch", "x")) else lemma + "s"
    past = lemma + "d" if lemma.endswith("e") else lemma + "ed"
    return [third, past, stem + "ing"]


def find_cues(doc: Doc) -> list[Cue]:
    """Every cue in the Doc with its source and content, in text order.

    A cue may lack content ("..., the minister said." parsed without a link to the quote): the quote
    stage attaches it to the quotation marks next to it.
    """
    cues = []
    for token in doc:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            cue = _according_to(doc, token)
        elif token.text == ":":
            cue = _label(doc, token)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in noun_lexicon() and not _verb_read_as_noun(token):
            cue = _noun_cue(doc, token)
        elif token.lower_ in adjective_lexicon() and token.pos_ in ("ADJ", "VERB"):
            # "are [worried] that ...", or a verb of that form ("Ruiz [worried] that ...")
            cue = _adjective_cue(doc, token) or _as_verb(doc, token)
        elif token.lemma_.lower() == "make" and token.pos_ == "VERB":
            cue = _made_clear(doc, token)
        elif _so_called(token):
            cue = None  # 'so-called "super carriers"': what others call something, said by no one here
        elif _in_a_name(token):
            cue = None  # "the Consumer Electronics Show", "the Daily Report": a word of a name
        else:
            entry = cue_word(token) or _quoted_characterisation(token)
            cue = _verb_cue(doc, token, entry) if entry and acts_as_verb(token) else None
        if cue is not None:
            cues.append(cue)
    return cues


def _as_verb(doc: Doc, token: Token) -> Cue | None:
    """The verb cue of a word of the lexicon the tagger called a verb."""
    entry = cue_word(token)
    return _verb_cue(doc, token, entry) if entry and token.pos_ == "VERB" else None


def _in_a_name(token: Token) -> bool:
    """A capitalised word inside a sentence that the recogniser put inside a name of two words or more."""
    if not token.text[:1].isupper() or token.is_sent_start or token.ent_iob_ not in ("B", "I"):
        return False
    return any(token in entity and len(entity) >= 2 for entity in token.doc.ents)


def _so_called(token: Token) -> bool:
    """ "so-called", however the tokenizer split it: a label, not a verb of calling."""
    if token.lower_ != "called" or token.i == 0:
        return False
    doc = token.doc
    before = doc[token.i - 1]
    return before.lower_ in ("so-", "so") or (before.text == "-" and token.i > 1 and doc[token.i - 2].lower_ == "so")


def _reduced_passive(verb: Token) -> bool:
    """Passives the parse does not mark: "is [expected] to cost $399" with "expected" tagged a finite
    past after "go on sale and"; "a vote, widely [thought] likely to come in June", "the award, [voted]
    by club members", a past participle describing a noun (or one the tagger calls passive, whatever
    the parser hung it on) with an infinitive or a "by" phrase and its "be" left out. Nobody is named
    as expecting or voting."""
    if verb.lower_.endswith("ed") and any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in verb.children):
        return True
    if _joined_to_an_active_verb(verb):
        return False
    participle = "Part" in verb.morph.get("VerbForm") and "Pres" not in verb.morph.get("Tense")
    if not participle or not any(
        (c.dep_ == "xcomp" and _infinitive(c)) or _introduced_by(c, {"by"}) for c in verb.children
    ):
        return False
    if any(c.dep_ in _SUBJECT_DEPS or (c.dep_ == "aux" and c.lemma_.lower() == "have") for c in verb.children):
        return False  # "analysts had expected to see": active
    return verb.dep_ == "acl" or "Pass" in verb.morph.get("Voice")


def _joined_to_an_active_verb(verb: Token) -> bool:
    """'She called the vote "a farce" [and called] on members "to walk out"': an -ed form joined by "and"
    to a finite active verb is finite too, whatever the tagger made of it (unless a "by" names an agent)."""
    head = verb.head
    if (
        verb.dep_ != "conj"
        or not any(c.dep_ == "cc" for c in verb.children)
        or any(_introduced_by(c, {"by"}) for c in verb.children)
    ):
        return False
    return _finite(head) and not is_passive(head)


def _describing_participle(verb: Token, entry: CueWord) -> bool:
    """ "[One pastor backing the senator], Darran Whitby of Grace Church, said": a stance's -ing form with
    no auxiliary describes the noun the parser made its subject; a participle takes no subject of its own."""
    participle = verb.lower_.endswith("ing")  # not "-ed", which the tagger often calls a participle
    helped = any(c.dep_ in ("aux", "aux:pass", "cop") for c in verb.children)
    subject = any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
    return entry.cls == "stance" and participle and not helped and subject


def _question_put(verb: Token) -> bool:
    """ "[Asked] if she would stand again, Lopes said ...", "[Pressed] on the timing, he said": a past
    participle of asking that opens the sentence, with no auxiliary or subject of its own, puts a question
    to the clause's subject; its words are someone else's, unnamed."""
    return (
        verb.lower_ in _PUT_TO  # the form, not the lemma: a capitalised "Asked" may keep its -ed as lemma
        and verb.i < verb.head.i
        and opens_sentence(verb)
        and not any(c.dep_ in _SUBJECT_DEPS or c.dep_.startswith("aux") for c in verb.children)
    )


def _asked_of(verb: Token) -> bool:
    """ "Asked [whether he thought] the ban was fair, he said", "Asked if she believed the mayor [wanted]
    ...": a cue anywhere inside the question a fronted participle puts to the speaker is what was asked,
    not what anyone thinks or said."""
    for ancestor in verb.ancestors:
        if _question_put(ancestor):
            # the question runs to the comma that sets it off; a cue after it is the answer's, however
            # the parser hung it ("Asked about the delays, [she said] ...")
            comma = next((t.i for t in verb.doc[ancestor.i : verb.sent.end] if t.text == ","), None)
            return comma is not None and verb.i < comma
    return False


def _verb_read_as_noun(token: Token) -> bool:
    """ "Ruiz [claims] that the rule should not apply to her": a cue verb's form the tagger called a noun."""
    return acts_as_verb(token) and cue_word(token) is not None


def _verb_cue(doc: Doc, verb: Token, entry: CueWord) -> Cue | None:
    if any(child.dep_ in _PASSIVE_DEPS for child in verb.children) or is_passive(verb) or _reduced_passive(verb):
        return None  # "Sony is thought to have ...", "the operation was aimed at ...": nobody's words
    if _convening(verb) or _naming(verb) or _scoring(verb) or _describing_participle(verb, entry):
        return None
    if _question_put(verb) or _asked_of(verb):
        return None  # "Asked whether he thought the plan would work, he said": the question, not his words
    if "aside" in entry.frames and not (_as_aside(verb) and any(c.lower_ == "it" for c in verb.children)):
        return None  # "put" reports nothing but in "as X put it"
    trailing = _trailing_cue(doc, verb, entry)
    if trailing is not None:
        return trailing
    content = _scattered(verb, _content(verb, entry)) or _rest_of_sentence(verb, entry)
    if not content and _took(verb, entry):
        return None
    if _anonymity(doc, content) or _found_thing(verb, entry, content) or _no_words(doc, verb, content):
        return None
    content |= _more_content(verb, content)
    source = _source(verb, entry)
    if source is not None and source[0] > 0 and doc[source[0] - 1].lower_ in HONORIFICS:
        # '"...," Mr Lopez said' with "Mr" read as what was said: the honorific is the source's
        source = (source[0] - 1, source[1])
        content.discard(source[0])
    if source is not None and source[0] > verb.i:
        content -= _apposition_after(doc, source) | set(range(*source))
    if not content and entry.frames & {"clause", "aside"} and _as_aside(verb):
        content = _around_aside(verb)
    elif not content and "clause" in entry.frames and _interrupts(verb):
        own = {t.i for t in verb.subtree}
        content = {t.i for t in verb.head.subtree} - own
    content -= _next_act(verb, content)
    if source is None or _nobody(doc, verb, source):
        return None
    if not source_of_words(verb, source):
        return None
    if any(i < source[0] for i in content) and any(source[0] <= i < verb.i for i in content):
        # '"...," Jenna Golden, Twitter's director of advertising, said': the name and its description
        # between the report and the verb, which the parser hung inside the report, are no part of it;
        # nor is a description set off before the name ('"...," [the assailant,] John McGraw, told')
        content -= set(range(_description_before(doc, source[0]), verb.i))
    elif content and max(content) < source[0] < verb.i and doc[source[0]].pos_ == "PROPN":
        # "The firm waited to sue, [its lawyer,] Ana Ruiz, said": a role set off by commas before the name
        # that ends the report is the speaker's; not a place ("in Santa Fe, New Mexico, a spokesman said")
        described = _description_before(doc, source[0])
        words = doc[described : source[0] - 1]
        opened = described > 0 and doc[described - 1].text == ","
        if opened and 0 < len(words) <= 4 and find_role(words[-1].lemma_) is not None:
            content -= set(range(described, source[0]))
    particle = [c.i for c in verb.children if c.dep_ in ("compound:prt", "prt") and c.i == verb.i + 1]
    words = (verb.i, (particle[0] if particle else verb.i) + 1)
    content = _parenthetical(doc, source, words) or content
    for title in (c for c in verb.lefts if c.dep_ in CLAUSE_DEPS and c.left_edge.i <= source[0] <= c.right_edge.i):
        # "Rendell, [a Clinton surrogate], said": a title the parser read as a clause, holding the source
        # (not a report the parser hung the source in: '"...," Jenna Golden, Twitter's director, said')
        if all(t.is_punct or t.is_space for t in title.subtree if t.i < source[0]):
            content -= {t.i for t in title.subtree}
    if _quoted_as_saying(verb) is not None:
        # '"...," Bloomberg quoted one banker as saying': the outlet and its verb are no part of the words
        quoting = verb.head
        outlet = {t.i for c in quoting.children if c.dep_ in _SUBJECT_DEPS for t in c.subtree}
        content -= outlet | {quoting.i}
    return _cue_of(doc, verb, words, entry.cls, source, content, mention=_relative_mention(verb, source))


def _cue_of(
    doc: Doc,
    token: Token,
    words: tuple[int, int],
    cls: str,
    source: tuple[int, int],
    content: set[int],
    mention: tuple[int, int] | None = None,
) -> Cue:
    """A cue whose content is cut to the paragraph of its word and into runs of tokens."""
    return Cue(
        token=token.i,
        words=words,
        char_span=_chars(doc, words),
        cls=cls,
        source=source,
        content=_runs(doc, _same_paragraph(doc, token, content)),
        mention=mention,
    )


def source_of_words(verb: Token, source: tuple[int, int]) -> bool:
    """Whether the source can have said or written the cue's words: "the statement read", not "Hale read
    that the talks had failed" (what someone read is not their words)."""
    if verb.lemma_.lower() != "read" and verb.lower_ not in ("read", "reads"):
        return True
    return verb.doc[source[0] : source[1]].root.lemma_.lower() in _WRITTEN_WORDS


def _relative_mention(verb: Token, source: tuple[int, int]) -> tuple[int, int] | None:
    """The relative pronoun that is the cue verb's own subject, where the source is what it stands for."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None or subject.lower_ not in _RELATIVE_PRONOUNS or source[0] <= subject.i < source[1]:
        return None
    return subject.i, subject.i + 1


_CUE_ADJUNCTS = {"obl", "obl:tmod", "obl:npmod", "advmod", "npadvmod"}
_SHORT_ADJUNCT = 6


def _cue_adjunct(token: Token) -> bool:
    """When, where or how a cue was said ("on Tuesday", "in a statement"): a short phrase with no verb,
    which may stand between a parenthetical cue and the comma that closes it."""
    words = list(token.subtree)
    return (
        token.dep_ in _CUE_ADJUNCTS
        and len(words) <= _SHORT_ADJUNCT
        and not any(t.pos_ in ("VERB", "AUX") for t in words)
    )


def _parenthetical(doc: Doc, source: tuple[int, int], words: tuple[int, int]) -> set[int]:
    """ "Back in Lagos, [Okafor said], she took aim at the fees": a source and cue set off by commas in
    the middle of a sentence report the whole sentence around them, whatever the parser hung where. Not
    next to a quotation mark (a direct quote's own cue) nor after a relative pronoun ("who said")."""
    before, after = source[0] - 1, words[1]
    verb = doc[words[0]]
    between = range(source[1], words[0])
    if all(doc[i].head.i == verb.i and doc[i].dep_ in ("advmod", "aux") for i in between):
        source = (source[0], words[0])  # "Water, Ms. Ruiz [often] says, is ...": the cue's adverb
    adjuncts = {t.i for c in verb.children if c.i >= after and _cue_adjunct(c) for t in c.subtree}
    while after in adjuncts:  # "The museum, Okafor said [on Tuesday], will open ..."
        after += 1
    if source[1] != words[0] or before < 1 or after + 1 >= len(doc):
        return set()
    if doc[before].text != "," or doc[after].text != ",":
        return set()
    if doc[before - 1].is_quote or doc[after + 1].is_quote or doc[source[0]].lower_ in _RELATIVE_PRONOUNS:
        return set()
    if trailing_participle(doc[after + 1]) and cue_word(doc[after + 1]) is not None:
        return set()  # "The talks will resume, Costa said, [adding] ...": the report ends; her next words
    sentence = doc[words[0]].sent
    if not (sentence.start < before and after + 1 < sentence.end):
        return set()
    framing = set(range(before, after + 1))
    return {t.i for t in sentence if t.i not in framing and not (t.is_punct and t.i == sentence.end - 1)}


def _more_content(verb: Token, content: set[int]) -> set[int]:
    """ "Polls showed that few thought it a priority, [and the share who did had tumbled]": a clause with
    its own subject coordinated with the cue verb after its content, and no cue of its own (or opened by
    "that": "[but that he would not back ...]"), is more of what was reported: the parser hangs the
    second conjunct of the content on the cue."""
    if not content:
        return set()
    end = max(content)
    conjuncts = [c for c in verb.children if c.dep_ == "conj" and c.i > end]
    if _reports_infinitive(verb, content):
        return {t.i for c in conjuncts if _bare_infinitive(c, verb) for t in c.subtree}
    opened = any(verb.doc[i].lower_ == "that" and verb.doc[i].dep_ == "mark" for i in content)
    if not (_reports_clause(verb, content) or opened):
        return set()
    return {
        t.i
        for c in conjuncts + _joined_as_adverbial(verb, end)
        if (cue_word(c) is None or _introduced_by(c, {"that"}))
        and (any(k.dep_ in _SUBJECT_DEPS for k in c.children) or _continues_the_report(c, verb))
        for t in c.subtree
    }


def _joined_as_adverbial(verb: Token, end: int) -> list[Token]:
    """'said that Ruiz "has backed the port" [and has "given large sums"]' with the second half read
    as an adverbial clause of the cue verb: one opened by "and" after the content."""
    return [c for c in verb.children if c.dep_ == "advcl" and c.i > end and c.left_edge.lower_ in ("and", "but")]


def _continues_the_report(conj: Token, verb: Token) -> bool:
    """A conjunct with no subject that cannot be the speaker's next act: a noun, or a verb with a modal or
    perfect auxiliary after a cue verb with none ('said Ruiz is playing the "pity card" [and would lose
    badly without it]', 'said he valued her "loyalty" [and the help of his staff]', "and of everyone"); the parser hangs
    these on the cue verb after quoted words."""
    if conj.pos_ in ("NOUN", "PROPN", "NUM") and not any(c.dep_ in ("cop", "aux") for c in conj.children):
        return True
    if conj.pos_ == "PRON" and any(c.dep_ == "case" for c in conj.children):
        return True  # 'memories of her mother, [and of "everyone who fought"]'
    helped = any(c.dep_ in ("aux", "cop") and c.lemma_.lower() in _TENSE_HELPERS for c in conj.children)
    return helped and not any(c.dep_ in ("aux", "aux:pass") for c in verb.children)


_TENSE_HELPERS = {"would", "will", "could", "can", "should", "may", "might", "must", "have", "has"}


def _reports_infinitive(verb: Token, content: set[int]) -> bool:
    """Whether the content holds a to-infinitive the cue verb governs ("agreed [to share a currency]")."""
    return any(c.dep_ == "xcomp" and c.i in content and _infinitive(c) for c in verb.children)


def _bare_infinitive(conj: Token, verb: Token) -> bool:
    """ "agreed to adopt one postal system [and trust each other]", "wants to double the grant[, hire more
    nurses]": a base form with no subject cannot be coordinated with a finite cue verb, so the parser hung
    the second half of the infinitive on the cue."""
    finite = "Fin" in verb.morph.get("VerbForm") and "Imp" not in verb.morph.get("Mood")
    base = "Inf" in conj.morph.get("VerbForm") or "Imp" in conj.morph.get("Mood")
    return finite and base and not any(k.dep_.startswith(("nsubj", "csubj")) for k in conj.children)


def _reports_clause(verb: Token, content: set[int]) -> bool:
    """Whether the content holds a clause the cue verb governs ("showed [that ...]")."""
    return any(c.dep_ in CLAUSE_DEPS and c.i in content for c in verb.children)


def _next_act(verb: Token, content: set[int]) -> set[int]:
    """ "said he would order a review [and warned against hackers]": what `_acting_cue` gives back to
    the cue verb is the speaker's next act (its own cue), not part of what was said."""
    cut: set[int] = set()
    for token in verb.sent:
        if (
            token.i > verb.i
            and _saying_participle(token)
            and _introduces_quotation(token)
            and token not in verb.ancestors
        ):
            # "said the deal was dead, [adding: "..."]", "The deal is dead, she said, [adding, "..."]"
            cut = {i for i in content if i >= token.i}
            break
    content = content - cut
    last = max((i for i in content if not verb.doc[i].is_punct), default=-1)
    for token in (verb.doc[i] for i in sorted(content)):
        if (
            _saying_participle(token)
            and token.i > verb.i
            and token.right_edge.i >= last
            and token not in verb.ancestors
        ):
            cut |= {t.i for t in token.subtree}  # "mocked the mayor's sighing[, tweeting]": the next act
            continue
        coordinated = token.dep_ == "conj" and token.head.i in content
        # a second verb of saying after "and" that the parser hung inside the clause after it: "say the
        # agencies are feuding [and the Greens claim] jealousy is delaying repairs"
        hung = token.dep_ != "conj" and token.i > verb.i
        hung = hung and any(c.dep_ == "cc" and verb.i < c.i < token.i for c in token.children)
        acting = _acting_cue(token) if coordinated else None
        if acting is not None and acting.i == verb.i:
            cut |= {t.i for t in token.subtree}
        elif (coordinated or hung) and _own_report(token, verb):
            # everything from the second source on is theirs, also what the parser hung elsewhere
            cut |= {i for i in content if i >= token.left_edge.i}
    return cut


def _own_report(conj: Token, verb: Token) -> bool:
    """ "say they are sure the audit was botched [and the unions accused the board of ...]": a
    finite cue verb with a subject of its own, coordinated inside the content, is the writer's next
    report, not more of what the first source said (a past perfect, "and officials had confirmed it",
    would still be)."""
    entry = cue_word(conj)
    if entry is None or entry.cls not in ("speech", "stance") or not acts_as_verb(conj):
        return False
    finite = "Fin" in conj.morph.get("VerbForm") and "Fin" in verb.morph.get("VerbForm")
    own = any(c.dep_ in _SUBJECT_DEPS for c in conj.children)
    helped = any(c.dep_ in ("aux", "aux:pass") for c in conj.children)
    return finite and own and not helped


def _colon_after(token: Token) -> bool:
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.text == ":"


def _saying_participle(token: Token) -> bool:
    """ ", adding that ...", ", saying ...": a participle set off by a comma whose cue takes a clause."""
    return trailing_participle(token) and "clause" in getattr(cue_word(token), "frames", ())


def _introduces_quotation(token: Token) -> bool:
    """ ", adding: ...", ", adding, "...": a word followed by a colon, or by a comma and a quotation mark."""
    doc = token.doc
    if _colon_after(token):
        return True
    return token.i + 2 < len(doc) and doc[token.i + 1].text == "," and doc[token.i + 2].is_quote


def _trailing_cue(doc: Doc, verb: Token, entry: CueWord) -> Cue | None:
    """ "Echeverría will travel to Lima for the closing session, [a Chilean embassy official confirmed] on
    Monday": a source and verb of saying after a comma that end the report, which the parser read as a
    noun with a participle ("an official confirmed on Monday") hung on the clause's last noun. The
    source is that noun phrase, the content the clause before the comma."""
    if entry.cls != "speech" or "clause" not in entry.frames or verb.dep_ != "acl" or verb.head.i > verb.i:
        return None
    if any(c.dep_ in (*_OBJECT_DEPS, *CLAUSE_DEPS, *_SUBJECT_DEPS) or _introduced_by(c, {"by"}) for c in verb.children):
        return None  # a relative clause ("polluters, which vowed ...") or a passive ("a monitor maintained by ...")
    head, sentence = verb.head, verb.sent
    first = min(t.i for t in head.subtree if not t.is_punct)
    comma = first - 1
    if comma - sentence.start < 4 or doc[comma].text != "," or head.pos_ not in ("NOUN", "PROPN"):
        return None
    after = max(t.i for t in verb.subtree) + 1
    if after < sentence.end and doc[after].text not in (",", ".", ";"):
        return None
    content = {i for i in range(sentence.start, comma) if not doc[i].is_space}
    return _cue_of(doc, verb, (verb.i, verb.i + 1), entry.cls, (first, verb.i), content)


def _scattered(verb: Token, content: set[int]) -> set[int]:
    """Content of one word where the parser scattered a clause: a lone "that" ("acknowledged [that] until
    the list was sorted out, the rest would suffer") opens what follows it to the end of the sentence; a
    lone word read as the clause beside a to-infinitive or "-ing" clause ("suggests doubling the money
    ... to [£15m.]") gives way to that clause."""
    if len(content) != 1:
        return content
    doc = verb.doc
    word = doc[next(iter(content))]
    if word.lower_ in ("that", "whether") and word.i > verb.i:
        end = verb.sent.end - 1 if doc[verb.sent.end - 1].is_punct else verb.sent.end
        return set(range(word.i + 1, end))
    open_clause = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and c.i > verb.i), None)
    if open_clause is not None and not list(word.children) and word.pos_ not in ("PRON", "INTJ"):
        return {t.i for t in open_clause.subtree}
    return content


def _rest_of_sentence(verb: Token, entry: CueWord) -> set[int]:
    """What a verb of saying with its subject before it and nothing the parse gives as content reports:
    the rest of its sentence, or what follows a "that" soon after it ("told journalists at the Palais des
    Nations [that she had spoken ...]"), less the speaker's next acts ("[and urged Bissau ...]", ", adding
    ..."). The parser leaves such content hanging off an object or a subject it invented ("said the bloc
    "regrets" the recall", with "regrets" taken for a noun)."""
    if entry.cls != "speech" or "clause" not in entry.frames or entry.lemma in _OTHER_OBJECTS | _KEEPING:
        return set()
    doc, sentence = verb.doc, verb.sent
    if not any(c.dep_ in _SUBJECT_DEPS and c.i < verb.i for c in verb.children):
        return set()
    start = verb.i + 1
    for i in range(verb.i + 1, min(verb.i + 9, sentence.end)):
        if doc[i].pos_ in ("VERB", "AUX"):
            break
        if doc[i].lower_ == "that":
            start = i + 1
            break
    listener = next(
        (
            c
            for c in verb.children
            if c.dep_ in _OBJECT_DEPS and c.left_edge.i == start and (_addressee(c) or entry.lemma in _ADDRESSING)
        ),
        None,
    )
    if listener is not None:  # "told the host, [...]"
        start = listener.right_edge.i + 1
        while start < sentence.end and doc[start].is_punct and not doc[start].is_quote:
            start += 1
    if start < sentence.end and (doc[start].pos_ in ("ADP", "ADV", "PUNCT", "SCONJ") or doc[start].is_space):
        return set()
    acts = {t.i for c in verb.children if c.dep_ in ("conj", "advcl", "cc") and c.i > verb.i for t in c.subtree}
    content = {i for i in range(start, sentence.end) if i not in acts and not doc[i].is_space}
    while content and doc[max(content)].is_punct and not doc[max(content)].is_quote:
        content.discard(max(content))
    # a clause (a finite verb) or quoted words, not a thing ("declared war on ...") or a listener
    clause = any("Fin" in doc[i].morph.get("VerbForm") or doc[i].is_quote for i in content)
    return content if len(content) >= _CONTENT_OBJECT + 1 and clause else set()


def _nobody(doc: Doc, verb: Token, source: tuple[int, int]) -> bool:
    """ "You might find that ...", "as they say": the reader, or anybody, is no source; nor is a thing
    pointed at ("the album came out and [that] confirmed his status")."""
    if source[1] - source[0] != 1:
        return False
    word = doc[source[0]].lower_
    return word in ("you", "that", "this", "these", "those") or (word == "they" and _as_aside(verb))


def _found_thing(verb: Token, entry: CueWord, content: set[int]) -> bool:
    """ "Investigators found a way in", "he showed his pass": a verb of evidence reports only when what it
    found or showed is a clause ("found that ...") or its finder is a poll, study, report or the like
    ("a poll found 40 percent support", "polls show a close race")."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    person = subject is not None and (
        (subject.pos_ == "PROPN" and subject.ent_type_ != "ORG") or subject.lower_ in ("he", "she")
    )
    if entry.lemma == "show" and person:
        return True  # "The singer shows she knows the tune well": a person shows by doing, a poll by reporting
    if entry.cls != "evidence" or _reports_clause(verb, content):
        return False
    return subject is None or subject.lemma_.lower() not in _EVIDENCE_SOURCES | _EVIDENCE_THINGS


def _no_words(doc: Doc, verb: Token, content: set[int]) -> bool:
    """Content that reports nothing: a reflexive or an adverb alone ("defending [himself]", "according
    to the radio, [basically]"), a bare infinitive in a relative clause ("the club she hoped [to manage]"),
    or the document a writer wrote rather than what it says ("wrote [a book
    about her years in the cabinet]", "wrote [a letter] to the governor")."""
    words = [doc[i] for i in sorted(content) if not doc[i].is_punct]
    if words and all(w.lower_ in REFLEXIVES or w.pos_ in ("ADV", "PART") for w in words):
        return True
    relative = verb.dep_ in ("acl", "relcl", "acl:relcl") and any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
    if relative and len(words) == 2 and words[0].lower_ == "to" and len(list(words[1].children)) == 1:
        return True  # "the club she had hoped [to manage]": an aim whose object is the noun, not words
    if verb.lemma_.lower() not in _WRITING:
        return False
    head = next((w for w in words if w.head.i == verb.i and w.dep_ in _OBJECT_DEPS), None)
    return head is not None and head.lemma_.lower() in _DOCUMENTS and not any(c.dep_ == "acl" for c in head.children)


def _anonymity(doc: Doc, content: set[int]) -> bool:
    """ "an official who asked not to be named": the source's condition, not something they said."""
    words = [doc[i].lower_ for i in sorted(content)]
    return words[:3] == ["not", "to", "be"] and len(words) == 4 and words[3] in _UNNAMED


def _convening(verb: Token) -> bool:
    """ "The council called an emergency meeting", "called a general strike": calling an event is holding
    it, unless something is said of it ("called the election a sham")."""
    if verb.lemma_.lower() != "call":
        return False
    thing = next((c for c in verb.children if c.dep_ in _OBJECT_DEPS and c.i > verb.i), None)
    return (
        thing is not None
        and thing.lemma_.lower() in _CONVENED
        and not any(c.i > thing.i and (_complement(c) or c.dep_ == "xcomp") for c in verb.children)
    )


_SCORES = frozenset(
    {
        *("goal", "goals", "try", "tries", "penalty", "penalties", "header", "strike", "volley", "equaliser"),
        *("equalizer", "winner", "double", "brace", "hat-trick", "conversion", "touchdown", "basket", "run"),
        *("runs", "wicket", "wickets", "ace", "break", "point", "points", "one", "two", "three"),
    }
)
"""What a side replies with in a match report: a score, not words."""


def _scoring(verb: Token) -> bool:
    """ "Italy did reply with one", "Chelsea responded with two goals": in a match, an answer in kind."""
    if verb.lemma_.lower() not in ("reply", "respond", "answer"):
        return False
    return any(
        c.dep_ in ("obl", "nmod") and case_of(c) == "with" and (c.pos_ == "NUM" or c.lower_ in _SCORES)
        for c in verb.children
    )


def _naming(verb: Token) -> bool:
    """ "The drugs, called beta blockers, ...", "a group called Friends of the Andes": a participle of
    naming gives a thing's name, nobody's words, however the parser hung it: as a participle describing
    the noun, or as a verb with the name and no object ("[called] beta blockers"), or with a name for an
    object and nothing said of it ("called [Friends of the Andes] organised ...", where "called Ruiz a
    liar" says something)."""
    if verb.lemma_.lower() not in _NAMING or verb.lower_.endswith("s"):
        return False  # "calls", "names": a present tense says something of what it names
    own_clause = any(c.dep_ in _SUBJECT_DEPS or c.dep_.startswith("aux") for c in verb.children)  # "who's called"
    if verb.i == verb.sent.start and verb.dep_ == "advcl" and closes_with_comma(verb):
        return True  # "Called the Marlin Association, the alliance will ...": the name of what follows
    if verb.dep_ in ("acl", "amod") and "Part" in verb.morph.get("VerbForm") and verb.head.i < verb.i:
        return not own_clause
    objects = [c for c in verb.children if c.dep_ in _OBJECT_DEPS and c.i > verb.i]
    said = [c for c in verb.children if c.i > verb.i and c.dep_ == "xcomp" and c.pos_ in ("NOUN", "ADJ")]
    if not objects:
        if any(c.dep_ == "obl" and c.i > verb.i for c in verb.children):
            return False  # "called on Obama to act", "called for calm": an appeal
        # ", called beta blockers,"; ", called to testify," (summoned, also nobody's words); "a phenomenon
        # called knocking", with the noun read as the participle's subject
        summoned = any(c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB" and c.i > verb.i for c in verb.children)
        after_name = verb.i > 0 and verb.doc[verb.i - 1].text == ","
        auxiliary = any(c.dep_.startswith("aux") for c in verb.children)
        return bool(said or summoned) and (after_name or (_after_indefinite(verb) and not auxiliary))
    first, doc = objects[0], verb.doc
    set_off = verb.i > 0 and doc[verb.i - 1].text == "," and closes_with_comma(verb) and not verb.lower_.endswith("ing")
    # a "subject" the parser found before that comma is the noun the participle names
    named_before = [
        c
        for c in verb.children
        if c.dep_ in _SUBJECT_DEPS and c.pos_ == "NOUN" and c.right_edge.i in (verb.i - 2, verb.i - 1)
    ]
    own = any(c.dep_.startswith("aux") or (c.dep_ in _SUBJECT_DEPS and c not in named_before) for c in verb.children)
    quoted = any(t.is_quote for t in verb.subtree)  # 'branded the findings a "temporary surprise"'
    if set_off and not own and not said and not quoted and not any(case_of(c) == "by" for c in verb.children):
        return True  # "The last film by the director, [called] 11/09, has been shown": its name
    name = next((t for t in doc[first.i + 1 : first.i + 3] if t.lower_ not in ("the", "a", "an")), None)
    if first.lower_ in REFLEXIVES and name is not None and name.text[:1].isupper():
        return True  # "The group called itself the River Alliance"
    return first.text[:1].isupper() and first.i == verb.i + 1 and not said and _after_indefinite(verb)


def _after_indefinite(verb: Token) -> bool:
    """ "a group [called]": right after a noun with "a" or "an", as a name follows what it names."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    return before is not None and before.pos_ == "NOUN" and any(c.lower_ in ("a", "an") for c in before.children)


def _cue_before(participle: Token) -> Token | None:
    """ "The plan is dead, [Ruiz said], adding that ...", parsed with the report as the sentence's root:
    the cue verb with a subject of its own that the parser hung on that root between the report and the
    participle's comma is the one whose source the participle shares."""
    root, comma = participle.sent.root, participle.i - 1
    if cue_word(root) is not None or root.i >= participle.i:
        return None
    for token in root.children:
        if not root.i < token.i < comma or cue_word(token) is None or not acts_as_verb(token):
            continue
        if token.dep_ not in ("conj", "parataxis", "advcl", "ccomp"):
            continue
        own = {t.i for t in token.subtree}
        if any(c.dep_ in _SUBJECT_DEPS for c in token.children) and all(i in own for i in range(token.i + 1, comma)):
            return token
    return None


def trailing_participle(token: Token) -> bool:
    """An "-ing" participle set off by a comma: ", saying", ", tweeting", ", adding"."""
    return token.lower_.endswith("ing") and token.i > 0 and token.doc[token.i - 1].text == ","


def _acting_cue(token: Token) -> Token | None:
    """The cue verb a coordinated cue verb belongs with, where the parser hung it inside that verb's
    content ("said he would order a review and warned ...": the speaker's second act)."""
    outer = coordinated_outer(token) if token.dep_ == "conj" and cue_word(token) is not None else None
    return outer if outer is not None and cue_word(outer) is not None else None


def _noun_cue(doc: Doc, noun: Token) -> Cue | None:
    """ "the mayor's claim [that crime has fallen by half]", "the ministry's warning [that the
    dam could fail]": a noun of saying or thinking whose owner is the source and whose that-clause (not a
    relative clause: "the claim that he made") is the content."""
    owner = next((c for c in noun.children if c.i < noun.i and possessive(c)), None)
    after = noun.nbor() if noun.i + 1 < len(doc) else None
    if after is not None and _that_mark(after) and after.head.i > after.i:
        clause = after.head  # also where the parser hung the clause elsewhere ("... could fail was ignored")
        # "view that the talks had failed was shared": the reported verb parsed as the next verb's subject
        clause = next((c for c in clause.children if c.dep_ == "nsubj" and c.pos_ == "VERB" and c.i > after.i), clause)
    else:
        clause = next((c for c in noun.children if c.i > noun.i and any(_that_mark(m) for m in c.children)), None)
    phrase = _noun_phrase_content(noun) if clause is None else None
    if phrase is not None and owner is None:
        # "Republican calls for ...", "Obama calls for ...": a name or a party's or nation's adjective
        owner = next((c for c in noun.lefts if c.dep_ in ("amod", "compound") and _names_owner(c)), None)
    if owner is None or (clause is None and phrase is None):
        return None
    if noun.dep_ in _OBJECT_DEPS and cue_word(noun.head) is not None:
        return None  # "repeated her warning that ...": the verb's attribution already says it
    if phrase is not None:
        content = {t.i for t in phrase.subtree} - {c.i for c in phrase.children if c.dep_ == "case"}
        return _noun_cue_of(doc, noun, owner, content)
    content = {t.i for t in clause.subtree}
    verb = noun.head
    if noun.dep_.startswith("nsubj") and verb.i in content:
        # "His view [that the talks had failed] was shared": the sentence's own verb is not reported
        own = [verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "aux:pass", "cop") and c.i > noun.i)]
        content = {i for i in content if i < min(own)}
    return _noun_cue_of(doc, noun, owner, content)


def _noun_cue_of(doc: Doc, noun: Token, owner: Token, content: set[int]) -> Cue:
    return _cue_of(doc, noun, (noun.i, noun.i + 1), noun_lexicon()[noun.lemma_.lower()], _noun_phrase(owner), content)


def _noun_phrase_content(noun: Token) -> Token | None:
    """ "Democratic calls [for a recount]", "her criticism [of the plan]": the phrase after a
    noun cue opened by one of its prepositions."""
    prepositions = noun_prepositions().get(noun.lemma_.lower(), frozenset())
    return next(
        (
            c
            for c in noun.children
            if c.i > noun.i and c.dep_ == "nmod" and case_of(c) in prepositions and not _setting(c)
        ),
        None,
    )


def _names_owner(word: Token) -> bool:
    """A capitalised word before a noun cue that can own it: a name, or an adjective of a party or nation
    inside the sentence ("Republican", "Russian"), not a headline's capitals ("Former Aides' Calls")."""
    if not word.text[:1].isupper() or word.i == word.sent.start:
        return False
    return word.pos_ == "PROPN" or (word.pos_ == "ADJ" and not word.nbor(-1).text[:1].isupper())


_MADE = {"clear", "plain"}
_MADE_CLEAR = CueWord("make clear", "speech", frozenset({"clause"}))


def _made_clear(doc: Doc, verb: Token) -> Cue | None:
    """ "Several governors [made clear] that they want ...", "Vega [made it clear] to the nurses
    that ...": saying something plainly, with the clause after the adjective, however the parser hung it
    (a clausal complement, or a relative or adverbial clause of "made")."""
    adjective = next((c for c in verb.children if c.dep_ == "xcomp" and c.lower_ in _MADE and c.i > verb.i), None)
    if adjective is None or is_passive(verb):
        return None
    # the clause hangs on "made", or lower down where the parser misread whom it was made clear to
    clause = next((t for t in verb.subtree if t.i > adjective.i and t.head.i >= verb.i and _reported_clause(t)), None)
    source = _source(verb, _MADE_CLEAR)
    if clause is None or source is None:
        return None
    words = (verb.i, adjective.i + 1)
    return _cue_of(doc, verb, words, "speech", source, {t.i for t in clause.subtree})


_EXPLETIVES = {"it", "this", "that", "there", "which", "what", "thing"}
"""Subjects of an adjective that name no one: "[it] is clear that", "[which] is certain", "one [thing]
is certain"."""


def _adjective_cue(doc: Doc, adjective: Token) -> Cue | None:
    """ "they are [convinced] that the governor should have acted sooner", "she was [confident] the bill
    would pass": an adjective of thinking or feeling after a copula, whose subject is the source and
    whose clause is the content."""
    if not any(c.dep_ in ("cop", "aux", "aux:pass") for c in adjective.children):
        return None
    clause = next((c for c in adjective.children if c.i > adjective.i and _reported_clause(c)), None)
    subject = subject_of(adjective, ("nsubj", "nsubj:pass"))
    if clause is None or subject is None or subject.lower_ in _EXPLETIVES:
        return None
    cls = adjective_lexicon()[adjective.lower_]
    content = {t.i for t in clause.subtree}
    return _cue_of(doc, adjective, (adjective.i, adjective.i + 1), cls, _noun_phrase(subject), content)


def _reported_clause(clause: Token) -> bool:
    """A clause an adjective or "made clear" governs: a clausal complement, or a clause with its own
    subject opened by "that" or by nothing ("are worried [the talks will fail]", parsed as adverbial)."""
    if clause.dep_ == "ccomp":
        return True
    if clause.dep_ not in ("advcl", "acl", "parataxis") or not finite_clause(clause):
        return False
    subject = next(c for c in clause.children if c.dep_.startswith("nsubj"))
    return subject.lower_ not in _RELATIVE_PRONOUNS | {"whom", "whose"}  # not "who are in need of ..."


def _that_mark(token: Token) -> bool:
    return token.dep_ == "mark" and token.lower_ == "that"


def possessive(token: Token) -> bool:
    """ "[the ministry]'s", "[his]": the owner of a noun."""
    if token.dep_ in ("nmod:poss", "poss") or "Yes" in token.morph.get("Poss"):
        return True
    return token.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_ in ("'s", "’s", "'", "’") for c in token.children)


def _label(doc: Doc, colon: Token) -> Cue | None:
    """ "Pence: Flowers won't be at the debate", "SANDERS: Well, let me say this": a name and a colon that
    open a paragraph (a headline's or a transcript's speaker), or a sentence when a quotation follows;
    what follows, to the paragraph's end or the quotation's, is what the name said. The name must be a
    person or organisation the entity layer found, or a name in capitals that is no place (a
    transcript's "PENCE:", not a dateline's "LIMA:"); a poll, survey or study is a source too ("Poll:
    voters ..."); labels of the page ("Update:", "Photo:") are not."""
    text = text_of(doc)
    start, end = paragraph_around(text, colon.idx)
    first = colon.i
    while first > 0 and doc[first - 1].idx >= start:
        first -= 1
    quoting = colon.i + 1 < len(doc) and doc[colon.i + 1].is_quote
    if quoting and colon.sent.start > first:
        first = colon.sent.start  # 'The new show opens in May. BBC Two's controller Ana Ruiz: "..."'
    while first < colon.i and (doc[first].is_space or doc[first].is_quote or doc[first].is_punct):
        first += 1
    opening = cue_word(doc[first]) if first < colon.i else None
    if opening is not None and opening.lemma in INVERTING:
        first += 1  # 'Said Mr Bysshe: "..."': the name is the label
    words = doc[first : colon.i]
    if not 1 <= len(words) <= MAX_DESCRIBED_LABEL_TOKENS or colon.i + 1 >= len(doc) or doc[colon.i + 1].idx >= end:
        return None
    if not words[0].text[:1].isupper() or any(not (t.is_alpha or t.text in ("'", ".", "-")) for t in words):
        return None
    elsewhere = _named_elsewhere(doc, words)
    if words.text.lower() in _PAGE_LABELS or country_of(words.text) or (city_country(words.text) and not elsewhere):
        return None  # "LIMA:" opens a dateline, but "Salgado:" speaks where Pedro Salgado is in the article
    # "Manchester City boss Kevin Keegan:", a match report's list of reactions: a person with a description
    described = words[-1].ent_type_ in ("PERSON", "PER") or _titled_name(words)
    described = described and not any(t.pos_ in ("VERB", "AUX") for t in words)
    if len(words) > MAX_LABEL_TOKENS and not described:
        return None
    named = described or ({t.ent_type_ for t in words} <= {"PERSON", "PER", "ORG"} and words[0].ent_type_ != "")
    named = named or elsewhere
    capitals = words.text.isupper() and len(words.text) > 2
    evidence = len(words) == 1 and words[0].lower_ in _EVIDENCE_SOURCES
    if not (named or capitals or evidence):
        return None
    last = colon.i + 1
    while last < len(doc) and doc[last].idx < end:
        last += 1
    if quoting:  # the quotation, not what the writer goes on to say after it
        marks = _closing_marks(doc[colon.i + 1].text)
        closing = next((i for i in range(colon.i + 2, last) if doc[i].text in marks), None)
        last = closing + 1 if closing is not None else last
    content = {i for i in range(colon.i + 1, last) if not doc[i].is_space}
    return Cue(
        token=colon.i,
        words=(colon.i, colon.i + 1),
        char_span=_chars(doc, (colon.i, colon.i + 1)),
        cls=LABEL,
        source=(first, colon.i),
        content=_runs(doc, content),
    )


def _closing_marks(opening: str) -> str:
    """The marks that may close a quotation opened by `opening` (typed text mixes straight and curly
    ones), from the quotation-mark tables of `quotes.marks`."""
    if opening in DOUBLE_OPENING + '"':
        return DOUBLE_CLOSING + '"'
    if opening in SINGLE_OPENING + "'":
        return SINGLE_CLOSING + "'"
    return opening


def _titled_name(words: Span) -> bool:
    """ "channel controller Roly Keating": a role word of the gazetteer followed only by a capitalised
    name, which the recogniser may have missed."""
    roles = [t.i for t in words if t.pos_ == "NOUN" and find_role(t.lemma_) is not None]
    if not roles:
        return False
    name = words.doc[roles[-1] + 1 : words.end]
    return 1 <= len(name) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name)


def _named_elsewhere(doc: Doc, words: Span) -> bool:
    """ "Ortega: I back statehood" over an article on Ana Ortega: a label of names the recogniser missed
    here that end a person's or organisation's name found later in the article."""
    if not all(t.pos_ == "PROPN" for t in words):
        return False
    wanted = [t.lower_ for t in words]
    return any(
        [t.lower_ for t in ent[-len(wanted) :]] == wanted
        for ent in doc.ents
        if ent.label_ in ("PERSON", "PER", "ORG") and ent.start > words.end
    )


def _interrupts(verb: Token) -> bool:
    """A cue set off by a comma inside or after the clause it reports: "The talks, Costa said, will
    resume", "The talks will resume in June, Costa added" (parsed as parataxis, as an adverbial clause,
    or as a second clause with no "and")."""
    if any(c.dep_ in _SUBJECT_DEPS and c.lower_ in _RELATIVE_PRONOUNS for c in verb.children):
        return False  # "..., winners of the award, [which recognizes] excellence": a relative clause
    if verb.dep_ == "parataxis":
        return True
    if verb.dep_ in ("advcl", "conj") and trailing_participle(verb):
        return False  # "..., saying, "...": a participle introduces what follows it
    first = min(t.i for t in verb.subtree if not t.is_punct)
    before = first - 1
    while before > 0 and verb.doc[before].is_quote:  # 'accomplished "too little," he added'
        before -= 1
    set_off = verb.head.i < verb.i and before >= 0 and verb.doc[before].text == ","
    if verb.dep_ == "conj":
        return set_off and not any(c.dep_ == "cc" for c in verb.children)
    return verb.dep_ == "advcl" and set_off


def _as_aside(verb: Token) -> bool:
    """ "As a ministry memo put it, ...", "..., as Costa said": a cue in an "as" clause."""
    return any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children)


def _around_aside(verb: Token) -> set[int]:
    """What an "as" clause's cue reports: the clause it hangs on, or where the parser made the cue the
    sentence's root, the rest of the sentence after the comma that closes the aside."""
    own = {t.i for t in verb.subtree}
    if verb.head.i != verb.i:
        return {t.i for t in verb.head.subtree} - own
    sentence = verb.sent
    comma = next((t.i for t in sentence if t.i > verb.i and t.text == ","), None)
    if comma is None:
        return set()
    return {t.i for t in sentence if t.i > comma and not (t.is_punct and t.i == sentence.end - 1)}


def _apposition_after(doc: Doc, source: tuple[int, int]) -> set[int]:
    """'"...," said Ibrahim Sesay, the district relief coordinator': the words after an inverted
    source's comma describe it, even where the parser took them for what was said."""
    start = source[1]
    if start >= len(doc) or doc[start].text != "," or start + 1 >= len(doc) or doc[start + 1].is_quote:
        return set()
    head = doc[start + 1]
    while head.head.i != head.i and head.head.i > start:
        head = head.head
    if head.pos_ not in ("NOUN", "PROPN", "DET", "ADJ") and doc[start + 1].lower_ not in ("who", "whose"):
        return set()
    return {t.i for t in head.subtree if t.i > start}


_CHARGE_WORDS = {"for", "of", "over"}
_INVERTED_NAME = {"ccomp", "dep", "appos", "xcomp", "nsubj", "vocative"}
"""What else the parser makes of the name right after an inverted cue ('"...," said Ignacio Ferrer')."""
_UNNAMED = {"named", "identified", "quoted"}
_CONVENED = {
    *("meeting", "session", "summit", "election", "vote", "referendum", "strike", "hearing", "conference"),
    *("ceasefire", "truce", "halt", "recess", "march", "rally", "protest", "boycott", "inquiry", "review"),
}
"""Things one calls by holding them ("called a snap election"), not by speaking of them."""


def _content(verb: Token, entry: CueWord) -> set[int]:
    """The tokens of what the cue reports: the clause it governs ("said [the talks stalled]"); failing
    that a to-infinitive with whom it is asked of ("urged [Chile to wait]", "called on [Obama to act]");
    failing that a phrase after the cue's preposition, without it ("called for [new tariffs]"); failing
    that, for verbs that take one, the object and what is said of it ("called [him a liar]")."""
    governed = [c for c in verb.children if c.dep_ in CLAUSE_DEPS and not _question_put(c) and not _reports_it(c, verb)]
    clauses = governed if "clause" in entry.frames else []
    if not clauses and "clause" in entry.frames:
        clauses = _clause_read_as_subject(verb)
    clauses += _clause_subject_as_object(verb, entry, clauses) + _owner_as_object(verb, clauses)
    if not clauses and "clause" in entry.frames:
        # "voters believe [the new tax is unfair]" read as a second clause joined to
        # the cue with no "and": a clause with its own subject right after the cue is what it reports
        joined = entry.lemma in _OTHER_OBJECTS | _OTHER_SENSES
        clauses = [] if joined else [c for c in verb.children if c.dep_ == "conj" and _unjoined_clause(c, verb)]
    if not clauses and "clause" in entry.frames:
        # "told reporters [that ...]", "said after the meeting [that ...]" hung on the noun before it
        clauses = [c for o in verb.children if o.dep_ in (*_OBJECT_DEPS, "obl") for c in o.children if _that_clause(c)]
    if not clauses and "clause" in entry.frames and verb.pos_ == "NOUN":
        # "The Andes Courier reports [that ...]" read as a noun with a clause of its own
        clauses = [c for c in verb.children if c.dep_ == "acl" and c.i > verb.i and _introduced_by(c, {"that"})]
    if not clauses and "clause" in entry.frames:
        # "says at a rally in Arequipa, [that it means ...]" parsed as an adverbial clause; "asked
        # the farmers [if they had been paid yet]": what was asked
        openers = {"that", "if", "whether"} if entry.lemma in _ASKING else {"that"}
        clauses = [c for c in verb.children if c.dep_ == "advcl" and _introduced_by(c, openers)]
    if not clauses and "clause" in entry.frames:
        # "[The budget still favours the wealthy], the think tank said": read as an adverbial clause
        clauses = [c for c in verb.children if c.i < verb.i and _fronted_report(c, verb) and not _acts_on(verb)]
    if not clauses and "clause" in entry.frames:
        clauses = _split_off(verb)
    if not clauses and "clause" in entry.frames:
        # "says [the candidate will announce plans]" parsed as an object, "plans", with a verb inside
        clauses = [o for o in verb.children if o.dep_ in _OBJECT_DEPS and o.i > verb.i and _holds_a_clause(o)]
    if not clauses and "clause" in entry.frames:
        clauses = [o for o in verb.children if o.dep_ in _OBJECT_DEPS and _quoted(o)]  # chanted "What curfew?"
    if not clauses and entry.cls == "speech" and "clause" in entry.frames:
        clauses = _object_then_its_verb(verb, entry)
    if not clauses and entry.cls == "speech" and "clause" in entry.frames:
        # "She said [the senator favors ...]" with "favors" tagged a noun: the object a verb of
        # saying takes after it is what was said, unless it is the one spoken to ("told reporters", and
        # whoever "told" has for its object: "told the BBC News website"), or the verb's object is
        # something else than words ("added [support]") and no "that" opens it ("added [that rapid time
        # to market ... were significant factors]", with "that" read as a determiner)
        clauses = [
            o
            for o in verb.children
            if o.dep_ in _OBJECT_DEPS
            and o.i > verb.i
            and not _addressee(o)
            and entry.lemma not in _ADDRESSING
            and len(list(o.subtree)) >= _CONTENT_OBJECT
            and (entry.lemma not in _OTHER_OBJECTS or _that_and_a_verb(o))
            and _said_object(entry, o)
        ]
    if not clauses and "infinitive" in entry.frames:
        infinitives = [c for c in verb.children if c.dep_ == "xcomp" or (c.dep_ == "advcl" and _infinitive(c))]
        if not infinitives:
            # "urged [the families to reject the offer]" with the infinitive hung on the object
            infinitives = [
                o
                for o in verb.children
                if o.dep_ in _OBJECT_DEPS
                and o.i > verb.i
                and any(
                    c.dep_ == "acl" and _infinitive(c) and not any(k.dep_ in _SUBJECT_DEPS for k in c.children)
                    for c in o.children
                )
            ]
        if infinitives:
            first = infinitives[0].i
            clauses = infinitives + [
                c for c in verb.children if c.dep_ in (*_OBJECT_DEPS, "obl") and verb.i < c.i < first
            ]
    if not clauses:
        cases = {f.removeprefix("prep:") for f in entry.frames if f.startswith("prep:")}
        phrases = [c for c in verb.children if c.dep_ in ("obl", "advcl") and _introduced_by(c, cases)]
        if phrases:
            tokens = {t.i for c in phrases for t in c.subtree}
            prepositions = {k.i for c in phrases for k in c.children if k.dep_ in ("case", "mark")}
            return tokens - {i for i in prepositions if verb.doc[i].lower_ in cases}
    if not clauses and "object" in entry.frames:
        # the one spoken to is no content ("told [reporters]"); the one spoken of is ("blasted [Clinton]"),
        # after the verb: a relative pronoun before it stands for a phrase elsewhere ("which Bono rejected")
        stance, evidence = entry.cls == "stance", entry.cls == "evidence"
        objects = [
            c
            for c in verb.children
            if c.dep_ in _OBJECT_DEPS
            and c.i > verb.i
            and (stance or evidence or not _addressee(c))
            and _said_object(entry, c)
        ]
        if objects:
            clauses = objects + [
                c
                for c in verb.children
                if c.i > objects[0].i
                and (
                    _complement(c)
                    or (stance and _charge(c))
                    or (evidence and _predicate_of_shown(c))
                    or _proposition_of(c, objects[0])
                )
            ]
        if evidence and clauses == objects and all(_addressee(o) for o in objects):
            clauses = []  # "polls show [Lima]" with nothing shown of her is the parser's loss, not a report
    if not clauses and entry.cls == "evidence":
        # "The poll shows [both Ruiz and Vega beating Lima]": a participle with its subject right after the verb
        clauses = [
            c
            for c in verb.children
            if c.dep_ in ("advcl", "xcomp")
            and c.left_edge.i == verb.i + 1
            and _participle(c)
            and any(k.dep_ in _SUBJECT_DEPS for k in c.children)
        ]
    objects = [c for c in clauses if c.dep_ in _OBJECT_DEPS and c.head == verb]
    if objects:
        clauses += [c for c in verb.children if c not in clauses and _object_modifier(c, objects[-1])]
    content = {t.i for head in clauses for t in head.subtree}
    for obj in objects:
        content -= _said_where(obj)
    if not content and "clause" in entry.frames and entry.cls == "speech" and not _took(verb, entry):
        return _report_before_source(verb)
    return content


PROPOSITIONS = {"idea", "notion", "theory", "rumour", "rumor", "speculation", "possibility", "premise", "perception"}
"""Nouns for something held to be so, whose that-clause says what: "rejected the idea [that ...]"."""


def _proposition_of(clause: Token, noun: Token) -> bool:
    """ "rejected the idea [that Ruiz posed a threat]", the clause hung on the verb: a that-clause right
    after a noun for something claimed or believed is what the noun holds, and so what is rejected."""
    lemma = noun.lemma_.lower()
    if lemma not in PROPOSITIONS and lemma not in noun_lexicon():
        return False
    return (
        clause.dep_ in ("advcl", "ccomp")
        and clause.left_edge.i == noun.right_edge.i + 1
        and _that_mark(clause.left_edge)
    )


def _reports_it(clause: Token, verb: Token) -> bool:
    """ "Ruiz has maintained support, [the poll found]": a cue with its own subject set off after the
    verb, with nothing after it, reports the verb's clause; it is not what the verb reports."""
    return (
        clause.dep_ == "parataxis"
        and clause.i > verb.i
        and cue_word(clause) is not None
        and any(c.dep_ in _SUBJECT_DEPS for c in clause.children)
        and not any(c.i > clause.i and not c.is_punct for c in clause.children)
        and _interrupts(clause)
    )


def _said_object(entry: CueWord, obj: Token) -> bool:
    """Whether a cue's object may be what was said: for a verb that also means taking ("claimed the
    title"), only an object holding a finite verb or one of `_CLAIMED`; for one that also means keeping
    ("maintained its lead"), only a thing said or claimed; for "repeated" and "posted", only words."""
    if entry.lemma in _TAKING:
        return obj.lemma_.lower() in _CLAIMED or any("Fin" in t.morph.get("VerbForm") for t in obj.subtree)
    if entry.lemma in _KEEPING:
        return obj.lemma_.lower() in _CLAIMED or obj.lemma_.lower() in _SAID_THINGS
    return entry.lemma not in _WORDS_ONLY or _names_words(obj)


def _names_words(noun: Token) -> bool:
    """ "his call for calm", "the familiar mantras", "that claim": a noun for something said."""
    lemma = noun.lemma_.lower()
    return lemma in noun_lexicon() or lemma in _SAID_THINGS or lemma in _CLAIMED or noun.lower_ in _SAID_THINGS


def _took(verb: Token, entry: CueWord) -> bool:
    """ "as she claimed second place", "repeated the feat": a verb of taking with a thing taken, or of
    repeating with a deed repeated, reports nothing, neither the clause around it (as "as she claimed"
    alone would) nor one before it."""
    if entry.lemma in _WORDS_ONLY:
        return any(c.dep_ in _OBJECT_DEPS and c.i > verb.i and not _names_words(c) for c in verb.children)
    return entry.lemma in _TAKING and any(
        c.dep_ in _OBJECT_DEPS and c.i > verb.i and c.pos_ == "NOUN" and c.lemma_.lower() not in _CLAIMED
        for c in verb.children
    )  # not "..., claimed Mr Brown": a name after the verb is its speaker


_NOUN_PREPOSITIONS = {
    *("of", "in", "on", "about", "for", "from", "like", "over", "against", "with", "to", "toward", "towards"),
    *("into", "between", "among", "behind", "regarding", "concerning", "including", "such"),
}
_SETTINGS = {
    *("statement", "interview", "speech", "rally", "letter", "event", "conference", "debate", "stop", "hearing"),
    *("appearance", "tweet", "post", "program", "programme", "show", "broadcast", "briefing", "address", "remarks"),
    *("meeting", "forum", "town", "call", "email", "e-mail", "op-ed", "article", "column", "book", "ad", "video"),
    *("radio", "television", "tv", "network", "newspaper", "paper", "website", "blog", "podcast", "session"),
    *("page", "site", "account", "feed", "channel", "platform"),
}
"""Where or how something was said: a phrase on one of these after the object says where the speaker said
it ("praised the plan [in a statement]"), not what the object is."""


def _said_where(obj: Token) -> set[int]:
    """ "praised the plan [in a statement on Thursday]", "shared his endorsement [on its Facebook page]":
    where or when the words came out, which the parser hung on the object that ends the content."""
    end = obj.right_edge.i
    for phrase in (c for c in obj.children if c.i > obj.i and c.dep_ in ("nmod", "obl", "nmod:tmod")):
        if phrase.right_edge.i == end and _setting(phrase):
            return set(range(phrase.left_edge.i, end + 1))
    return set()


def _setting(phrase: Token) -> bool:
    """A phrase that says where, in what or when something was said ("in a statement", "on Thursday")."""
    if phrase.lower_ in TIME_NOUNS or phrase.ent_type_ in ("DATE", "TIME"):
        return True
    if phrase.pos_ in ("NUM", "PROPN") and any(t.lower_ in TIME_NOUNS for t in phrase.subtree):
        return True  # "on [11] September 2001"
    return phrase.lower_ in _SETTINGS and case_of(phrase) in ("in", "on", "at", "during", "via", "through")


def _object_modifier(phrase: Token, obj: Token) -> bool:
    """ "revealed a wide gap [in what the two sides will pay]", "touted projects [like
    installing solar panels]", "rejected calls [to stop filling the reservoir]": a phrase right after the
    object, with no comma between, that the parser hung on the verb but that says which or what the
    object is; not when, where or in what it was said."""
    if phrase.dep_ not in ("obl", "advcl", "xcomp") or phrase.left_edge.i != obj.right_edge.i + 1:
        return False
    if phrase.dep_ != "obl" and _infinitive(phrase):
        return True  # "rejected calls [to stop filling the reservoir]"
    opener = phrase.left_edge.lower_
    if opener not in _NOUN_PREPOSITIONS or phrase.lower_ in TIME_NOUNS or phrase.ent_type_ in ("DATE", "TIME"):
        return False
    return not any(t.lower_ in _SETTINGS or t.lower_ in TIME_NOUNS for t in phrase.subtree)


_FRONTED_DEPS = {"advcl", "ccomp", "parataxis", "dep", "conj", "advmod"}
"""What the parser makes of a report that comes before its cue and source."""
_PREDICATES = {"VERB", "AUX", "ADJ", "NOUN"}


def _fronted_report(clause: Token, verb: Token) -> bool:
    """A clause with its own subject before the cue, closed by the comma before the cue's source: what
    was said, whatever the parser made of it; not one opened by a subordinator ("When talks failed, Costa
    said ...", "If ..., she said") nor one that is the subject of the cue."""
    if clause.dep_ not in _FRONTED_DEPS or clause.pos_ not in _PREDICATES:
        return False
    if any(c.dep_ == "mark" for c in clause.children) or not any(c.dep_.startswith("nsubj") for c in clause.children):
        return False
    doc = verb.doc
    after = max(t.i for t in clause.subtree if not t.is_punct or t.is_quote) + 1
    while after < verb.i and doc[after].is_quote:
        after += 1
    if after >= verb.i or doc[after].text != ",":
        return False
    between = range(after + 1, verb.i)
    return all(
        doc[i].is_space
        or doc[i].dep_.startswith("nsubj")
        or any(a.i in between and a.dep_.startswith("nsubj") for a in doc[i].ancestors)
        or doc[i].dep_ in ("aux", "advmod")
        for i in between
    )


SUBORDINATORS = frozenset(
    {
        *("when", "if", "as", "after", "before", "while", "because", "since", "although", "though", "once"),
        *("until", "unless", "whether"),
    }
)
"""Words that open a clause which is no statement of its own ("When the talks failed, ...")."""
_OPENING_SUBORDINATORS = {*SUBORDINATORS, "whereas", "despite"}


def _acts_on(verb: Token) -> bool:
    """ "..., yet in spite of more marches, the mayor [added] 2p a litre": a verb of saying with an object
    after it that is not the one spoken to does something to that object; it reports nothing before it."""
    objects = any(c.dep_ in _OBJECT_DEPS and c.i > verb.i for c in verb.children)
    return objects and verb.lemma_.lower() not in _ADDRESSING


def _report_before_source(verb: Token) -> set[int]:
    """ "In Leeds, the turnout was the lowest in a decade, [city officials said]." with the report
    torn apart by the parser (here set beside "Leeds"): a source and a verb of saying that end the
    sentence after a comma, with a clause of its own before the comma, report that clause. Not after a
    clause opened by a subordinator ("When the talks failed, Costa said"), nor beside a quotation, which
    the quotation marks attach."""
    doc, sentence = verb.doc, verb.sent
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.i < verb.i), None)
    if subject is None or subject.lower_ in _RELATIVE_PRONOUNS:
        return set()  # "Hale, [who] has called the pact a disaster, said": a relative clause
    comma = subject.left_edge.i - 1
    if comma - sentence.start < 4 or doc[comma].text != ",":
        return set()
    if any(doc[i].dep_ not in ("aux", "advmod") for i in range(subject.right_edge.i + 1, verb.i)):
        return set()
    own = {t.i for t in verb.subtree}
    after = doc[verb.i + 1 : sentence.end]
    if any((t.i not in own and not t.is_punct) or t.is_quote or t.pos_ in ("VERB", "AUX") for t in after):
        return set()  # a clause after the verb, or a quotation it introduces
    if _acts_on(verb):
        return set()
    before_comma = _name_before(doc[comma])
    name = before_comma[0] if before_comma is not None and before_comma[0] >= sentence.start else comma
    person = comma - name >= 2 or (name < comma and doc[name].ent_type_ in ("PER", "PERSON"))
    place = any(t.ent_type_ in ("LOC", "GPE") for t in doc[name:comma])
    if person and not place and name > sentence.start and doc[name - 1].text == ",":
        comma = name - 1  # "..., Alan Ruiz, the party's strategist, told": the name is the source's, not the report's
    words = [t for t in doc[sentence.start : comma] if not t.is_space]
    if len(words) < 3 or words[0].pos_ == "VERB" or any(t.is_quote for t in (words[0], words[-1])):
        return set()  # "Asked whether ..., Costa said": what he was asked
    if any(t.lower_ in _OPENING_SUBORDINATORS for t in words[:3]):
        return set()
    if any(cue_word(t) and any(c.dep_ in _SUBJECT_DEPS for c in t.children) for t in words):
        return set()  # "Hale, who chairs the board, said that ..., she said": a report with its own cue
    if not any(c.dep_ in ("nsubj", "nsubj:pass", "cop") for t in words for c in t.children if c.i < comma):
        return set()
    return set(range(words[0].i, words[-1].i + 1))


def _that_and_a_verb(noun: Token) -> bool:
    """An object that opens with "that" and has a verb inside: a that-clause the parser misread as a noun
    phrase ("that rapid time to market [were] significant"), not "that question about the budget"."""
    return noun.left_edge.lower_ == "that" and any(t.pos_ in ("VERB", "AUX") for t in noun.subtree)


def _holds_a_clause(noun: Token) -> bool:
    """Whether an object the parser built has a finite verb with its own subject inside: a clause it
    misread as a noun phrase."""
    return any(
        t.i != noun.i
        and t.pos_ in ("VERB", "AUX")
        and any(c.dep_ in _SUBJECT_DEPS for c in t.children)
        and any(c.dep_ in ("aux", "aux:pass") or c.pos_ == "AUX" for c in t.children)
        for t in noun.subtree
    )


def _split_off(verb: Token) -> list[Token]:
    """ "the former mayor said | the new tax is driving rents up": where the parser ends a
    sentence at the cue itself, with no punctuation after it, the next sentence is what was said."""
    doc = verb.doc
    sentence = verb.sent
    if sentence.end != verb.i + 1 or sentence.end >= len(doc):
        return []
    following = doc[sentence.end]
    if following.is_punct or following.is_space or not following.text[:1].isalpha():
        return []
    return [following.sent.root]


def _quoted(token: Token) -> bool:
    """An object in quotation marks: the words said, whatever the parser made of them."""
    words = list(token.subtree)
    before = token.doc[words[0].i - 1] if words[0].i > 0 else None
    return words[0].is_quote or (before is not None and before.is_quote)


def _that_clause(token: Token) -> bool:
    """ "told reporters [that ...]" parsed as a clause hanging off "reporters", with "that" its marker or,
    where the parser read a relative clause, any word beside the clause's own subject ("warned officials
    [that hackers had probed ...]")."""
    if token.dep_ not in ("acl", "acl:relcl", "ccomp"):
        return False
    that = next((c for c in token.children if c.lower_ == "that" and c.i < token.i), None)
    own_subject = any(c.dep_ in _SUBJECT_DEPS and c.lower_ != "that" for c in token.children)
    return that is not None and (that.dep_ == "mark" or own_subject)


def _introduced_by(token: Token, words: set[str]) -> bool:
    return any(c.dep_ in ("case", "mark") and c.lower_ in words for c in token.children)


def _infinitive(token: Token) -> bool:
    """ "to reopen": a to-infinitive the parser attached as an adverbial clause."""
    return any(c.lower_ == "to" and c.dep_ in ("mark", "aux") and c.i < token.i for c in token.children)


_OTHER_SENSES = {"threaten", "reply", "respond", "charge", "claim"}
"""Cue verbs that often mean something else ("Rangers threatened", "Irish replied with three penalties",
"took a charge", "claimed the title"): a clause the parser joined to them is no report."""


def _unjoined_clause(clause: Token, verb: Token) -> bool:
    """A conjunct that opens right after the cue verb with a subject of its own and no conjunction or
    punctuation before it: no second clause of the writer's, but the clause the cue governs."""
    if clause.left_edge.i != verb.i + 1 or not any(c.dep_.startswith("nsubj") for c in clause.children):
        return False
    return not any(c.dep_ == "cc" or c.is_punct for c in clause.children if c.i < clause.i)


_INDEFINITES = {"anybody", "anyone", "everybody", "everyone", "nobody", "somebody", "someone", "whoever"}


def _object_then_its_verb(verb: Token, entry: CueWord) -> list[Token]:
    """ "said [compulsory licensing for trawlers], as opposed to ..., [should be brought in]" parsed with
    the reported clause's subject as the cue's object and its verb as a clause of the cue's own: a
    clause with no subject that starts right after the object, and has a finite verb or an auxiliary, has
    the object for its subject. Not a second predicate of the cue's subject ("said nothing and left"), a
    to-infinitive ("argue her case [to be allowed] to race") or a participle with its agent ("reported
    its best quarterly sales, [lifted by] higher fuel prices")."""
    if entry.lemma in _ADDRESSING | _OTHER_OBJECTS:
        return []
    for o in verb.children:
        if o.dep_ not in _OBJECT_DEPS or o.i < verb.i or _addressee(o):
            continue
        for clause in verb.children:
            if (
                clause.dep_ in ("advcl", "conj", "dep", "parataxis", "xcomp")
                and clause.left_edge.i == o.right_edge.i + 1
                and clause.pos_ in ("VERB", "AUX")
                and not any(c.dep_.startswith(("nsubj", "csubj", "expl")) or c.dep_ == "cc" for c in clause.children)
                and _finite(clause)
                and not _infinitive(clause)
                and not _by_agent(clause)
                and (clause.dep_ != "xcomp" or not _followed(verb, clause))
            ):
                return [o, clause]
    return []


def _followed(verb: Token, clause: Token) -> bool:
    """Whether the cue governs more after the clause than punctuation: "say [artists] [face] a struggle,
    [to succeed] ..." leaves the rest to a reading of the whole object."""
    return any(c.i > clause.i and not c.is_punct for c in verb.children)


def _by_agent(verb: Token) -> bool:
    """ "lifted by higher fuel prices": a past form with no auxiliary whose next word opens its agent,
    which the tagger may read as a finite verb but is a participle."""
    after = verb.i + 1
    return (
        after < len(verb.doc)
        and verb.doc[after].lower_ == "by"
        and not any(c.dep_ in ("aux", "aux:pass") for c in verb.children)
    )


def _finite(verb: Token) -> bool:
    """A verb that can carry a clause of its own: finite, or with an auxiliary ("should be brought in")."""
    return "Fin" in verb.morph.get("VerbForm") or any(c.dep_ in ("aux", "aux:pass") for c in verb.children)


def _clause_read_as_subject(verb: Token) -> list[Token]:
    """ "It says [the talks nearly failed twice]" parsed with the reported clause as a second, clausal
    subject of "says": a clause with a subject of its own after a cue that already has its subject before
    it is what it reports. Not a participle ("believes the fleet, [pressed by the unions], is ...") nor a
    relative clause ("proposes "fishing zones", [which would mean] ...")."""
    if not any(c.dep_ in _SUBJECT_DEPS and c.i < verb.i for c in verb.children):
        return []
    clauses = [
        c
        for c in verb.children
        if c.dep_ == "csubj"
        and c.i > verb.i
        and any(k.dep_ in _SUBJECT_DEPS and k.lower_ not in _RELATIVE_PRONOUNS for k in c.children)
    ]
    return clauses or _subject_and_verb_split(verb)


def _subject_and_verb_split(verb: Token) -> list[Token]:
    """ "Hale said [the mayor and the trust had always been careful]" parsed with the reported
    clause's subject as a second subject (or an object of "said") and its verb joined to "said" by the
    "and" inside that subject: the late subject and the clause after it are what was said."""
    deps = (*_SUBJECT_DEPS, "obj") if verb.lemma_.lower() == "say" else _SUBJECT_DEPS
    late = next((c for c in verb.children if c.dep_ in deps and c.i > verb.i and c.pos_ != "PRON"), None)
    if late is None or late.left_edge.i != verb.i + 1:
        return []
    rest = [c for c in verb.children if c.dep_ == "conj" and c.i > late.i and _joined_inside(c, late)]
    return [late, *rest] if rest else []


def _joined_inside(clause: Token, late: Token) -> bool:
    """A clause with a subject of its own that an "and" with no comma before it joins right after the late
    subject's first words: not the speaker's next act ("said the bloc "regrets" it and urged ..."), nor a
    second sentence ("denied [any links], but critics point to ...")."""
    doc = clause.doc
    subject = next((k for k in clause.children if k.dep_ in _SUBJECT_DEPS), None)
    if subject is None or subject.pos_ == "PRON" or subject.left_edge.i < 2:
        return False  # "said the services hacked it [and she accused] ...": the speaker again
    joining = doc[subject.left_edge.i - 1]
    return joining.lower_ in ("and", "or") and doc[joining.i - 1].text != "," and joining.i > late.i


def _clause_subject_as_object(verb: Token, entry: CueWord, clauses: list[Token]) -> list[Token]:
    """ "saying [anyone who blames the referee] "has lost the argument"": a clause with no
    subject of its own after an object of a verb of saying, which the parser took for whom it was said
    to, has that object for its subject; so has one after a verb of thinking ("thought [the task of the
    coaches, who ...,] would become harder")."""
    if entry.cls not in ("speech", "thought") or entry.lemma in _ADDRESSING | _OTHER_OBJECTS or len(clauses) != 1:
        return []
    clause = clauses[0]
    if clause.i < verb.i or any(c.dep_.startswith(("nsubj", "csubj")) for c in clause.children):
        return []
    return [
        o
        for o in verb.children
        if o.dep_ in _OBJECT_DEPS
        and verb.i < o.i < clause.left_edge.i
        and (o.lower_ in _INDEFINITES or not _addressee(o))
    ]


def _owner_as_object(verb: Token, clauses: list[Token]) -> list[Token]:
    """ "said [the High Court judges]' verdict was ...", "said [Chile]'s offer was ...": an object whose possessive
    ending the parser hung in the reported clause owns that clause's subject, and is part of what was said."""
    doc = verb.doc
    owners = []
    for o in verb.children:
        after = o.right_edge.i + 1
        if o.dep_ not in _OBJECT_DEPS or o.i < verb.i or after >= len(doc):
            continue
        ending = doc[after]
        possessive = ending.lower_ in ("'", "’", "'s", "’s") and not o.right_edge.whitespace_
        if possessive and any(c.left_edge.i <= after <= c.right_edge.i for c in clauses):
            owners.append(o)
    return owners


def _addressee(token: Token) -> bool:
    """ "told [reporters]", "asked [him]": the person spoken to, not what was said."""
    return token.pos_ in ("PRON", "PROPN") or token.lower_ in _AUDIENCES


def _complement(token: Token) -> bool:
    """What is said of the object: "[as a disgrace]", "called the mayor [a bad loser]", "rated the
    claim [as false]"; not when ("on Monday", "Monday")."""
    if token.dep_ == "obl":
        # "a week" in "announced her budget a week after ..." says when
        bare = not _cases(token) and token.pos_ in ("NOUN", "ADJ") and token.lower_ not in TIME_NOUNS
        return _is_as_phrase(token) or bare
    return token.dep_ == "xcomp" or (token.dep_ == "advcl" and _introduced_by(token, {"as"}))


_STANDINGS = {"within", "ahead", "behind", "above", "below", "among", "with", "at", "up", "down"}
"""Words of where a poll or record shows someone stand: "within two points", "ahead", "up four"."""


def _participle(token: Token) -> bool:
    """An "-ing" verb: "trailing", "beating"."""
    return token.pos_ == "VERB" and token.lower_.endswith("ing")


def _predicate_of_shown(token: Token) -> bool:
    """What a poll or record shows of its object: "polls show Lima [trailing Vega]", "[within two
    points]", "[ahead]"."""
    if token.dep_ in ("xcomp", "advcl"):
        return _participle(token) or token.pos_ in ("ADJ", "ADV")
    return token.dep_ in ("obl", "advmod") and (token.lower_ in _STANDINGS or case_of(token) in _STANDINGS)


def _charge(token: Token) -> bool:
    """What a party is blamed, praised or accused of: "blasted him [for not paying taxes]", "accused the
    GOP [of stoking the issue]", "criticised Chile [over the quota]"; the reason is part of what was said."""
    return token.dep_ in ("obl", "advcl") and _introduced_by(token, _CHARGE_WORDS)


def _is_as_phrase(token: Token) -> bool:
    """ "[as false]", also where the parser marked the "as" as a subordinator ("as "frank and useful"")."""
    return any(c.lower_ == "as" and c.dep_ in ("case", "mark") for c in token.children)


def _cases(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ == "case"]


def _according_to(doc: Doc, according: Token) -> Cue | None:
    """ "According to X, Y" or "Y, according to X": the source is X, the content the rest of the sentence.

    The whole sentence, not the parser's attachment: "according to" at the end of a long sentence is often
    hung on its last noun, which would leave only the last few words as content.
    """
    source_head = according.head if according.head.i != according.i else None
    if source_head is None or source_head.i <= according.i + 1:
        return None
    opening = all(t.is_punct or t.is_space or t.lower_ in _EDGE_WORDS for t in doc[according.sent.start : according.i])
    if _in_accordance(according, source_head, opening):
        return None
    source = _up_to_comma(according) or _noun_phrase(source_head)
    name = source_head.head
    if source_head.lower_.rstrip(".") in HONORIFICS and name.i == source_head.i + 1 and name.pos_ == "PROPN":
        source = (source_head.i, _noun_phrase(name)[1])  # "according to [Mr] Xie" hung on the honorific
    past_source = _after_source(source_head, source) if opening else set()
    source_tokens = ({t.i for t in source_head.subtree} - past_source) | set(range(*source))
    share = next((i for i in range(source[0] + 1, source[1]) if _share(doc, i)), None)
    if share is not None:
        # "According to the survey 44% of voters ...": a share opens what the source reports
        source = (source[0], share)
        source_tokens = {i for i in source_tokens if i < share}
    content = {t.i for t in according.sent} - source_tokens - {according.i, according.i + 1}
    if _no_words(doc, according, content):
        return None
    return _cue_of(doc, according, (according.i, according.i + 2), "speech", source, content)


def _share(doc: Doc, i: int) -> bool:
    """A number followed by a percent sign or word: "44%", "44 per cent"."""
    return doc[i].like_num and i + 1 < len(doc) and doc[i + 1].lower_ in ("%", "percent", "per")


def _in_accordance(according: Token, head: Token, opening: bool) -> bool:
    """ "orders cities according to the steps their councils took", "paid according to how many hours
    they worked", "settled according to the law": what something goes by, not who says it; a
    source is someone or something that reports ("according to the police", "according to figures"),
    as is a rule when "according to" opens the sentence (`opening`: "According to the law, employers
    must ...")."""
    if according.doc[according.i + 2].lower_ in ("how", "what", "whether", "which", "where", "when"):
        return True
    return not opening and head.lemma_.lower() in RULES


def _after_source(head: Token, source: tuple[int, int]) -> set[int]:
    """ "According to the census, [nearly 3 million households ...] now cook with gas": words past the comma
    that ends a source opening the sentence, which the parser hung on the source's noun; an apposition
    stays the source's ("according to Miguel Arroyo, the embassy spokesman, ...")."""
    doc = head.doc
    if source[1] >= len(doc) or doc[source[1]].text != ",":
        return set()
    return {t.i for c in head.children if c.i > source[1] and c.dep_ not in ("appos", "punct") for t in c.subtree}


def _up_to_comma(according: Token) -> tuple[int, int] | None:
    """The words after "according to" up to the comma or full stop that ends them, where they describe
    an unnamed source: "according to [three people involved in the negotiations], after ...", whose
    participle the parser tends to hang elsewhere. A name stops at its own end ("according to Miguel
    Arroyo, the embassy spokesman"). An "&" joins a name ("estate agents Knight & Pryce") unless
    the words run on too long for a source, as they do where no comma ends it."""
    doc, start = according.doc, according.i + 2
    for joining in (True, False):
        end = start
        while end < according.sent.end and not (
            (doc[end].is_punct and not (joining and doc[end].text == "&") and not glued_hyphen(doc, end))
            or doc[end].is_quote
            or doc[end].is_space
        ):
            end += 1
        if end - start <= MAX_SOURCE_TOKENS:
            break
    if end == start or end - start > MAX_SOURCE_TOKENS or all(t.pos_ in ("PROPN", "DET") for t in doc[start:end]):
        return None
    return start, end


def _same_paragraph(doc: Doc, cue: Token, tokens: set[int]) -> set[int]:
    """Content never crosses a paragraph break: where it seems to, the parser has joined two paragraphs."""
    start, end = paragraph_around(text_of(doc), cue.idx)
    return {i for i in tokens if start <= doc[i].idx < end}


def _chars(doc: Doc, words: tuple[int, int]) -> tuple[int, int]:
    return doc[words[0]].idx, doc[words[1] - 1].idx + len(doc[words[1] - 1])


def _source(verb: Token, entry: CueWord) -> tuple[int, int] | None:
    """The subject of the cue verb, borrowed from the verb it is coordinated with or subordinate to.

    In an inverted cue ('"...," said Rui Tanaka') the parser may take the name for an object; a saying
    verb has no object of that kind, so the name is the source.
    """
    has_subject = any(c.dep_ in _SUBJECT_DEPS and not c.is_space for c in verb.children)
    quoted = _quoted_as_saying(verb)
    if quoted is not None and not has_subject:
        return _noun_phrase(quoted)
    finite = "Ger" not in verb.morph.get("VerbForm") and not verb.lower_.endswith("ing")
    if entry.cls == "speech" and entry.lemma in INVERTING and not has_subject and finite:
        # (only a finite verb inverts: "just by saying [its name]" names no source)
        # the name after an inverted "said", whatever the parser made of it (an object, even a clause)
        named = next(
            (
                c
                for c in verb.rights
                if c.pos_ == "PROPN"
                and (c.dep_ in ("obj", "dobj") or (c.dep_ in _INVERTED_NAME and c.left_edge.i == verb.i + 1))
            ),
            None,
        )
        if named is None and (any(c.dep_ in CLAUSE_DEPS and c.i < verb.i for c in verb.children) or _interrupts(verb)):
            # "[the meeting went badly], said one party source at the table": a description, after the report
            named = next(
                (
                    c
                    for c in verb.rights
                    if c.pos_ == "NOUN"
                    and c.dep_ in (*_INVERTED_NAME, *_OBJECT_DEPS)
                    and c.left_edge.i == verb.i + 1
                    and not _has_own_subject(c)
                ),
                None,
            )
        if named is None:
            named = _subject_of_clause_after(verb) or _name_cut_off(verb)
        if named is not None:
            return _noun_phrase(named)
    if not has_subject and verb.dep_ == "conj" and not any(c.dep_ == "cc" for c in verb.children):
        named = _name_before(verb)
        if named is not None:
            return named
    with_source = _with_source(verb) if not has_subject else None
    if with_source is not None:
        return _noun_phrase(with_source)
    acting = _acting_cue(verb)
    if acting is not None:
        return _source(acting, cue_word(acting))
    before = _cue_before(verb) if trailing_participle(verb) else None
    if before is not None:
        return _source(before, cue_word(before))
    # "Dean, a former party chairman, poked at the nominee's sniffing during the debate, [tweeting], "...":
    # a participle set off at the end of a sentence is what the sentence's subject did, wherever it hangs
    heads = [verb.head] if verb.dep_ in ("conj", "advcl", "xcomp") else []
    if trailing_participle(verb) and "clause" in entry.frames:
        heads.insert(0, verb.sent.root)
    for candidate in (verb, *heads):
        subject = subject_of(candidate, _SUBJECT_DEPS)
        if subject is None and candidate is verb:
            subject = next((c for c in verb.lefts if c.dep_ == "dep" and c.pos_ in ("NOUN", "PROPN")), None)
        if subject is not None and subject.lower_ in _DAYS and subject.i < candidate.i and not list(subject.children):
            # "Bernie Sanders (I-Vt.) [Saturday] criticized": when, not who (but '"...," said Friday', the coach)
            subject = _phrase_before(subject) or subject
        if subject is not None:
            named = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if named is not None and subject.pos_ != "PROPN":
                return _noun_phrase(named)
            if subject.lower_ in _RELATIVE_PRONOUNS and candidate.dep_ in _MODIFIER_CLAUSES:
                return _noun_phrase(candidate.head, cue=verb)
            if subject.lower_ in ("who", "which") and (named := _name_before_relative(subject)) is not None:
                return _noun_phrase(named)  # "Salas, who reportedly wants to sign Vega", misparsed
            return _name_before_aside(subject, _noun_phrase(subject))
    return _share_before(verb)


def _with_source(verb: Token) -> Token | None:
    """ "prices rose, with [the ministry] saying inflation hit 5%": in "with X V-ing" X does the saying,
    however the parser hung it; not the sentence's subject."""
    if not verb.lower_.endswith("ing") or verb.i == 0:
        return None
    return next(
        (c for c in verb.children if c.i < verb.i and c.right_edge.i == verb.i - 1 and case_of(c) == "with"),
        None,
    )


_COMPARING = {"more", "less", "fewer"}


def _quoted_as_saying(verb: Token) -> Token | None:
    """ "Bloomberg quoted [one banker] as saying", "the paper cited a senior official as saying": the one
    quoted speaks; the outlet that quotes only carries the words."""
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) or verb.head.i == verb.i:
        return None
    if verb.head.lemma_.lower() not in ("quote", "cite"):
        return None
    return next((c for c in verb.head.children if c.dep_ in _OBJECT_DEPS and c.i < verb.i), None)


def _share_before(verb: Token) -> tuple[int, int] | None:
    """ "[More than half of those polled] said ...": a share the parser hung on the verb right before it as
    a modifier or a clause rather than making it the subject."""
    share = next(
        (
            c
            for c in verb.lefts
            if c.dep_ in ("advmod", "ccomp", "dep")
            and c.lower_ in _COMPARING
            and any(t.lower_ == "than" for t in c.subtree)
        ),
        None,
    )
    if share is None or share.right_edge.i + 1 != verb.i or share.left_edge.i != share.i:
        return None
    return share.i, verb.i


_ASIDE_WORDS = {"ADP", "DET", "ADJ", "NOUN", "PROPN", "NUM"}
"""What a prepositional aside after a name is made of ("from the campaign group")."""


def _name_before_aside(subject: Token, source: tuple[int, int]) -> tuple[int, int]:
    """ "John Ison, [from the group Fathers 4 Justice,] said": where the parser took the aside after a name
    for the subject, or part of it, the words before the subject open with a preposition right after the
    name's comma; the name is the source."""
    if subject.pos_ == "PRON":
        return source  # "a speech to the Fabian Society, in which he praised ...": no aside of a name
    doc = subject.doc
    start = subject.left_edge.i
    while start < subject.i and doc[start].is_punct:
        start += 1  # the aside's opening comma, hung on the subject
    while start > 0 and doc[start - 1].pos_ in _ASIDE_WORDS:
        start -= 1  # "Juan Ortega, [from the campaign group] Mar Libre, said", the aside hung on the name
    if start < 2 or doc[start].pos_ != "ADP" or doc[start - 1].text != ",":
        return source
    return _name_before(doc[start - 1]) or source


def _name_before_relative(who: Token) -> Token | None:
    """The name a "who" or "which" set off by a comma follows, wherever the parser hung the relative
    clause, past an acronym in brackets ("the Andean Farmers Union (AFU), which believes"): the head of
    the name ("Jose Mourinho" for "Mourinho")."""
    doc = who.doc
    if who.i < 2 or doc[who.i - 1].text != ",":
        return None
    end = who.i - 2
    if doc[end].text == ")":
        opening = next((t.i for t in reversed(doc[max(0, end - 6) : end]) if t.text == "("), None)
        if opening is None or opening == 0:
            return None
        end = opening - 1
    if doc[end].pos_ != "PROPN":
        return None
    name = doc[end]
    while name.dep_ in ("flat", "flat:name") and name.head.i < name.i:
        name = name.head
    return name


def _has_own_subject(noun: Token) -> bool:
    """ "said [the tax was a "difficult issue"]": a noun with a subject and a verb "be" of its own heads
    what was said, however the parser labelled it, never who said it; not "said [Villa] boss David
    O'Leary", a club the parser made the subject of its manager's title."""
    return any(c.dep_ in _SUBJECT_DEPS for c in noun.children) and any(
        c.dep_ in ("cop", "aux", "aux:pass") for c in noun.children
    )


def _subject_of_clause_after(verb: Token) -> Token | None:
    """'"...," said Jose Mourinho, whose team meet Barcelona this week': right after a quote's closing
    comma the parser may read the name as the subject of a clause the cue reports; it is the cue's
    source. Only a name right after the cue, which right follows the quote."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or verb.i < 2 or not doc[verb.i - 1].is_quote or doc[verb.i - 2].text != ",":
        return None
    name = doc[verb.i + 1]
    clause = name.head
    if name.pos_ != "PROPN" or name.dep_ not in _SUBJECT_DEPS or clause.head.i != verb.i:
        return None
    return name if clause.dep_ in CLAUSE_DEPS and clause.i > name.i else None


_DESCRIBING = {"DET", "ADJ", "NOUN", "PROPN", "NUM"}


_OWNERS = {"its", "her", "his", "their", "our", "my", "your"}


def _describing(token: Token) -> bool:
    """A word of a short description: "the assailant", "its lawyer", "the firm's chairman"."""
    return token.pos_ in _DESCRIBING or token.lower_ in _OWNERS or token.lower_ in ("'s", "’s")


def _description_before(doc: Doc, name_start: int) -> int:
    """Where a short description set off by commas before a name starts ("the assailant, [John McGraw]"),
    else the name's start."""
    if name_start < 2 or doc[name_start - 1].text != ",":
        return name_start
    start = name_start - 1
    while start > 0 and not doc[start - 1].is_punct and _describing(doc[start - 1]):
        start -= 1
    opened = start == 0 or doc[start - 1].is_punct
    return start if opened and start < name_start - 1 else name_start


_DAYS = frozenset({*RELATIVE_DAYS, *WEEKDAYS, *MONTH_NAMES})


def _phrase_before(word: Token) -> Token | None:
    """The head of the noun phrase that ends right before a word (past a bracketed aside): the subject
    the parser passed over for the day after it."""
    doc, at = word.doc, word.i - 1
    if at > 0 and doc[at].text == ")":  # "(I-Vt.)", whose full stop the parser may take for a sentence's end
        at = next((t.i for t in reversed(doc[max(0, at - 8) : at]) if t.text == "("), at) - 1
    if at < 0 or doc[at].pos_ not in ("NOUN", "PROPN") or "\n" in doc[at : word.i].text:
        return None
    head = doc[at]
    while (
        head.head.i != head.i
        and head.head.i < at
        and head.head.right_edge.i >= at
        and head.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON")
    ):
        head = head.head
    return head


def _name_cut_off(verb: Token) -> Token | None:
    """ "''...,'' said | Senator Ana Ruiz, Republican of Ohio, who ...": the name right after an
    inverted verb that the parser made the root of a sentence of its own."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].sent == verb.sent:
        return None
    root = doc[verb.i + 1].sent.root
    return root if root.pos_ == "PROPN" and root.left_edge.i == verb.i + 1 else None


def _name_before(token: Token) -> tuple[int, int] | None:
    """The name right before a token: before a verb, as in "..., Tom Kall said:" misparsed as a second
    clause with no subject of its own (the name is the source, not the first clause's subject); before
    the comma of an aside, as in "John Ison, from the group ..., said"."""
    doc, start = token.doc, token.i
    while start > 0 and doc[start - 1].pos_ == "PROPN":
        start -= 1
    if start < token.i:
        return start, token.i
    if start > 0 and _agrees_in_plural(doc[start - 1], token):
        # "where restructuring experts say ...", with "restructuring" read as a verb taking "experts"
        while start > 0 and (doc[start - 1].pos_ in ("NOUN", "ADJ") or doc[start - 1].lower_.endswith("ing")):
            start -= 1
        return start, token.i
    return None


def _agrees_in_plural(noun: Token, verb: Token) -> bool:
    """A plural noun right before a verb in the plural present ("experts [say]"): its subject."""
    plural = noun.pos_ == "NOUN" and "Plur" in noun.morph.get("Number") and noun.is_alpha and noun.lower_.endswith("s")
    present = "Pres" in verb.morph.get("Tense") and "Sing" not in verb.morph.get("Number")
    return plural and present and not any(c.dep_ == "case" for c in noun.children)


def _noun_phrase(head: Token, cue: Token | None = None) -> tuple[int, int]:
    """The words of a noun phrase without its appositions: "Lena Fischer" of "Lena Fischer, a senior
    fellow at the institute, who ...". A description keeps what it is described by ("a diplomat who asked
    not to be named", "figures published by the ministry"), but not an aside after a comma; a name does
    not need it. Never the cue's own clause ("officials who said ...")."""
    left_out = _NOT_IN_SOURCE if head.pos_ == "PROPN" else _NOT_IN_SOURCE - _MODIFIER_CLAUSES
    kept = [head.i]
    for child in head.children:
        if child.dep_ in left_out or (cue is not None and any(t.i == cue.i for t in child.subtree)):
            continue
        if child.dep_ in _MODIFIER_CLAUSES and opens_with_comma(child):
            continue  # "fishing unions in Arica[, where boats blockaded the harbour]": an aside, not who
        aside = child.dep_ not in ("appos", "conj") and opens_with_comma(child)
        if head.pos_ == "PROPN" and child.i > head.i and aside:
            # "John Ison[, from the group Fathers 4 Justice,] said", however the parser hung the aside (a
            # name in apposition stays, whatever the parser called it: "Peru's Minister of Production, Rosa
            # Villanueva, said"; so do names in a list)
            continue
        if child.i < head.i and child.pos_ != "PROPN" and closes_with_comma(child):
            continue  # "In the long run [at least,] builders said": an opener the parser hung on the name
        if child.i > head.i and child.dep_ == "advmod" and child.pos_ == "ADV":
            continue  # "Volkswagen[, meanwhile,] says": the sentence's adverb, not part of the name ("Mr
            # [Chavez]" read as an adverb stays)
        if child.i > head.i and _setting(child):
            continue  # "Chile [on Tuesday] rejected": when, hung on the name
        kept.extend(t.i for t in child.subtree)
    start, end = min(kept), max(kept) + 1
    if end - start > MAX_SOURCE_TOKENS:
        end = head.i + 1
    doc = head.doc
    while end - 1 > head.i and _loose(doc[end - 1]):
        end -= 1
    while start < head.i and _loose(doc[start]):
        start += 1
    return start, end


def _runs(doc: Doc, tokens: set[int]) -> list[tuple[int, int]]:
    """Contiguous token runs of `tokens`, without punctuation or conjunctions at their edges."""
    runs: list[tuple[int, int]] = []
    for i in sorted(tokens):
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    trimmed = []
    for start, end in runs:
        while start < end and _loose(doc[start]) and not doc[start].is_quote:
            start += 1
        while end > start and _loose_end(doc[end - 1]):
            end -= 1
        if end > start:
            trimmed.append((start, end))
    return trimmed


def _loose_end(token: Token) -> bool:
    """Punctuation or a line break a content span does not end with; not a closing quotation mark, nor a
    per cent sign, which belongs to its number ("unemployment rose to 7.4[%]")."""
    return (token.is_punct or token.is_space) and not token.is_quote and token.text not in ("%", "‰")


def _loose(token: Token) -> bool:
    """Words a content span neither starts nor ends with: punctuation, line breaks, "and", "but"."""
    return token.is_punct or token.is_space or token.lower_ in _EDGE_WORDS
