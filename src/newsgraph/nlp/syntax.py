"""Reading the parse where the shipped model is known to stumble, for the stages that walk it, and the
Doc's text without rebuilding it.

The model was trained on treebanks without line breaks, so in news text it sometimes makes a paragraph
break the subject of the first verb after it, with the real subject hanging off the break. The quote and
event stages ask for subjects through here, so that the workaround lives in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from spacy.tokens import Doc, Token

from newsgraph.nlp.dates import RELATIVE_DAYS, WEEKDAYS


def text_of(doc: Doc) -> str:
    """`doc.text`, built once per Doc. spaCy joins every token's text on each access, and the quote stage
    reads the text around each cue and mark: that alone was a fifth of the analysis time."""
    text = doc.user_data.get("newsgraph.text")
    if text is None:
        text = doc.user_data["newsgraph.text"] = doc.text
    return text


def subject(
    verb: Token, deps: Collection[str] = ("nsubj",), skip: Callable[[Token], bool] | None = None
) -> Token | None:
    """The verb's subject (a child with one of `deps`, not one `skip` rejects); where the parser made a
    paragraph break the subject, the name (else the noun) hanging off it ("\\n\\nAnother coach, Rosa
    Lindgren, said"). Where it gave the verb two subjects (a dateline "BISSAU (Agency) – The government
    refused" parsed as one), the one nearest before the verb."""
    subjects = [c for c in verb.children if c.dep_ in deps and not (skip and skip(c))]
    real = _nearest([c for c in subjects if not c.is_space], verb)
    if real is not None or not subjects:
        return real
    hanging = [c for c in subjects[0].children if c.pos_ in ("NOUN", "PROPN", "PRON")]
    return next((c for c in hanging if c.pos_ == "PROPN"), hanging[0] if hanging else None)


_WHEN = frozenset({*RELATIVE_DAYS, "tonight", *WEEKDAYS})


def _nearest(candidates: list[Token], verb: Token) -> Token | None:
    """The candidate nearest before the verb; a day ("Arafat Wednesday rejected") parsed as a second
    subject is never the one."""
    named = [c for c in candidates if c.lower_ not in _WHEN] or candidates
    before = [c for c in named if c.i < verb.i]
    return before[-1] if before else (named[0] if named else None)
