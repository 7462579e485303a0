"""Score the story layer: clusters (B-cubed and pairwise), near-duplicates, merged events and quotes.

- Clusters: any JSONL with `id`, `text`, `cluster` (and optionally `title`, `date`), such as the Wikinews
  story clusters in ../shared/data/clusters: every record is analysed and stored in a scratch store, the
  story layer runs, and the stories are compared with the gold clusters. B-cubed precision and recall
  average, over articles, how much of an article's predicted story is in its gold cluster and the other
  way round; pairwise counts article pairs put together.
- Duplicates: records whose text is identical are gold copies of each other (the BBC corpus has 98);
  `near_copies` adds lightly edited copies of a sample of records (words swapped, a paragraph cut, a
  sentence added), made from a fixed seed. Precision and recall are over the links "this record copies
  an earlier one".
- Merging: the sample gold gives every event and quote an `instance`; the merger is scored on the gold's
  own mentions (does it group them as the gold does?) and end to end on the mentions the pipeline found.
"""

from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from newsgraph.evaluate.entities import comparable
from newsgraph.evaluate.event_sample import trigger_span
from newsgraph.model import Article
from newsgraph.store import Store
from newsgraph.stories.duplicates import DuplicateIndex, shingles, signature
from newsgraph.stories.instances import EventMention, QuoteMention, Report, merge_events, merge_quotes
from newsgraph.stories.ledger import ledger


@dataclass
class ClusterScores:
    bcubed_precision: float
    bcubed_recall: float
    pair_precision: float
    pair_recall: float
    clusters: int
    gold_clusters: int
    items: int

    @property
    def bcubed_f1(self) -> float:
        return _f1(self.bcubed_precision, self.bcubed_recall)

    @property
    def pair_f1(self) -> float:
        return _f1(self.pair_precision, self.pair_recall)


def score_clusters(predicted: dict[str, Hashable], gold: dict[str, Hashable]) -> ClusterScores:
    """Compare two clusterings of the same items (item -> cluster label); items missing from
    `predicted` count as singletons."""
    items = list(gold)
    pred = {item: predicted.get(item, ("singleton", item)) for item in items}
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for item in items:
        by_pred[pred[item]].add(item)
        by_gold[gold[item]].add(item)
    precision = recall = 0.0
    for item in items:
        same = len(by_pred[pred[item]] & by_gold[gold[item]])
        precision += same / len(by_pred[pred[item]])
        recall += same / len(by_gold[gold[item]])
    pred_pairs = {pair for members in by_pred.values() for pair in combinations(sorted(members), 2)}
    gold_pairs = {pair for members in by_gold.values() for pair in combinations(sorted(members), 2)}
    both = len(pred_pairs & gold_pairs)
    n = len(items) or 1
    return ClusterScores(
        precision / n,
        recall / n,
        both / len(pred_pairs) if pred_pairs else 1.0,
        both / len(gold_pairs) if gold_pairs else 1.0,
        len(by_pred),
        len(by_gold),
        len(items),
    )


@dataclass
class DuplicateScores:
    true_links: int = 0
    predicted_links: int = 0
    gold_links: int = 0
    false_links: list[tuple[str, str, float]] = field(default_factory=list)
    missed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_links / self.predicted_links if self.predicted_links else 1.0

    @property
    def recall(self) -> float:
        return self.true_links / self.gold_links if self.gold_links else 1.0


def score_duplicates(records: Sequence[tuple[str, str]], gold_group: dict[str, str]) -> DuplicateScores:
    """Run the detector over (id, text) records in order; a record is a gold copy when an earlier record
    has the same `gold_group`. A predicted link is true when it joins two records of one group."""
    index = DuplicateIndex()
    texts: dict[str, set[str]] = {}
    seen_groups: dict[str, str] = {}
    scores = DuplicateScores()
    for record_id, text in records:
        own = shingles(text)
        texts[record_id] = own
        sig = signature(own)
        found = index.copies_of(sig, own, texts.__getitem__)
        group = gold_group[record_id]
        is_copy = group in seen_groups
        scores.gold_links += is_copy
        if found:
            original, measured = found[0]
            scores.predicted_links += 1
            if gold_group[original] == group:
                scores.true_links += 1
            else:
                scores.false_links.append((record_id, original, measured.jaccard))
        elif is_copy:
            scores.missed.append((record_id, seen_groups[group]))
        seen_groups.setdefault(group, record_id)
        index.add(record_id, sig)
    return scores


