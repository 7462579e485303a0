"""Nothing in the repository is copied from the evaluation data in ../shared.

Those texts are licensed for research use only, and every sentence of ours (docs, docstrings, comments,
test sentences) is written by us: examples that illustrate a rule are built on the rule's pattern with
words of our own. The check is mechanical: no line of the docs, the code or the tests may share a run of
eight words with any article of the evaluation sets. Shorter runs are the ordinary phrases of news
English ("who asked not to be named") and are left alone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
RUN = 8
"""Words in a row that make a copy."""
TEXTS = {
    "BBC news corpus": "data/corpus/bbc_news.jsonl",
    "PolNeAR": "data/quotes/polnear_dev.jsonl",
    "PETRARCH validation": "data/events/petrarch_validation_dev.jsonl",
    "PLOVER gold": "data/events/plover_gsr_dev.jsonl",
    "PLOVER protests": "data/events/plover_es_protest_dev.jsonl",
    "Wikinews clusters": "data/clusters/wikinews_clusters.jsonl",
}
"""The evaluation sets whose records carry article text, by name and path under ../shared."""
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'"))


def runs(text: str) -> Iterator[tuple[str, ...]]:
    found = words(text)
    return (tuple(found[i : i + RUN]) for i in range(len(found) - RUN + 1))


def numbered_runs(text: str) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Every run of `RUN` words with the number of the line it starts on, across line breaks: a copy the
    docs wrapped over two lines is still a copy."""
    found = [(number, word) for number, line in enumerate(text.splitlines(), 1) for word in words(line)]
    for i in range(len(found) - RUN + 1):
        yield found[i][0], tuple(word for _, word in found[i : i + RUN])


def repository_files() -> list[Path]:
    files = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return files + sorted((ROOT / "src").rglob("*.py")) + sorted((ROOT / "tests").rglob("*.py"))


def test_no_line_of_the_repository_copies_an_evaluation_text() -> None:
    present = {name: SHARED / path for name, path in TEXTS.items() if (SHARED / path).is_file()}
    if not present:
        pytest.skip(f"no evaluation data at {SHARED}: nothing to compare the repository with")
    seen: dict[int, str] = {}
    for name, path in present.items():
        with path.open(encoding="utf-8") as records:
            for line in records:
                record = json.loads(line)
                for run in runs(f"{record.get('title') or ''}\n{record.get('text') or ''}"):
                    seen[hash(run)] = name
    copies: dict[str, str] = {}
    for file in repository_files():
        for number, run in numbered_runs(file.read_text(encoding="utf-8", errors="replace")):
            source = seen.get(hash(run))
            if source is not None:
                copies.setdefault(f"{file.relative_to(ROOT)}:{number}", f"{' '.join(run)} ({source})")
    found = [f"{where}: {what}" for where, what in copies.items()]
    assert found == [], "write these in words of our own:\n" + "\n".join(found)
