"""Score the event coder on the event gold layouts of ../shared/data/events (see its README).

PETRARCH validation records give (source, target, CAMEO code) triples per sentence. Our actors are
coded to a country and a sector, so a triple counts when the event code matches (exactly, or by its
two-digit root) and source and target match on their country part: the first three letters of a CAMEO
actor code ("IRQGOVMIL" is IRQ, "IGOEUREEC" is IGO), "---" for an unknown country. Records that expect no event count a
false event when we code any. Records written against PETRARCH's test dictionaries (invented countries
such as Gondor) are reported apart: they score only with those dictionaries loaded (`--actors`).

PLOVER gold records give one or more PLOVER event types per sentence, in PLOVER 0.5 names mapped to
today's (DEMAND -> REQUEST, ...). Per record, the set of types we code is compared with the gold set:
accuracy is the share of gold events whose type we coded, macro-F1 averages per-type F1 over the types
the gold uses, and the confusion table pairs each gold type with the types coded for its sentence. The
gold codes an intended cooperative act ("will meet", "is willing to send aid") as AGREE, an intended
hostile one ("would blockade") as THREATEN and a failed agreement as REJECT, where newsgraph codes the
act itself with status future, hypothetical or negated; scores are given both ways.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.evaluate.language import PRF as Counts
from newsgraph.events.ontology import PLOVER_05_NAMES, PLOVER_TYPES
from newsgraph.model import Event, Participant

Coder = Callable[[str, str | None], list[Event]]
"""Codes one sentence (text, ISO publication date) to events."""


@dataclass
class PetrarchScores:
    exact: dict[str, Counts] = field(default_factory=dict)
    root: dict[str, Counts] = field(default_factory=dict)
    no_event_records: dict[str, int] = field(default_factory=dict)
    false_event_records: dict[str, int] = field(default_factory=dict)


@dataclass
class PloverScores:
    events: int = 0
    right: int = 0
    per_type: dict[str, Counts] = field(default_factory=dict)
    confusion: Counter = field(default_factory=Counter)

    @property
    def accuracy(self) -> float:
        return self.right / self.events if self.events else 0.0

    @property
    def macro_f1(self) -> float:
        used = [c for c in self.per_type.values() if c.tp + c.fn]
        return sum(c.f1 for c in used) / len(used) if used else 0.0


def read_event_records(path: str | Path) -> list[dict[str, Any]]:
    """The JSONL records of an event gold file, with a clear error for a bad line."""
    records = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the file ({exc})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"broken JSON: {exc.msg}", f"line {number}") from None
        if not isinstance(record, dict) or "text" not in record or "expected" not in record:
            raise InputError(str(path), "not an event record (needs text and expected)", f"line {number}")
        records.append(record)
    return records


def layout(records: list[dict[str, Any]]) -> str:
    """ "plover" when the expected events carry PLOVER types, else "petrarch"."""
    for record in records:
        for expected in record["expected"]:
            return "plover" if "event" in expected else "petrarch"
    return "petrarch"


def score_petrarch(records: Iterable[dict[str, Any]], code: Coder) -> PetrarchScores:
    scores = PetrarchScores()
    for record in records:
        if record.get("expect_error"):
            continue
        group = _group(record)
        exact = scores.exact.setdefault(group, Counts())
        root = scores.root.setdefault(group, Counts())
        events = code(record["text"], _iso(record.get("date")))
        predicted = {(_actor_code(e.actor), _actor_code(e.recipient), e.cameo or "") for e in events}
        gold = {(_country(t["source"]), _country(t["target"]), t["code"]) for t in record["expected"]}
        if not gold:
            scores.no_event_records[group] = scores.no_event_records.get(group, 0) + 1
            if predicted:
                scores.false_event_records[group] = scores.false_event_records.get(group, 0) + 1
        _tally(exact, gold, predicted)
        _tally(root, {(s, t, c[:2]) for s, t, c in gold}, {(s, t, c[:2]) for s, t, c in predicted})
    return scores


INTENT_TYPES = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
"""Cooperative types whose future or hypothetical events PLOVER's gold codes as AGREE (an intent)."""
THREAT_TYPES = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"}
"""Hostile types whose future or hypothetical events the gold codes as THREATEN."""


