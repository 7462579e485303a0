"""The extraction scorer on a benchmark folder built here, and on the real one when ../shared has it."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.evaluate.extraction import evaluate_extraction, score_page, summarise

from conftest import FLOOD_STORY, HARBOUR_STORY, SHARED, page_html


def test_perfect_extraction_scores_one() -> None:
    report = summarise([score_page("a", HARBOUR_STORY, HARBOUR_STORY)])
    assert (report.precision, report.recall, report.f1, report.accuracy) == (1.0, 1.0, 1.0, 1.0)


def test_boilerplate_lowers_precision_and_missing_text_lowers_recall() -> None:
    noisy = score_page("a", "Home World Business Sport Accept all cookies now\n\n" + HARBOUR_STORY, HARBOUR_STORY)
    half = score_page("b", HARBOUR_STORY.split("\n\n")[0], HARBOUR_STORY)
    report = summarise([noisy, half])
    assert noisy.fp > 0 and noisy.fn == 0
    assert half.fn > 0 and half.fp == 0
    assert report.precision < 1.0 and report.recall < 1.0 and report.accuracy == 0.0


def test_pages_weigh_equally_whatever_their_length() -> None:
    short = score_page("short", "one two three four five", "one two three four five")
    long = score_page("long", FLOOD_STORY * 10, FLOOD_STORY * 10)
    assert short.tp == long.tp == 1.0


def benchmark_folder(root: Path) -> Path:
    (root / "html").mkdir(parents=True)
    truth = {}
    for page_id, (title, body) in {"p1": ("Port deal", HARBOUR_STORY), "p2": ("Floods", FLOOD_STORY)}.items():
        with gzip.open(root / "html" / f"{page_id}.html.gz", "wt", encoding="utf-8") as handle:
            handle.write(page_html(title, body))
        truth[page_id] = {"articleBody": body, "url": f"https://ledger.example/{page_id}"}
    (root / "ground-truth.json").write_text(json.dumps(truth))
    return root


def test_evaluate_extraction_runs_an_extractor_over_the_layout(tmp_path: Path) -> None:
    folder = benchmark_folder(tmp_path / "bench")
    report = evaluate_extraction(folder, lambda html, page_id: HARBOUR_STORY if page_id == "p1" else None)
    assert report.pages == 2 and report.empty == 1
    assert 0.0 < report.recall < 1.0


def test_eval_extraction_command_prints_precision_recall_f1(tmp_path: Path) -> None:
    folder = benchmark_folder(tmp_path / "bench")
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph", "eval", "extraction", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    scores = dict(line.split(None, 1) for line in result.stdout.splitlines())
    assert set(scores) >= {"precision", "recall", "F1"}
    assert float(scores["F1"]) > 0.9


def test_eval_extraction_names_a_folder_that_is_not_a_benchmark(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph", "eval", "extraction", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "ground-truth.json: not found" in result.stderr


@pytest.mark.skipif(
    not (SHARED / "data" / "extraction" / "ground-truth.json").is_file(),
    reason="../shared/data/extraction (ScrapingHub benchmark) is not beside the repo",
)
def test_real_benchmark_pages_all_yield_text() -> None:
    """Every page of the real benchmark gives some text through our wrapper (the score is in docs/accuracy.md)."""
    from newsgraph.articles.reading import html_to_article
    from newsgraph.model import Article

    folder = SHARED / "data" / "extraction"
    ids = sorted(json.loads((folder / "ground-truth.json").read_text()))[:15]
    for page_id in ids:
        with gzip.open(folder / "html" / f"{page_id}.html.gz", "rt", encoding="utf-8", errors="replace") as handle:
            assert isinstance(html_to_article(page_id, handle.read()), Article), page_id
