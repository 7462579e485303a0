"""Score quote extraction and speaker attribution against gold records in the quotes JSONL layout.

Gold and predicted files share one layout (see ../shared/data/quotes/README.md): one JSON object per
article with `id`, `outlet`, `text` and `quotes`; each quote has a `quote` envelope span, its
`quote_parts`, a `speaker` span (or null) with `speaker_parts`, a `cue` and a `type` (direct, mixed,
indirect). Records are matched by `id`; offsets index the gold record's `text`. A predicted quote may
also carry `speaker_entity_mentions`, the [start, end] spans of every mention of the entity its speaker
resolves to, so that a system that finds the right person through a different mention (the name in the
previous paragraph for a gold "he") is not marked wrong.

The metrics follow the README's "How to score":

* `exact`: one-to-one matching on identical offsets once whitespace, quotation marks and edge
  punctuation are trimmed from both ends, so `"We will win,"` and `We will win` are the same quote.
  A split quote is compared part by part: one span over the envelope of "X," she said, "Y" is not
  exact, as it takes "she said" for quoted words.
* `overlap`: one-to-one greedy matching, best character Jaccard first, at a Jaccard of at least 0.5.
  Characters come from the (trimmed) `quote_parts`, so the cue and speaker that interrupt a split
  quote ("X," she said, "Y") neither help nor hurt.
* `prop`: character-level proportional overlap: precision is the share of predicted quote characters
  inside some gold quote, recall the share of gold quote characters inside some prediction.
* `speaker_acc` / `speaker_exact_acc`: over overlap-matched pairs, the share whose speaker is right /
  exactly right. Right: the predicted speaker, or any of its entity mentions, shares a character with
  the gold speaker. Exactly right: the predicted speaker envelope equals the gold one (whitespace
  trimmed). A pair where neither side has a speaker is right on both counts.
* `end2end`: a true positive is an overlap-matched pair with a right speaker; the headline number.

Breakdowns. A row selects which gold quotes count on the recall side and which predictions count on
the precision side; correctness is always judged against all quotes of the article. Per type, the
recall side takes the gold `type` and the precision side the predicted quote's own `type` (inferred
from its double quotes, as the gold converter does, when the prediction gives none): a system's
precision on "direct" is then about the quotes it *claimed* were direct, which is what a user of its
output sees. The speech-cues row keeps gold quotes whose cue is a speech verb (`SPEECH_CUES`) and the
predictions that are not overlap-matched to a gold quote with some other cue: a prediction matched to a
belief attribution ("he thinks ...") is left out rather than counted wrong, while one matched to nothing
still counts as a false positive. The per-record rows (`by`, default `outlet`) take whole articles.

Gold records with no prediction record count all their quotes as misses; prediction records whose id
is not in the gold are not scored (their number is reported), so a gold subset can be scored against a
full prediction file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError

TYPES = ("direct", "mixed", "indirect")
QUOTED_ROW = "direct+mixed"
"""The quotes with the speaker's own words in quotation marks, the subset the issue's 0.93 target names."""
QUOTED_TYPES = frozenset({"direct", "mixed"})
SPEECH_ROW = "speech-cues"
OVERLAP_THRESHOLD = 0.5

QUOTE_MARKS = "\"'“”„‟‘’‚‛«»‹›"
EDGE_PUNCTUATION = ",.;:!?—–-"
_TRIM = frozenset(QUOTE_MARKS + EDGE_PUNCTUATION)
# Marks the gold converter's `type` heuristic treats as double quotes, by the side they open or close.
_OPENING_DOUBLE = '"“„«'
_CLOSING_DOUBLE = '"”»'
_DOUBLE = frozenset(_OPENING_DOUBLE + _CLOSING_DOUBLE)

SPEECH_CUES = (
    "say",
    "said",
    "says",
    "saying",
    "told",
    "tell",
    "tells",
    "added",
    "adding",
    "according to",
    "wrote",
    "asked",
    "noted",
    "announced",
    "argued",
    "explained",
    "insisted",
    "warned",
    "stated",
    "claimed",
    "replied",
    "responded",
    "tweeted",
    "declared",
)
# Words that may precede the verb of a speech cue ("has said", "also told", "did not say"): dropped
# before the cue is compared with SPEECH_CUES, a cheap stand-in for lemmatising the cue's head.
_CUE_PREFIXES = frozenset(
    {"has", "have", "had", "is", "was", "were", "are", "be", "been", "will", "would", "did", "does", "do"}
    | {"also", "later", "then", "again", "once", "previously", "recently", "repeatedly", "publicly"}
    | {"privately", "not", "never", "n't", "'s"}
)
_SPEECH = re.compile(r"(?:" + "|".join(re.escape(cue) for cue in SPEECH_CUES) + r")(?![\w'’])")

Span = tuple[int, int]


@dataclass
class Counts:
    """Matching counts for one metric and one row.

    `tp` counts gold items that were found (the recall side) and `pred_tp` predicted items that were
    right (the precision side). The two are equal overall; they differ only in breakdown rows where a
    matched pair falls into the row on one side but not the other (a gold indirect quote predicted as
    direct). For `prop` the items are characters.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    pred_tp: int = 0

    @property
    def precision(self) -> float:
        return self.pred_tp / (self.pred_tp + self.fp) if self.pred_tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, found: bool, *, gold: bool) -> None:
        """Count one gold item (found or missed) or one predicted item (right or wrong)."""
        if gold:
            self.tp += found
            self.fn += not found
        else:
            self.pred_tp += found
            self.fp += not found


