"""A generated corpus for the reliability tests, and a real `newsgraph ingest` process over it."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

PEOPLE = [("Ana Costa", "Peru"), ("Tomás Echeverría", "Chile"), ("Amina Diallo", "Senegal"), ("Rui Tanaka", "Japan")]
ACTS = ["postponed a vote on", "agreed to review", "rejected a proposal on", "will hold talks on"]
TOPICS = ["the harbour budget", "fishing quotas", "a rail link", "grain tariffs", "a water treaty", "border posts"]


def write_corpus(folder: Path, size: int, region: str = "the capital") -> int:
    """`size` distinct articles: most as text files, a quarter as one JSON Lines file; returns the count.
    Corpora written with different `region`s share no article."""
    folder.mkdir()
    records = []
    for i in range(size):
        name, country = PEOPLE[i % len(PEOPLE)]
        topic = TOPICS[i % len(TOPICS)]
        text = (
            f"The government of {country} {ACTS[i % len(ACTS)]} {topic} on Monday, officials said, "
            f"after {i % 13 + 2} hours of debate in {region}.\n\n"
            f"“We need more time on item {i},” said {name}, the foreign minister of {country}. "
            f"She said the committee would meet again within {i % 5 + 1} weeks.\n\n"
            f"Opposition deputies warned that the delay over clause {i} could cost the region its funding."
        )
        if i % 4 == 0:
            records.append(
                {"id": f"wire-{region}-{i}", "title": f"{country}: {topic}", "published": "2024-03-04", "text": text}
            )
        else:
            (folder / f"story-{i:04d}.txt").write_text(f"{country} and {topic}, round {i}\n\n{text}")
    (folder / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    return size


def ingest(folder: Path, db: Path, *options: str) -> subprocess.Popen:
    """`newsgraph ingest FOLDER --db DB -q OPTIONS...` started in its own process; stderr is piped."""
    return subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "ingest", str(folder), "--db", str(db), "-q", *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0
