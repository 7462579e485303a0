"""Per-article limits: an article too long to analyse, or one whose analysis runs too long, is one named
error; the rest of its chunk is analysed, and no worker is left stuck on it."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from click.testing import CliRunner

import newsgraph.pipeline as pipeline
from newsgraph.cli import cli
from newsgraph.errors import InputError
from newsgraph.model import Analysis, Article, Source
from newsgraph.pipeline import analyze_many
from newsgraph.scale.runners import ProcessRunner
from newsgraph.scale.tasks import Settings, analyses

from conftest import FLOOD_STORY, HARBOUR_STORY


def articles() -> list[Article]:
    return [
        Article(id="harbour", text=HARBOUR_STORY, source=Source(path="harbour.txt")),
        Article(id="floods", text=FLOOD_STORY, source=Source(path="wire.jsonl", record="line 7")),
    ]


def slow_on_floods(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The event coder stalls on the flood story, as a rule caught in a slow corner would."""
    real = pipeline.find_events

    def stalling(doc, *args):  # type: ignore[no-untyped-def]
        if "Mozambique" in doc.text:
            time.sleep(30)
        return real(doc, *args)

    monkeypatch.setattr(pipeline, "find_events", stalling)


def test_a_text_over_the_size_limit_is_named_and_not_analysed() -> None:
    assert len(HARBOUR_STORY) > len(FLOOD_STORY)
    harbour, floods = analyze_many(articles(), max_chars=len(HARBOUR_STORY) - 1)
    assert isinstance(floods, Analysis) and floods.quotes
    assert isinstance(harbour, InputError) and harbour.path == "harbour.txt"
    assert f"text is {len(HARBOUR_STORY):,} characters" in harbour.reason and "not analysed" in harbour.reason


def test_an_article_that_takes_too_long_is_skipped_and_the_others_are_kept(monkeypatch) -> None:
    slow_on_floods(monkeypatch)
    started = time.monotonic()
    harbour, floods = analyze_many(articles(), time_limit=0.5)
    assert time.monotonic() - started < 10
    assert isinstance(harbour, Analysis) and harbour.article.id == "harbour"
    assert isinstance(floods, InputError) and "took longer than 0.5 s; skipped" in floods.reason


def test_a_pool_worker_is_not_left_stuck_on_a_slow_article(monkeypatch) -> None:
    slow_on_floods(monkeypatch)  # forked workers inherit the patch
    started = time.monotonic()
    with ProcessRunner(2) as pool:
        results = [pair for chunk in analyses(pool, articles() * 3, Settings(time_limit=0.5), size=2) for pair in chunk]
    assert time.monotonic() - started < 20
    outcomes = [(article.id, type(result).__name__) for article, result in results]
    assert outcomes == [("harbour", "Analysis"), ("floods", "InputError")] * 3


def test_the_cli_reports_the_slow_article_by_name(tmp_path: Path, monkeypatch) -> None:
    slow_on_floods(monkeypatch)
    (tmp_path / "harbour.txt").write_text("Customs deal to halve port waits\n\n" + HARBOUR_STORY)
    (tmp_path / "floods.txt").write_text("Floods displace thousands\n\n" + FLOOD_STORY)
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path), "--workers", "1", "--time-limit", "0.5"])
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'floods.txt'}: analysis took longer than 0.5 s; skipped" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_the_time_limit_holds_in_a_worker_thread_too(monkeypatch) -> None:
    """A Dask worker runs tasks in threads, where no alarm signal arrives: a watchdog stops the slow one."""
    real = pipeline.find_events

    def spinning(doc, *args):  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + 30
        while "Mozambique" in doc.text and time.monotonic() < deadline:  # a rule looping in Python
            pass
        return real(doc, *args)

    monkeypatch.setattr(pipeline, "find_events", spinning)
    results: list = []
    started = time.monotonic()
    worker = threading.Thread(target=lambda: results.extend(analyze_many(articles(), time_limit=0.5)))
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive() and time.monotonic() - started < 10
    harbour, floods = results
    assert isinstance(harbour, Analysis) and harbour.article.id == "harbour"
    assert isinstance(floods, InputError) and "took longer than 0.5 s; skipped" in floods.reason
