"""Crash safety: `newsgraph ingest` killed with SIGKILL at random points, then run again, loses nothing.

One ingest of a generated corpus is killed `--kills N` times (3 in CI, 25 in the long mode), each time at
a random point: while the model loads, while chunks are analysed and stored, or while stories are
updated. Then it runs to the end. The store must then hold exactly what one uninterrupted run stores:
every article once, every article's analysis rows whole (the same entities, quotes and events as the
reference), every story, a clean `PRAGMA integrity_check`, and a run table that says which runs were
interrupted and how many articles each added.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from generated import ingest, stored, write_corpus

pytestmark = pytest.mark.crash


@dataclass
class Timing:
    """When, in seconds from its start, a clean ingest stored its first article, finished its run (the
    story update starts then) and exited."""

    first_article: float
    run_done: float
    exited: float


def watch(process: subprocess.Popen, db: Path, until: Callable[[float], bool] = lambda _: False) -> Timing | None:
    """Follow an ingest until it exits (its Timing) or `until(seconds since start)` holds (None)."""
    started, first, done = time.monotonic(), None, None
    while process.poll() is None:
        elapsed = time.monotonic() - started
        if first is None and stored(db) > 0:
            first = elapsed
        if done is None and run_status(db, process.pid) == "done":
            done = elapsed
        if until(elapsed):
            return None
        time.sleep(0.01)
    end = time.monotonic() - started
    return Timing(first or end, done or end, end)


def run_status(db: Path, pid: int) -> str | None:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            row = conn.execute("SELECT status FROM runs WHERE pid = ? ORDER BY id DESC LIMIT 1", (pid,)).fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def kill_plan(kills: int, total: int, rng: random.Random) -> list[tuple[str, float]]:
    """Where to kill each run: `start-up` (a fraction of the start-up time), `articles` (a number of
    articles stored, in increasing order) or `stories` (a fraction of the story update's time). Story
    updates come last, since a run reaches one only when every article is stored."""
    phases = ["start-up", "articles", "stories"] * kills
    chosen = sorted(phases[:kills], key=lambda phase: (phase == "stories", rng.random()))
    targets = iter(sorted(rng.sample(range(1, total - 64), chosen.count("articles"))))  # two chunks before the end
    return [(phase, next(targets) if phase == "articles" else rng.uniform(0.05, 0.9)) for phase in chosen]


def kill(folder: Path, db: Path, phase: str, at: float, timing: Timing) -> tuple[str, int, int, str | None]:
    """Start an ingest and SIGKILL it at the planned point: (phase, articles stored before, at the kill,
    the killed run's status then), or the phase 'finished' when it ended first."""
    before = stored(db)
    process = ingest(folder, db)
    story_update: list[float] = []

    def due(elapsed: float) -> bool:
        if phase == "start-up":
            return elapsed >= at * timing.first_article
        if phase == "articles":
            return stored(db) >= at
        if not story_update and run_status(db, process.pid) == "done":
            story_update.append(elapsed)
        return bool(story_update) and elapsed - story_update[0] >= at * (timing.exited - timing.run_done)

    if watch(process, db, due) is not None:
        return "finished", before, stored(db), run_status(db, process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    return phase, before, stored(db), run_status(db, process.pid)


def snapshot(db: Path) -> dict[str, object]:
    """What an ingest leaves in the store, without the ids and times that differ between runs."""
    with sqlite3.connect(db) as conn:
        query = lambda sql: sorted(conn.execute(sql).fetchall())  # noqa: E731
        return {
            "articles": query("SELECT id, content_hash, title, text, published FROM articles"),
            "sources": query("SELECT article_id, path, record FROM article_sources"),
            "entities": query("SELECT article_id, id, name, kind, country, sector, roles FROM entities"),
            "mentions": query("SELECT article_id, entity_id, start, end FROM mentions"),
            "quotes": query("SELECT article_id, n, text, start, end, kind, speaker_name FROM quotes"),
            "events": query("SELECT article_id, n, type, status, actor_name, recipient_name, cameo FROM events"),
            "stories": query(
                "SELECT group_concat(article_id, ' ') FROM"
                " (SELECT story_id, article_id FROM story_articles ORDER BY article_id) GROUP BY story_id"
            ),
        }


def test_ingest_killed_at_random_points_then_resumed_stores_exactly_one_clean_run(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    kills = request.config.getoption("--kills")
    folder = tmp_path / "corpus"
    total = write_corpus(folder, max(240, 40 * kills))
    reference = ingest(folder, tmp_path / "reference.db")
    timing = watch(reference, tmp_path / "reference.db")
    assert timing is not None and reference.returncode == 0, reference.stderr.read() if reference.stderr else ""

    db = tmp_path / "killed.db"
    kill_points = [kill(folder, db, phase, at, timing) for phase, at in kill_plan(kills, total, random.Random(kills))]
    final = ingest(folder, db)
    _, stderr = final.communicate(timeout=1200)
    assert final.returncode == 0, stderr
    request.node.user_properties.append(("kill points", kill_points))  # in --junitxml, for docs/reliability.md

    assert snapshot(db) == snapshot(tmp_path / "reference.db")
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        runs = conn.execute(
            "SELECT id, status, articles_added, (SELECT COUNT(*) FROM articles WHERE run_id = runs.id)"
            " FROM runs ORDER BY id"
        ).fetchall()
    # A run killed while storing articles is marked interrupted (by the next run); one killed in the
    # story update had finished its articles and stays done; one killed in start-up may have no row yet.
    mid_batch = sum(1 for phase, before, now, _ in kill_points if phase != "finished" and before < now < total)
    in_story_update = sum(1 for phase, _, now, status in kill_points if phase == "stories" and status == "done")
    statuses = [status for _, status, _, _ in runs]
    assert set(statuses) <= {"interrupted", "done"} and statuses[-1] == "done"
    assert statuses.count("interrupted") >= mid_batch >= 1
    assert in_story_update >= 1
    # Every run's row says how many articles it added, and together they add up to the corpus.
    assert all(recorded == actual for _, _, recorded, actual in runs)
    assert sum(added for _, _, added, _ in runs) == total
