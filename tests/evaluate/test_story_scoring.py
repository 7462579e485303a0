"""The story-layer scorers: B-cubed and pairwise clusters, duplicate links, merges and the ledger."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import cli
from newsgraph.evaluate.stories import (
    exact_groups,
    near_copies,
    read_cluster_records,
    score_clusters,
    score_duplicates,
    score_ledger,
    score_merge,
)


def test_bcubed_and_pairwise_on_a_known_example() -> None:
    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    predicted = {"a": "x", "b": "x", "c": "y", "d": "y"}
    scores = score_clusters(predicted, gold)
    # B-cubed precision: a, b 1; c, d 1/2. Recall: a, b 2/3; c 1/3; d 1.
    assert scores.bcubed_precision == pytest.approx(0.75)
    assert scores.bcubed_recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert (scores.pair_precision, scores.pair_recall) == (0.5, pytest.approx(1 / 3))
    assert (scores.clusters, scores.gold_clusters) == (2, 2)


def test_an_item_missing_from_the_prediction_is_a_singleton() -> None:
    scores = score_clusters({"a": 1}, {"a": 1, "b": 1})
    assert scores.bcubed_precision == 1.0 and scores.bcubed_recall == 0.5


REPORT = (
    "The harbour authority in Mombasa said on Monday that container traffic rose by a fifth last year, "
    "helped by new cranes and a second shift for customs officers.\n\n"
    "Shipping lines had complained for years about waits of up to a week at the port.\n\n"
    "The authority expects traffic to grow again this year as a new rail link to the interior opens."
)
OTHER = (
    "Farmers in the Rift Valley began planting maize early after the long rains arrived two weeks ahead of "
    "the usual season, the agriculture ministry said.\n\n"
    "Seed merchants reported brisk sales and warned of shortages of certified seed in some counties."
)


def test_exact_and_edited_copies_are_linked_and_other_reports_are_not() -> None:
    records = [("r1", REPORT), ("r2", OTHER), ("r3", REPORT + "\n")]
    groups = exact_groups(records)
    assert groups == {"r1": "r1", "r2": "r2", "r3": "r1"}
    scores = score_duplicates(records, groups)
    assert (scores.true_links, scores.predicted_links, scores.gold_links) == (1, 1, 1)
    copies = near_copies(records, share=1.0)
    assert {copy_id for copy_id, _ in copies} == {"r1~copy", "r2~copy", "r3~copy"}
    assert all(text != dict(records)[copy_id.removesuffix("~copy")] for copy_id, text in copies)


def test_merge_scores_count_instances_and_exact_groups() -> None:
    gold = {1: "A", 2: "A", 3: "B", 4: "C"}
    predicted = {1: "x", 2: "x", 3: "x", 4: "y"}
    scores = score_merge(predicted, gold)
    assert (scores.mentions, scores.instances, scores.gold_instances, scores.exact_instances) == (4, 2, 3, 1)
    assert scores.pair_recall == 1.0 and scores.pair_precision == pytest.approx(1 / 3)


def test_ledger_scores_outcome_and_the_deciding_event() -> None:
    entries = [
        {"expected": "plan", "outcome": "confirmed", "by": "done"},
        {"expected": "other-plan", "outcome": "pending", "by": None},
        {"expected": "lost-plan", "outcome": "failed", "by": "called-off"},
    ]
    gold = {"m1": "plan", "m2": "done", "m3": "other-plan", "m4": "called-off"}
    predicted = {"m1": 10, "m2": 11, "m3": 12, "m4": 13}
    outcomes = {10: ("confirmed", 11), 12: ("confirmed", 11)}
    scores = score_ledger(entries, gold, predicted, outcomes)
    assert (scores.expectations, scores.found, scores.outcome, scores.decided_by) == (3, 2, 1, 1)
    assert len(scores.misses) == 2


def test_cluster_records_name_the_line_that_lacks_a_field(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "x", "cluster": "c"}) + "\n" + json.dumps({"id": "b"}) + "\n")
    with pytest.raises(ValueError, match="line 2 has no text, cluster"):
        read_cluster_records(path)


def test_eval_clusters_runs_the_product_on_a_gold_file(tmp_path: Path) -> None:
    records = [
        {"id": "port-1", "title": "Mombasa port traffic rises", "text": REPORT, "cluster": "port"},
        {"id": "maize-1", "title": "Early rains bring early planting", "text": OTHER, "cluster": "maize"},
        {"id": "port-2", "title": "Mombasa container traffic up a fifth", "text": REPORT, "cluster": "port"},
    ]
    path = tmp_path / "clusters.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    result = CliRunner().invoke(cli, ["eval", "clusters", str(path)])
    assert result.exit_code == 0, result.output
    assert "3 records, 2 gold clusters, 2 stories" in result.output
    assert "B-cubed   P 1.000  R 1.000  F1 1.000" in result.output


def test_eval_duplicates_on_a_small_corpus(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    rows = [{"id": "r1", "text": REPORT}, {"id": "r2", "text": OTHER}, {"id": "r3", "text": REPORT}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = CliRunner().invoke(cli, ["eval", "duplicates", str(path), "--share", "0.5"])
    assert result.exit_code == 0, result.output
    assert "exact copies           links    1 (gold    1)  precision 1.000  recall 1.000" in result.output
    missing = CliRunner().invoke(cli, ["eval", "duplicates", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 2 and "no such file" in missing.output
