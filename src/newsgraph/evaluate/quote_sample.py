"""Score quotes, and the speaker details no public gold set has, against the bundled sample corpus gold.

PolNeAR measures spans and speakers; it says nothing of a speaker's role, affiliation or country, which is
what a newsroom asks next. Our own gold (`data/sample/gold.json`) gives them for every quote. A gold quote
is found when its words are inside a predicted quote of the same article, or a predicted quote's words
are inside it and cover at least half of it. Its speaker is right when the predicted name is the gold
name (or, for an unnamed source, the gold description); role, affiliation and country are scored where
the gold gives them, with the same tolerance as `evaluate.entities` for role forms.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.evaluate.entities import Tally, comparable
from newsgraph.model import Analysis, Article, Quote


@dataclass
class QuoteSampleReport:
    found: Tally = field(default_factory=Tally)
    kind: Tally = field(default_factory=Tally)
    speaker: Tally = field(default_factory=Tally)
    role: Tally = field(default_factory=Tally)
    affiliation: Tally = field(default_factory=Tally)
    country: Tally = field(default_factory=Tally)
    extra: int = 0
    """Predicted quotes that match no gold quote (false positives, or quotes the gold leaves out)."""
    predicted: int = 0


def evaluate_sample_quotes(
    gold_path: Path, articles: dict[tuple[str, str | None], Article], analyze: Callable[[Article], Analysis]
) -> QuoteSampleReport:
    """Score `analyze` on the gold quotes; `articles` maps (source, record) to the article read."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    report = QuoteSampleReport()
    for item in gold["articles"]:
        article = articles.get((item["source"], item["record"]))
        predicted = analyze(article).quotes if article is not None else []
        report.predicted += len(predicted)
        used: set[int] = set()
        for expected in item["quotes"]:
            where = f"{item['source']}: {expected['text'][:60]!r}"
            match = next((q for q in predicted if id(q) not in used and _same_words(expected["text"], q)), None)
            report.found.add(match is not None, where)
            if match is None:
                continue
            used.add(id(match))
            speaker = match.speaker
            report.kind.add(match.kind == expected["kind"], f"{where}: {match.kind} != {expected['kind']}")
            name = speaker.name if speaker else None
            report.speaker.add(_same_speaker(expected, match), f"{where}: {name} != {expected['speaker']}")
            for detail in ("role", "affiliation", "country"):
                if expected[detail] is None:
                    continue
                got = getattr(speaker, detail) if speaker else None
                ok = got is not None and _same_detail(detail, expected[detail], got)
                getattr(report, detail).add(ok, f"{where}: {got} != {expected[detail]}")
        report.extra += sum(1 for q in predicted if id(q) not in used)
    return report


def _same_words(gold_text: str, quote: Quote) -> bool:
    wanted, got = comparable(gold_text), comparable(quote.text)
    return wanted in got or (got in wanted and len(got) * 2 >= len(wanted))


def _same_speaker(expected: dict, quote: Quote) -> bool:
    speaker = quote.speaker
    if speaker is None:
        return False
    if expected["described"]:
        return speaker.described and comparable(expected["speaker"]) in comparable(speaker.name)
    return comparable(speaker.name) == comparable(expected["speaker"])


def _same_detail(detail: str, wanted: str, got: str) -> bool:
    if detail == "country":
        return wanted == got
    if detail == "role":
        return comparable(wanted) in comparable(got) or comparable(got) in comparable(wanted)
    return comparable(wanted) == comparable(got)