@dataclass
class Accuracy:
    """Share of matched pairs judged right; 0.0 (shown as "-") when there is no pair to judge."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass
class QuoteScores:
    """All metrics for one row; the overall result also carries the breakdown rows."""

    gold: int = 0
    """Gold quotes in this row."""
    predicted: int = 0
    """Predicted quotes in this row."""
    exact: Counts = field(default_factory=Counts)
    overlap: Counts = field(default_factory=Counts)
    prop: Counts = field(default_factory=Counts)
    speaker_acc: Accuracy = field(default_factory=Accuracy)
    speaker_exact_acc: Accuracy = field(default_factory=Accuracy)
    end2end: Counts = field(default_factory=Counts)
    matched: int = 0
    """Overlap-matched pairs whose gold quote is in this row."""
    by_type: dict[str, QuoteScores] = field(default_factory=dict)
    """One row per gold type (direct, mixed, indirect), direct and mixed together (`QUOTED_ROW`), and the
    speech-cues subset (`SPEECH_ROW`)."""
    by_record: dict[str, QuoteScores] = field(default_factory=dict)
    """One row per value of the record field named by `record_field` (the outlet by default)."""
    record_field: str = "outlet"
    unscored_records: int = 0
    """Prediction records whose id is not in the gold."""


@dataclass
class _Quote:
    envelope: Span
    exact_key: tuple[Span, ...]
    """The trimmed parts, in text order."""
    chars: frozenset[int]
    type: str | None
    speakers: list[Span]
    """Speaker parts; for a prediction also its entity mentions. Empty when there is no speaker."""
    speaker_envelope: Span | None
    speech: bool = False


@dataclass
class _Article:
    gold: list[_Quote]
    predicted: list[_Quote]
    exact: dict[int, int]
    """Gold index -> predicted index of exact matches."""
    overlap: dict[int, int]
    """Gold index -> predicted index of overlap matches."""
    speaker_right: dict[int, bool]
    speaker_exact: dict[int, bool]
    gold_chars: frozenset[int]
    """Characters inside any gold quote."""
    predicted_chars: frozenset[int]
    """Characters inside any predicted quote."""


def read_quote_records(path: str | Path) -> list[dict[str, Any]]:
    """Records of a quotes JSONL file; raises InputError naming the line of the first bad record."""
    records = []
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    records.append(_parse_line(str(path), number, line))
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 text ({exc.reason})") from exc
    return records


def _parse_line(path: str, number: int, line: str) -> dict[str, Any]:
    where = f"line {number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not valid JSON ({exc.msg}, column {exc.colno})", where) from exc
    if not isinstance(record, dict):
        raise InputError(path, "expected a JSON object per line", where)
    if not isinstance(record.get("id"), str):
        raise InputError(path, "record has no string `id`", where)
    if not isinstance(record.get("quotes"), list):
        raise InputError(path, f"record {record['id']} has no `quotes` list", where)
    return record


def score_quotes(
    gold: Iterable[Mapping[str, Any]], predicted: Iterable[Mapping[str, Any]], *, by: str | None = None
) -> QuoteScores:
    """Overall scores with per-type, speech-cue and per-record (`by`, default `outlet`) breakdowns.

    Raises ValueError for a duplicate record id or a quote with no usable span.
    """
    record_field = by or "outlet"
    predictions = _by_id(predicted, "predicted")
    overall = QuoteScores(record_field=record_field)
    overall.by_type = {name: QuoteScores(record_field=record_field) for name in (*TYPES, QUOTED_ROW, SPEECH_ROW)}
    seen: set[str] = set()
    for record in gold:
        record_id = record["id"]
        if record_id in seen:
            raise ValueError(f"gold record id {record_id!r} occurs twice")
        seen.add(record_id)
        article = _score_article(record, predictions.get(record_id))
        group = record.get(record_field)
        key = "-" if group is None else str(group)
        row = overall.by_record.setdefault(key, QuoteScores(record_field=record_field))
        everything = ([True] * len(article.gold), [True] * len(article.predicted))
        _tally(overall, article, *everything)
        _tally(row, article, *everything)
        for name in TYPES:
            _tally(
                overall.by_type[name],
                article,
                [q.type == name for q in article.gold],
                [q.type == name for q in article.predicted],
            )
        _tally(
            overall.by_type[QUOTED_ROW],
            article,
            [q.type in QUOTED_TYPES for q in article.gold],
            [q.type in QUOTED_TYPES for q in article.predicted],
        )
        # Predictions matched to a non-speech gold quote are out of the speech row; unmatched ones stay in.
        off_topic = {p for g, p in article.overlap.items() if not article.gold[g].speech}
        _tally(
            overall.by_type[SPEECH_ROW],
            article,
            [q.speech for q in article.gold],
            [i not in off_topic for i in range(len(article.predicted))],
        )
    overall.unscored_records = len(set(predictions) - seen)
    overall.by_record = dict(sorted(overall.by_record.items()))
    return overall


def _by_id(records: Iterable[Mapping[str, Any]], what: str) -> dict[str, Mapping[str, Any]]:
    result: dict[str, Mapping[str, Any]] = {}
    for record in records:
        if record["id"] in result:
            raise ValueError(f"{what} record id {record['id']!r} occurs twice")
        result[record["id"]] = record
    return result


def _score_article(gold: Mapping[str, Any], predicted: Mapping[str, Any] | None) -> _Article:
    """Match one article's predicted quotes to its gold quotes, both ways (exact and overlap)."""
    text = gold.get("text")
    record_id = str(gold["id"])
    gold_quotes = [_quote(q, text, record_id, predicted=False) for q in gold["quotes"]]
    predicted_quotes = [_quote(q, text, record_id, predicted=True) for q in (predicted or {}).get("quotes") or []]
    overlap = _match_overlap(gold_quotes, predicted_quotes)
    return _Article(
        gold=gold_quotes,
        predicted=predicted_quotes,
        exact=_match_exact(gold_quotes, predicted_quotes),
        overlap=overlap,
        speaker_right={g: _speaker_right(gold_quotes[g], predicted_quotes[p]) for g, p in overlap.items()},
        speaker_exact={g: _speaker_exact(gold_quotes[g], predicted_quotes[p]) for g, p in overlap.items()},
        gold_chars=frozenset().union(*(q.chars for q in gold_quotes)),
        predicted_chars=frozenset().union(*(q.chars for q in predicted_quotes)),
    )


