"""Who said what: direct, indirect and mixed quotes with their cue and speaker.

`find_quotes(doc, entities)` combines two independent readings of the article:

- quotation marks (`marks`): where verbatim words are, whatever the parse says;
- cues (`cues`): who attributes what to whom, from the dependency parse.

A cue whose content is all inside quotation marks gives a direct quote; content that is partly quoted
gives a mixed quote; content without marks an indirect one. Quoted words no cue claimed are attached to
a cue right before or after them in their sentence ("'...,' the minister said"), or continue the speaker
of the quote before them (a quote paragraph with no cue of its own); short quoted words nobody said
("the so-called 'ironclad' alliance") are scare quotes and left out. Speakers are resolved through the
entity resolver (`attribution`).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.tokens import Doc

from newsgraph.entities import EntityIndex
from newsgraph.gazetteer.roles import TITLE_ABBREVIATIONS
from newsgraph.model import Quote, Span, Speaker
from newsgraph.nlp.paragraphs import paragraph_around
from newsgraph.nlp.syntax import text_of
from newsgraph.quotes.adjacent import adjacent_cue
from newsgraph.quotes.attribution import speaker_for
from newsgraph.quotes.cues import (
    CLAUSE_DEPS,
    LABEL,
    SUBORDINATORS,
    Cue,
    cue_word,
    find_cues,
    trailing_participle,
)
from newsgraph.quotes.marks import QuotedSpan, quoted_spans

__all__ = ["find_quotes"]

MIN_QUOTE_WORDS = 4
"""Quoted words shorter than this, with no cue, are names, titles or scare quotes, not quotes."""
CUE_REACH = 25
"""How many tokens may separate quotation marks from the cue that attributes them."""
CONFIDENCE = {"speech": 0.9, "label": 0.8, "evidence": 0.7, "thought": 0.6, "intent": 0.6}
_WORD = re.compile(r"\w")
_NAME_WORD = r"[A-Z][\w'’.-]*"
_SIGNATURE = re.compile(
    rf"[ \t\u00a0]*[―—–][ \t\u00a0]*({_NAME_WORD}(?:[ \u00a0]{_NAME_WORD}){{0,3}})[ \t\u00a0.]*(?:\n|$)"
)
_QUOTE_OR_PUNCT = re.compile(r"[\W_]+")
_ABBREVIATIONS = {
    *TITLE_ABBREVIATIONS,
    *("st", "jr", "sr", "no", "vs", "inc", "corp", "co", "ltd", "jan", "feb", "aug", "sept", "oct", "nov", "dec"),
}
_SUBORDINATORS = {*SUBORDINATORS, "so"}
_SENTENCE_END = re.compile(r"(?<![A-Z])[.?!][\"”’']?\s+(?=[A-Z\"“‘'])")


@dataclass
class _Draft:
    """A quote being built: char parts, kind, the cue that attributes it, and its speaker."""

    parts: list[tuple[int, int]]
    kind: str
    cue: Cue | None
    speaker: Speaker | None
    confidence: float
    marks: list[QuotedSpan] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def find_quotes(doc: Doc, entities: EntityIndex) -> list[Quote]:
    """Every quote in the article, in text order."""
    text = text_of(doc)
    marks = [m for m in quoted_spans(text) if _WORD.search(text[m.start : m.end])]
    cues = [c for c in find_cues(doc) if not _inside_quote(doc, c, marks) and not _source_quoted(doc, c, marks)]
    speakers = {id(c): _speaker_of(doc, c, entities) for c in cues}
    organisations = {e.id for e in entities.entities if e.kind == "organisation"}
    groups = {
        id(speaker)
        for c in cues
        if (speaker := speakers[id(c)]) is not None and (_plural(doc, c.source) or speaker.entity in organisations)
    }
    drafts: list[_Draft] = []
    claimed: set[int] = set()
    for cue in cues:
        for draft in _from_cue(doc, cue, marks, speakers[id(cue)]):
            drafts.append(draft)
            claimed.update(id(m) for m in draft.marks)
    for mark in marks:
        if id(mark) in claimed:
            continue
        quote_like = _long_enough(text, mark) or _starts_sentence(text, mark)
        nearby = _cue_next_to(doc, mark, cues, marks)
        cue = nearby if quote_like else None
        if cue is None and quote_like and (cue := adjacent_cue(doc, mark)) is not None:
            speakers[id(cue)] = _speaker_of(doc, cue, entities)
        after = cue if cue is not None else nearby
        opening = _fronted_with(doc, mark, after, marks)
        if after is not None and opening is not None:
            confidence = CONFIDENCE.get(after.cls, 0.5)
            drafts.append(_Draft([(opening, mark.outer[1])], "mixed", after, speakers[id(after)], confidence, [mark]))
        elif cue is not None:
            _attach(drafts, mark, cue, speakers[id(cue)])
        elif (signed := _signature(doc, mark, entities)) is not None:
            drafts.append(_Draft(list(mark.parts), "direct", None, signed, 0.8, [mark]))
        elif _speech_like(text, mark):
            drafts.append(_Draft(list(mark.parts), "direct", None, None, 0.5, [mark]))
    drafts = _outermost(doc, drafts)
    drafts.sort(key=lambda d: d.start)
    drafts = _continue_speakers(text, drafts)
    _resolve_they(text, drafts, groups)
    _resolve_definite(drafts)
    return [_quote(text, d) for d in _merge_adjacent(text, drafts)]


def _speaker_of(doc: Doc, cue: Cue, entities: EntityIndex) -> Speaker | None:
    """The cue's speaker, mentioned where the clause names it: a relative pronoun ("Weaver, [who] endorsed
    Clinton") is the mention of the source it stands for, as "he" is of the person."""
    if cue.source is None:
        return None
    speaker = speaker_for(doc, cue.source, entities)
    if cue.mention is None:
        return speaker
    pronoun = doc[cue.mention[0] : cue.mention[1]]
    return dataclasses.replace(speaker, start=pronoun.start_char, end=pronoun.end_char)


