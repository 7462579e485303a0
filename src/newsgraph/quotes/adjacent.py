"""Cues beside a quotation, read from the words where the parse gives none.

News puts a direct quote's cue in a handful of shapes right beside the quotation: '"...," said Rosa
Quintana, president of the federation', '"...," the analyst Tomas Arriaga, a former official, wrote on his
website', 'And Mr. Lozano scoffed: "..."'. The parser often tears these apart (the name read as the
quote's object, "said" as a second sentence), so that no cue of `cues.find_cues` reaches the quotation.
This module reads the same shapes from the tokens alone: a verb of saying from the lexicon, next to the
quotation in its sentence, and the name or description between the two or right after the verb.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.dates import MONTH_NAMES, RELATIVE_DAYS, WEEKDAYS
from newsgraph.nlp.syntax import text_of
from newsgraph.quotes.cues import Cue, cue_word, source_of_words
from newsgraph.quotes.marks import QuotedSpan

REACH = 16
"""Tokens after a closing mark (or before an opening one) in which the cue's verb must stand."""
MAX_SOURCE = 10
"""Longest source read this way; a longer run is a clause, not a name or description."""
_WHEN = {*RELATIVE_DAYS, *WEEKDAYS, *MONTH_NAMES, "on", "in", "at", "last", "late", "early", "this", "later"}
_STOPS = {".", "?", "!", ";", ":"}
_OPENS_DESCRIPTION = {"DET", "PROPN", "NOUN", "ADJ", "NUM", "PRON"}
_NOT_SOURCES = {"that", "what", "which", "who", "whom", "whose", "it", "this", "there", "how", "why", "when", "where"}


def adjacent_cue(doc: Doc, mark: QuotedSpan) -> Cue | None:
    """A verb of saying and its source beside the quotation: after its closing mark, or before its opening
    mark with a colon or comma between."""
    return _after(doc, mark) or _before(doc, mark)


def _after(doc: Doc, mark: QuotedSpan) -> Cue | None:
    """'"...," said Richard Trumka, president ...', '"...," the press secretary, Josh Earnest, said'."""
    closing = doc.char_span(mark.outer[1] - 1, mark.outer[1], alignment_mode="expand")
    if closing is None:
        return None
    window = _window(doc, closing.end, forward=True)
    verb = next((t for t in window if _saying(t)), None)
    if verb is None:
        return None
    before = [t for t in window if t.i < verb.i]
    if any(t.pos_ in ("VERB", "AUX") for t in before):
        return None  # another clause stands between the quotation and the verb
    words = [t for t in before if not t.is_punct]
    closed = text_of(doc)[: mark.outer[1] - 1].rstrip().endswith(".")
    if closed and words and any(t.pos_ in ("VERB", "AUX") for t in _window(doc, verb.i + 1, forward=True)):
        return None  # '"... see." Ines Varela said [she was unsure]': a new speaker's own report
    if closed and words and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ":":
        return None  # '"... home." Soto added: "..."': the colon opens the new speaker's own words
    source = _named(doc, before) if words else _following(doc, verb)
    return _cue(doc, verb, source)


def _before(doc: Doc, mark: QuotedSpan) -> Cue | None:
    """'And Mr. Christie gloated: "..."', 'Stated Stone: "..."'."""
    opening = doc.char_span(mark.outer[0], mark.outer[0] + 1, alignment_mode="expand")
    if opening is None or opening.start < 2 or doc[opening.start - 1].text not in (":", ","):
        return None
    window = _window(doc, opening.start - 1, forward=False)
    verb = next((t for t in reversed(window) if _saying(t)), None)
    if verb is None:
        return None
    after = [t for t in window if t.i > verb.i]
    # 'Stated Stone: "..."' names its speaker after the verb, and only a name will do there ("Asked what
    # the nomination means to her:", "Written on it:" name no one)
    source = _named(doc, after, allow_description=False) if after else _named(doc, [t for t in window if t.i < verb.i])
    return _cue(doc, verb, source)


def _window(doc: Doc, at: int, forward: bool) -> list[Token]:
    """The tokens beside a mark up to the sentence's end, a line break or another quotation mark."""
    found: list[Token] = []
    indices = range(at, min(len(doc), at + REACH)) if forward else range(at - 1, max(-1, at - 1 - REACH), -1)
    for i in indices:
        token = doc[i]
        if token.is_quote or "\n" in token.text or (token.text in _STOPS and found):
            break
        if token.text in _STOPS:
            continue
        found.append(token)
    return found if forward else found[::-1]


def _saying(token: Token) -> bool:
    """A verb of saying that reports a clause; also its -s or -ed form tagged a noun ('"...," Viguerie
    [concludes].'), which beside a quotation is the verb."""
    entry = cue_word(token)
    if entry is None or entry.cls != "speech" or "clause" not in entry.frames:
        return False
    inflected = token.lower_ != entry.lemma and token.lower_.endswith(("s", "ed"))
    return token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and inflected)


def _named(doc: Doc, words: list[Token], allow_description: bool = True) -> tuple[int, int] | None:
    """The source among words beside the verb: the last person's name, else the words up to the first
    comma when they are a short noun phrase ("the White House press secretary")."""
    if not words:
        return None
    people = [
        e for e in doc.ents if e.label_ in ("PER", "PERSON") and words[0].i <= e.start and e.end <= words[-1].i + 1
    ]
    people = [e for e in people if e.end >= len(doc) or doc[e.end].lower_ not in ("'s", "’s", "'", "’")]
    if people:
        # the first name: a later one belongs to the description ("Tomas Arriaga, a former official at
        # the Bank of Chile"); an owner is someone else ("Mr. Ortega's spokeswoman, Elena Vidal")
        return people[0].start, people[0].end
    if not allow_description:
        return None
    phrase: list[Token] = []
    for token in words:
        if token.text == "," and phrase:
            break
        if not token.is_punct and not (token.pos_ == "CCONJ" and not phrase):
            phrase.append(token)  # not "And" opening the sentence
    if not phrase or len(phrase) > MAX_SOURCE or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in phrase):
        return None
    if phrase[0].pos_ not in _OPENS_DESCRIPTION or phrase[0].lower_ in _NOT_SOURCES:
        return None  # "of Dame Alicia Markova's dancing", "that the bidder is back", "what the nomination means"
    return phrase[0].i, phrase[-1].i + 1


def _following(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """The name or description right after an inverted verb, up to a comma, without when it was said."""
    words: list[Token] = []
    for token in doc[verb.i + 1 : verb.i + 1 + MAX_SOURCE]:
        if token.is_punct or token.is_quote or "\n" in token.text or token.lower_ in _WHEN:
            break
        words.append(token)
    return _named(doc, words) if words else None


def _cue(doc: Doc, verb: Token, source: tuple[int, int] | None) -> Cue | None:
    if source is None or not source_of_words(verb, source):
        return None
    span: Span = doc[verb.i : verb.i + 1]
    return Cue(
        token=verb.i,
        words=(verb.i, verb.i + 1),
        char_span=(span.start_char, span.end_char),
        cls="speech",
        source=source,
    )
