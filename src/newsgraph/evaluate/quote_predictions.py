"""Our quotes in the record layout of the quote gold files, so that the scorer can compare them.

The gold layout (`../shared/data/quotes/README.md`) gives each attribution a content span, its parts and
a source span. Ours maps onto it directly: the quote's envelope and parts, the speaker's mention in the
text, and, so that "he said" resolved to a person counts when gold marks another mention of that person,
every mention of the speaker's entity. A speaker named by a relative pronoun ("an architect [who] said")
is mentioned by that pronoun, as the gold marks it (`quotes.cues.Cue.mention`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from newsgraph.model import Analysis, Article, Source
from newsgraph.pipeline import analyze


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
        quotes.append(
            {
                "quote": _span(text, quote.start, quote.end),
                "quote_parts": [_span(text, s, e) for s, e in quote.parts],
                "speaker": _span(text, speaker.start, speaker.end) if has_span else None,  # type: ignore[union-attr,arg-type]
                "cue": _span(text, quote.cue.start, quote.cue.end) if quote.cue else None,
                "type": quote.kind,
                "speaker_entity_mentions": own,
            }
        )
    return {"id": analysis.article.id, "outlet": analysis.article.source.outlet, "quotes": quotes}


def _span(text: str, start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text[start:end]}