def _resolve_definite(drafts: list[_Draft]) -> None:
    """ "A West African diplomat who asked not to be named said ... The diplomat added ...": an unnamed
    source given again as "the" and its noun is the one introduced before with that noun; its mention
    stays its own."""
    for n, draft in enumerate(drafts):
        speaker = draft.speaker
        if speaker is None or not speaker.described or speaker.start is None:
            continue
        words = speaker.name.lower().split()
        if not 2 <= len(words) <= 3 or words[0] != "the":
            continue
        for earlier in reversed(drafts[:n]):
            introduced = earlier.speaker
            if introduced is None or not introduced.described or introduced.name.lower().split()[0] not in ("a", "an"):
                continue
            if words[-1] in _description_words(introduced.name):
                draft.speaker = dataclasses.replace(introduced, start=speaker.start, end=speaker.end)
                break


def _description_words(name: str) -> list[str]:
    """The words of a description before any clause of its own ("a diplomat [who asked ...]")."""
    words = []
    for word in name.lower().replace(",", " , ").split():
        if word in ("who", "that", "which", ","):
            break
        words.append(word)
    return words


def _plural(doc: Doc, words: tuple[int, int]) -> bool:
    root = doc[words[0] : words[1]].root
    return "Plur" in root.morph.get("Number") or root.tag_ in ("NNS", "NNPS")


def _resolve_they(text: str, drafts: list[_Draft], groups: set[int]) -> None:
    """ "Fishing unions said ... They warned ...": an unresolved "they" is the group (a plural source) or
    organisation that spoke last, within a paragraph or two; its mention stays the pronoun's."""
    for n, draft in enumerate(drafts):
        speaker = draft.speaker
        if speaker is None or speaker.entity or speaker.name.lower() != "they" or speaker.start is None:
            continue
        for earlier in reversed(drafts[:n]):
            group = earlier.speaker
            if group is None or group.start is None or text.count("\n\n", group.start, speaker.start) > 2:
                break
            if group.name.lower() != "they" and id(group) in groups:
                draft.speaker = dataclasses.replace(group, start=speaker.start, end=speaker.end)
                break


