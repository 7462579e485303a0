"""Our quotes in the record layout of the quote gold files, so that the scorer can compare them.

The gold layout (`../shared/data/quotes/README.md`) gives each attribution a content span, its parts and
a source span. Ours maps onto it directly: the quote's envelope and parts, the speaker's mention in the
text, and, so that "he said" resolved to a person counts when gold marks another mention of that person,
every mention of the speaker's entity. A speaker we resolved from a relative pronoun ("an architect [who]
said") also has that pronoun among its mentions: the gold marks the pronoun, we give whom it stands for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from newsgraph.model import Analysis, Article, Source
from newsgraph.pipeline import analyze

_RELATIVE = re.compile(r"[\s,]*(who|which|that)\s*", re.IGNORECASE)


def article_of(record: dict[str, Any]) -> Article:
    """The Article a gold record describes: its own id, text, outlet and date."""
    return Article(
        id=record["id"],
        text=record["text"],
        source=Source(outlet=record.get("outlet")),
        title=record.get("title"),
        published=record.get("date"),
    )


def predict(
    records: Iterable[dict[str, Any]],
    model: str | None = None,
    analyse: Callable[[Article], Analysis] | None = None,
) -> Iterator[dict[str, Any]]:
    """One prediction record per gold record, in the gold layout."""
    for record in records:
        article = article_of(record)
        analysis = analyse(article) if analyse else analyze(article, model=model)
        yield prediction_record(analysis)


def prediction_record(analysis: Analysis) -> dict[str, Any]:
    """An Analysis's quotes as a record of the gold layout."""
    text = analysis.article.text
    mentions = {e.id: [list(m) for m in e.mentions] for e in analysis.entities}
    quotes = []
    for quote in analysis.quotes:
        speaker = quote.speaker
        has_span = speaker is not None and speaker.start is not None and speaker.end is not None
        own = mentions.get(speaker.entity, []) if speaker and speaker.entity else []
        relative = _relative_pronoun(text, speaker.end, quote.cue.start) if has_span and quote.cue else []  # type: ignore[union-attr,arg-type]
        quotes.append(
            {
                "quote": _span(text, quote.start, quote.end),
                "quote_parts": [_span(text, s, e) for s, e in quote.parts],
                "speaker": _span(text, speaker.start, speaker.end) if has_span else None,  # type: ignore[union-attr,arg-type]
                "cue": _span(text, quote.cue.start, quote.cue.end) if quote.cue else None,
                "type": quote.kind,
                "speaker_entity_mentions": own + relative,
            }
        )
    return {"id": analysis.article.id, "outlet": analysis.article.source.outlet, "quotes": quotes}


def _relative_pronoun(text: str, speaker_end: int, cue_start: int) -> list[list[int]]:
    """The "who", "which" or "that" between a speaker and its cue, as a mention: [[start, end]] or []."""
    if not 0 < cue_start - speaker_end <= 12:
        return []
    found = _RELATIVE.fullmatch(text[speaker_end:cue_start])
    return [[speaker_end + found.start(1), speaker_end + found.end(1)]] if found else []


def _span(text: str, start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text[start:end]}
