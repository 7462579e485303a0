"""Split quotation marks that scraped text glues to the words around them.

Web copy often drops the space around a quotation mark: `said,“Look`, `was“fine”.`, `act—“My`.
spaCy's English tokenizer splits a quotation mark off only at a token's edge, so each of these came out
as one token ("said,“Look"): the parser then saw no verb of saying and no opening mark, and the quote
lost its cue. These infix patterns make the mark (and a comma or dash glued before it) tokens of their
own. Only double marks are split: a single curly mark between letters is an apostrophe (`O’Malley`,
`it’s`). Straight double quotes between two letters are left alone (`5"4`); after a comma, colon, dash
or a sentence's end they can only open a quotation.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_infix_regex

_OPENING = "“«"
_CLOSING = "”»"
_ANY = _OPENING + _CLOSING + '"'
GLUED_QUOTE_INFIXES = (
    rf"(?<=\w)[,;:](?=[{_ANY}])",  # the comma of `said,“Look`
    rf"(?<=[,;:.!?])[{_ANY}](?=\w)",  # the mark after it, or after a sentence's end (`said.“Next`)
    rf"(?<=\w)[—–](?=[{_ANY}])",  # the dash of `act—“My`
    rf"(?<=[—–])[{_ANY}](?=\w)",  # the mark after it
    rf"(?<=[a-z])[{_OPENING}](?=\w)",  # `was“fine`
    rf"(?<=[\w.!?,])[{_CLOSING}](?=\w)",  # `rigged”system`
    rf"(?<=\w)[.!?](?=[{_CLOSING}][—–])",  # the `!` of `plan!”—is`
    rf"(?<=[.!?,])[{_CLOSING}](?=[—–])",  # its closing mark
    rf"(?<=[{_CLOSING}])[—–](?=\w)",  # and the dash after it
)
"""Infixes for spaCy's tokenizer: each match becomes a token of its own."""


def split_glued_quotes(nlp: Language) -> None:
    """Add `GLUED_QUOTE_INFIXES` to the pipeline's tokenizer, keeping its own infixes."""
    tokenizer = nlp.tokenizer
    current = tokenizer.infix_finditer.__self__.pattern if tokenizer.infix_finditer is not None else None
    patterns = [*GLUED_QUOTE_INFIXES, *([current] if current else [])]
    tokenizer.infix_finditer = compile_infix_regex(patterns).finditer
