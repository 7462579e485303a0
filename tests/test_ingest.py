"""Ingest batches: idempotent re-runs, duplicates stored once, and resuming after a kill."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psutil

from newsgraph.articles.reading import expand_paths
from newsgraph.ingest import IngestCounts, ingest
from newsgraph.store import Store


def run_ingest(folder: Path, db: Path) -> tuple[IngestCounts, list]:
    counts = IngestCounts()
    with Store(db) as store:
        run_id = store.start_run("ingest", [str(folder)])
        events = list(ingest(expand_paths([folder]), store, run_id, counts))
        store.finish_run(run_id, "done", counts.as_dict())
    return counts, events


def snapshot(db: Path) -> tuple[list, list]:
    with sqlite3.connect(db) as conn:
        articles = conn.execute("SELECT id, content_hash, title, text FROM articles ORDER BY id").fetchall()
        sources = conn.execute("SELECT article_id, path, record FROM article_sources ORDER BY 1, 2, 3").fetchall()
    return articles, sources


def test_second_ingest_of_the_same_folder_changes_nothing(news_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    first, _ = run_ingest(news_folder, db)
    assert first.errors == 0 and first.read == 5
    assert first.added + first.duplicates == 5
    before = snapshot(db)
    second, _ = run_ingest(news_folder, db)
    assert second.added == 0 and second.already_stored + second.duplicates == 5
    assert snapshot(db) == before


def test_exact_duplicate_across_formats_is_stored_once_with_both_sources(news_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    counts, events = run_ingest(news_folder, db)
    duplicates = [e for e in events if e.kind == "duplicate"]
    assert counts.duplicates == len(duplicates) >= 1
    flood = next(e for e in events if e.path.endswith("floods.txt") and e.article_id)
    with Store(db) as store:
        paths = [Path(s["path"]).name for s in store.sources(flood.article_id)]
        assert sorted(paths) == ["floods.txt", "wire.jsonl"]
        assert store.counts()["articles"] == 5 - counts.duplicates


def test_interrupted_run_resumes_and_stores_every_article_once(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    total = 1500
    for i in range(total):
        (folder / f"story-{i:04d}.txt").write_text(
            f"Council vote number {i} delayed\n\n"
            f"The city council postponed vote {i} on the harbour budget after {i % 17} members asked for more time. "
            f"Officials said the session would resume within {i % 5 + 1} weeks.\n\n"
            f"Residents of district {i % 40} had petitioned against the plan since last spring."
        )
    db = tmp_path / "n.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "ingest", str(folder), "--db", str(db), "-q", "--workers", "2"],
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    stored = 0
    workers: list[psutil.Process] = []
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(db, timeout=1) as conn:
                stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:
            continue
        if stored >= 20:
            workers = psutil.Process(process.pid).children(recursive=True)
            process.send_signal(signal.SIGKILL)
            break
    process.wait(timeout=30)
    assert 0 < stored < total, "the batch finished before it could be interrupted; make the test folder larger"
    # Its worker processes notice their parent is gone and end, rather than waiting on it forever.
    assert len(workers) >= 2
    assert _all_end(workers, within=10)

    resumed = subprocess.run(
        [sys.executable, "-m", "newsgraph", "ingest", str(folder), "--db", str(db), "-q"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert resumed.returncode == 0, resumed.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*), COUNT(DISTINCT content_hash) FROM articles").fetchone() == (total, total)
        assert conn.execute("SELECT COUNT(*) FROM article_sources").fetchone()[0] == total
        statuses = [r[0] for r in conn.execute("SELECT status FROM runs ORDER BY id")]
        resumed_run = conn.execute("SELECT already_stored, articles_added FROM runs ORDER BY id DESC").fetchone()
    assert statuses == ["interrupted", "done"]
    assert resumed_run[0] >= stored - 1 and sum(resumed_run) == total


def _all_end(processes: list[psutil.Process], within: float) -> bool:
    """Whether every process has ended (a zombie left to an init that does not reap counts as ended)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not any(_running(p) for p in processes):
            return True
        time.sleep(0.2)
    return False


def _running(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_a_reader_or_analysis_crash_on_one_input_does_not_end_the_batch(
    news_folder: Path, tmp_path: Path, monkeypatch
) -> None:
    import newsgraph.articles.reading as reading
    import newsgraph.pipeline as pipeline

    real_extract, real_quotes = reading.extract_page, pipeline.find_quotes

    def fragile_extract(html, url=None):
        if "aid flights" in html:
            raise RecursionError("maximum recursion depth exceeded")
        return real_extract(html, url)

    def fragile_quotes(doc, entities):
        if "Mozambique" in doc.text:
            raise ValueError("unexpected token")
        return real_quotes(doc, entities)

    monkeypatch.setattr(reading, "extract_page", fragile_extract)
    monkeypatch.setattr(pipeline, "find_quotes", fragile_quotes)
    counts, events = run_ingest(news_folder, tmp_path / "n.db")
    errors = {Path(e.path).name: e.message for e in events if e.kind == "error"}
    assert "RecursionError" in errors["archive.html.gz"] and "please report it" in errors["archive.html.gz"]
    assert "analysis failed" in errors["floods.txt"]
    # The wire's copy of the same text is not analysed again to fail the same way: it is reported with it.
    assert "same text as" in errors["wire.jsonl"] and "floods.txt" in errors["wire.jsonl"]
    assert counts.errors == 3 and counts.added + counts.duplicates == 2
