"""The bundled sample corpus reads cleanly, and its gold agrees with what the readers produce.

Later stages score quotes and events against `gold.json` by finding its strings in the article text,
so every gold string must survive reading: HTML extraction, furniture trimming and dateline removal.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate.entities import SAMPLE, read_sample

GOLD = json.loads((SAMPLE / "gold.json").read_text(encoding="utf-8"))
ARTICLES = read_sample()


def test_sample_has_three_stories_of_four_outlets_on_different_days_in_four_formats() -> None:
    assert len(ARTICLES) == len(GOLD["articles"]) >= 12
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
    with Store(tmp_path / "demo.db", readonly=True) as store:
        assert store.counts()["articles"] == len(GOLD["articles"])
        assert [a.title for a in store.articles(search="mackerel quota", limit=3)]
