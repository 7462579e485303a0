"""An article as the dashboard shows it: its text cut into pieces, each marked with the quotes, event
sentences and entity mentions it lies in, so the template can highlight them without ever writing
article text unescaped."""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import pairwise

from newsgraph.store import Store


@dataclass
class Piece:
    text: str
    classes: str
    anchor: int | None
    """Set on the first piece of an event sentence: the page's "at-N" anchor that evidence links to."""


def article_view(store: Store, article_id: str, evidence: tuple[int, int] | None = None) -> dict | None:
    """The article's fields, its highlighted spans, its text as paragraphs of pieces, and its story.

    `evidence` is a span a briefing cites: it is highlighted and anchored ("at-START") like an event
    sentence, so the link lands on it.
    """
    article = store.article(article_id)
    if article is None:
        return None
    conn = store.conn
    spans: list[tuple[int, int, str]] = []
    if evidence is not None and 0 <= evidence[0] < evidence[1] <= len(article["text"]):
        spans.append((evidence[0], evidence[1], "evidence"))
    spans += [
        (r[0], r[1], "quote") for r in conn.execute("SELECT start, end FROM quotes WHERE article_id = ?", (article_id,))
    ]
    spans += [
        (r[0], r[1], "sentence")
        for r in conn.execute(
            "SELECT DISTINCT sentence_start, sentence_end FROM events WHERE article_id = ?", (article_id,)
        )
    ]
    spans += [
        (r[0], r[1], "entity")
        for r in conn.execute(
            "SELECT m.start, m.end FROM mentions m"
            " JOIN entities e ON e.article_id = m.article_id AND e.id = m.entity_id"
            " WHERE m.article_id = ? AND e.kind IN ('person', 'organisation')",
            (article_id,),
        )
    ]
    row = conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
    fields = {key: article[key] for key in ("id", "title", "published", "outlet", "url", "text", "duplicate_of")}
    fields["authors"] = json.loads(article["authors"] or "[]")
    return {
        "article": fields,
        "spans": [{"start": s, "end": e, "kind": k} for s, e, k in sorted(spans)],
        "paragraphs": _paragraphs(article["text"], spans),
        "story": row[0] if row else None,
        "evidence": evidence is not None,
    }


def _paragraphs(text: str, spans: list[tuple[int, int, str]]) -> list[list[Piece]]:
    """The text split at every span boundary and at paragraph breaks; each piece knows what covers it."""
    cuts = {0, len(text)}
    for start, end, _ in spans:
        if 0 <= start < end <= len(text):
            cuts.update((start, end))
    position = text.find("\n\n")
    while position >= 0:
        cuts.update((position, position + 2))
        position = text.find("\n\n", position + 2)
    # A sentence the parser started at the paragraph break before it: its anchor goes on its first word.
    anchors = {_first_word(text, start): start for start, end, kind in spans if kind in ("sentence", "evidence")}
    cuts.update(anchors)
    paragraphs: list[list[Piece]] = [[]]
    bounds = sorted(cuts)
    for start, end in pairwise(bounds):
        piece = text[start:end]
        if piece == "\n\n":
            paragraphs.append([])
            continue
        kinds = sorted({kind for s, e, kind in spans if s <= start and end <= e})
        paragraphs[-1].append(Piece(piece, " ".join(kinds), anchors.get(start)))
    return [p for p in paragraphs if p]


def _first_word(text: str, start: int) -> int:
    while start < len(text) and text[start].isspace():
        start += 1
    return start