def exact_groups(records: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Gold groups from identical texts (whitespace aside): each record's group is the first id with its text."""
    first: dict[str, str] = {}
    groups = {}
    for record_id, text in records:
        key = " ".join(text.split())
        groups[record_id] = first.setdefault(key, record_id)
    return groups


_SWAPS = {
    "said": "stated",
    "says": "states",
    "big": "large",
    "also": "too",
    "but": "yet",
    "about": "around",
    "new": "fresh",
    "people": "persons",
    "show": "reveal",
    "help": "aid",
    "buy": "purchase",
    "start": "begin",
    "end": "finish",
    "get": "obtain",
}
_EDIT_SENTENCES = (
    "This report was updated with additional details.",
    "Our correspondent contributed to this article.",
    "The story was first published by a partner agency.",
)


def near_copies(records: Sequence[tuple[str, str]], share: float = 0.1, seed: int = 7) -> list[tuple[str, str]]:
    """Lightly edited copies of a seeded sample of the records, as a reprint desk makes them.

    Each copy has up to five words swapped for a synonym or a number rewritten, and then one of: its last
    paragraph cut, a sentence added at the end, or nothing more. Ids are "<original>~copy".
    """
    rng = random.Random(seed)
    chosen = rng.sample(list(records), max(1, int(len(records) * share)))
    copies = []
    for record_id, text in chosen:
        edited, swaps = text, 0
        for word, replacement in _SWAPS.items():
            if swaps >= 5:
                break
            pattern = re.compile(rf"\b{word}\b")
            if pattern.search(edited):
                edited, count = pattern.subn(replacement, edited, count=1)
                swaps += count
        edited = re.sub(r"\b(\d+)%", r"\1 per cent", edited, count=1)
        paragraphs = edited.split("\n\n")
        how = rng.randrange(3)
        if how == 0 and len(paragraphs) > 3:
            paragraphs = paragraphs[:-1]
        elif how == 1:
            paragraphs.append(rng.choice(_EDIT_SENTENCES))
        copies.append((f"{record_id}~copy", "\n\n".join(paragraphs)))
    return copies


@dataclass
class MergeScores:
    """How a merger grouped mentions, against the gold instances of the same mentions."""

    mentions: int
    instances: int
    gold_instances: int
    pair_precision: float
    pair_recall: float
    exact_instances: int
    """Predicted instances with exactly the mentions of one gold instance."""

    @property
    def pair_f1(self) -> float:
        return _f1(self.pair_precision, self.pair_recall)


def score_merge(predicted: dict[Hashable, Hashable], gold: dict[Hashable, Hashable]) -> MergeScores:
    """Compare mention -> predicted instance with mention -> gold instance over the mentions in both."""
    items = [item for item in gold if item in predicted]
    scores = score_clusters({str(i): predicted[i] for i in items}, {str(i): gold[i] for i in items})
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for item in items:
        by_pred[predicted[item]].add(item)
        by_gold[gold[item]].add(item)
    gold_sets = {frozenset(members) for members in by_gold.values()}
    exact = sum(1 for members in by_pred.values() if frozenset(members) in gold_sets)
    return MergeScores(
        len(items), scores.clusters, scores.gold_clusters, scores.pair_precision, scores.pair_recall, exact
    )


@dataclass
class LedgerScores:
    """The ledger against the gold's: per gold expectation, was it found as a future instance, with the
    right outcome, decided by the right instance?"""

    expectations: int = 0
    found: int = 0
    outcome: int = 0
    decided_by: int = 0
    misses: list[str] = field(default_factory=list)


def score_ledger(
    entries: list[dict],
    gold_instance: dict[Hashable, str],
    predicted_instance: dict[Hashable, Hashable],
    outcomes: dict[Hashable, tuple[str, Hashable | None]],
) -> LedgerScores:
    """`entries` are the gold's ledger; mentions map to gold and predicted instances; `outcomes` maps
    each predicted future instance to its outcome and the predicted instance that decided it."""
    scores = LedgerScores(expectations=len(entries))
    mentions_of: dict[str, list[Hashable]] = defaultdict(list)
    for mention, instance in gold_instance.items():
        mentions_of[instance].append(mention)
    for entry in entries:
        found = [predicted_instance[m] for m in mentions_of[entry["expected"]] if m in predicted_instance]
        candidates = [p for p in found if p in outcomes]
        if not candidates:
            scores.misses.append(f"{entry['expected']}: not found as a future event")
            continue
        scores.found += 1
        outcome, decided = outcomes[max(set(candidates), key=candidates.count)]
        if outcome != entry["outcome"]:
            scores.misses.append(f"{entry['expected']}: {outcome} != {entry['outcome']}")
            continue
        scores.outcome += 1
        wanted = entry.get("by")
        if wanted is None or any(predicted_instance.get(m) == decided for m in mentions_of[wanted]):
            scores.decided_by += 1
        else:
            scores.misses.append(f"{entry['expected']}: {outcome}, but not by {wanted}")
    return scores


def merge_gold_mentions(gold: dict) -> tuple[MergeScores, MergeScores, LedgerScores]:
    """Run the event and quote mergers and the ledger on the sample gold's own mentions; score them
    against its instances and its ledger."""
    reports = _gold_reports(gold)
    events, quotes = [], []
    gold_events: dict[tuple[str, int], str] = {}
    gold_quotes: dict[tuple[str, int], str] = {}
    for item in gold["articles"]:
        report = reports[_key(item)]
        for n, event in enumerate(item["events"]):
            events.append(
                EventMention(
                    report=report,
                    n=n,
                    type=event["type"],
                    status=event["status"],
                    cameo=event.get("cameo"),
                    date=event.get("date"),
                    actor=event.get("actor"),
                    actor_country=event.get("actor_country"),
                    recipient=event.get("recipient"),
                    recipient_country=event.get("recipient_country"),
                    trigger=event["trigger"],
                )
            )
            gold_events[(report.article, n)] = event["instance"]
        for n, quote in enumerate(item["quotes"]):
            quotes.append(QuoteMention(report, n, quote["text"], quote["kind"], quote["speaker"], quote["described"]))
            gold_quotes[(report.article, n)] = quote["instance"]
    event_instances = merge_events(events)
    quote_instances = merge_quotes(quotes)
    predicted_events = {(m.report.article, m.n): k for k, i in enumerate(event_instances) for m in i.mentions}
    predicted_quotes = {(m.report.article, m.n): k for k, i in enumerate(quote_instances) for m in i.mentions}
    index = {id(instance): k for k, instance in enumerate(event_instances)}
    outcomes = {
        index[id(e.expected)]: (e.outcome, index[id(e.resolved_by)] if e.resolved_by else None)
        for e in ledger(event_instances)
    }
    return (
        score_merge(predicted_events, gold_events),
        score_merge(predicted_quotes, gold_quotes),
        score_ledger(gold.get("ledger", []), gold_events, predicted_events, outcomes),
    )


def _gold_reports(gold: dict) -> dict[tuple[str, str | None], Report]:
    ordered = sorted(gold["articles"], key=lambda a: (a["published"] or "", a["source"], a["record"] or ""))
    return {
        _key(a): Report(
            article=f"{a['source']}#{a['record'] or ''}",
            published=a["published"],
            source=a["outlet"],
            order=order,
            duplicate=bool(a.get("duplicate_of")),
        )
        for order, a in enumerate(ordered)
    }


def _key(item: dict) -> tuple[str, str | None]:
    return (item["source"], item["record"])


def read_cluster_records(path: Path) -> list[dict]:
    """The JSONL records of a cluster gold file; a line without `id`, `text` or `cluster` is an error."""
    records = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}: line {number} is not JSON ({exc.msg})") from None
            missing = [key for key in ("id", "text", "cluster") if key not in record]
            if missing:
                raise ValueError(f"{path}: line {number} has no {', '.join(missing)}")
            records.append(record)
    return records


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class SampleStoryReport:
    """The story layer run end to end on the sample corpus, against its gold."""

    clusters: ClusterScores
    copies_found: int
    copies_gold: int
    copies_predicted: int
    events: MergeScores
    quotes: MergeScores
    events_on_gold: MergeScores
    quotes_on_gold: MergeScores
    ledger: LedgerScores
    ledger_on_gold: LedgerScores


