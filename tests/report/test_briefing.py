"""The briefing of a story: its sections, evidence for every line, safe offline HTML, and `newsgraph brief`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import cli
from newsgraph.report import build_briefing, render, to_html, to_markdown
from newsgraph.store import Store

DAY_ONE = (
    "Peru and Chile held talks in Lima on Monday on the shared jack mackerel quota.\n\n"
    "“The fish have moved, and the rules have to move with them,” said Rosa Villanueva, Peru's production "
    "minister.\n\n"
    "Chile's economy minister, Tomás Echeverría, will travel to Lima on Thursday to sign a trade protocol, "
    "officials said."
)
DAY_THREE = (
    "Chile rejected a Peruvian proposal on Wednesday to raise Peru's share of the jack mackerel quota, "
    "leaving the talks in Lima close to deadlock.\n\n"
    "“We will not sign a quota that ignores the science <script>alert('x')</script>,” said Carolina Fuentes, "
    "Chile's undersecretary for fisheries.\n\n"
    "Peru and Chile held talks in Lima on Monday, and the delegations met again on Tuesday."
)
DAY_FOUR = (
    "Chile and Peru signed a trade protocol in Lima on Thursday that removes Peruvian inspection fees on "
    "Chilean salmon, but they failed to agree on the mackerel quota.\n\n"
    "Tomás Echeverría, Chile's economy minister, travelled to Lima for the signing ceremony.\n\n"
    "“The fish have moved, and the rules have to move with them,” Villanueva said after the ceremony."
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("briefing")
    records = [
        ("talks-1", "Peru and Chile open quota talks", "2024-03-04", "Andes Courier", DAY_ONE),
        ("talks-2", "Chile rejects Peru's quota offer", "2024-03-06", "Meridian Post", DAY_THREE),
        ("talks-3", "Peru and Chile sign trade protocol", "2024-03-08", "Pacific Ledger", DAY_FOUR),
    ]
    path = folder / "talks.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": i, "title": t, "published": p, "outlet": o, "text": x}, ensure_ascii=False) + "\n"
            for i, t, p, o, x in records
        ),
        encoding="utf-8",
    )
    db = folder / "talks.db"
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db


def _briefing(db: Path):  # type: ignore[no-untyped-def]
    with Store(db, readonly=True) as store:
        [story] = store.conn.execute("SELECT id FROM stories").fetchall()
        briefing = build_briefing(store, story[0])
    assert briefing is not None
    return briefing


def test_every_line_rests_on_an_evidence_sentence_from_a_stored_article(db: Path) -> None:
    briefing = _briefing(db)
    keys = {e.key for e in briefing.evidence}
    lines = [*briefing.summary, *briefing.agreed, *briefing.refused, *briefing.expectations, *briefing.timeline]
    lines += [line for c in briefing.coverage for line in c.only_here]
    assert lines and all(line.evidence and set(line.evidence) <= keys for line in lines)
    assert all(set(v.evidence) <= keys for voices in briefing.voices.values() for v in voices)
    texts = {"talks-1": DAY_ONE, "talks-2": DAY_THREE, "talks-3": DAY_FOUR}
    for evidence in briefing.evidence:
        assert " ".join(evidence.sentence.split()) in " ".join(texts[evidence.article_id].split())


def test_the_sections_say_what_happened_who_said_it_and_who_reported_it(db: Path) -> None:
    briefing = _briefing(db)
    assert (briefing.first, briefing.last, briefing.articles) == ("2024-03-04", "2024-03-08", 3)
    assert any("signed a trade protocol" in line.text for line in briefing.agreed)
    assert any("rejected a Peruvian proposal" in line.text for line in briefing.refused)
    assert {side for side in briefing.voices} >= {"Peru", "Chile"}
    villanueva = next(v for v in briefing.voices["Peru"] if v.speaker == "Rosa Villanueva")
    assert villanueva.outlet == "Andes Courier" and villanueva.again == ["Pacific Ledger"]
    assert [c.outlet for c in briefing.coverage] == ["Andes Courier", "Meridian Post", "Pacific Ledger"]
    assert briefing.dyad == ("CHL", "PER") and briefing.dyad_points
    assert len(briefing.summary) <= 3


def test_html_is_one_offline_page_with_the_chart_and_article_text_escaped(db: Path) -> None:
    page = to_html(_briefing(db))
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert 'id="dyad-chart"' in page and "Plotly.newPlot" in page
    assert not re.search(r"<script[^>]+src=", page), "the page must not load scripts from anywhere"
    assert not re.search(r"<link[^>]+href=", page)
    for key in re.findall(r'href="#(e\d+)"', page):
        assert f'id="{key}"' in page


def test_markdown_links_each_reference_to_its_evidence(db: Path) -> None:
    text = to_markdown(_briefing(db))
    assert text.startswith("# ") and "## Expected, and what came of it" in text
    for key in set(re.findall(r"\]\(#(e\d+)\)", text)):
        assert f'<a id="{key}"></a>' in text
    with pytest.raises(ValueError, match=r"use \.html or \.md"):
        render(_briefing(db), ".pdf")


def test_brief_command_writes_the_file_and_names_bad_requests(db: Path, tmp_path: Path) -> None:
    story = json.loads(CliRunner().invoke(cli, ["stories", "--db", str(db), "--format", "json"]).stdout)[0]["id"]
    output = tmp_path / "out" / "talks.md"
    result = CliRunner().invoke(cli, ["brief", str(story), "--db", str(db), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert output.read_text(encoding="utf-8").startswith("# ")
    wrong = CliRunner().invoke(cli, ["brief", str(story), "--db", str(db), "-o", str(tmp_path / "talks.pdf")])
    assert wrong.exit_code == 2 and ".html or .md" in wrong.output
    missing = CliRunner().invoke(cli, ["brief", "999", "--db", str(db), "-o", str(output)])
    assert missing.exit_code == 2 and "no story 999" in missing.output
