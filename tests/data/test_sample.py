"""The bundled sample corpus reads cleanly, and its gold agrees with what the readers produce.

Later stages score quotes and events against `gold.json` by finding its strings in the article text,
so every gold string must survive reading: HTML extraction, furniture trimming and dateline removal.
The gold also says which article is a reprint of which, and which events and quotes of different articles
are one real-world happening or statement (`instance`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate.entities import SAMPLE, read_sample

GOLD = json.loads((SAMPLE / "gold.json").read_text(encoding="utf-8"))
ARTICLES = read_sample()


def test_sample_has_three_stories_of_four_outlets_on_different_days_in_four_formats() -> None:
    assert len(ARTICLES) == len(GOLD["articles"]) >= 16
    assert {(g["source"], g["record"]) for g in GOLD["articles"]} == set(ARTICLES)
    by_story: dict[str, list[dict]] = {}
    for gold in GOLD["articles"]:
        by_story.setdefault(gold["story"], []).append(gold)
    assert len(by_story) == 3
    for story in by_story.values():
        assert len({g["outlet"] for g in story}) >= 4
        assert len({g["published"] for g in story}) == len(story)
    assert {Path(source).parts[0] for source, _ in ARTICLES} == {"html", "text", "feeds", "records"}


@pytest.mark.parametrize("gold", GOLD["articles"], ids=lambda g: g["record"] or g["source"])
def test_reader_metadata_matches_the_gold(gold: dict) -> None:
    article = ARTICLES[(gold["source"], gold["record"])]
    assert article.title == gold["title"]
    assert article.published == gold["published"]
    expected = gold["dateline"]
    assert (article.dateline.__dict__ if article.dateline else None) == expected
    if not gold["source"].startswith("text/"):
        assert article.source.outlet and gold["outlet"] in article.source.outlet


@pytest.mark.parametrize("gold", GOLD["articles"], ids=lambda g: g["record"] or g["source"])
def test_every_gold_quote_and_event_sentence_is_in_the_read_text(gold: dict) -> None:
    text = ARTICLES[(gold["source"], gold["record"])].text
    missing = [q["text"] for q in gold["quotes"] if q["text"] not in text]
    missing += [e["sentence"] for e in gold["events"] if e["sentence"] not in text]
    assert missing == []


def test_every_gold_event_and_quote_has_an_instance_and_an_instance_joins_only_like_events() -> None:
    events: dict[str, list[dict]] = {}
    for gold in GOLD["articles"]:
        for item in gold["quotes"] + gold["events"]:
            assert isinstance(item.get("instance"), str) and item["instance"].strip(), item
        for event in gold["events"]:
            events.setdefault(event["instance"], []).append(event)
    for instance, members in events.items():
        assert len({(e["type"], e["status"]) for e in members}) == 1, (instance, members)
        assert len({e["date"] for e in members} - {None}) <= 1, (instance, members)
    quote_instances = {q["instance"] for g in GOLD["articles"] for q in g["quotes"]}
    assert not quote_instances & set(events), "an id names both a quote and an event"


def test_every_duplicate_of_names_another_article_of_the_gold_and_shares_its_instances() -> None:
    keys = {(g["source"], g["record"]): g for g in GOLD["articles"]}
    reprints = [g for g in GOLD["articles"] if g["duplicate_of"] is not None]
    assert reprints and all("duplicate_of" in g for g in GOLD["articles"])
    for gold in reprints:
        original = keys.get((gold["duplicate_of"]["source"], gold["duplicate_of"]["record"]))
        assert original is not None and original is not gold and original["duplicate_of"] is None
        assert original["story"] == gold["story"] and original["published"] < gold["published"]
        for kind in ("quotes", "events"):
            assert {x["instance"] for x in gold[kind]} <= {x["instance"] for x in original[kind]}
        copy, source = (shingles(ARTICLES[(g["source"], g["record"])].text) for g in (gold, original))
        assert 0.75 <= len(copy & source) / len(copy | source) < 0.98, "a reprint is a near copy, not an exact one"


def shingles(text: str) -> set[tuple[str, ...]]:
    words = text.split()
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def test_no_page_furniture_survives_in_the_sample() -> None:
    furniture = ("Advertisement", "Subscribe", "Sign in", "Download our app", "cookies", "Share:", "Most read")
    for key, article in ARTICLES.items():
        for line in article.text.split("\n\n"):
            assert not any(word.lower() in line.lower() and len(line.split()) < 15 for word in furniture), (key, line)


def test_demo_builds_a_store_of_the_whole_sample(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newsgraph.cli import cli
    from newsgraph.store import Store

    result = CliRunner().invoke(cli, ["demo", "--db", str(tmp_path / "demo.db")])
    assert result.exit_code == 0, result.output
    assert f"{len(GOLD['articles'])} articles read" in result.output
    stories = {gold["story"] for gold in GOLD["articles"]}
    briefings = sorted((tmp_path / "demo-briefings").glob("story-*.html"))
    assert len(briefings) == len(stories)
    assert all(str(path) in result.output for path in briefings)
    with Store(tmp_path / "demo.db", readonly=True) as store:
        assert store.counts()["articles"] == len(GOLD["articles"])
        assert [a.title for a in store.articles(search="mackerel quota", limit=3)]


def test_ledger_gives_one_outcome_to_every_expected_event_from_a_later_report() -> None:
    first_report: dict[str, str] = {}
    kinds: dict[str, set[tuple[str, str]]] = {}
    story_of: dict[str, str] = {}
    for gold in sorted(GOLD["articles"], key=lambda g: g["published"]):
        for event in gold["events"]:
            first_report.setdefault(event["instance"], gold["published"])
            kinds.setdefault(event["instance"], set()).add((event["type"], event["status"]))
            story_of.setdefault(event["instance"], gold["story"])
    futures = {instance for instance, kind in kinds.items() if {status for _, status in kind} == {"future"}}
    ledger = GOLD["ledger"]
    expected = [entry["expected"] for entry in ledger]
    assert set(expected) <= futures, "a ledger entry names an instance that is not a future gold event"
    assert sorted(expected) == sorted(futures), "every future instance has exactly one ledger entry"
    assert expected == sorted(expected, key=lambda i: (story_of[i], first_report[i])), "story order, then first report"
    wanted = {"confirmed": "asserted", "failed": "negated"}
    for entry in ledger:
        assert set(entry) <= {"expected", "outcome", "by", "note"}, entry
        (kind,) = kinds[entry["expected"]]
        if entry["outcome"] == "pending":
            assert entry["by"] is None, entry
            continue
        assert "note" not in entry, entry
        by = entry["by"]
        assert entry["outcome"] in wanted and by in kinds, entry
        assert kinds[by] == {(kind[0], wanted[entry["outcome"]])}, entry
        assert story_of[by] == story_of[entry["expected"]], entry
        assert first_report[by] > first_report[entry["expected"]], entry