def evaluate_sample_stories(
    store: Store, articles: dict[tuple[str, str | None], Article], gold: dict
) -> SampleStoryReport:
    """Score a store holding the sample corpus (ingested, stories updated) against the gold.

    Gold mentions are matched to stored ones as the event and quote sample scorers do (an overlapping
    trigger; the gold quote's words inside the stored quote; each stored mention used once), then the
    grouping of the matched mentions into instances is compared with the gold's.
    """
    key_of = {article.id: key for key, article in articles.items()}
    gold_by_key = {_key(item): item for item in gold["articles"]}
    story_of = {
        row["article_id"]: row["story_id"]
        for row in store.conn.execute("SELECT article_id, story_id FROM story_articles")
    }
    clusters = score_clusters(
        {key_of[a]: s for a, s in story_of.items() if a in key_of}, {k: g["story"] for k, g in gold_by_key.items()}
    )
    copy_rows = store.conn.execute("SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL").fetchall()
    predicted_copies = {(key_of.get(r["id"]), key_of.get(r["duplicate_of"])) for r in copy_rows}
    gold_copies = {
        (_key(item), (item["duplicate_of"]["source"], item["duplicate_of"]["record"]))
        for item in gold["articles"]
        if item.get("duplicate_of")
    }
    event_instance = {
        (r["article_id"], r["event"]): r["instance"] + 100_000 * r["story_id"]
        for r in store.conn.execute("SELECT story_id, instance, article_id, event FROM event_instance_mentions")
    }
    quote_instance = {
        (r["article_id"], r["quote"]): r["instance"] + 100_000 * r["story_id"]
        for r in store.conn.execute("SELECT story_id, instance, article_id, quote FROM quote_instance_mentions")
    }
    events_pred, events_gold, quotes_pred, quotes_gold = {}, {}, {}, {}
    for key, item in gold_by_key.items():
        article = articles.get(key)
        if article is None:
            continue
        stored_events = store.conn.execute(
            "SELECT n, trigger_start, trigger_end FROM events WHERE article_id = ? ORDER BY n", (article.id,)
        ).fetchall()
        used: set[int] = set()
        for n, expected in enumerate(item["events"]):
            span = trigger_span(article.text, expected)
            match = next(
                (e for e in stored_events if e[0] not in used and span and e[1] < span[1] and span[0] < e[2]), None
            )
            events_gold[(key, n)] = expected["instance"]
            if match is not None and (article.id, match[0]) in event_instance:
                used.add(match[0])
                events_pred[(key, n)] = event_instance[(article.id, match[0])]
        stored_quotes = store.conn.execute("SELECT n, text FROM quotes WHERE article_id = ? ORDER BY n", (article.id,))
        stored_quotes = stored_quotes.fetchall()
        used = set()
        for n, expected in enumerate(item["quotes"]):
            wanted = comparable(expected["text"])
            match = next((q for q in stored_quotes if q[0] not in used and wanted in comparable(q[1])), None)
            quotes_gold[(key, n)] = expected["instance"]
            if match is not None and (article.id, match[0]) in quote_instance:
                used.add(match[0])
                quotes_pred[(key, n)] = quote_instance[(article.id, match[0])]
    outcomes = {
        r["instance"] + 100_000 * r["story_id"]: (
            r["outcome"],
            None if r["resolved_by"] is None else r["resolved_by"] + 100_000 * r["story_id"],
        )
        for r in store.conn.execute("SELECT story_id, instance, outcome, resolved_by FROM expectations")
    }
    events_on_gold, quotes_on_gold, ledger_on_gold = merge_gold_mentions(gold)
    return SampleStoryReport(
        clusters=clusters,
        copies_found=len(predicted_copies & gold_copies),
        copies_gold=len(gold_copies),
        copies_predicted=len(predicted_copies),
        events=score_merge(events_pred, events_gold),
        quotes=score_merge(quotes_pred, quotes_gold),
        events_on_gold=events_on_gold,
        quotes_on_gold=quotes_on_gold,
        ledger=score_ledger(gold.get("ledger", []), events_gold, events_pred, outcomes),
        ledger_on_gold=ledger_on_gold,
    )
