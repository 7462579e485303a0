"""Turning the openly licensed corpora in ../shared/corpora into spaCy training and evaluation data.

Each corpus brings what it has: the UD treebanks (EWT, the CC-licensed part of GUM) bring tags,
morphology, lemmas and dependencies; GUM's entity layer, Universal NER (on EWT dev/test), wikigold,
the Broad Twitter Corpus and re3d (defence and diplomacy press releases) bring named entities.
Whatever a corpus does not annotate is marked *missing*, never "O", so that a treebank without
entities does not teach the model that names are not entities.

Splits follow the corpora; wikigold and re3d have none, so wikigold's articles are split 80/20 by a
hash of their position and re3d's sentences in blocks (`RE3D_BLOCK`) 70/30 the same way. Nothing is
ever trained on a split that a figure is reported on (see `nlp/training.build_corpora`).
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from newsgraph.gazetteer.countries import country_of
from newsgraph.gazetteer.roles import TITLE_ABBREVIATIONS, role_patterns
from newsgraph.nlp.rules import HONORIFICS

SENTENCES_PER_DOC = 10
LABELS = ("PER", "ORG", "LOC", "MISC")
_GUM_TYPES = {"person": "PER", "place": "LOC", "organization": "ORG"}
# A name starts and ends with a proper noun, a number ("Apollo 11") or a capitalised word ("National
# Library"); inside, "of the", adjectives
# and common nouns are allowed ("Bank of England", "Royal Navy"), but not coordination or brackets, so
# GUM's group mentions ("the X and the Y") give way to the names inside them.
_NAME_EDGE = {"PROPN", "NUM"}
_NAME_INSIDE = {"PROPN", "NUM", "ADP", "DET", "ADJ", "NOUN"}
_ENTITY_ONE_WORD = re.compile(r"\((\d+)-([a-z]+)[^()]*\)")
"""A mention of one word opens and closes in one bracket: "(49-person-giv:act-...-Johannes_Brahms)"."""
_ENTITY_OPEN = re.compile(r"\((\d+)-([a-z]+)")
_ENTITY_CLOSE = re.compile(r"(?:^|(?<=\)))(\d+)\)")
"""A longer mention closes with its number alone: "49)", "49)54)"."""


@dataclass
class Sentence:
    """One sentence with whatever annotation its corpus has (None = not annotated)."""

    words: list[str]
    spaces: list[bool]
    tags: list[str] | None = None
    pos: list[str] | None = None
    morphs: list[str] | None = None
    lemmas: list[str] | None = None
    heads: list[int] | None = None
    deps: list[str] | None = None
    ents: list[tuple[int, int, str]] | None = None
    """(start, end, label) over words; None when the corpus has no entity annotation."""
    missing_ner: set[int] = field(default_factory=set)
    """Word indices whose entity label is unknown even though the sentence has entities."""
    sent_id: str | None = None


# -- readers ---------------------------------------------------------------------------------------


def read_conllu(path: Path, gum_entities: bool = False) -> Iterator[Sentence]:
    """Sentences of a CoNLL-U file; multiword-token lines are skipped (the words carry the analysis)."""
    sent_id, rows = None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id"):
            sent_id = line.split("=", 1)[1].strip()
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if rows:
                yield _conllu_sentence(rows, sent_id, gum_entities)
            sent_id, rows = None, []
        else:
            columns = line.split("\t")
            if "-" in columns[0] or "." in columns[0]:
                continue
            rows.append(columns)
    if rows:
        yield _conllu_sentence(rows, sent_id, gum_entities)


def _conllu_sentence(rows: list[list[str]], sent_id: str | None, gum_entities: bool) -> Sentence:
    words = [r[1] for r in rows]
    misc = [r[9] for r in rows]
    heads = [int(r[6]) - 1 if r[6] != "0" else i for i, r in enumerate(rows)]
    sentence = Sentence(
        words=words,
        spaces=["SpaceAfter=No" not in m for m in misc],
        tags=[r[4] for r in rows],
        pos=[r[3] for r in rows],
        morphs=["" if r[5] == "_" else r[5] for r in rows],
        lemmas=[r[2] for r in rows],
        heads=heads,
        deps=[r[7].split(":")[0] if r[7] != "root" else "ROOT" for r in rows],
        sent_id=sent_id,
    )
    if gum_entities:
        sentence.ents = _gum_entities(rows, heads)
    return sentence


def _gum_entities(rows: list[list[str]], heads: list[int]) -> list[tuple[int, int, str]]:
    """Named PER/ORG/LOC mentions of GUM's entity layer: person/place/organization spans headed by a
    proper noun, without leading determiners or trailing possessives and punctuation."""
    open_spans: dict[str, tuple[int, str]] = {}
    spans: list[tuple[int, int, str]] = []
    for index, row in enumerate(rows):
        entity = next((part[7:] for part in row[9].split("|") if part.startswith("Entity=")), "")
        for match in _ENTITY_ONE_WORD.finditer(entity):
            if match.group(2) in _GUM_TYPES:
                spans.append((index, index + 1, _GUM_TYPES[match.group(2)]))
        entity = _ENTITY_ONE_WORD.sub("", entity)
        for match in _ENTITY_OPEN.finditer(entity):
            open_spans[match.group(1)] = (index, match.group(2))
        for match in _ENTITY_CLOSE.finditer(entity):
            if match.group(1) in open_spans:
                start, kind = open_spans.pop(match.group(1))
                if kind in _GUM_TYPES:
                    spans.append((start, index + 1, _GUM_TYPES[kind]))
    named = []
    for start, end, label in spans:
        while start < end and rows[start][3] in ("DET", "PUNCT", "ADP"):
            start += 1
        while end > start and (rows[end - 1][3] in ("PUNCT", "PART") or rows[end - 1][1] in ("'s", "’s")):
            end -= 1
        if start == end:
            continue
        head = next((i for i in range(start, end) if not start <= heads[i] < end or heads[i] == i), start)
        inner = range(start + 1, end - 1)
        if (
            rows[head][3] == "PROPN"
            and (rows[start][3] in _NAME_EDGE or rows[start][1][:1].isupper())
            and (rows[end - 1][3] in _NAME_EDGE or rows[end - 1][1][:1].isupper())
            and all(rows[i][3] in _NAME_INSIDE or rows[i][1] in ("-", ".", "&") for i in inner)
        ):
            named.append((start, end, label))
    return _non_overlapping(named)


def _non_overlapping(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Longest spans first, dropping any that overlap one already kept (spaCy's entities are flat)."""
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    return sorted(kept)


