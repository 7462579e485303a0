"""Raw text to a list of paragraphs, whatever the line layout of its source.

Text arrives three ways: paragraphs separated by blank lines, one paragraph per line with no blank
lines (what scrapers and HTML extractors emit), and hard-wrapped at a fixed width (e-mail, wire
archives). Blank lines always end a paragraph; inside a run of non-blank lines the layout is told
apart by how lines break (see `_is_wrapped`). Words are never changed, only the whitespace between them.
"""

from __future__ import annotations

import itertools
import re

# Every horizontal space (tabs, no-break and typographic spaces) collapses to one plain space.
_SPACES = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# Zero-width characters and byte-order marks carry no text and break word matching.
_INVISIBLE = re.compile(r"[\u200b\u200c\u2060\ufeff]")
# A line that ends a clause: a wrapped line that ends this way may still be a paragraph's last line.
_CLAUSE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
# A wrapped line shorter than this share of the block's longest line ends its paragraph.
_SHORT_LINE = 0.75


def split_paragraphs(raw: str) -> list[str]:
    """The paragraphs of `raw`, each on one line with single spaces; empty paragraphs are dropped."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n\n").replace("\u2028", "\n")
    paragraphs: list[str] = []
    block: list[str] = []
    for line in text.split("\n"):
        clean = _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()
        if clean:
            block.append(clean)
        elif block:
            paragraphs.extend(_block_paragraphs(block))
            block = []
    if block:
        paragraphs.extend(_block_paragraphs(block))
    return paragraphs


def _block_paragraphs(lines: list[str]) -> list[str]:
    """A run of non-blank lines: one paragraph per line, unless the run is hard-wrapped prose."""
    if not _is_wrapped(lines):
        return lines
    width = max(len(line) for line in lines)
    paragraphs: list[str] = []
    current: list[str] = []
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        current.append(line)
        if len(line) < _SHORT_LINE * width and not following[:1].islower():
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _is_wrapped(lines: list[str]) -> bool:
    """Whether at least a third of the line breaks fall mid-sentence (next line goes on in lower case).

    One-paragraph-per-line text almost never breaks that way; prose wrapped at a fixed width does at
    most of its breaks, since most words are lower case.
    """
    breaks = list(itertools.pairwise(lines))
    if not breaks:
        return False
    soft = sum(1 for line, following in breaks if not _CLAUSE_END.search(line) and following[:1].islower())
    return 3 * soft >= len(breaks)