def _tally(row: QuoteScores, article: _Article, gold_in: Sequence[bool], predicted_in: Sequence[bool]) -> None:
    """Add one article's counts for the gold quotes and predictions that fall into `row`."""
    right = {g for g, ok in article.speaker_right.items() if ok}
    exact_found = set(article.exact.values())
    overlap_found = set(article.overlap.values())
    end2end_found = {article.overlap[g] for g in right}
    for g in range(len(article.gold)):
        if not gold_in[g]:
            continue
        row.gold += 1
        row.exact.add(g in article.exact, gold=True)
        row.overlap.add(g in article.overlap, gold=True)
        row.end2end.add(g in right, gold=True)
        if g in article.overlap:
            row.matched += 1
            row.speaker_acc.total += 1
            row.speaker_acc.correct += article.speaker_right[g]
            row.speaker_exact_acc.total += 1
            row.speaker_exact_acc.correct += article.speaker_exact[g]
    for p in range(len(article.predicted)):
        if not predicted_in[p]:
            continue
        row.predicted += 1
        row.exact.add(p in exact_found, gold=False)
        row.overlap.add(p in overlap_found, gold=False)
        row.end2end.add(p in end2end_found, gold=False)
    # Proportional overlap: characters of the row's quotes against all characters of the other side.
    row_gold = frozenset().union(*(q.chars for q, keep in zip(article.gold, gold_in, strict=True) if keep))
    row_predicted = frozenset().union(
        *(q.chars for q, keep in zip(article.predicted, predicted_in, strict=True) if keep)
    )
    covered = len(row_gold & article.predicted_chars)
    inside = len(row_predicted & article.gold_chars)
    row.prop.tp += covered
    row.prop.fn += len(row_gold) - covered
    row.prop.pred_tp += inside
    row.prop.fp += len(row_predicted) - inside


