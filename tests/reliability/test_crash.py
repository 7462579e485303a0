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
import time
from pathlib import Path

import pytest

from generated import ingest, stored, write_corpus

pytestmark = pytest.mark.crash


def kill_at_random(folder: Path, db: Path, rng: random.Random, total: int) -> tuple[str, int, int] | None:
    """Start an ingest and SIGKILL it at a random point: (phase, articles stored before, at the kill), or
    None when it finished first."""
    before = stored(db)
    phase = rng.choices(["start-up", "articles", "stories"], weights=[1, 3, 1])[0] if before < total else "stories"
    target = rng.randint(before + 1, total - 1) if phase == "articles" and before < total - 1 else None
    delay = rng.uniform(0.0, 1.5 if phase == "start-up" else 0.5)
    process = ingest(folder, db)
    started = time.monotonic()
    while process.poll() is None:
        now = stored(db)
        if (
            (phase == "start-up" and time.monotonic() - started >= delay)
            or (phase == "articles" and now >= (target or total))
            or (phase == "stories" and now >= total and time.monotonic() - started >= delay)
        ):
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
            return phase, before, now
        time.sleep(0.01)
    return None


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
    assert reference.wait(timeout=1200) == 0, reference.stderr.read() if reference.stderr else ""

    db = tmp_path / "killed.db"
    rng = random.Random(kills)
    kill_points = [kill_at_random(folder, db, rng, total) for _ in range(kills)]
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
    mid_batch = sum(1 for point in kill_points if point and point[1] < point[2] < total)
    statuses = [status for _, status, _, _ in runs]
    assert set(statuses) <= {"interrupted", "done"} and statuses[-1] == "done"
    assert statuses.count("interrupted") >= mid_batch >= 1
    # Every run's row says how many articles it added, and together they add up to the corpus.
    assert all(recorded == actual for _, _, recorded, actual in runs)
    assert sum(added for _, _, added, _ in runs) == total
