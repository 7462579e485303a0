"""Score HTML-to-text extraction on the ScrapingHub article-extraction benchmark layout.

The layout: `DIR/ground-truth.json` maps a page id to `{"articleBody": ...}` and `DIR/html/<id>.html.gz`
holds the page. The scoring follows the benchmark's description: bag-of-shingles (word 4-grams over
`\\w+` tokens) overlap per page, TP/FP/FN normalised per page so long pages weigh no more than short
ones, precision and recall macro-averaged over pages, F1 of the two means. A page whose extracted token
sequence equals the gold one exactly counts towards `accuracy`.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

_WORD = re.compile(r"\w+")
SHINGLE = 4


@dataclass
class PageScore:
    id: str
    tp: float
    fp: float
    fn: float
    exact: bool


@dataclass
class ExtractionReport:
    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int
    empty: int
    """Pages for which the extractor returned no text at all."""


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """Multiset of word 4-grams; a text shorter than that is one shingle of all its words."""
    tokens = _WORD.findall(text)
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def score_page(page_id: str, predicted: str, gold: str) -> PageScore:
    """Shingle overlap of one page, with TP + FP + FN normalised to 1."""
    pred, true = shingles(predicted), shingles(gold)
    tp = sum((pred & true).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    exact = _WORD.findall(predicted) == _WORD.findall(gold)
    return PageScore(page_id, tp, fp, fn, exact)


def summarise(scores: Iterable[PageScore], empty: int = 0) -> ExtractionReport:
    """Macro-averaged precision, recall, F1 and exact-match accuracy over pages."""
    scores = list(scores)
    precisions = [_ratio(s.tp, s.fp, s) for s in scores if s.tp + s.fp > 0 or s.fn == 0]
    recalls = [_ratio(s.tp, s.fn, s) for s in scores if s.tp + s.fn > 0 or s.fp == 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    accuracy = sum(s.exact for s in scores) / len(scores) if scores else 0.0
    return ExtractionReport(p, r, f1, accuracy, len(scores), empty)


def _ratio(tp: float, other: float, score: PageScore) -> float:
    if score.fp == 0 and score.fn == 0:
        return 1.0
    return tp / (tp + other)


def load_benchmark(directory: Path) -> dict[str, str]:
    """Gold article bodies by page id; raises FileNotFoundError naming what is missing."""
    truth = directory / "ground-truth.json"
    if not truth.is_file():
        raise FileNotFoundError(f"{truth}: not found (expected the ScrapingHub benchmark layout)")
    with truth.open(encoding="utf-8") as handle:
        return {page_id: item["articleBody"] for page_id, item in json.load(handle).items()}


def evaluate_extraction(
    directory: Path,
    extract: Callable[[str, str], str | None],
    progress: Callable[[Iterable[str]], Iterable[str]] = lambda ids: ids,
) -> ExtractionReport:
    """Run `extract(html, page_id)` over every benchmark page and score it against the gold body."""
    gold = load_benchmark(directory)
    scores, empty = [], 0
    for page_id in progress(sorted(gold)):
        with gzip.open(directory / "html" / f"{page_id}.html.gz", "rt", encoding="utf-8", errors="replace") as f:
            html = f.read()
        predicted = extract(html, page_id) or ""
        empty += not predicted.strip()
        scores.append(score_page(page_id, predicted, gold[page_id]))
    return summarise(scores, empty)