def _quote(raw: Mapping[str, Any], text: str | None, record_id: str, *, predicted: bool) -> _Quote:
    """The spans of one quote in the form the matchers need."""
    raw_parts = list(raw.get("quote_parts") or []) or ([raw["quote"]] if raw.get("quote") else [])
    if not raw_parts:
        raise ValueError(f"record {record_id!r}: a quote has neither `quote` nor `quote_parts`")
    parts = [_span(r) for r in raw_parts]
    part_texts = [_span_text(span, r, text) for span, r in zip(parts, raw_parts, strict=True)]
    envelope = _span(raw["quote"]) if raw.get("quote") else _envelope(parts)
    trimmed = sorted(_trim(span, part_text, _TRIM) for span, part_text in zip(parts, part_texts, strict=True))
    chars = frozenset(i for start, end in trimmed for i in range(start, end))

    speakers, speaker_envelope = _speaker(raw, text)
    if predicted:
        speakers += [_span(m) for m in raw.get("speaker_entity_mentions") or []]

    quote_type = raw.get("type")
    if quote_type not in TYPES:
        quote_type = _infer_type(part_texts) if predicted else None
    return _Quote(
        envelope=envelope,
        exact_key=tuple(trimmed),
        chars=chars,
        type=quote_type,
        speakers=speakers,
        speaker_envelope=speaker_envelope,
        speech=not predicted and _is_speech_cue(raw.get("cue")),
    )


def _speaker(raw: Mapping[str, Any], text: str | None) -> tuple[list[Span], Span | None]:
    """The speaker's parts and envelope, whitespace trimmed; ([], None) for a quote without a speaker."""
    raw_parts = list(raw.get("speaker_parts") or []) or ([raw["speaker"]] if raw.get("speaker") else [])
    parts = [_trim(_span(r), _span_text(_span(r), r, text), frozenset()) for r in raw_parts]
    if not parts:
        return [], None
    if raw.get("speaker"):
        envelope = _span(raw["speaker"])
        return parts, _trim(envelope, _span_text(envelope, raw["speaker"], text), frozenset())
    return parts, _envelope(parts)


def _envelope(parts: Sequence[Span]) -> Span:
    return min(s for s, _ in parts), max(e for _, e in parts)


def _span(raw: Any) -> Span:
    """(start, end) of a span given as `{"start", "end", ...}` or as `[start, end]`."""
    start, end = (raw["start"], raw["end"]) if isinstance(raw, Mapping) else raw
    if not (isinstance(start, int) and isinstance(end, int)) or end < start:
        raise ValueError(f"bad span {raw!r}: expected integer offsets with start <= end")
    return start, end


def _span_text(span: Span, raw: Any, text: str | None) -> str | None:
    """The characters under `span`, from the article text or else from the span's own `text`."""
    if text is not None:
        return text[span[0] : span[1]]
    if isinstance(raw, Mapping) and isinstance(raw.get("text"), str):
        return raw["text"]
    return None


def _trim(span: Span, content: str | None, marks: frozenset[str]) -> Span:
    """`span` without leading and trailing whitespace or `marks`; unchanged when that leaves nothing."""
    if not content or len(content) != span[1] - span[0]:
        return span
    lead, tail = 0, len(content)
    while lead < tail and (content[lead].isspace() or content[lead] in marks):
        lead += 1
    while tail > lead and (content[tail - 1].isspace() or content[tail - 1] in marks):
        tail -= 1
    if lead == tail:
        return span
    return span[0] + lead, span[0] + tail


