"""The SQLite store: schema, identity, duplicates, conflicts, search, and refusing files that are not ours."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.errors import StoreError
from newsgraph.model import Analysis, Article, Entity, Event, Participant, Quote, Source, Span, Speaker
from newsgraph.store import Store, escape_fts
from newsgraph.store.schema import SCHEMA_VERSION

from conftest import FLOOD_STORY, HARBOUR_STORY


def article(id_: str, text: str, path: str = "a.txt", **kw) -> Article:
    return Article(id=id_, text=text, source=Source(path=path), **kw)


def test_new_database_is_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "article_sources", "entities", "mentions", "quotes", "events", "stories", "runs"} <= tables
    with Store(tmp_path / "n.db") as again:
        assert again.conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == 1


def test_same_text_under_another_id_is_stored_once_with_both_sources(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        assert store.add_analysis(Analysis(article("first", HARBOUR_STORY, "a.html"))) == ("added", "first")
        spaced = HARBOUR_STORY.replace("\n\n", "\n").replace("“", '"').replace("”", '"')
        assert store.add_analysis(Analysis(article("second", spaced, "b.txt"))) == ("duplicate", "first")
        assert [s["path"] for s in store.sources("first")] == ["a.html", "b.txt"]
        assert store.counts()["articles"] == 1


def test_id_taken_by_another_text_keeps_the_stored_article(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        store.add_analysis(Analysis(article("x1", HARBOUR_STORY)))
        assert store.add_analysis(Analysis(article("x1", FLOOD_STORY))) == ("conflict", "x1")
        assert store.article("x1")["text"] == HARBOUR_STORY


def test_full_text_search_ranks_and_escapes_user_text(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        store.add_analysis(Analysis(article("port", HARBOUR_STORY, title="Customs deal")))
        store.add_analysis(Analysis(article("flood", FLOOD_STORY, title="Floods in Mozambique")))
        assert [a.id for a in store.articles(search="containers inspection")] == ["port"]
        assert [a.id for a in store.articles(search="Mozambique")] == ["flood"]
        assert list(store.articles(search='AND "unbalanced ( NEAR')) == []
        assert "[" in next(store.articles(search="cherries")).snippet


def test_escape_fts_quotes_every_term() -> None:
    assert escape_fts('port "deal" OR') == '"port" """deal""" "OR"'


def test_analysis_rows_are_written_with_the_article(tmp_path: Path) -> None:
    text = HARBOUR_STORY
    analysis = Analysis(
        article("port", text),
        entities=[
            Entity(
                "e1", "Marta Ibáñez", "person", "CHL", "GOV", ["director of operations"], [], ["Ibáñez"], [(120, 132)]
            )
        ],
        quotes=[
            Quote(
                "This is the most practical",
                10,
                40,
                [(10, 40)],
                "direct",
                Span("said", 90, 94),
                Speaker("Marta Ibáñez", "e1", 95, 107),
                0.9,
            )
        ],
        events=[
            Event(
                Participant("Chile", country="CHL"),
                Participant("Peru", country="PER"),
                "AGREE",
                "asserted",
                (0, 150),
                Span("agreement", 60, 69),
                cameo="057",
                goldstein=8.0,
                quad_class=1,
            )
        ],
    )
    with Store(tmp_path / "n.db") as store:
        store.add_analysis(analysis)
        counts = store.counts()
        quote = store.conn.execute("SELECT speaker_name, cue_text, kind FROM quotes").fetchone()
        event = store.conn.execute("SELECT actor_country, recipient_country, cameo, status FROM events").fetchone()
    assert (counts["entities"], counts["quotes"], counts["events"]) == (1, 1, 1)
    assert tuple(quote) == ("Marta Ibáñez", "said", "direct")
    assert tuple(event) == ("CHL", "PER", "057", "asserted")


def test_foreign_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (name TEXT)")
        conn.execute("INSERT INTO customers VALUES ('Ada')")
    with pytest.raises(StoreError, match="not a newsgraph database"):
        Store(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("customers",)]


def test_non_database_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database " * 100)
    with pytest.raises(StoreError, match=r"notes\.db"):
        Store(path)


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        store.conn.execute("INSERT INTO schema_version VALUES (?, 'later')", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError, match="newer"):
        Store(tmp_path / "n.db")


def test_reader_sees_committed_rows_while_a_writer_holds_a_transaction(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as writer:
        writer.add_analysis(Analysis(article("port", HARBOUR_STORY)))
        writer.conn.execute("BEGIN IMMEDIATE")
        writer.conn.execute("UPDATE articles SET title = 'uncommitted'")
        with Store(tmp_path / "n.db", readonly=True) as reader:
            assert [a.title for a in reader.articles()] == [None]
        writer.conn.execute("ROLLBACK")


def test_readonly_store_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()


def test_search_matches_other_forms_of_a_word_and_ignores_accents(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        store.add_analysis(Analysis(article("port", HARBOUR_STORY)))
        assert [a.id for a in store.articles(search="inspect container")] == ["port"]
        assert [a.id for a in store.articles(search="Valparaiso Ibanez")] == ["port"]


DAM_STORY = (
    "Engineers at the Kuruma dam said the spillway would open on Friday.\n\n"
    "“We will not gamble with the town's safety,” said Adaeze Okafor, the water board's chief engineer.\n\n"
    "Farmers downstream said the warning came too late."
)
MILL_STORY = (
    "Mill owner José Núñez said the U.S. tariff (on pulp) was “a blow, but not a fatal one.”\n\n"
    "The union's leader, Ruth Abara, told reporters that wages would be frozen until spring."
)
FERRY_STORY = "“The ferry will run again once the fog lifts,” said Ines Barros, the harbour master."
BRIDGE_STORY = "The council said the old bridge would close to lorries for a month of repairs."


def said(text: str, words: str, kind: str, cue: str, speaker: str | None = None, **who) -> Quote:
    """A quote of `words` in `text`, with its cue and speaker located by their first occurrence."""
    start = text.index(words)
    at = text.index(cue)
    person = (
        Speaker(speaker, start=text.index(speaker), end=text.index(speaker) + len(speaker), **who) if speaker else None
    )
    return Quote(
        words, start, start + len(words), [(start, start + len(words))], kind, Span(cue, at, at + len(cue)), person, 0.8
    )


def quotes_store(path: Path) -> Path:
    """Four articles (one undated, two of the same day, one also read from a second outlet), seven quotes.

    The mill's quotes are stored in reverse text order, and the bridge story is added after the dam story
    of the same day, so the listing's order cannot come from insertion order.
    """
    dam = Analysis(
        article("dam", DAM_STORY, published="2024-05-02", title="Spillway to open"),
        quotes=[
            said(
                DAM_STORY,
                "the spillway would open on Friday",
                "indirect",
                "said",
                "Engineers at the Kuruma dam",
                described=True,
            ),
            said(
                DAM_STORY,
                "We will not gamble with the town's safety",
                "direct",
                "said Adaeze",
                "Adaeze Okafor",
                role="chief engineer",
                affiliation="water board",
                country="NGA",
            ),
            said(
                DAM_STORY,
                "the warning came too late",
                "indirect",
                "said the warning",
                "Farmers downstream",
                described=True,
            ),
        ],
    )
    mill = Analysis(
        article("mill", MILL_STORY, published="2024-04-20", title="Pulp tariff"),
        quotes=[
            said(
                MILL_STORY,
                "wages would be frozen until spring",
                "indirect",
                "told",
                "Ruth Abara",
                role="leader",
                affiliation="union",
            ),
            said(
                MILL_STORY,
                "the U.S. tariff (on pulp) was “a blow, but not a fatal one.”",
                "mixed",
                "said",
                "José Núñez",
                role="mill owner",
            ),
        ],
    )
    ferry = Analysis(
        article("ferry", FERRY_STORY),
        quotes=[said(FERRY_STORY, "The ferry will run again once the fog lifts", "direct", "said")],
    )
    bridge = Analysis(
        article("bridge", BRIDGE_STORY, published="2024-05-02"),
        quotes=[said(BRIDGE_STORY, "the old bridge would close", "indirect", "said", "The council", described=True)],
    )
    dam.article.source.outlet = ferry.article.source.outlet = bridge.article.source.outlet = "Valley Courier"
    mill.article.source.outlet = "Harbour Post"
    db = path / "quotes.db"
    with Store(db) as store:
        for analysis in (ferry, dam, mill, bridge):
            store.add_analysis(analysis)
        copy = article("mill-wire", MILL_STORY, path="wire.jsonl")
        copy.source.outlet = "Wire Digest"
        assert store.add_analysis(Analysis(copy)) == ("duplicate", "mill")
    return db


def test_quotes_are_listed_by_date_then_article_then_position_with_every_field(tmp_path: Path) -> None:
    with Store(quotes_store(tmp_path), readonly=True) as store:
        rows = store.quotes()
    assert [(row.article_id, row.start) for row in rows] == [
        ("mill", MILL_STORY.index("the U.S.")),
        ("mill", MILL_STORY.index("wages")),
        ("bridge", BRIDGE_STORY.index("the old")),
        ("dam", DAM_STORY.index("the spillway")),
        ("dam", DAM_STORY.index("We will")),
        ("dam", DAM_STORY.index("the warning")),
        ("ferry", 1),
    ]
    okafor = rows[4]
    assert vars(okafor) == {
        "article_id": "dam",
        "title": "Spillway to open",
        "outlet": "Valley Courier",
        "published": "2024-05-02",
        "text": "We will not gamble with the town's safety",
        "kind": "direct",
        "speaker": "Adaeze Okafor",
        "speaker_role": "chief engineer",
        "speaker_affiliation": "water board",
        "speaker_country": "NGA",
        "speaker_described": False,
        "cue": "said Adaeze",
        "start": DAM_STORY.index("We will"),
        "end": DAM_STORY.index("We will") + len(okafor.text),
    }
    assert rows[3].speaker_described is True
    assert (rows[6].speaker, rows[6].published, rows[6].cue) == (None, None, "said")


def test_quotes_filter_by_speaker_ignoring_case_and_accents(tmp_path: Path) -> None:
    with Store(quotes_store(tmp_path), readonly=True) as store:
        assert [row.speaker for row in store.quotes(speaker="OKAFOR")] == ["Adaeze Okafor"]
        assert [row.speaker for row in store.quotes(speaker="nunez")] == ["José Núñez"]
        assert [row.speaker for row in store.quotes(speaker="Núñez")] == ["José Núñez"]
        assert [row.text for row in store.quotes(speaker="kuruma")] == ["the spillway would open on Friday"]
        assert store.quotes(speaker="%") == [] and store.quotes(speaker="Okafor Adaeze") == []


def test_quotes_filter_by_outlet_of_the_article_or_any_source(tmp_path: Path) -> None:
    with Store(quotes_store(tmp_path), readonly=True) as store:
        assert {row.article_id for row in store.quotes(outlet="valley courier")} == {"bridge", "dam", "ferry"}
        assert {(row.article_id, row.outlet) for row in store.quotes(outlet="HARBOUR POST")} == {
            ("mill", "Harbour Post")
        }
        assert {(row.article_id, row.outlet) for row in store.quotes(outlet="wire digest")} == {("mill", "Wire Digest")}
        assert store.quotes(outlet="Valley") == []


def test_quotes_filter_by_kind_and_combine_filters(tmp_path: Path) -> None:
    with Store(quotes_store(tmp_path), readonly=True) as store:
        assert [row.article_id for row in store.quotes(kind="direct")] == ["dam", "ferry"]
        assert [row.speaker for row in store.quotes(kind="mixed")] == ["José Núñez"]
        assert [row.speaker for row in store.quotes(kind="indirect", outlet="Valley Courier", speaker="farmers")] == [
            "Farmers downstream"
        ]


def test_quotes_full_text_search_needs_every_word_and_survives_punctuation(tmp_path: Path) -> None:
    with Store(quotes_store(tmp_path), readonly=True) as store:
        assert [row.speaker for row in store.quotes(search="tariffs")] == ["José Núñez"]
        assert [row.speaker for row in store.quotes(search="gambling safety")] == ["Adaeze Okafor"]
        assert store.quotes(search="gamble tariff") == []
        assert [row.article_id for row in store.quotes(search='pulp) tariff: "U.S.')] == ["mill"]
        for hostile in ('AND "unbalanced ( NEAR', "fog*", "- : ^ OR", '"', "NOT"):
            store.quotes(search=hostile)
        assert len(store.quotes(search="   ")) == 7
        assert [row.article_id for row in store.quotes(search="fog", outlet="valley courier", kind="direct")] == [
            "ferry"
        ]


def test_quotes_limit_keeps_the_first_rows_of_the_order(tmp_path: Path) -> None:
    with Store(quotes_store(tmp_path), readonly=True) as store:
        everything = store.quotes()
        assert store.quotes(limit=2) == everything[:2]
        assert store.quotes(limit=2, outlet="Valley Courier") == everything[2:4]
