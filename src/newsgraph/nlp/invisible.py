"""Invisible formatting characters are ignored by the model's view of a word, never removed from the text.

Scraped and hostile text carries characters that draw nothing: zero-width spaces and joiners, a byte-order
mark mid-text, bidirectional controls (a right-to-left override or isolate). The text must keep them,
since every offset indexes into it, but glued to a word they change the features the model sees
("Ana\u2067" is an unknown word shape where "Ana" is a name), and the parse of the whole sentence goes
wrong. So the lexical attributes the model and the matchers read (norm, lower case, prefix, suffix,
shape) are computed from the word with those characters left out, while token text and offsets stay
exactly as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.attrs import LOWER, NORM, PREFIX, SHAPE, SUFFIX
from spacy.language import Language

INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
"""Soft hyphen, Mongolian vowel separator, zero-width and directional marks, embeddings, overrides,
isolates, word joiners and the byte-order mark (zero-width no-break space)."""


def ignore_invisible_characters(nlp: Language) -> None:
    """Make the vocabulary compute every feature-bearing attribute without invisible characters."""
    getters = nlp.vocab.lex_attr_getters
    for attr in (NORM, LOWER, PREFIX, SUFFIX, SHAPE):
        if attr in getters:
            getters[attr] = _visible(getters[attr])


def _visible(getter: Callable[[str], object]) -> Callable[[str], object]:
    def attribute(string: str) -> object:
        visible = INVISIBLE.sub("", string)
        return getter(visible or string)

    return attribute