def read_iob(path: Path, *, social: bool = False) -> Iterator[list[Sentence]]:
    """Documents (lists of sentences) of a token-per-line IOB file; `-DOCSTART-` separates documents.

    `social` marks @mentions, #hashtags and URLs as missing entity labels: Twitter corpora label them
    inconsistently, and news text has none.
    """
    document: list[Sentence] = []
    rows: list[tuple[str, str]] = []

    def flush() -> None:
        if rows:
            document.append(_iob_sentence(rows, social))
            rows.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("-DOCSTART-"):
            flush()
            if document:
                yield list(document)
                document.clear()
            continue
        if not line.strip():
            flush()
            continue
        parts = line.split("\t") if "\t" in line else line.rsplit(" ", 1)
        rows.append((parts[0], parts[-1].strip()))
    flush()
    if document:
        yield document


def _iob_sentence(rows: list[tuple[str, str]], social: bool) -> Sentence:
    words = [word for word, _ in rows]
    missing = {i for i, w in enumerate(words) if social and (w.startswith(("@", "#")) or "://" in w)}
    ents = [e for e in iob_spans([tag for _, tag in rows]) if not any(i in missing for i in range(e[0], e[1]))]
    return Sentence(words=words, spaces=[True] * len(words), ents=ents, missing_ner=missing)


