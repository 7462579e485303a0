"""Words between quotation marks, found from the characters alone, before any parsing.

News text is messy about its marks, so pairing is done per paragraph with a small state machine rather
than a regular expression:

- every double-quote style (straight, curly, low-9, guillemets, two apostrophes) opens and closes a quote;
  single quotes (straight or curly) are quotes only in texts with no double marks at all (British style),
  because elsewhere they are nested quotes or apostrophes;
- a straight mark is an opening mark when it starts a word and a closing mark when it ends one;
- an opening mark repeated inside an open quote ends the first quote there and starts a new one, so an
  unclosed quote never swallows the next quote's attribution;
- a quote still open at the end of a paragraph runs on into the next paragraph when that paragraph opens
  with a quotation mark (the newspaper convention for long quotes), and otherwise ends with its paragraph;
  a paragraph opening with a mark and a name in capitals and a colon is a transcript's next turn instead;
- a closing mark that starts a word with no quote open opens one (”Fear. ...”, a common typing slip).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.nlp.paragraphs import paragraph_spans

DOUBLE_OPENING = "“„«‟"
DOUBLE_CLOSING = "”»"
SINGLE_OPENING = "‘‚‹"
SINGLE_CLOSING = "’›"
_PAD = "\x00"
_DOUBLED = _PAD + '"'
"""Two apostrophes are one straight double mark (some newspapers' house style): the first becomes padding,
so that every offset stays where it was."""
_BEFORE_OPENING = set(" \t\n([{—–-/:" + _PAD) | set(DOUBLE_OPENING) | set(SINGLE_OPENING)
_TRAILING = " \t\n," + _PAD
_TURN = re.compile(r"\s*[\"“„«]\s*[A-Z][A-Z.'\- ]{1,30}:")
"""A paragraph opening with a mark and a speaker's name in capitals ('"PENCE: ...'): a transcript quoted
turn by turn, where each turn is its own quote, not the running on of the one before."""


@dataclass
class QuotedSpan:
    """Text inside quotation marks: `parts` are the inner spans (one per paragraph), without the marks."""

    parts: list[tuple[int, int]] = field(default_factory=list)
    outer: tuple[int, int] = (0, 0)
    """From the opening mark to just after the closing mark (or the end of the last paragraph)."""
    closed: bool = True

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Every quotation in `text`, in order, with nested quotes left inside the quote that holds them."""
    text = text.replace("''", _DOUBLED)
    double = any(c in text for c in DOUBLE_OPENING + DOUBLE_CLOSING + '"')
    opening = DOUBLE_OPENING if double else SINGLE_OPENING
    closing = DOUBLE_CLOSING if double else SINGLE_CLOSING
    straight = '"' if double else "'"
    spans: list[QuotedSpan] = []
    open_at: int | None = None
    running: QuotedSpan | None = None
    # A quote never runs over a paragraph break (a blank line, or a line break after a sentence's end,
    # not a hard wrap) without a new opening mark.
    for paragraph_start, paragraph_end in paragraph_spans(text):
        turn = _TURN.match(text, paragraph_start, paragraph_end)
        if running is not None and (not _opens_with_mark(text, paragraph_start, opening + straight) or turn):
            spans.append(_finish(text, running, closed=False))
            running = None
        for match in re.finditer(f"[{re.escape(opening + closing + straight)}]", text[paragraph_start:paragraph_end]):
            at = paragraph_start + match.start()
            role = _role(text, at, opening, closing, straight, is_open=open_at is not None)
            if role == "open" and turn is not None and at < turn.end():
                # the turn's words start after its speaker's name, which is no part of what was said
                at = turn.end() - 1
            if role == "open":
                if open_at is not None and running is None:
                    spans.append(_finish(text, QuotedSpan(parts=[(open_at + 1, at)], outer=(open_at, at)), False))
                elif running is not None and open_at is not None:
                    running.parts.append((open_at + 1, at))
                    spans.append(_finish(text, running, closed=False))
                    running = None
                open_at = at
            elif role == "close" and open_at is not None:
                span = running or QuotedSpan(outer=(open_at, at + 1))
                span.parts.append((open_at + 1, at))
                span.outer = (span.outer[0], at + 1)
                spans.append(_finish(text, span, closed=True))
                open_at, running = None, None
        if open_at is not None:
            running = running or QuotedSpan(outer=(open_at, paragraph_end))
            running.parts.append((open_at + 1, paragraph_end))
            running.outer = (running.outer[0], paragraph_end)
            open_at = None
    if running is not None:
        spans.append(_finish(text, running, closed=False))
    return [s for s in spans if s.parts]


def _role(text: str, at: int, opening: str, closing: str, straight: str, is_open: bool) -> str | None:
    """Whether the mark at `at` opens or closes a quote (None: an apostrophe or a stray mark)."""
    char = text[at]
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if char in opening:
        return "open"
    if char in closing:
        if char == "’" and before.isalnum() and after.isalnum():
            return None
        if char in DOUBLE_CLOSING and not is_open and before in _BEFORE_OPENING and after.isalpha():
            return "open"  # ”Mr. Trump embodies ...”: a closing mark typed where an opening one belongs
        return "close"
    starts_word = before in _BEFORE_OPENING and not after.isspace()
    ends_word = not before.isspace() and (after.isspace() or not after.isalnum())
    if char == "'" and before.isalnum() and (after.isalnum() or not is_open):
        return None
    if char in "'’" and after.isdigit():
        return None  # an elided century: "the '90s"
    if starts_word and ends_word:
        return "close" if is_open else "open"
    if starts_word:
        return "open"
    if ends_word:
        return "close"
    return "close" if is_open else None


def _opens_with_mark(text: str, start: int, marks: str) -> bool:
    stripped = text[start:].lstrip()
    return bool(stripped) and stripped[0] in marks


def _finish(text: str, span: QuotedSpan, closed: bool) -> QuotedSpan:
    """Trim whitespace and a trailing comma from each part; drop parts that are empty."""
    parts = []
    for start, end in span.parts:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if end > start:
            parts.append((start, end))
    start, end = span.outer
    start = start - 1 if start > 0 and text[start - 1] == _PAD else start
    return QuotedSpan(parts=parts, outer=(start, end), closed=closed)