def _outermost(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """Drop attributions reported inside another one's content ("Costa said officials told her that
    ..."): the outer speaker is the one the article quotes. Only an attribution that is not itself inside
    another one's words can hold others, so two that overlap do not both fall."""

    def inside(draft: _Draft, others: list[_Draft]) -> bool:
        at = doc[draft.cue.token].idx if draft.cue else -1
        return any(other is not draft and any(s <= at < e for s, e in other.parts) for other in others)

    outer = [draft for draft in drafts if not inside(draft, drafts)]
    return [draft for draft in drafts if not inside(draft, outer)]


def _from_cue(doc: Doc, cue: Cue, marks: list[QuotedSpan], speaker: Speaker | None) -> list[_Draft]:
    """The quotes a cue's content makes: direct, mixed or indirect by how much of it is in marks.

    After a quotation ('"...," she said, clapping.') words of the cue's own clause that are not quoted
    ("clapping") are how it was said, not what. An inverted cue that ends with a colon before quoted words
    ("The talks will fail, Ruiz said: "Nobody came to deal."") gives two quotes, the paraphrase before it
    and the words the colon introduces.
    """
    if not cue.content:
        return []
    runs = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in cue.content]
    text = text_of(doc)
    # a transcript's "PENCE: ..." speaks for the whole paragraph, a verb's content ends with its sentence
    region = (
        paragraph_around(text, cue.char_span[0])
        if cue.cls == LABEL
        else _sentence_around(text, cue.char_span[0], marks)
    )
    # content the parser ran in from the sentence before is cut at the sentence; what is left of it before
    # the cue ("[...at the polls." Later] the president said") is a phrase of the cue's own
    cut = [(s, e) for s, e in runs if s < region[0] < e and e <= cue.char_span[0]]
    runs = [
        (max(s, region[0]), min(e, region[1])) for s, e in runs if s < region[1] and region[0] < e and (s, e) not in cut
    ]
    runs = [(s, e) for s, e in runs if not (s <= cue.char_span[0] < e)]  # never the cue itself
    if not runs:
        return []
    if speaker is not None and speaker.start is not None and any(s <= speaker.start < e for s, e in runs):
        return []
    introduced = _after_colon(doc, cue, marks)
    before = [(s, e) for s, e in runs if e <= cue.char_span[0]]
    if introduced is not None and before and len(before) < len(runs) and not _subordinate(doc, before[0]):
        return [
            *_drafts_of(doc, cue, before, marks, speaker),
            *_drafts_of(doc, cue, [r for r in runs if r not in before], marks, speaker),
        ]
    return _drafts_of(doc, cue, runs, marks, speaker)


def _after_colon(doc: Doc, cue: Cue, marks: list[QuotedSpan]) -> QuotedSpan | None:
    """The quotation a colon after the cue's own words opens ('Ruiz told reporters on Monday: "..."')."""
    text = text_of(doc)
    mark = next((m for m in marks if m.outer[0] > cue.char_span[1]), None)
    if mark is None or not text[max(0, mark.outer[0] - 8) : mark.outer[0]].rstrip().endswith(":"):
        return None
    opening = doc.char_span(mark.outer[0], mark.outer[0] + 1, alignment_mode="expand")
    return mark if opening is not None and _introduces(doc, cue, opening.start) else None


def _subordinate(doc: Doc, run: tuple[int, int]) -> bool:
    """Content that opens with a subordinator ("When the talks failed, ...") is no statement of its own."""
    words = doc.char_span(*run, alignment_mode="expand")
    first = next((t for t in words if not (t.is_punct or t.is_space)), None) if words is not None else None
    return first is not None and (first.dep_ == "mark" or first.lower_ in _SUBORDINATORS)


