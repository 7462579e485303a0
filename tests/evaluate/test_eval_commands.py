"""The eval commands run end to end: on the bundled sample, and on gold files in the shared layouts
(written here, a few records of our own, so the tests need nothing from ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newsgraph.cli import cli
from newsgraph.evaluate.entities import SAMPLE


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, ["eval", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_eval_quotes_on_the_sample_scores_speakers_and_their_details() -> None:
    lines = run("quotes").splitlines()
    labels = ["found", "kind", "speaker", "role", "affiliation", "country", "predicted"]
    assert lines[0] == "-- each article alone" and lines[8] == "-- with what the other articles say"
    assert [line.split()[0] for line in lines[1:8]] == labels == [line.split()[0] for line in lines[9:]]
    found = lines[1].split()
    gold = json.loads((SAMPLE / "gold.json").read_text(encoding="utf-8"))
    assert int(found[1]) > 0 and int(found[3]) == sum(len(a["quotes"]) for a in gold["articles"])
    assert lines[9] == lines[1], "what other articles say of a speaker does not change which quotes are found"


def test_eval_entities_scores_each_article_alone_then_with_the_other_articles() -> None:
    lines = run("entities").splitlines()
    labels = ["found", "country", "role", "affiliation", "roles_right", "affiliations_right", "pronouns"]
    assert lines[0] == "-- each article alone" and lines[8] == "-- with what the other articles say"
    assert [line.split()[0] for line in lines[1:8]] == labels == [line.split()[0] for line in lines[9:]]
    alone, corpus = lines[1:8], lines[9:]
    assert alone[0] == corpus[0], "the same people are found either way"
    for line in (*alone, *corpus):
        hits, _, total = line.split()[1:4]
        assert 0 <= int(hits) <= int(total)


def test_eval_quotes_on_a_gold_file_prints_the_table(tmp_path: Path) -> None:
    text = 'The port will reopen on Monday, the harbour master said. "We are ready," she added.'
    record = {
        "id": "t1",
        "outlet": "coast",
        "split": "dev",
        "text": text,
        "quotes": [
            {
                "quote": {"start": 0, "end": 30, "text": text[0:30]},
                "quote_parts": [{"start": 0, "end": 30, "text": text[0:30]}],
                "speaker": {"start": 32, "end": 50, "text": text[32:50]},
                "speaker_parts": [{"start": 32, "end": 50, "text": text[32:50]}],
                "cue": {"start": 51, "end": 55, "text": "said"},
                "type": "indirect",
            }
        ],
    }
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    output = run("quotes", str(gold), "--split", "dev")
    assert output.startswith("1 articles from")
    assert any(line.startswith("overall") for line in output.splitlines())
    assert any(line.startswith("outlet=coast") for line in output.splitlines())


def test_eval_events_on_the_sample_and_on_both_gold_layouts(tmp_path: Path) -> None:
    labels = [line.split()[0] for line in run("events").splitlines()]
    assert labels == ["found", "type", "cameo", "root", "status", "actor", "recipient", "date", "undated", "predicted"]
    petrarch = tmp_path / "petrarch.jsonl"
    petrarch.write_text(
        json.dumps(
            {
                "id": "p1",
                "text": "Peru accused Chile of spying.",
                "date": "20240306",
                "corpus": "news",
                "expected": [{"source": "PER", "target": "CHL", "code": "112"}],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    assert "news" in run("events", str(petrarch))
    plover = tmp_path / "plover.jsonl"
    plover.write_text(
        json.dumps({"id": "g1", "text": "Peru accused Chile of spying.", "expected": [{"event": "DISAPPROVE"}]}) + "\n",
        encoding="utf-8",
    )
    output = run("events", str(plover))
    assert "type accuracy 1.000" in output and "ACCUSE" in output


def test_eval_stories_on_the_sample_scores_stories_copies_merges_and_the_ledger() -> None:
    lines = run("stories").splitlines()
    assert [line.split(",")[0].split()[0] for line in lines] == [
        "stories",
        "near",
        "events",
        "events",
        "quotes",
        "quotes",
        "ledger",
        "ledger",
    ]
    gold = json.loads((SAMPLE / "gold.json").read_text(encoding="utf-8"))
    assert lines[0].startswith(f"stories      3 (gold {len({a['story'] for a in gold['articles']})})")
    mentions = sum(len(a["events"]) for a in gold["articles"])
    assert f"events, gold mentions   {mentions} mentions" in lines[2]