def _infer_type(part_texts: Sequence[str | None]) -> str | None:
    """The gold converter's heuristic: direct if every part is wrapped in double quotes, mixed if any
    double quote appears, else indirect. None when the characters are not known."""
    if any(t is None for t in part_texts):
        return None
    stripped = [t.strip() for t in part_texts if t is not None]
    if all(len(t) >= 2 and t[0] in _OPENING_DOUBLE and t[-1] in _CLOSING_DOUBLE for t in stripped):
        return "direct"
    if any(ch in _DOUBLE for t in stripped for ch in t):
        return "mixed"
    return "indirect"


def _is_speech_cue(cue: Any) -> bool:
    """Whether a cue's words, past auxiliaries and adverbs ("has also said"), start with a speech verb."""
    if not isinstance(cue, Mapping) or not isinstance(cue.get("text"), str):
        return False
    words = cue["text"].lower().replace("’", "'").split()
    while words and words[0] in _CUE_PREFIXES:
        words.pop(0)
    return bool(_SPEECH.match(" ".join(words)))


def _match_exact(gold: Sequence[_Quote], predicted: Sequence[_Quote]) -> dict[int, int]:
    """One-to-one pairs of quotes with the same trimmed parts, in text order."""
    waiting: dict[tuple[Span, ...], list[int]] = {}
    for g, quote in enumerate(gold):
        waiting.setdefault(quote.exact_key, []).append(g)
    pairs = {}
    for p, quote in enumerate(predicted):
        candidates = waiting.get(quote.exact_key)
        if candidates:
            pairs[candidates.pop(0)] = p
    return pairs


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """Character Jaccard overlap of two quotes; 0.0 when both are empty."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _match_overlap(gold: Sequence[_Quote], predicted: Sequence[_Quote]) -> dict[int, int]:
    """One-to-one greedy pairs, best Jaccard first (ties in text order), at Jaccard >= 0.5."""
    candidates = []
    for g, gq in enumerate(gold):
        for p, pq in enumerate(predicted):
            # Envelopes that do not touch cannot share characters; skip the set work for them.
            if gq.envelope[0] >= pq.envelope[1] or pq.envelope[0] >= gq.envelope[1]:
                continue
            score = 1.0 if gq.chars == pq.chars and gq.envelope == pq.envelope else jaccard(gq.chars, pq.chars)
            if score >= OVERLAP_THRESHOLD:
                candidates.append((-score, g, p))
    candidates.sort()
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, g, p in candidates:
        if g not in pairs and p not in taken:
            pairs[g] = p
            taken.add(p)
    return pairs


def _speaker_right(gold: _Quote, predicted: _Quote) -> bool:
    """Both without a speaker, or the predicted speaker (or one of its entity's mentions) touches the gold one."""
    if not gold.speakers:
        return predicted.speaker_envelope is None
    return any(_touch(g, p) for g in gold.speakers for p in predicted.speakers)


def _speaker_exact(gold: _Quote, predicted: _Quote) -> bool:
    return gold.speaker_envelope == predicted.speaker_envelope


def _touch(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def format_quote_scores(scores: QuoteScores) -> str:
    """A plain-text table: overall, the type rows, direct and mixed together, the speech-cue row, then
    one row per record group."""
    rows = [("overall", scores)]
    rows += [(name, scores.by_type[name]) for name in (*TYPES, QUOTED_ROW, SPEECH_ROW) if name in scores.by_type]
    rows += [(f"{scores.record_field}={key}", row) for key, row in scores.by_record.items()]
    header = ("", "exact F1", "ovl P", "ovl R", "ovl F1", "prop F1", "spk acc", "e2e P", "e2e R", "e2e F1", "gold")
    lines = [
        (
            label,
            _num(row.exact.f1),
            _num(row.overlap.precision),
            _num(row.overlap.recall),
            _num(row.overlap.f1),
            _num(row.prop.f1),
            _num(row.speaker_acc.value) if row.speaker_acc.total else "-",
            _num(row.end2end.precision),
            _num(row.end2end.recall),
            _num(row.end2end.f1),
            str(row.gold),
        )
        for label, row in rows
    ]
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]
    rendered = [
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(line, widths, strict=True))
        )
        for line in [header, *lines]
    ]
    if scores.unscored_records:
        rendered.append(f"({scores.unscored_records} prediction records have no gold record and were not scored)")
    return "\n".join(rendered)


def _num(value: float) -> str:
    return f"{value:.3f}"