def _drafts_of(
    doc: Doc, cue: Cue, runs: list[tuple[int, int]], marks: list[QuotedSpan], speaker: Speaker | None
) -> list[_Draft]:
    """The quote of a cue's content runs, as one draft (a list, for `_from_cue` to return)."""
    text = text_of(doc)
    touched = [m for m in marks if any(m.outer[0] < e and s < m.outer[1] for s, e in runs)]
    if any(m.outer[1] <= cue.char_span[0] for m in touched):
        runs = [
            r for r in runs if r[1] <= cue.char_span[0] or any(m.outer[0] < r[1] and r[0] < m.outer[1] for m in touched)
        ]
    confidence = CONFIDENCE.get(cue.cls, 0.5)
    if not touched:
        # a transcript's turn ("PENCE: ...", a name in capitals) is the words spoken
        transcript = cue.cls == LABEL and cue.source is not None and doc[cue.source[0] : cue.source[1]].text.isupper()
        return [_Draft(runs, "direct" if transcript else "indirect", cue, speaker, confidence)]
    outside = "".join(_outside(text, run, touched) for run in runs)
    words = [w for w in _QUOTE_OR_PUNCT.split(outside) if w and w.lower() != "that"]
    if not words:
        parts = [p for m in touched for p in m.parts]
        return [_Draft(parts, "direct", cue, speaker, confidence, touched)]
    start = min(runs[0][0], touched[0].outer[0])
    end = max(runs[-1][1], touched[-1].outer[1])
    runs = [(max(start, s), min(end, e)) for s, e in _cover(runs, touched)]
    return [_Draft(runs, "mixed", cue, speaker, confidence, touched)]


def _sentence_around(text: str, at: int, marks: list[QuotedSpan]) -> tuple[int, int]:
    """The sentence around `at`, by its punctuation rather than the parse: a full stop followed by a
    capital ends a sentence unless it is inside quotation marks; one right before a closing mark ends the
    sentence after the mark. Where the parser ran two sentences into one tree, reported content still
    stops at the full stop."""
    start, end = paragraph_around(text, at)
    for found in _SENTENCE_END.finditer(text, start, end):
        stop = found.start() + 1
        closed = next((m for m in marks if m.outer[1] == stop + 1), None)
        if closed is not None:
            stop = closed.outer[1]  # 'election." During ...': the quotation's closing mark ends it
        word = text[text.rfind(" ", start, found.start()) + 1 : found.start()].lower()
        if word in _ABBREVIATIONS or any(m.outer[0] < stop < m.outer[1] for m in marks):
            continue
        if stop <= at:
            start = found.end()
        else:
            return start, stop
    return start, end


def _outside(text: str, run: tuple[int, int], marks: list[QuotedSpan]) -> str:
    chars = list(text[run[0] : run[1]])
    for mark in marks:
        for i in range(max(mark.outer[0], run[0]), min(mark.outer[1], run[1])):
            chars[i - run[0]] = " "
    return "".join(chars)


def _cover(runs: list[tuple[int, int]], marks: list[QuotedSpan]) -> list[tuple[int, int]]:
    """The runs widened to take in the whole of every quotation they touch, merged where they meet."""
    spans = sorted([*runs, *(m.outer for m in marks)])
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return [r for r in merged if any(r[0] <= s < r[1] for s, _ in runs)]


def _inside_quote(doc: Doc, cue: Cue, marks: list[QuotedSpan]) -> bool:
    """A cue inside quoted words ("I think ...") belongs to the quote, not to the article."""
    at = doc[cue.token].idx
    return any(m.outer[0] < at < m.outer[1] and len(text_of(doc)[m.start : m.end].split()) >= 3 for m in marks)


def _source_quoted(doc: Doc, cue: Cue, marks: list[QuotedSpan]) -> bool:
    """A source inside quotation marks is a misparse: nobody is quoted by their own quoted words."""
    if cue.source is None:
        return False
    at = doc[cue.source[0]].idx
    return any(m.outer[0] < at < m.outer[1] for m in marks)


