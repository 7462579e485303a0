"""`ingest` places articles in stories; `newsgraph stories` and `newsgraph story` show them from the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import cli

TALKS = (
    "LIMA — Peru and Chile held talks in Lima on Monday on the shared jack mackerel quota.\n\n"
    "Peru's production minister, Rosa Villanueva, led her country's delegation. “The fish have moved, and the "
    "rules have to move with them,” Villanueva told reporters after the meeting.\n\n"
    "The two delegations will meet again in Santiago next week, officials said."
)
TALKS_FOLLOW_UP = (
    "Chile and Peru ended a first round of fisheries talks without an agreement on the jack mackerel quota, "
    "but both sides said the gap had narrowed.\n\n"
    "Peru and Chile held talks in Lima on Monday. “The fish have moved, and the rules have to move with them,” "
    "said Rosa Villanueva, Peru's production minister.\n\n"
    "Carolina Fuentes, Chile's fisheries undersecretary, said Chile would present a counter-offer in Santiago."
)
FLOODS = (
    "NAIROBI — Floods in western Kenya have forced more than 8,000 people from their homes, the Kenya Red "
    "Cross said on Tuesday, after the Nzoia river burst its banks for the second time this month.\n\n"
    "“Whole villages are under water,” said Amina Wekesa, a Red Cross coordinator in Busia.\n\n"
    "The government said it would send boats and food to the worst-hit districts."
)
FLOODS_REPRINT = (
    FLOODS.replace("forced more than 8,000 people", "driven more than 8,000 people")
    .replace("for the second time this month", "for the second time in a month")
    .rsplit("\n\n", 1)[0]
)


def _records(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    db = tmp_path / "stories.db"
    first = _records(
        tmp_path / "day1.jsonl",
        [
            {
                "id": "talks-1",
                "title": "Peru and Chile open quota talks",
                "published": "2024-03-04",
                "outlet": "Andes Courier",
                "text": TALKS,
            },
            {
                "id": "floods-1",
                "title": "Kenya floods displace thousands",
                "published": "2024-03-05",
                "outlet": "Lakeside Times",
                "text": FLOODS,
            },
            {
                "id": "floods-1-again",
                "title": "Kenya floods displace thousands",
                "published": "2024-03-05",
                "outlet": "Lakeside Times",
                "text": FLOODS,
            },
            {
                "id": "floods-2",
                "title": "Thousands flee Kenyan floods",
                "published": "2024-03-06",
                "outlet": "Rift Valley Post",
                "text": FLOODS_REPRINT,
            },
        ],
    )
    result = CliRunner().invoke(cli, ["ingest", str(first), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    assert "stories: 3 articles placed, 1 near copies marked, 2 new stories" in result.output
    return db


def _ingest_follow_up(db: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A second day's ingest: another outlet's report of the Peru-Chile talks."""
    later = {
        "id": "talks-2",
        "title": "Quota gap narrows after Lima round",
        "published": "2024-03-06",
        "outlet": "Meridian Post",
        "text": TALKS_FOLLOW_UP,
    }
    return CliRunner().invoke(cli, ["ingest", str(_records(tmp_path / "day2.jsonl", [later])), "--db", str(db), "-q"])


def _stories(db: Path, *extra: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["stories", "--db", str(db), "--format", "json", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_stories_json_lists_each_story_with_the_records_own_ids(store: Path) -> None:
    stories = _stories(store)
    assert sorted(sorted(s["articles"]) for s in stories) == [["floods-1", "floods-1-again", "floods-2"], ["talks-1"]]
    floods = next(s for s in stories if "floods-1" in s["articles"])
    assert set(floods) == {"id", "label", "first", "last", "outlets", "articles"}
    assert (floods["first"], floods["last"]) == ("2024-03-05", "2024-03-06")
    assert floods["outlets"] == ["Lakeside Times", "Rift Valley Post"]


def test_a_later_article_joins_its_story_and_a_rebuild_gives_the_same_stories(store: Path, tmp_path: Path) -> None:
    result = _ingest_follow_up(store, tmp_path)
    assert "1 articles placed, 0 near copies marked, 0 new stories, 1 stories updated" in result.output
    before = _stories(store)
    assert ["talks-1", "talks-2"] in [s["articles"] for s in before]
    rebuilt = _stories(store, "--rebuild")
    assert [sorted(s["articles"]) for s in rebuilt] == [sorted(s["articles"]) for s in before]


def test_story_merges_the_quote_and_the_meeting_reported_by_two_outlets(store: Path, tmp_path: Path) -> None:
    _ingest_follow_up(store, tmp_path)
    talks = next(s for s in _stories(store) if "talks-1" in s["articles"])
    result = CliRunner().invoke(cli, ["story", str(talks["id"]), "--db", str(store), "--format", "json"])
    assert result.exit_code == 0, result.output
    detail = json.loads(result.stdout)
    quote = next(q for q in detail["quotes"] if q["text"].startswith("The fish have moved"))
    assert (quote["first_outlet"], quote["requoted_by"], quote["num_sources"]) == (
        "Andes Courier",
        ["Meridian Post"],
        2,
    )
    meetings = [e for e in detail["events"] if e["type"] == "CONSULT" and e["status"] == "asserted"]
    assert max(e["num_articles"] for e in meetings) == 2
    widest = max(meetings, key=lambda e: e["num_articles"])
    assert widest["first_article"] == "talks-1"
    assert {m["article_id"] for m in widest["mentions"]} == {"talks-1", "talks-2"}
    assert all(m["text"] for m in widest["mentions"])


def test_the_reprint_is_shown_as_a_copy_and_not_counted(store: Path) -> None:
    floods = next(s for s in _stories(store) if "floods-1" in s["articles"])
    detail = json.loads(
        CliRunner().invoke(cli, ["story", str(floods["id"]), "--db", str(store), "--format", "json"]).stdout
    )
    copies = {a["id"]: a["copy_of"] for a in detail["articles"]}
    assert copies == {"floods-1": None, "floods-2": "floods-1"}
    assert detail["summary"]["num_articles"] == 1
    assert all(e["num_articles"] <= 1 for e in detail["events"])
    table = CliRunner().invoke(cli, ["story", str(floods["id"]), "--db", str(store)], env={"COLUMNS": "120"})
    assert "[copy of floods-1" in table.output


def test_an_unknown_story_is_a_clear_error(store: Path) -> None:
    result = CliRunner().invoke(cli, ["story", "999", "--db", str(store)])
    assert result.exit_code == 2
    assert "no story 999" in result.output
