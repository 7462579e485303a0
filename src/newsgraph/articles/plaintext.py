"""Plain text to clean article text: paragraphs, page furniture trimmed, headline and dateline lifted out.

The same cleaning serves text extracted from HTML and feed entries (with `detect_title=False`, since
their title comes from metadata). The steps live in their own modules: `paragraphs` (line layout),
`furniture` (what to trim at the edges) and `dateline` (the "CAIRO —" prefix); this module orders them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.articles.dateline import find_dateline
from newsgraph.articles.furniture import trim_furniture, trim_paragraphs
from newsgraph.articles.paragraphs import split_paragraphs
from newsgraph.model import Dateline

__all__ = ["CleanText", "clean_plain_text", "find_dateline", "trim_furniture"]

# Headlines are short; a longer first line is a standfirst or the lede.
_TITLE_MAX_WORDS = 20
# A headline may end in "?" or "!" (and closing quotes) but not in a full stop or a clause mark, which
# make the line a sentence or a lead-in.
_NOT_TITLE_END = re.compile(r"[.,;:][\"'”’)\]]*$")


@dataclass
class CleanText:
    """The article's text as analysis should see it, with the headline and dateline taken out."""

    title: str | None
    dateline: Dateline | None
    text: str


def clean_plain_text(raw: str, *, detect_title: bool = True) -> CleanText:
    """Clean `raw`: split paragraphs, trim furniture, take the headline (if asked) and the dateline.

    The returned text is exactly the kept paragraphs joined by blank lines, with the dateline prefix
    removed from the first.
    """
    paragraphs = trim_paragraphs(split_paragraphs(raw))
    title = None
    if detect_title and len(paragraphs) > 1 and _looks_like_title(paragraphs[0]):
        title = paragraphs[0]
        # Bylines, timestamps and share bars often sit between the headline and the story.
        paragraphs = trim_paragraphs(paragraphs[1:])
    dateline, text = find_dateline("\n\n".join(paragraphs))
    return CleanText(title=title, dateline=dateline, text=text)


def _looks_like_title(paragraph: str) -> bool:
    """A short line of at least two words, not ending like a sentence, that is not a dateline lede."""
    words = paragraph.split()
    return (
        2 <= len(words) <= _TITLE_MAX_WORDS
        and not paragraph[0].islower()
        and not _NOT_TITLE_END.search(paragraph)
        and find_dateline(paragraph)[0] is None
    )
