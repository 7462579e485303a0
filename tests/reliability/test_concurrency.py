"""Concurrency: readers keep answering while an ingest writes, and two writers take turns.

The store runs in WAL mode, so readers see the last committed chunk while a batch writes the next; a
second writing command waits for the store's writer lock (`store/lock.py`) and says so.
"""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from generated import ingest, stored, write_corpus

LOCKED = ("database is locked", "Traceback")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[int, bytes, float]:
    started = time.monotonic()
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read(), time.monotonic() - started


def wait_for(condition, seconds: float = 60) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_dashboard_and_cli_keep_answering_while_an_ingest_writes(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    folder, db = tmp_path / "corpus", tmp_path / "news.db"
    first = write_corpus(tmp_path / "earlier", 10, region="the north")
    assert ingest(tmp_path / "earlier", db).wait(timeout=120) == 0
    total = first + write_corpus(folder, 400)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    writer = None
    try:
        wait_for(lambda: _up(base))
        writer = ingest(folder, db)
        wait_for(lambda: _up(base))
        pages, cli_answers, seen, slowest = 0, 0, set(), 0.0
        while writer.poll() is None:
            for path in ("/", "/api/quotes?search=time", "/api/events?status=asserted", "/quotes?speaker=Costa"):
                status, body, took = get(base + path)
                assert status == 200, (path, body[:200])
                pages, slowest = pages + 1, max(slowest, took)
            listed = subprocess.run(
                [sys.executable, "-m", "newsgraph", "quotes", "--db", str(db), "--format", "jsonl", "-n", "5"],
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert listed.returncode == 0 and not any(word in listed.stderr for word in LOCKED), listed.stderr
            cli_answers += 1
            seen.add(stored(db))
        _, writer_errors = writer.communicate(timeout=60)
    finally:
        if writer is not None and writer.poll() is None:
            writer.kill()
        server.terminate()
        _, server_errors = server.communicate(timeout=30)
    assert writer is not None and writer.returncode == 0 and not any(word in writer_errors for word in LOCKED), (
        writer_errors
    )
    assert not any(word in server_errors for word in LOCKED), server_errors
    answers = {"dashboard": pages, "cli": cli_answers, "slowest_s": round(slowest, 3)}
    request.node.user_properties.append(("answers", answers))  # in --junitxml, for docs/reliability.md
    # The readers answered many times, at several points of the batch, and never waited long.
    assert pages >= 8 and cli_answers >= 2 and len(seen) >= 2, (pages, cli_answers, seen)
    assert slowest < 5
    assert stored(db) == total


def _up(base: str) -> bool:
    try:
        return get(base + "/api/stories")[0] == 200
    except OSError:
        return False


def test_a_second_ingest_into_the_same_store_waits_its_turn_and_says_why(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    first_folder, second_folder = tmp_path / "north", tmp_path / "south"
    # Long enough that the first run is still writing when the second has started, even on a busy machine
    first_total = write_corpus(first_folder, 600, region="the north")
    second_total = write_corpus(second_folder, 40, region="the south")
    first = ingest(first_folder, db, "--workers", "1")  # slow enough for the second to start meanwhile
    wait_for(lambda: stored(db) > 0)
    second = ingest(second_folder, db)
    _, second_errors = second.communicate(timeout=600)
    _, first_errors = first.communicate(timeout=600)

    assert first.returncode == 0 and second.returncode == 0, (first_errors, second_errors)
    assert f"waiting: {db} is being written by `newsgraph ingest` (pid {first.pid}" in second_errors
    for errors in (first_errors, second_errors):
        assert not any(word in errors for word in LOCKED), errors
    assert stored(db) == first_total + second_total
    with sqlite3.connect(db) as conn:
        runs = conn.execute("SELECT pid, status, started, finished, articles_added FROM runs ORDER BY id").fetchall()
    # One after the other: the second run started only once the first had finished.
    assert [(pid, status, added) for pid, status, _, _, added in runs] == [
        (first.pid, "done", first_total),
        (second.pid, "done", second_total),
    ]
    assert runs[1][2] >= runs[0][3]