def _cue_next_to(doc: Doc, mark: QuotedSpan, cues: list[Cue], marks: list[QuotedSpan]) -> Cue | None:
    """The cue just after the closing mark ("...," she said) or just before the opening mark
    (Costa said: "...") in the same sentence, with nothing quoted in between."""
    first = doc.char_span(mark.outer[0], mark.outer[0] + 1, alignment_mode="expand")
    last = doc.char_span(mark.outer[1] - 1, mark.outer[1], alignment_mode="expand")
    if first is None or last is None:
        return None
    after = [c for c in cues if c.source and last.end <= c.token <= last.end + CUE_REACH]
    text = text_of(doc)
    after = [c for c in after if _follows(doc, c, last.end) and "\n" not in text[mark.outer[1] : doc[c.token].idx]]
    after = [c for c in after if not _mark_between(doc, marks, mark.outer[1], doc[c.token].idx)]
    after = [c for c in after if not _reports_other_words(doc, c, mark, marks, text)]
    if after:
        return min(after, key=lambda c: c.token)
    before = [c for c in cues if c.source and first.start - CUE_REACH <= c.token < first.start]
    before = [c for c in before if _introduces(doc, c, first.start)]
    before = [c for c in before if _same_line_or_colon(text, doc[c.token].idx, mark.outer[0])]
    before = [c for c in before if not _mark_between(doc, marks, doc[c.token].idx, mark.outer[0])]
    if not before:
        return None
    nearest = max(before, key=lambda c: c.token)
    if trailing_participle(doc[nearest.token]):
        # '"...," Tester said, referring to the excuse, "...": the quote goes on after the aside
        return next((c for c in before if c.token == doc[nearest.token].head.i), nearest)
    return nearest


def _reports_other_words(doc: Doc, cue: Cue, mark: QuotedSpan, marks: list[QuotedSpan], text: str) -> bool:
    """'"... amazing." The station is hoping to expand': a cue of thinking or intending after a quote
    that reports unquoted words of its own, or that follows a quote closed by a full stop, is not the
    quote's ('"...," she believes' is). A verb of saying after a quote is its cue, whatever else the
    parser hung on it ('"...," Ms. Ruiz said, not even pausing to name ...'), unless the quote ends
    its sentence and a new speaker's cue, named or described, reports words of its own ('"... on
    Tuesday." Ruiz said she did not know why the talks failed', '"...." Some analysts say the rise will
    not last'; '"...." She said the committee had made such exceptions before' goes on with the same
    speaker)."""
    closed = text[: mark.outer[1] - 1].rstrip().endswith(".")
    own_words = any(
        doc[end - 1].idx >= mark.outer[1]
        and not any(m.outer[0] <= doc[start].idx and doc[end - 1].idx < m.outer[1] for m in marks)
        for start, end in cue.content
    )
    if cue.cls == "speech":
        if closed and _after_colon(doc, cue, marks) is not None:
            return True  # '"... forward to it." Soto added: "...": the colon opens the cue's own words'
        named = cue.source is not None and doc[cue.source[1] - 1].pos_ != "PRON"
        return closed and own_words and named
    return own_words or closed


def _follows(doc: Doc, cue: Cue, quote_end: int) -> bool:
    """Only the cue's own clause lies between the closing mark and the cue: its source ("...," Marco
    Bellini said), an adverb or auxiliary, punctuation. The parser often ends a sentence at the closing
    mark, so sentence boundaries are not trusted here."""
    verb = doc[cue.token]
    source = range(*cue.source) if cue.source else range(0)
    for token in doc[quote_end : cue.token]:
        if token.is_punct or token.is_space or token.i in source:
            continue
        if token.head.i == verb.i and token.dep_ in ("aux", "advmod", "nsubj"):
            continue
        if cue.source and any(a.i in source for a in token.ancestors):
            continue
        return False
    return True


def _same_line_or_colon(text: str, cue_start: int, quote_start: int) -> bool:
    """The cue is on the quote's line, or ends its paragraph with a colon that introduces the quote."""
    between = text[cue_start:quote_start]
    return "\n" not in between or between.rstrip().endswith(":")


def _introduces(doc: Doc, cue: Cue, quote_start: int) -> bool:
    """Only the cue's own words lie between it (or its source after it) and the quote: a colon or comma,
    whom it was said to, when and where ('Ruiz said during a rally in Cusco, "..."'); not a verb
    coordinated with it ("welcomed the sanctions [but urged] ECOWAS to "..."")."""
    last = max(cue.words[1], cue.source[1] if cue.source else 0)
    verb = doc[cue.token]
    for token in doc[last:quote_start]:
        if token.is_punct or token.is_space:
            continue
        if not any(a.i == verb.i for a in token.ancestors) or token.dep_ in CLAUSE_DEPS:
            return False
        if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"):
            return False
    previous = next((t for t in reversed(doc[:quote_start]) if not t.is_space), None)
    return doc[cue.token].sent == doc[quote_start].sent or (previous is not None and previous.text in (":", ","))


