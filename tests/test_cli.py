"""The `newsgraph` command: stdout holds data, stderr problems, and the exit code says which."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import HARBOUR_STORY


def newsgraph(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", *args], input=stdin, capture_output=True, text=True, cwd=cwd, timeout=300
    )


def test_analyze_prints_one_contract_object_per_article(news_folder: Path) -> None:
    result = newsgraph("analyze", str(news_folder / "floods.txt"), str(news_folder / "wire.jsonl"))
    assert result.returncode == 0, result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objects) == 3
    assert set(objects[0]) == {
        "id",
        "source",
        "title",
        "published",
        "authors",
        "language",
        "dateline",
        "text",
        "entities",
        "quotes",
        "events",
    }
    assert objects[0]["dateline"] == {"place": "Pemba", "country": "MOZ"}
    assert objects[1]["id"] == "wire-17" and objects[1]["text"] == HARBOUR_STORY
    assert objects[1]["source"] == {"path": str(news_folder / "wire.jsonl"), "url": None, "outlet": "Wire"}


def test_analyze_json_format_is_one_array(news_folder: Path) -> None:
    result = newsgraph("analyze", "--format", "json", str(news_folder / "wire.jsonl"))
    assert [obj["id"] for obj in json.loads(result.stdout)] == ["wire-17", "wire-18"]


def test_analyze_reads_standard_input() -> None:
    result = newsgraph("analyze", "-", stdin="Harbour waits to halve\n\n" + HARBOUR_STORY)
    assert json.loads(result.stdout)["title"] == "Harbour waits to halve"


def test_exit_code_1_names_each_failed_input_and_keeps_the_rest(news_folder: Path) -> None:
    (news_folder / "empty.txt").write_text("")
    result = newsgraph("analyze", str(news_folder))
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 5
    assert f"error: {news_folder / 'empty.txt'}: empty file" in result.stderr.splitlines()


def test_exit_code_2_when_nothing_is_usable(tmp_path: Path) -> None:
    result = newsgraph("analyze", str(tmp_path / "nothing-here.html"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "nothing-here.html: no such file or folder" in result.stderr


def test_usage_error_exits_2_without_traceback() -> None:
    result = newsgraph("analyze", "--format", "xml", "x.txt")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "xml" in result.stderr


def test_ingest_then_search_the_store(news_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    ingest = newsgraph("ingest", str(news_folder), "--db", str(db))
    assert ingest.returncode == 0, ingest.stderr
    assert "5 articles read" in ingest.stderr and "0 errors" in ingest.stderr
    assert ingest.stdout == ""
    listing = newsgraph("articles", "--db", str(db), "--search", "cherries", "--format", "jsonl")
    rows = [json.loads(line) for line in listing.stdout.splitlines()]
    assert rows and all("cherries" in row["snippet"] for row in rows)
    runs = newsgraph("runs", "--db", str(db))
    assert "done" in runs.stdout and "read 5" in runs.stdout
    people = newsgraph("entities", "--db", str(db), "--kind", "person", "--format", "jsonl")
    names = {json.loads(line)["name"] for line in people.stdout.splitlines()}
    assert "Marta Ibáñez" in names
    places = newsgraph("entities", "--db", str(db), "--country", "MOZ", "--format", "jsonl")
    assert {json.loads(line)["kind"] for line in places.stdout.splitlines()} == {"place"}


def test_articles_on_a_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    result = newsgraph("articles", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 2
    assert "none.db: no such database" in result.stderr and "Traceback" not in result.stderr


def test_ingest_into_a_foreign_file_loses_nothing(news_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "report.db"
    db.write_bytes(b"quarterly figures " * 200)
    result = newsgraph("ingest", str(news_folder), "--db", str(db))
    assert result.returncode == 2 and "report.db" in result.stderr
    assert db.read_bytes() == b"quarterly figures " * 200


def test_help_lists_every_command() -> None:
    result = newsgraph("--help")
    for command in ("ingest", "analyze", "articles", "runs", "demo", "eval"):
        assert f"  {command}" in result.stdout


def test_analyze_cleans_a_scraped_plain_text_article(tmp_path: Path) -> None:
    # The tail furniture is from the held-out sets of tests/articles/test_plaintext.py: no trimming rule
    # was written from these phrasings.
    story = [
        "Lagoon fishermen count losses after algae bloom",
        "",
        "COTONOU—Fishermen on Benin's Nokoué lagoon said on Thursday that a green algae bloom had killed "
        "most of the tilapia in their cages, the third such loss in five years.",
        "",
        "“We pulled up the nets and there was nothing alive,” said Rodrigue Hounkpè, who farms fish near "
        "the stilt village of Ganvié.",
        "",
        "The environment ministry said it had sent a team to test the water.",
        "",
        "Talks with the fishermen's union are set for Monday.",
    ]
    tail = [
        "In other news",
        "Post to LinkedIn",
        "Editor's picks",
        "12 comments",
        "Edited by Joanna Pike",
        "Recommended",
        "Copyright 2023 Harbour Press Ltd.",
    ]
    path = tmp_path / "lagoon.txt"
    path.write_text("\n".join([*story, "", *tail]) + "\n")
    result = newsgraph("analyze", str(path))
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)
    assert article["title"] == "Lagoon fishermen count losses after algae bloom"
    assert article["dateline"] == {"place": "Cotonou", "country": "BEN"}
    paragraphs = article["text"].split("\n\n")
    assert paragraphs[0].startswith("Fishermen on Benin's Nokoué lagoon said on Thursday")
    assert paragraphs[1:] == [story[4], story[6], story[8]]