def iob_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans of IOB1 or IOB2 tags: B- always starts an entity, I- continues one of its label
    (or starts one, as IOB1 does after O or another label). Labels outside LABELS are dropped."""
    spans, start, label = [], None, None
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        if start is not None and not (prefix == "I" and kind == label):
            spans.append((start, index, label))
            start, label = None, None
        if prefix in ("B", "I") and start is None and kind in LABELS:
            start, label = index, kind
    return spans


def read_uner(path: Path) -> dict[str, list[tuple[int, int, str]]]:
    """Universal NER labels keyed by EWT sent_id, as word spans."""
    labels: dict[str, list[tuple[int, int, str]]] = {}
    sent_id, rows = None, []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("# sent_id"):
            sent_id = line.split("=", 1)[1].strip()
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if rows and sent_id:
                labels[sent_id] = iob_spans([tag for _, tag in rows])
            sent_id, rows = None, []
        else:
            columns = line.split("\t")
            rows.append((columns[1], columns[2]))
    return labels


RE3D_BLOCK = 25
"""re3d has no documents; blocks of this many consecutive sentences (a press release or two) are
what its train/test split assigns, so one release's names rarely fall on both sides."""
_RE3D_LEADING = frozenset({"the", "a", "an", "northern", "southern", "eastern", "western", "central"})
_NAME_LINKS = frozenset({"of", "the", "and", "for", "de", "du", "da", "bin", "ibn", "van", "von", "&", "-", "."})
_PRONOUNS = frozenset({"i", "we", "he", "she", "it", "they", "you", "us", "him", "her", "them", "his", "its"})


def read_re3d(path: Path) -> Iterator[list[Sentence]]:
    """Blocks of `RE3D_BLOCK` sentences of re3d, its mentions brought to the names-only convention of
    the other corpora (`re3d_names`)."""
    block: list[Sentence] = []
    for document in read_iob(path):
        for sentence in document:
            sentence.ents, sentence.missing_ner = re3d_names(sentence.words, sentence.ents or [])
            block.append(sentence)
            if len(block) == RE3D_BLOCK:
                yield block
                block = []
    if block:
        yield block


def re3d_names(words: list[str], spans: list[tuple[int, int, str]]) -> tuple[list[tuple[int, int, str]], set[int]]:
    """re3d's mentions as names, and the words whose label is left unknown.

    re3d marks descriptions as well as names ("a new Prime Minister-designate", "Iraqi security
    forces", "he") and keeps titles inside a person ("Foreign Secretary Boris Johnson"), where the
    other corpora, and news readers, mark "Boris Johnson" alone. A mention is cut at its commas
    ("Rome, Italy"); each part loses a leading article or compass word, and a person a leading title,
    honorific or nationality; what is left counts if it is a name (capitalised words, joined only by
    "of", "al-" and the like). Of the words of a mention that end up in no name, the capitalised ones
    that may be part of a name re3d did not keep apart ("Swansea Bay Council" after "director of the")
    and nationalities (which other corpora call MISC) are unknown; the rest, titles, articles,
    pronouns and common nouns, are outside any name, as news readers and the other corpora have them.
    """
    kept: list[tuple[int, int, str]] = []
    missing: set[int] = set()
    for start, end, label in spans:
        parts, part_start = [], start
        for i in range(start, end + 1):
            if i == end or words[i] == ",":
                parts.append((part_start, i))
                part_start = i + 1
        for a, b in parts:
            while a < b and (words[a].lower() in _RE3D_LEADING or (label == "PER" and _title_or_nationality(words[a]))):
                a += 1
            if a < b and _is_name(words[a:b], label):
                kept.append((a, b, label))
        named = {i for a, b, _ in kept for i in range(a, b)}
        missing.update(i for i in range(start, end) if i not in named and _may_be_named(words[i]))
    return kept, missing


def _may_be_named(word: str) -> bool:
    """A word of a description that may belong to a name or a nationality: capitalised, and not an
    article, a pronoun or a title."""
    lower = word.lower()
    if not word[:1].isupper() or lower in _RE3D_LEADING or lower in _PRONOUNS:
        return False
    return country_of(word) is not None or not _title_or_nationality(word)