def _mark_between(doc: Doc, marks: list[QuotedSpan], start: int, end: int) -> bool:
    return any(start <= m.outer[0] < end or start < m.outer[1] <= end for m in marks)


def _fronted_with(doc: Doc, mark: QuotedSpan, cue: Cue | None, marks: list[QuotedSpan]) -> int | None:
    """Where a report starts that ends with quoted words and is attributed by a cue after them ('Ruiz
    would be a better mayor "no matter what," Costa said', 'the so-called "ironclad" pact is over, the
    minister said'): the sentence's start, when words of its own come before the marks. None for a
    quotation that opens its sentence, one a colon introduces, a clause opened by a subordinator, or
    words before it that hold a quotation or a cue of their own."""
    if cue is None or doc[cue.token].idx < mark.outer[1] or cue.cls != "speech":
        return None
    if any(end > cue.token for _, end in cue.content):
        return None  # 'On "Harbour Talk," Costa said [the levy ...]': the cue's report is after it
    text = text_of(doc)
    if _starts_sentence(text, mark):
        return None
    start, end = _sentence_around(text, mark.outer[0], marks)
    rest = doc.char_span(doc[cue.token].idx + len(doc[cue.token]), end, alignment_mode="contract")
    if rest is None or any(t.pos_ in ("VERB", "AUX") or t.is_quote for t in rest):
        return None  # 'Owing to these "ghost fleets", fishing [continued] to be a problem': no cue ends the report
    before = doc.char_span(start, mark.outer[0], alignment_mode="contract")
    words = [t for t in before if not (t.is_space or t.is_punct)] if before is not None else []
    if len(words) < 2 or text[start : mark.outer[0]].rstrip().endswith((":", ",")):
        return None
    if words[0].lower_ in _SUBORDINATORS or _mark_between(doc, marks, start, mark.outer[0]):
        return None
    if any(cue_word(t) is not None and (t.pos_ == "VERB" or any(c.dep_ == "nsubj" for c in t.children)) for t in words):
        return None  # 'He said the plan was "a mess," the paper reported': a report inside the report
    return words[0].idx


def _attach(drafts: list[_Draft], mark: QuotedSpan, cue: Cue, speaker: Speaker | None) -> None:
    """A quotation next to `cue`: a second part of the cue's direct quote, or a direct quote of its own."""
    for draft in drafts:
        if draft.cue is cue and draft.kind == "direct":
            draft.parts = sorted([*draft.parts, *mark.parts])
            draft.marks.append(mark)
            return
    drafts.append(_Draft(list(mark.parts), "direct", cue, speaker, CONFIDENCE.get(cue.cls, 0.5), [mark]))


def _signature(doc: Doc, mark: QuotedSpan, entities: EntityIndex) -> Speaker | None:
    """A quote signed with a dash and a name after it ('"..." ― Carla Sanchez'), as in reader voices.

    The name is the person the resolver found there or, since a signature at the end of a line is a
    name whether or not the model knew it, the words themselves."""
    found = _SIGNATURE.match(text_of(doc), mark.outer[1])
    if found is None:
        return None
    words = doc.char_span(found.start(1), found.end(1), alignment_mode="expand")
    if words is None:
        return None
    speaker = speaker_for(doc, (words.start, words.end), entities)
    if speaker.entity is None:
        return Speaker(name=words.text, start=words.start_char, end=words.end_char)
    return speaker


def _long_enough(text: str, mark: QuotedSpan) -> bool:
    """Enough words to be a quote of its own, and not a title ("The Steve Harvey Morning Show", "Make Your
    Kid a Millionaire"): shorter quoted words by a cue are scare quotes or titles."""
    words = text[mark.start : mark.end].split()
    return len(words) >= MIN_QUOTE_WORDS and not _title(words)


