"""The event scorers on records and codings we make up, with a stand-in coder (no model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.evaluate.events import layout, read_event_records, score_petrarch, score_plover
from newsgraph.model import Event, Participant, Span


def event(kind: str, cameo: str, actor: str | None, recipient: str | None, status: str = "asserted") -> Event:
    return Event(
        actor=Participant(name=actor or "x", country=actor) if actor else None,
        recipient=Participant(name=recipient or "y", country=recipient) if recipient else None,
        type=kind,
        status=status,
        sentence=(0, 10),
        trigger=Span("met", 0, 3),
        cameo=cameo,
    )


CODED = {
    "Peru met Chile.": [event("CONSULT", "040", "PER", "CHL")],
    "Peru will meet Chile.": [event("CONSULT", "040", "PER", "CHL", status="future")],
    "Nothing happened.": [event("ACCUSE", "112", "PER", "CHL")],
    "Chile sanctioned Peru.": [event("COERCE", "163", "CHL", "PER")],
}


def coder(text: str, published: str | None) -> list[Event]:
    return CODED.get(text, [])


def test_petrarch_triples_match_on_country_and_code_and_count_false_events() -> None:
    records = [
        {
            "text": "Peru met Chile.",
            "date": "20080801",
            "corpus": "news",
            "expected": [{"source": "PERGOV", "target": "CHL", "code": "040"}],
        },
        {
            "text": "Chile sanctioned Peru.",
            "date": "20080801",
            "corpus": "news",
            "expected": [{"source": "CHL", "target": "PERMIL", "code": "1631"}],
        },
        {"text": "Nothing happened.", "date": "20080801", "corpus": "news", "expected": []},
        {"text": "Skipped.", "corpus": "news", "expected": [], "expect_error": "dateline"},
    ]
    scores = score_petrarch(records, coder)
    exact, root = scores.exact["news"], scores.root["news"]
    assert (exact.tp, exact.fp, exact.fn) == (1, 2, 1)
    assert (root.tp, root.fp, root.fn) == (2, 1, 0)
    assert (scores.no_event_records["news"], scores.false_event_records["news"]) == (1, 1)


def test_plover_types_are_mapped_from_version_05_and_intents_can_read_as_agree() -> None:
    records = [
        {"text": "Peru met Chile.", "expected": [{"event": "CONSULT"}]},
        {"text": "Peru will meet Chile.", "expected": [{"event": "AGREE"}]},
        {"text": "Chile sanctioned Peru.", "expected": [{"event": "FIGHT"}]},
    ]
    plain = score_plover(records, coder)
    assert (plain.events, plain.right) == (3, 1)
    assert plain.per_type["ASSAULT"].fn == 1 and plain.per_type["COERCE"].fp == 1
    assert plain.confusion[("ASSAULT", "COERCE")] == 1
    intents = score_plover(records, coder, gold_conventions=True)
    assert (intents.events, intents.right) == (3, 2)


def test_layout_and_bad_lines(tmp_path: Path) -> None:
    assert layout([{"text": "t", "expected": [{"event": "AGREE"}]}]) == "plover"
    assert layout([{"text": "t", "expected": [{"source": "A", "target": "B", "code": "01"}]}]) == "petrarch"
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps({"text": "Peru met Chile.", "expected": []}) + "\n{broken\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        read_event_records(path)
