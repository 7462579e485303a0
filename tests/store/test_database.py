"""The SQLite store: schema, identity, duplicates, conflicts, search, and refusing files that are not ours."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.errors import StoreError
from newsgraph.model import Analysis, Article, Entity, Event, Participant, Quote, Source, Span, Speaker
from newsgraph.store import Store, escape_fts
from newsgraph.store.schema import MIGRATIONS, SCHEMA_VERSION

from conftest import FLOOD_STORY, HARBOUR_STORY, coded_event


def article(id_: str, text: str, path: str = "a.txt", **kw) -> Article:
    return Article(id=id_, text=text, source=Source(path=path), **kw)


def test_new_database_is_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "article_sources", "entities", "mentions", "quotes", "events", "stories", "runs"} <= tables
    with Store(tmp_path / "n.db") as again:
        assert again.conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)


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


FJORD_STORY = (
    "Norway's fisheries minister Åsa Lindqvist met her Icelandic counterpart in Tromsø on Monday.\n\n"
    "She did not sign the quota accord, her office said.\n\n"
    "Iceland will send inspectors to the Norwegian fleet."
)
BORDER_STORY = (
    "Finnish border guards detained two Russian trawler crews near Virolahti on Tuesday.\n\n"
    "Moscow accused Helsinki of staging a provocation."
)
ENVOY_STORY = "The Estonian government could expel the Latvian envoy over the pipeline dispute."


def events_store(path: Path) -> Path:
    """Three articles (one undated), six events: two dated the same day in one article, stored in reverse.

    The fjord story is added first and its events are stored in reverse text order, so the listing's order
    cannot come from insertion order.
    """
    met = coded_event(
        FJORD_STORY,
        "Norway's fisheries minister Åsa Lindqvist met her Icelandic counterpart in Tromsø on Monday.",
        "met",
        "CONSULT",
        "asserted",
        ("Åsa Lindqvist", "NOR", "GOV"),
        ("her Icelandic counterpart", "ISL", "GOV"),
        mode="meet",
        cameo="040",
        goldstein=1.0,
        quad_class=1,
        date="2024-03-11",
        confidence=0.8,
    )
    unsigned = coded_event(
        FJORD_STORY,
        "She did not sign the quota accord, her office said.",
        "sign",
        "AGREE",
        "negated",
        ("Åsa Lindqvist", "NOR", "GOV"),
        cameo="057",
        goldstein=8.0,
        quad_class=1,
        date="2024-03-12",
        confidence=0.8,
    )
    inspectors = coded_event(
        FJORD_STORY,
        "Iceland will send inspectors to the Norwegian fleet.",
        "send inspectors",
        "CONSULT",
        "future",
        ("Iceland", "ISL", None),
        ("the Norwegian fleet", "NOR", "BUS"),
        cameo="042",
        goldstein=1.9,
        quad_class=1,
        confidence=0.8,
    )
    detained = coded_event(
        BORDER_STORY,
        "Finnish border guards detained two Russian trawler crews near Virolahti on Tuesday.",
        "detained",
        "COERCE",
        "asserted",
        ("Finnish border guards", "FIN", "MIL"),
        ("two Russian trawler crews", "RUS", "CVL"),
        mode="arrest",
        context=["territory", "economic"],
        cameo="173",
        goldstein=-5.0,
        quad_class=4,
        date="2024-03-12",
        confidence=0.8,
    )
    accused = coded_event(
        BORDER_STORY,
        "Moscow accused Helsinki of staging a provocation.",
        "accused",
        "ACCUSE",
        "asserted",
        ("Moscow", "RUS", "GOV"),
        ("Helsinki", "FIN", "GOV"),
        cameo="112",
        goldstein=-2.0,
        quad_class=3,
        date="2024-03-12",
        confidence=0.8,
    )
    expel = coded_event(
        ENVOY_STORY,
        ENVOY_STORY,
        "expel",
        "COERCE",
        "hypothetical",
        ("The Estonian government", "EST", "GOV"),
        ("the Latvian envoy", "LVA", "GOV"),
        cameo="174",
        goldstein=-5.0,
        quad_class=4,
        confidence=0.6,
    )
    fjord = Analysis(
        article("fjord", FJORD_STORY, path="fjord.txt", published="2024-03-12", title="Quota talks"),
        events=[inspectors, unsigned, met],
    )
    fjord.article.source.outlet = "Tidewater Gazette"
    border = Analysis(
        article("border", BORDER_STORY, path="wire.jsonl", published="2024-03-12", title="Trawler crews held"),
        events=[accused, detained],
    )
    border.article.source.url = "https://example.org/border"
    envoy = Analysis(article("envoy", ENVOY_STORY, path="envoy.txt"), events=[expel])
    db = path / "events.db"
    with Store(db) as store:
        for analysis in (fjord, border, envoy):
            store.add_analysis(analysis)
    return db


def test_events_are_listed_by_date_then_article_then_sentence_with_every_field(tmp_path: Path) -> None:
    with Store(events_store(tmp_path), readonly=True) as store:
        rows = store.events()
    assert [(row.date, row.article_id, row.trigger) for row in rows] == [
        ("2024-03-11", "fjord", "met"),
        ("2024-03-12", "border", "detained"),
        ("2024-03-12", "border", "accused"),
        ("2024-03-12", "fjord", "sign"),
        (None, "envoy", "expel"),
        (None, "fjord", "send inspectors"),
    ]
    detained = rows[1]
    assert vars(detained) == {
        "article_id": "border",
        "title": "Trawler crews held",
        "outlet": None,
        "published": "2024-03-12",
        "source": "https://example.org/border",
        "date": "2024-03-12",
        "type": "COERCE",
        "mode": "arrest",
        "context": ["territory", "economic"],
        "status": "asserted",
        "cameo": "173",
        "goldstein": -5.0,
        "quad_class": 4,
        "actor": "Finnish border guards",
        "actor_country": "FIN",
        "actor_sector": "MIL",
        "recipient": "two Russian trawler crews",
        "recipient_country": "RUS",
        "recipient_sector": "CVL",
        "trigger": "detained",
        "sentence": "Finnish border guards detained two Russian trawler crews near Virolahti on Tuesday.",
        "sentence_start": 0,
        "sentence_end": 83,
        "confidence": 0.8,
    }
    unsigned = rows[3]
    # The sentence is cut from the text by its offsets, after "Åsa" and "Tromsø" earlier in the article.
    assert unsigned.sentence == "She did not sign the quota accord, her office said."
    assert (unsigned.outlet, unsigned.source, unsigned.recipient, unsigned.recipient_country) == (
        "Tidewater Gazette",
        "fjord.txt",
        None,
        None,
    )
    assert rows[4].published is None and rows[4].context == []


def test_events_filter_by_actor_or_recipient_name_or_country(tmp_path: Path) -> None:
    with Store(events_store(tmp_path), readonly=True) as store:
        assert [row.trigger for row in store.events(actor="LINDQVIST")] == ["met", "sign"]
        assert [row.trigger for row in store.events(actor="asa")] == ["met", "sign"]
        assert [row.trigger for row in store.events(actor="Åsa Lind")] == ["met", "sign"]
        assert [row.trigger for row in store.events(actor="NOR")] == ["met", "sign"]
        assert [row.trigger for row in store.events(actor="isl")] == ["send inspectors"]
        assert [row.trigger for row in store.events(recipient="ISL")] == ["met"]
        assert [row.trigger for row in store.events(recipient="icelandic")] == ["met"]
        assert [row.trigger for row in store.events(recipient="nor")] == ["send inspectors"]
        assert [row.trigger for row in store.events(actor="fin")] == ["detained"]
        assert [row.trigger for row in store.events(recipient="FIN")] == ["accused"]
        assert [row.trigger for row in store.events(actor="moscow", recipient="helsinki")] == ["accused"]
        assert store.events(actor="%") == [] and store.events(actor="Lindqvist Åsa") == []


def test_events_filter_by_dyad_of_countries(tmp_path: Path) -> None:
    with Store(events_store(tmp_path), readonly=True) as store:
        assert [row.trigger for row in store.events(dyad="RUS:FIN")] == ["accused"]
        assert [row.trigger for row in store.events(dyad="fin:rus")] == ["detained"]
        assert [row.trigger for row in store.events(dyad=" NOR : ISL ")] == ["met"]
        assert store.events(dyad="ISL:FIN") == []
        for bad in ("FIN-RUS", "FINRUS", "FI:RU", "FIN:RUS:EST", "FIN:", "F1N:RUS"):
            with pytest.raises(ValueError, match="ACTOR:RECIPIENT"):
                store.events(dyad=bad)


def test_events_filter_by_type_and_status(tmp_path: Path) -> None:
    with Store(events_store(tmp_path), readonly=True) as store:
        assert [row.trigger for row in store.events(type="COERCE")] == ["detained", "expel"]
        assert [row.trigger for row in store.events(type="accuse")] == ["accused"]
        assert [row.trigger for row in store.events(status="negated")] == ["sign"]
        assert [row.trigger for row in store.events(status="future")] == ["send inspectors"]
        assert [row.trigger for row in store.events(status="hypothetical", type="COERCE")] == ["expel"]
        assert [row.trigger for row in store.events(type="CONSULT", status="asserted")] == ["met"]
        with pytest.raises(ValueError, match="unknown event type"):
            store.events(type="FIGHT")
        with pytest.raises(ValueError, match="status"):
            store.events(status="rumoured")


def test_events_filter_by_inclusive_date_range_leaving_out_undated(tmp_path: Path) -> None:
    with Store(events_store(tmp_path), readonly=True) as store:
        assert [row.trigger for row in store.events(since="2024-03-12")] == ["detained", "accused", "sign"]
        assert [row.trigger for row in store.events(until="2024-03-11")] == ["met"]
        assert len(store.events(since="2024-03-11", until="2024-03-12")) == 4
        assert len(store.events(since="2024-03-12", until="2024-03-12")) == 3
        assert store.events(since="2024-03-13") == [] and store.events(until="2024-03-10") == []
        assert [row.trigger for row in store.events(since="2024-03-01", actor="NOR")] == ["met", "sign"]
        with pytest.raises(ValueError, match="ISO date"):
            store.events(since="12/03/2024")
        with pytest.raises(ValueError, match="after"):
            store.events(since="2024-03-12", until="2024-03-11")


def test_events_limit_keeps_the_first_rows_of_the_order(tmp_path: Path) -> None:
    with Store(events_store(tmp_path), readonly=True) as store:
        everything = store.events()
        assert store.events(limit=2) == everything[:2]
        assert store.events(limit=None) == everything
        assert store.events(limit=3, since="2024-03-12") == everything[1:4]