def _title(words: list[str]) -> bool:
    """Most words capitalised and no sentence end: the name of a book, show or law, not something said."""
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised >= 0.6 * len(words) and words[-1][-1:] not in ".?!" and len(words) > 1


def _starts_sentence(text: str, mark: QuotedSpan) -> bool:
    """Quoted words that open a sentence ('"I love you," he said.'), not a phrase inside someone's
    sentence; these are quotes however short."""
    before = text[: mark.outer[0]].rstrip()
    return not before or before[-1] in ".?!:\n\"”'’"


def _speech_like(text: str, mark: QuotedSpan) -> bool:
    """Quoted words that stand as sentences of their own: long enough to be said rather than named, or
    ending a sentence inside the marks ('"Right on time."')."""
    return _starts_sentence(text, mark) and (_long_enough(text, mark) or text[mark.end - 1] in ".?!")


def _continue_speakers(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """Give quoted words with no cue of their own a speaker.

    A quote right before an attributed one, with only spaces between, shares its speaker (an opening mark
    repeated: '"Our door stays open. "Call us," the minister said.'); words that follow a direct quote in
    the same paragraph are more of that quote ('"...," Bellini said. "..."'); a quote paragraph right
    after a quote continues its speaker.
    """
    kept: list[_Draft] = []
    for n, draft in enumerate(drafts):
        if draft.cue is not None or draft.speaker is not None:
            kept.append(draft)
            continue
        previous = kept[-1] if kept else None
        following = drafts[n + 1] if n + 1 < len(drafts) else None
        if (
            following
            and following.speaker
            and following.kind == "direct"
            and not text[draft.end : following.start].strip(" \t,\"“”'‘’")
        ):
            draft.speaker, draft.confidence = following.speaker, 0.7
        elif previous and previous.speaker and previous.kind == "direct" and _same_line(text, previous, draft):
            previous.parts.extend(draft.parts)
            continue
        elif previous and previous.speaker and text.count("\n\n", previous.end, draft.start) <= 1:
            draft.speaker, draft.confidence = previous.speaker, 0.7
        kept.append(draft)
    return kept


def _same_line(text: str, first: _Draft, second: _Draft) -> bool:
    return "\n" not in text[first.end : second.start]


def _merge_adjacent(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """Direct quotes of one speaker separated only by spaces and marks are one quote in several parts."""
    merged: list[_Draft] = []
    for draft in drafts:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.kind == draft.kind == "direct"
            and last.speaker is draft.speaker
            and not text[last.end : draft.start].strip(" \t,\"“”'‘’")
        ):
            last.parts.extend(draft.parts)
            last.cue = last.cue or draft.cue
            continue
        merged.append(draft)
    return merged


def _quote(text: str, draft: _Draft) -> Quote:
    cue = draft.cue
    cue_span = None
    if cue is not None:
        cue_span = _cue_span(text, cue)
    quoted = _joined(text, draft.parts, None if draft.kind == "direct" else cue_span)
    return Quote(
        text=quoted,
        start=draft.start,
        end=draft.end,
        parts=list(draft.parts),
        kind=draft.kind,
        cue=cue_span,
        speaker=draft.speaker,
        confidence=draft.confidence,
    )


def _joined(text: str, parts: list[tuple[int, int]], cue: Span | None) -> str:
    """A quote's words: a direct quote's pieces joined by " … "; a report as it stands, less the cue and
    source that interrupt it ("The quotas had hurt the port … a new deal might help" for "The quotas had
    hurt the port, she said, although a new deal might help"), which a reader would take for part of it."""
    quoted = text[parts[0][0] : parts[0][1]]
    for (_, end), (start, next_end) in pairwise(parts):
        interrupted = cue is None or end <= cue.start < start
        quoted += (" … " if interrupted else text[end:start]) + text[start:next_end]
    return quoted


def _cue_span(text: str, cue: Cue) -> Span:
    start, end = cue.char_span
    return Span(text=text[start:end], start=start, end=end)