def _title_or_nationality(word: str) -> bool:
    """A word that opens a person mention without being part of the name ("Foreign", "Maj.", "Iraqi")."""
    lower = word.lower().rstrip(".")
    first = lower.split("-")[0]
    return (
        lower in HONORIFICS
        or lower in TITLE_ABBREVIATIONS
        or lower in {"maj", "brig", "cpt", "cmdr"}
        or first in _role_words()
        or country_of(word) is not None
    )


def _is_name(words: list[str], label: str) -> bool:
    """Capitalised words (or numbers, "134th"), joined only by name links; no pronoun, no possessive
    ("Abadi's" is tokenised whole here), and for a person no title left inside ("UN High
    Commissioner for Refugees" is an office, not a name)."""
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return False
    if not (_name_word(words[0]) and _name_word(words[-1])) or words[-1].endswith(("'s", "’s")):
        return False
    if not all(_name_word(word) or word.lower() in _NAME_LINKS for word in words):
        return False
    return label != "PER" or not any(_title_or_nationality(word) for word in words)


def _name_word(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit() or word.startswith(("al-", "el-"))


@functools.cache
def _role_words() -> frozenset[str]:
    """Every word of every role title ("foreign", "secretary", "envoy"), lower case."""
    words = (word for pattern in role_patterns() for word in pattern.replace("-", " ").split())
    return frozenset(word for word in words if word not in _NAME_LINKS and word not in {"in", "un"})


# -- to spaCy -------------------------------------------------------------------------------------


def to_docs(vocab: Vocab, sentences: Iterable[Sentence], per_doc: int = SENTENCES_PER_DOC) -> Iterator[Doc]:
    """spaCy Docs of `per_doc` sentences each, with missing annotation marked as missing."""
    batch: list[Sentence] = []
    for sentence in sentences:
        batch.append(sentence)
        if len(batch) == per_doc:
            yield _doc(vocab, batch)
            batch = []
    if batch:
        yield _doc(vocab, batch)


def _doc(vocab: Vocab, sentences: list[Sentence]) -> Doc:
    words, spaces, starts = [], [], []
    tags, pos, morphs, lemmas, heads, deps = [], [], [], [], [], []
    has_parse = all(s.heads is not None for s in sentences)
    for sentence in sentences:
        offset = len(words)
        words += sentence.words
        spaces += sentence.spaces
        starts += [True] + [False] * (len(sentence.words) - 1)
        if has_parse:
            tags += sentence.tags or []
            pos += sentence.pos or []
            morphs += sentence.morphs or []
            lemmas += sentence.lemmas or []
            heads += [offset + h for h in sentence.heads or []]
            deps += sentence.deps or []
    if has_parse:
        doc = Doc(
            vocab, words=words, spaces=spaces, tags=tags, pos=pos, morphs=morphs, lemmas=lemmas, heads=heads, deps=deps
        )
    else:
        doc = Doc(vocab, words=words, spaces=spaces, sent_starts=starts)
    _set_entities(doc, sentences)
    return doc


def _set_entities(doc: Doc, sentences: list[Sentence]) -> None:
    if all(s.ents is None for s in sentences):
        doc.set_ents([], default="missing")
        return
    spans, missing, offset = [], [], 0
    for sentence in sentences:
        if sentence.ents is None:
            missing.extend(range(offset, offset + len(sentence.words)))
        else:
            spans += [Span(doc, offset + s, offset + e, label=label) for s, e, label in sentence.ents]
            missing.extend(offset + i for i in sentence.missing_ner)
        offset += len(sentence.words)
    doc.set_ents(spans, missing=[doc[i : i + 1] for i in missing], default="outside")


def held_out(key: str, share: float = 0.2) -> bool:
    """A stable pseudo-random split: True for about `share` of keys."""
    return int(hashlib.sha1(f"newsgraph-split:{key}".encode()).hexdigest()[:8], 16) % 1000 < share * 1000