def score_plover(records: Iterable[dict[str, Any]], code: Coder, gold_conventions: bool = False) -> PloverScores:
    """Type scores; with `gold_conventions`, read our events with a status the way PLOVER's gold codes
    them (`_as_intent`): "will meet" is AGREE, "would blockade" THREATEN, "failed to agree" REJECT."""
    scores = PloverScores()
    scores.per_type = {t: Counts() for t in PLOVER_TYPES}
    for record in records:
        gold = [PLOVER_05_NAMES.get(e["event"], e["event"]) for e in record["expected"]]
        events = code(record["text"], _iso(record.get("date")))
        predicted = {_as_intent(e) if gold_conventions else e.type for e in events}
        for kind in gold:
            scores.events += 1
            scores.right += kind in predicted
            for found in predicted or {"(none)"}:
                scores.confusion[(kind, found)] += 1
        for kind in PLOVER_TYPES:
            counts = scores.per_type[kind]
            counts.tp += kind in gold and kind in predicted
            counts.fn += kind in gold and kind not in predicted
            counts.fp += kind not in gold and kind in predicted
    return scores


def format_petrarch(scores: PetrarchScores) -> str:
    lines = ["group                 exact P/R/F1           root P/R/F1            false events on no-event records"]
    for group in sorted(scores.exact):
        exact, root = scores.exact[group], scores.root[group]
        empty = scores.no_event_records.get(group, 0)
        false = scores.false_event_records.get(group, 0)
        share = f"{false}/{empty} ({false / empty:.0%})" if empty else "-"
        lines.append(
            f"{group:<21} {exact.precision:.3f}/{exact.recall:.3f}/{exact.f1:.3f}    "
            f"{root.precision:.3f}/{root.recall:.3f}/{root.f1:.3f}    {share}"
        )
    return "\n".join(lines)


def format_plover(scores: PloverScores) -> str:
    lines = [
        f"events {scores.events}  type accuracy {scores.accuracy:.3f}  macro-F1 {scores.macro_f1:.3f}",
        "",
        "type         P      R      F1     gold",
    ]
    for kind, counts in scores.per_type.items():
        if counts.tp + counts.fn + counts.fp:
            gold = counts.tp + counts.fn
            lines.append(f"{kind:<12} {counts.precision:.3f}  {counts.recall:.3f}  {counts.f1:.3f}  {gold}")
    lines += ["", "confusion (gold -> coded for its sentence), most frequent first:"]
    for (gold, found), count in scores.confusion.most_common(25):
        if gold != found:
            lines.append(f"  {gold:<10} -> {found:<10} {count}")
    return "\n".join(lines)


def _as_intent(event: Event) -> str:
    """Our event as the PLOVER gold's conventions code it: an intended cooperative act is AGREE, an
    intended hostile one THREATEN, an agreement or meeting that did not happen REJECT."""
    planned = event.status in ("future", "hypothetical")
    if planned and event.type in INTENT_TYPES:
        return "AGREE"
    if planned and event.type in THREAT_TYPES:
        return "THREATEN"
    if event.status == "negated" and event.type in ("AGREE", "CONSULT"):
        return "REJECT"
    return event.type


def _group(record: dict[str, Any]) -> str:
    corpus = record.get("corpus") or "-"
    return corpus if record.get("dictionaries") != "PETR.Validate" else f"{corpus} (own actors)"


def _tally(counts: Counts, gold: set, predicted: set) -> None:
    counts.tp += len(gold & predicted)
    counts.fp += len(predicted - gold)
    counts.fn += len(gold - predicted)


def _country(actor_code: str) -> str:
    code = (actor_code or "").strip('"')
    return code[:3] if len(code) >= 3 else "---"


def _actor_code(participant: Participant | None) -> str:
    """A country code, or for an international or non-governmental organisation CAMEO's IGO / NGO."""
    if participant is None:
        return "---"
    if participant.country:
        return participant.country
    return participant.sector if participant.sector in ("IGO", "NGO") else "---"


def _iso(value: str | None) -> str | None:
    """ "20080801" -> "2008-08-01"; ISO dates pass through."""
    if not value:
        return None
    digits = value.replace("-", "")
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}" if len(digits) == 8 and digits.isdigit() else None
