"""The `newsgraph` command: stdout holds data, stderr problems, and the exit code says which."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from newsgraph.cli import cli
from newsgraph.model import Analysis, Article, Event, Participant, Quote, Source, Span, Speaker
from newsgraph.store import Store

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
    for command in ("ingest", "analyze", "articles", "quotes", "runs", "demo", "eval"):
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


SLUICE_STORY = (
    "“The gates stay shut until the river drops below the red mark on the old mill wall,” said Tobias Lund, "
    "the canal authority's duty officer.\n\n"
    "Boat owners said the closure, now in its second week, was costing them bookings."
)


def quotes_db(tmp_path: Path) -> Path:
    """A store holding one article with a direct quote (named speaker) and an indirect one (described)."""
    direct = "The gates stay shut until the river drops below the red mark on the old mill wall"
    indirect = "the closure, now in its second week, was costing them bookings"
    d, i = SLUICE_STORY.index(direct), SLUICE_STORY.index(indirect)
    said, officer, owners = SLUICE_STORY.index("said Tobias"), SLUICE_STORY.index("Tobias"), SLUICE_STORY.index("Boat")
    analysis = Analysis(
        Article("sluice", SLUICE_STORY, Source("sluice.txt", outlet="Canal Times"), "Sluice shut", "2024-06-11"),
        quotes=[
            Quote(
                direct,
                d,
                d + len(direct),
                [(d, d + len(direct))],
                "direct",
                Span("said", said, said + 4),
                Speaker("Tobias Lund", "e1", officer, officer + 11, "duty officer", "canal authority", "DNK"),
                0.9,
            ),
            Quote(
                indirect,
                i,
                i + len(indirect),
                [(i, i + len(indirect))],
                "indirect",
                Span("said", owners + 12, owners + 16),
                Speaker("Boat owners", None, owners, owners + 11, described=True),
                0.7,
            ),
        ],
    )
    db = tmp_path / "quotes.db"
    with Store(db) as store:
        store.add_analysis(analysis)
    return db


def test_quotes_table_shows_speaker_kind_outlet_date_and_shortened_text(tmp_path: Path) -> None:
    db = quotes_db(tmp_path)
    result = CliRunner().invoke(cli, ["quotes", "--db", str(db)], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 4
    officer, officer_words, owners, owners_words = lines
    assert officer.startswith("2024-06-11  Canal Times")
    assert officer.split()[3:] == ["direct", "Tobias", "Lund", "(duty", "officer,", "canal", "authority,", "DNK)"]
    words = "The gates stay shut until the river drops below the red mark on the old mill wall"
    assert officer_words == " " * 12 + words
    narrow_terminal = CliRunner().invoke(cli, ["quotes", "--db", str(db)], env={"COLUMNS": "60"})
    shortened = narrow_terminal.stdout.splitlines()[1]
    assert shortened.startswith("            The gates stay shut") and shortened.endswith("…") and len(shortened) == 60
    assert "indirect" in owners and owners.endswith("Boat owners")
    assert owners_words.strip().startswith("the closure")
    narrow = CliRunner().invoke(
        cli, ["quotes", "--db", str(db), "--speaker", "LUND", "--kind", "direct"], env={"COLUMNS": "120"}
    )
    assert narrow.stdout.splitlines() == [officer, officer_words]
    none = CliRunner().invoke(cli, ["quotes", "--db", str(db), "--kind", "mixed"])
    assert none.exit_code == 0 and none.stdout == "" and "no quotes match" in none.stderr


def test_quotes_csv_has_a_header_and_every_field(tmp_path: Path) -> None:
    db = quotes_db(tmp_path)
    result = CliRunner().invoke(cli, ["quotes", "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["speaker"] for row in rows] == ["Tobias Lund", "Boat owners"]
    assert rows[0]["text"] == "The gates stay shut until the river drops below the red mark on the old mill wall"
    assert (rows[0]["speaker_role"], rows[0]["speaker_affiliation"], rows[0]["speaker_country"]) == (
        "duty officer",
        "canal authority",
        "DNK",
    )
    assert (rows[1]["text"], rows[1]["speaker_role"], rows[1]["speaker_described"]) == (
        "the closure, now in its second week, was costing them bookings",
        "",
        "True",
    )
    assert (rows[0]["outlet"], rows[0]["published"], rows[0]["article_id"], rows[0]["cue"]) == (
        "Canal Times",
        "2024-06-11",
        "sluice",
        "said",
    )
    assert int(rows[0]["start"]) == 1 and int(rows[0]["end"]) == 1 + len(rows[0]["text"])
    empty = CliRunner().invoke(cli, ["quotes", "--db", str(db), "--format", "csv", "--search", "helicopter"])
    assert empty.stdout.splitlines() == [",".join(rows[0])]


def test_quotes_jsonl_is_one_object_per_quote_and_filters_apply(tmp_path: Path) -> None:
    db = quotes_db(tmp_path)
    result = CliRunner().invoke(cli, ["quotes", "--db", str(db), "--format", "jsonl", "-s", "week, bookings!"])
    assert result.exit_code == 0, result.output
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(o["speaker"], o["kind"], o["speaker_described"]) for o in objects] == [("Boat owners", "indirect", True)]
    assert objects[0]["speaker_role"] is None and objects[0]["title"] == "Sluice shut"
    by_outlet = CliRunner().invoke(cli, ["quotes", "--db", str(db), "--format", "jsonl", "--outlet", "canal times"])
    assert len(by_outlet.stdout.splitlines()) == 2
    limited = CliRunner().invoke(cli, ["quotes", "--db", str(db), "--format", "jsonl", "-n", "1"])
    assert [json.loads(line)["speaker"] for line in limited.stdout.splitlines()] == ["Tobias Lund"]


def test_quotes_on_a_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    result = newsgraph("quotes", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 2
    assert "none.db: no such database" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "none.db").exists()


HARVEST_STORY = (
    "Ukraine's grain board signed a shipping deal with Egypt's supply ministry on Monday.\n\n"
    "Romania did not reopen the Danube crossing to Ukrainian lorries, the drivers' union said, and the "
    "union accused the Romanian customs service of holding up the convoys for three weeks running."
)


def events_db(tmp_path: Path) -> Path:
    """A store holding one article with three events: asserted, negated, and an accusation, all dated."""
    deal = "Ukraine's grain board signed a shipping deal with Egypt's supply ministry on Monday."
    second = HARVEST_STORY.index("Romania")
    sentence2 = (second, len(HARVEST_STORY))

    def span(words: str) -> Span:
        at = HARVEST_STORY.index(words)
        return Span(words, at, at + len(words))

    analysis = Analysis(
        Article("harvest", HARVEST_STORY, Source("harvest.txt", outlet="Black Sea Ledger"), "Grain deal", "2024-09-03"),
        events=[
            Event(
                Participant("Ukraine's grain board", None, "UKR", "BUS"),
                Participant("Egypt's supply ministry", None, "EGY", "GOV"),
                "AGREE",
                "asserted",
                (0, len(deal)),
                span("signed"),
                cameo="057",
                goldstein=8.0,
                quad_class=1,
                date="2024-09-02",
                confidence=0.8,
            ),
            Event(
                Participant("Romania", None, "ROU", None),
                Participant("Ukrainian lorries", None, "UKR", None),
                "CONCEDE",
                "negated",
                sentence2,
                span("reopen"),
                cameo="0861",
                goldstein=5.0,
                quad_class=2,
                date="2024-09-03",
                confidence=0.8,
            ),
            Event(
                Participant("the drivers' union", None, None, "CVL"),
                Participant("the Romanian customs service", None, "ROU", "GOV"),
                "ACCUSE",
                "asserted",
                sentence2,
                span("accused"),
                cameo="112",
                goldstein=-2.0,
                quad_class=3,
                date="2024-09-03",
                context=["economic"],
                confidence=0.8,
            ),
        ],
    )
    db = tmp_path / "events.db"
    with Store(db) as store:
        store.add_analysis(analysis)
    return db


def test_events_table_shows_date_type_status_dyad_and_the_shortened_sentence(tmp_path: Path) -> None:
    db = events_db(tmp_path)
    result = CliRunner().invoke(cli, ["events", "--db", str(db)], env={"COLUMNS": "240"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 6
    dyad = "Ukraine's grain board (UKR) -> Egypt's supply ministry (EGY)"
    assert lines[0] == f"2024-09-02  AGREE      asserted      {dyad}"
    assert lines[1] == " " * 12 + "Ukraine's grain board signed a shipping deal with Egypt's supply ministry on Monday."
    assert lines[2].startswith("2024-09-03  CONCEDE    negated       Romania (ROU) -> Ukrainian lorries (UKR)")
    assert lines[4].endswith("ACCUSE     asserted      the drivers' union -> the Romanian customs service (ROU)")
    assert lines[3] == lines[5] and lines[3].strip().startswith("Romania did not reopen")
    assert lines[3].endswith("running.")
    narrow = CliRunner().invoke(cli, ["events", "--db", str(db)], env={"COLUMNS": "60"}).stdout.splitlines()
    assert all(len(line) <= 60 for line in narrow)
    assert narrow[3].startswith("            Romania did not reopen") and narrow[3].endswith("…")
    assert narrow[0].startswith("2024-09-02  AGREE      asserted      Ukraine's grain") and narrow[0].endswith("…")
    filtered = CliRunner().invoke(cli, ["events", "--db", str(db), "--status", "negated"], env={"COLUMNS": "240"})
    assert filtered.stdout.splitlines() == lines[2:4]
    none = CliRunner().invoke(cli, ["events", "--db", str(db), "--type", "ASSAULT"])
    assert none.exit_code == 0 and none.stdout == "" and "no events match" in none.stderr


def test_events_csv_has_a_header_and_every_field(tmp_path: Path) -> None:
    db = events_db(tmp_path)
    result = CliRunner().invoke(cli, ["events", "--db", str(db), "--format", "csv", "--dyad", "rou:ukr"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 1
    row = rows[0]
    assert (row["type"], row["status"], row["cameo"], row["goldstein"], row["quad_class"]) == (
        "CONCEDE",
        "negated",
        "0861",
        "5.0",
        "2",
    )
    assert (row["actor"], row["actor_country"], row["recipient"], row["recipient_country"]) == (
        "Romania",
        "ROU",
        "Ukrainian lorries",
        "UKR",
    )
    assert (row["article_id"], row["title"], row["outlet"], row["published"], row["date"]) == (
        "harvest",
        "Grain deal",
        "Black Sea Ledger",
        "2024-09-03",
        "2024-09-03",
    )
    assert row["sentence"].startswith("Romania did not reopen") and row["trigger"] == "reopen"
    empty = CliRunner().invoke(cli, ["events", "--db", str(db), "--format", "csv", "--since", "2024-10-01"])
    assert empty.exit_code == 0 and empty.stdout.splitlines() == [",".join(rows[0])]


def test_events_jsonl_is_one_object_per_event_and_filters_apply(tmp_path: Path) -> None:
    db = events_db(tmp_path)

    def objects(*args: str) -> list[dict]:
        result = CliRunner().invoke(cli, ["events", "--db", str(db), "--format", "jsonl", *args])
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.stdout.splitlines()]

    everything = objects()
    assert [o["trigger"] for o in everything] == ["signed", "reopen", "accused"]
    assert everything[2]["context"] == ["economic"] and everything[2]["actor_country"] is None
    assert [o["trigger"] for o in objects("--actor", "UNION")] == ["accused"]
    assert [o["trigger"] for o in objects("--actor", "ukr")] == ["signed"]
    # three capitals are a country code alone, not letters inside a name ("the drivers' union")
    assert [o["trigger"] for o in objects("--actor", "ion")] == ["accused"]
    assert objects("--actor", "ION") == []
    assert [o["trigger"] for o in objects("--recipient", "rou")] == ["accused"]
    assert [o["trigger"] for o in objects("--type", "agree")] == ["signed"]
    assert [o["trigger"] for o in objects("--until", "2024-09-02")] == ["signed"]
    assert [o["trigger"] for o in objects("--since", "2024-09-03", "--status", "asserted")] == ["accused"]
    assert [o["trigger"] for o in objects("-n", "2")] == ["signed", "reopen"]


def test_events_bad_filters_are_usage_errors(tmp_path: Path) -> None:
    db = events_db(tmp_path)
    for args, words in (
        (["--dyad", "ROU>UKR"], "ACTOR:RECIPIENT"),
        (["--dyad", "RO:UA"], "ACTOR:RECIPIENT"),
        (["--type", "FIGHT"], "FIGHT"),
        (["--status", "rumoured"], "rumoured"),
        (["--since", "3 Sept 2024"], "ISO date"),
        (["--since", "2024-09-03", "--until", "2024-09-01"], "after"),
    ):
        result = CliRunner().invoke(cli, ["events", "--db", str(db), *args])
        assert result.exit_code == 2 and words in result.stderr, (args, result.output)
        assert result.stdout == ""


def test_events_and_export_on_a_missing_database_are_a_clear_error(tmp_path: Path) -> None:
    for command in (["events"], ["export", "events", "--format", "gdelt", "--output", str(tmp_path / "out.tsv")]):
        result = newsgraph(*command, "--db", str(tmp_path / "none.db"))
        assert result.returncode == 2, command
        assert "none.db: no such database" in result.stderr and "Traceback" not in result.stderr
        assert result.stdout == ""
    assert not (tmp_path / "none.db").exists() and not (tmp_path / "out.tsv").exists()


def test_help_lists_the_events_and_export_commands() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert "  events" in result.stdout and "  export" in result.stdout
    assert "  events" in CliRunner().invoke(cli, ["export", "--help"]).stdout
