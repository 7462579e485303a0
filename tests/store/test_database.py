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
