"""Score the event coder against the bundled sample corpus gold.

The gold (`data/sample/gold.json`) gives each event by its sentence and trigger words, with actor and
recipient (name and country), PLOVER type, CAMEO code, status and date. A gold event is found when a
predicted event's trigger overlaps the gold trigger in the article text; found events are then scored on
type, CAMEO code (exact and root), status, actor and recipient (same name, or coded to the same country
where the gold gives one: event data are read as country dyads) and date (where the gold names a day;
where it names none, `undated` counts ours right when it is none or the publication day).
Predicted events that match no gold event are counted, not scored: the gold lists what a reader would
code, and an extra event is often a second reading of the same sentence.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.evaluate.entities import Tally, comparable
from newsgraph.model import Analysis, Article, Participant


@dataclass
class EventSampleReport:
    found: Tally = field(default_factory=Tally)
    type: Tally = field(default_factory=Tally)
    cameo: Tally = field(default_factory=Tally)
    root: Tally = field(default_factory=Tally)
    status: Tally = field(default_factory=Tally)
    actor: Tally = field(default_factory=Tally)
    recipient: Tally = field(default_factory=Tally)
    date: Tally = field(default_factory=Tally)
    undated: Tally = field(default_factory=Tally)
    """Where the gold names no day: ours none, or the publication day the contract falls back to, never
    another day."""
    predicted: int = 0
    extra: int = 0


def evaluate_sample_events(
    gold_path: Path, articles: dict[tuple[str, str | None], Article], analyze: Callable[[Article], Analysis]
) -> EventSampleReport:
    """Score `analyze` on the gold events; `articles` maps (source, record) to the article read."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    report = EventSampleReport()
    for item in gold["articles"]:
        article = articles.get((item["source"], item["record"]))
        predicted = analyze(article).events if article is not None else []
        text = article.text if article is not None else ""
        report.predicted += len(predicted)
        used: set[int] = set()
        for expected in item["events"]:
            where = f"{item['source']}: {expected['trigger']!r} in {expected['sentence'][:50]!r}"
            span = trigger_span(text, expected)
            candidates = [e for e in predicted if span and e.trigger.start < span[1] and span[0] < e.trigger.end]
            match = next((e for e in candidates if id(e) not in used), candidates[0] if candidates else None)
            report.found.add(match is not None, where)
            if match is None:
                continue
            used.add(id(match))
            report.type.add(match.type == expected["type"], f"{where}: {match.type} != {expected['type']}")
            report.cameo.add(match.cameo == expected["cameo"], f"{where}: {match.cameo} != {expected['cameo']}")
            report.root.add(
                (match.cameo or "")[:2] == expected["cameo"][:2], f"{where}: {match.cameo} != {expected['cameo']}"
            )
            report.status.add(match.status == expected["status"], f"{where}: {match.status} != {expected['status']}")
            actor = f"{where}: {_name(match.actor)} != {expected['actor']}"
            report.actor.add(_same(match.actor, expected, "actor"), actor)
            report.recipient.add(
                _same(match.recipient, expected, "recipient"),
                f"{where}: {_name(match.recipient)} != {expected['recipient']}",
            )
            if expected["date"] is not None:
                report.date.add(match.date == expected["date"], f"{where}: {match.date} != {expected['date']}")
            else:
                made_up = match.date not in (None, item["published"])
                report.undated.add(not made_up, f"{where}: {match.date}, but the text names no day")
        report.extra += sum(1 for e in predicted if id(e) not in used)
    return report


def trigger_span(text: str, expected: dict) -> tuple[int, int] | None:
    sentence = text.find(expected["sentence"])
    if sentence < 0:
        return None
    at = text.find(expected["trigger"], sentence, sentence + len(expected["sentence"]))
    return (at, at + len(expected["trigger"])) if at >= 0 else None


def _same(participant: Participant | None, expected: dict, role: str) -> bool:
    wanted = expected[role]
    if wanted is None:
        return participant is None
    if participant is None:
        return False
    country = expected.get(f"{role}_country")
    same_country = country is not None and participant.country == country
    return comparable(participant.name) == comparable(wanted) or same_country


def _name(participant: Participant | None) -> str | None:
    return participant.name if participant else None
