"""Parse news text a paragraph at a time, so that no paragraph break is ever read as a word.

The model was trained on treebanks, which have no line breaks. Given a whole article, it reads the
whitespace token of a paragraph break ("\\n\\n") as a word of the next sentence, often its root or its
subject, and the real subject then hangs off the break: "\\n\\nBadji, Senegal's foreign minister,
travelled ..." came out with "Badji" as an apposition to the break and no subject for "travelled".
Forcing a sentence start at the break is not enough: the model still sees the break's features next to
the first words and splits "Helena | Brandt" into sentences of one word.

So the statistical components run over each paragraph, and over each break, as documents of their own,
which are then joined back into one Doc with exactly the article's text and offsets. The rule
components, which look across the whole article (a surname named in one paragraph is the person of an
earlier one), run afterwards over the joined Doc.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.compute import one_blas_thread
from newsgraph.nlp.rules import RULE_COMPONENTS

_BREAK = re.compile(r"[ \t\r\f\v\u00a0]*\n\s*")
"""A line break with the blanks around it."""
_ENDS_A_SENTENCE = frozenset(".!?:;\"'”’»)]")
"""The last character of a line that ends a paragraph when a single line break follows it."""
PARAGRAPHS_PER_BATCH = 64
"""Paragraphs the model takes at once. Over 256 BBC articles (CPU time per article, three rounds):
batches of 32, 64, 128, 256 and spaCy's default of 1,000 paragraphs cost 28.2, 26.7, 27.4, 28.9 and
28.5 ms at best; a large batch's precomputed parser features leave the cache (docs/performance.md)."""


def paragraphs(text: str) -> list[str]:
    """The text cut into paragraphs and the breaks between them; joined, the pieces are the text.

    A break is a paragraph's end when it holds a blank line, or when the line before it ends a sentence:
    hard-wrapped prose ("talks in\nLima") keeps its lines together, since a sentence cut at a wrap would
    be parsed as two fragments."""
    pieces: list[str] = []
    start = 0
    for found in _BREAK.finditer(text):
        blank_line = found.group().count("\n") > 1
        if not blank_line and (found.start() == 0 or text[found.start() - 1] not in _ENDS_A_SENTENCE):
            continue
        if found.start() > start:
            pieces.append(text[start : found.start()])
        pieces.append(found.group())
        start = found.end()
    if start < len(text):
        pieces.append(text[start:])
    return pieces


@functools.lru_cache(maxsize=8)
def paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each paragraph of `paragraphs(text)` that has a visible character: where the
    quote stage looks for a quotation's or a reported clause's end. Kept for the last few texts, since
    the stage asks about one article once per quotation and cue."""
    spans = []
    at = 0
    for piece in paragraphs(text):
        if piece.strip():
            spans.append((at, at + len(piece)))
        at += len(piece)
    return tuple(spans)


def paragraph_around(text: str, at: int) -> tuple[int, int]:
    """(start, end) of the paragraph holding character `at` (of the break after it, if `at` is in one)."""
    for start, end in paragraph_spans(text):
        if at < end:
            return (start, end) if at >= start else (at, at)
    return at, at


def parse_many(nlp: Language, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """One Doc per text, in order, as `nlp.pipe` would give, with the model run a paragraph at a time
    (`batch_size` texts together)."""
    statistical = [name for name in nlp.pipe_names if name not in RULE_COMPONENTS]
    rules = [(name, component) for name, component in nlp.pipeline if name in RULE_COMPONENTS]
    for chunk in _chunks(texts, batch_size):
        cut = [[nlp.make_doc(piece) for piece in paragraphs(text)] for text in chunk]
        words = [_words_only(piece) for pieces in cut for piece in pieces if not _blank(piece)]
        with nlp.select_pipes(enable=statistical), one_blas_thread():
            parsed = iter(list(nlp.pipe(words, batch_size=PARAGRAPHS_PER_BATCH)))
        for text, pieces in zip(chunk, cut, strict=True):
            parts = [_break(piece) if _blank(piece) else _with_spaces(piece, next(parsed)) for piece in pieces]
            doc = _joined(nlp, text, parts)
            for _, component in rules:
                doc = component(doc)
            yield doc


def parse(nlp: Language, text: str) -> Doc:
    """One text through `parse_many`."""
    return next(parse_many(nlp, [text]))


def _blank(piece: Doc) -> bool:
    """A paragraph break: one token of whitespace, which the model has nothing to read in."""
    return len(piece) == 1 and piece[0].is_space


def _break(piece: Doc) -> Doc:
    """A paragraph break annotated as a whitespace token, without running the model over it (about a
    paragraph in two is a break; the model called them nouns, verbs or pronouns)."""
    token = piece[0]
    return Doc(
        piece.vocab,
        words=[token.text],
        spaces=[False],
        tags=["_SP"],
        pos=["SPACE"],
        lemmas=[token.text],
        heads=[0],
        deps=["ROOT"],
        ents=["O"],
    )


def _words_only(piece: Doc) -> Doc:
    """The paragraph as the model should see it: without the tokens of stray whitespace inside it.

    A no-break space between two words ("held\u00a0rallies") or a double space is a token of its own,
    which the model, trained on treebanks with no such tokens, reads as a word: it tagged one a proper
    noun and made it the subject or object the words around it lacked. A piece that is all whitespace
    (a paragraph break) is left as it is."""
    words = [t for t in piece if not t.is_space]
    if len(words) in (0, len(piece)):
        return piece
    spaces = [bool(t.whitespace_) or (t.i + 1 < len(piece) and piece[t.i + 1].is_space) for t in words]
    return Doc(piece.vocab, words=[t.text for t in words], spaces=spaces)


def _with_spaces(piece: Doc, parsed: Doc) -> Doc:
    """The parse of `_words_only(piece)` laid back over the piece's own tokens; each whitespace token
    hangs off the word before it (the word after it at the start), as spaCy's own models attach them."""
    if len(parsed) == len(piece):
        return parsed
    at = [t.i for t in piece if not t.is_space]  # the piece's index of each parsed word
    tags, pos, morphs, lemmas, heads, deps, ents = [], [], [], [], [], [], []
    word = -1
    for token in piece:
        if not token.is_space:
            word += 1
            source = parsed[word]
            tags.append(source.tag_)
            pos.append(source.pos_)
            morphs.append(str(source.morph))
            lemmas.append(source.lemma_)
            heads.append(at[source.head.i])
            deps.append(source.dep_)
            ents.append(f"{source.ent_iob_}-{source.ent_type_}" if source.ent_type_ else "O")
            continue
        neighbour = at[word] if word >= 0 else at[0]
        inside = 0 <= word < len(parsed) - 1 and parsed[word + 1].ent_iob_ == "I"
        tags.append("_SP")
        pos.append("SPACE")
        morphs.append("")
        lemmas.append(token.text)
        heads.append(neighbour)
        deps.append("dep")
        ents.append(f"I-{parsed[word].ent_type_}" if inside else "O")
    doc = Doc(
        piece.vocab,
        words=[t.text for t in piece],
        spaces=[bool(t.whitespace_) for t in piece],
        tags=tags,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
        ents=ents,
    )
    return doc


def _joined(nlp: Language, text: str, parts: list[Doc]) -> Doc:
    if not parts:
        return nlp.make_doc(text)
    # the tok2vec's tensor is left behind: nothing after the model reads it, and a break has none
    doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])
    if doc.text != text:  # never expected: the pieces are cut at whitespace the tokenizer splits at anyway
        raise ValueError("joining the parsed paragraphs did not give back the text")
    return doc


def _chunks(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for text in texts:
        chunk.append(text)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
