"""The offset properties every analysis must have, shared by the fuzz and hostile-input tests."""

from __future__ import annotations

from collections.abc import Iterator

from newsgraph.model import Analysis


def assert_offsets_consistent(analysis: Analysis) -> None:
    """Every offset lies in the text, and every span's text is the text between its offsets."""
    text = analysis.article.text
    for start, end, expected in spans(analysis):
        assert 0 <= start <= end <= len(text), (start, end, len(text))
        if expected is not None:
            assert text[start:end] == expected, (text[start:end], expected)


def spans(analysis: Analysis) -> Iterator[tuple[int, int, str | None]]:
    """(start, end, the text it must cover or None) for every offset pair in the analysis."""
    for entity in analysis.entities:
        for start, end in entity.mentions:
            yield start, end, None
    for quote in analysis.quotes:
        yield quote.start, quote.end, None
        for start, end in quote.parts:
            assert quote.start <= start <= end <= quote.end
            yield start, end, None
        if quote.cue:
            yield quote.cue.start, quote.cue.end, quote.cue.text
        if quote.speaker and quote.speaker.start is not None and quote.speaker.end is not None:
            yield quote.speaker.start, quote.speaker.end, None
    for event in analysis.events:
        yield *event.sentence, None
        yield event.trigger.start, event.trigger.end, event.trigger.text
        assert event.sentence[0] <= event.trigger.start <= event.trigger.end <= event.sentence[1]
        if event.evidence:
            yield event.evidence.start, event.evidence.end, event.evidence.text
