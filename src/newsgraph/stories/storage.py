"""The story layer's reads and writes in the store: what it needs from per-article analyses, and what it keeps.

Kept apart from `store/database.py` (the per-article tables) so that everything about stories is in
stories/; the tables themselves are created by the store's migration 3 (docs/store.md).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from urllib.parse import urlparse

from newsgraph.store import Store
from newsgraph.stories.clustering import ArticleDoc
from newsgraph.stories.instances import EventInstance, EventMention, QuoteInstance, QuoteMention, Report
from newsgraph.stories.ledger import Expectation

_ORDER = "a.published IS NULL, a.published, a.rowid"
SOURCE_SQL = (
    "COALESCE(a.outlet, (SELECT s.outlet FROM article_sources s WHERE s.article_id = a.id AND s.outlet IS NOT NULL"
    " ORDER BY s.rowid LIMIT 1))"
)
"""SQL for an article's outlet (`a`): its own, else that of the first source naming one."""


def source_key(outlet: str | None, url: str | None, article_id: str) -> str:
    """What counts as one source: the outlet, else the URL's host, else the article itself."""
    if outlet:
        return outlet
    host = urlparse(url).hostname if url else None
    return host or f"article:{article_id}"


def unassigned_articles(store: Store) -> list[ArticleDoc]:
    """Articles in no story yet, in processing order (publication date, then storage order)."""
    rows = store.conn.execute(
        "SELECT a.id, a.title, a.text, a.published FROM articles a"
        f" WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id) ORDER BY {_ORDER}"
    ).fetchall()
    return _with_entities_and_events(store, [ArticleDoc(r["id"], r["text"], r["title"], r["published"]) for r in rows])


def story_articles(store: Store, stories: Iterable[int]) -> dict[int, list[ArticleDoc]]:
    """The original (not near-copy) articles of these stories, in processing order."""
    wanted = list(stories)
    if not wanted:
        return {}
    rows = store.conn.execute(
        "SELECT sa.story_id, a.id, a.title, a.text, a.published FROM story_articles sa"
        " JOIN articles a ON a.id = sa.article_id"
        f" WHERE a.duplicate_of IS NULL AND sa.story_id IN ({_marks(wanted)}) ORDER BY {_ORDER}",
        wanted,
    ).fetchall()
    docs = _with_entities_and_events(store, [ArticleDoc(r["id"], r["text"], r["title"], r["published"]) for r in rows])
    grouped: dict[int, list[ArticleDoc]] = defaultdict(list)
    for row, doc in zip(rows, docs, strict=True):
        grouped[row["story_id"]].append(doc)
    return dict(grouped)


def active_stories(store: Store, since: str | None) -> list[int]:
    """Stories new articles may join: those with an article on or after `since`, or with undated ones."""
    if since is None:
        return [r[0] for r in store.conn.execute("SELECT id FROM stories ORDER BY id")]
    rows = store.conn.execute(
        "SELECT id FROM stories WHERE last IS NULL OR last >= ? OR EXISTS (SELECT 1 FROM story_articles sa"
        " JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = stories.id AND a.published IS NULL)"
        " ORDER BY id",
        (since,),
    )
    return [r[0] for r in rows]


def _with_entities_and_events(store: Store, docs: list[ArticleDoc]) -> list[ArticleDoc]:
    names: dict[str, list[str]] = defaultdict(list)
    events: dict[str, list[str]] = defaultdict(list)
    ids = [doc.id for doc in docs]
    for chunk in _chunks(ids):
        for row in store.conn.execute(
            f"SELECT article_id, name FROM entities WHERE article_id IN ({_marks(chunk)}) ORDER BY article_id, id",
            chunk,
        ):
            names[row["article_id"]].append(row["name"])
        for row in store.conn.execute(
            "SELECT article_id, type, actor_country, recipient_country FROM events"
            f" WHERE article_id IN ({_marks(chunk)}) AND (actor_country IS NOT NULL OR recipient_country IS NOT NULL)"
            " ORDER BY article_id, n",
            chunk,
        ):
            countries = sorted(c for c in (row["actor_country"], row["recipient_country"]) if c)
            events[row["article_id"]].append(" ".join([row["type"], *countries]))
    for doc in docs:
        doc.entities = names.get(doc.id, [])
        doc.events = events.get(doc.id, [])
    return docs


def signatures(store: Store) -> Iterator[tuple[str, bytes]]:
    """Stored signatures of original articles (near copies are not compared with again)."""
    yield from store.conn.execute(
        "SELECT s.article_id, s.minhash FROM article_signatures s JOIN articles a ON a.id = s.article_id"
        " WHERE a.duplicate_of IS NULL ORDER BY s.rowid"
    )


def article_text(store: Store, article_id: str) -> str:
    row = store.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else ""


def original_of(store: Store, article_id: str) -> str:
    row = store.conn.execute("SELECT duplicate_of FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row and row[0] else article_id


def story_of(store: Store, article_id: str) -> int | None:
    row = store.conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def story_of_copies(store: Store, article_id: str) -> int | None:
    """The story of an already placed near copy of this article, if any."""
    row = store.conn.execute(
        "SELECT sa.story_id FROM articles a JOIN story_articles sa ON sa.article_id = a.id"
        " WHERE a.duplicate_of = ? ORDER BY a.rowid LIMIT 1",
        (article_id,),
    ).fetchone()
    return row[0] if row else None


def save_signature(store: Store, article_id: str, minhash: bytes) -> None:
    store.conn.execute(
        "INSERT OR REPLACE INTO article_signatures (article_id, minhash) VALUES (?, ?)", (article_id, minhash)
    )


def mark_copy(store: Store, article_id: str, original: str, similarity: float) -> None:
    """`article_id` copies `original`; copies of `article_id` now point at `original` too."""
    store.conn.execute(
        "UPDATE articles SET duplicate_of = ?, duplicate_similarity = ? WHERE id = ?",
        (original, similarity, article_id),
    )
    store.conn.execute("UPDATE articles SET duplicate_of = ? WHERE duplicate_of = ?", (original, article_id))
    store.conn.execute("UPDATE articles SET duplicate_of = NULL, duplicate_similarity = NULL WHERE id = ?", (original,))


def published(store: Store, article_id: str) -> tuple[bool, str, int]:
    """The processing-order key of a stored article."""
    row = store.conn.execute("SELECT published, rowid FROM articles WHERE id = ?", (article_id,)).fetchone()
    return (row[0] is None, row[0] or "", row[1])


def new_story(store: Store, now: str) -> int:
    cursor = store.conn.execute("INSERT INTO stories (created, updated) VALUES (?, ?)", (now, now))
    return int(cursor.lastrowid or 0)


def add_article(store: Store, story_id: int, article_id: str, score: float | None) -> None:
    store.conn.execute(
        "INSERT OR REPLACE INTO story_articles (story_id, article_id, score) VALUES (?, ?, ?)",
        (story_id, article_id, score),
    )


def clear(store: Store) -> None:
    """Forget every story and near-copy link (for a rebuild); per-article analyses are untouched."""
    store.conn.execute("DELETE FROM stories")
    store.conn.execute("DELETE FROM article_signatures")
    store.conn.execute("UPDATE articles SET duplicate_of = NULL, duplicate_similarity = NULL")


def reports(store: Store, story_id: int) -> dict[str, Report]:
    rows = store.conn.execute(
        f"SELECT a.id, a.published, a.rowid AS ord, a.url, a.duplicate_of, {SOURCE_SQL} AS outlet"
        " FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ?",
        (story_id,),
    )
    return {
        r["id"]: Report(
            r["id"], r["published"], source_key(r["outlet"], r["url"], r["id"]), r["ord"], r["duplicate_of"] is not None
        )
        for r in rows
    }


def event_mentions(store: Store, story_id: int, by_article: dict[str, Report]) -> list[EventMention]:
    rows = store.conn.execute(
        "SELECT e.* FROM events e JOIN story_articles sa ON sa.article_id = e.article_id WHERE sa.story_id = ?",
        (story_id,),
    ).fetchall()
    pairs = defaultdict(set)
    for r in rows:
        pairs[(r["article_id"], r["clause"], r["type"])].add((r["actor_name"], r["recipient_name"]))
    # a person whose article gives no country is coded with the one the other stored articles give, so
    # that "Lindqvist met ..." and "Sweden's Lindqvist met ..." can be one happening
    people = store.known_people(
        r[f"{side}_name"]
        for r in rows
        for side in ("actor", "recipient")
        if r[f"{side}_name"] and not r[f"{side}_country"]
    )

    def country(name: str | None, coded: str | None) -> str | None:
        known = people.get(name) if name and not coded else None
        return coded or (known.country if known else None)

    mentions = []
    for r in rows:
        directions = pairs[(r["article_id"], r["clause"], r["type"])]
        reciprocal = r["clause"] is not None and (r["recipient_name"], r["actor_name"]) in directions
        mentions.append(
            EventMention(
                report=by_article[r["article_id"]],
                n=r["n"],
                type=r["type"],
                status=r["status"],
                cameo=r["cameo"],
                date=r["date"],
                actor=r["actor_name"],
                actor_country=country(r["actor_name"], r["actor_country"]),
                recipient=r["recipient_name"],
                recipient_country=country(r["recipient_name"], r["recipient_country"]),
                trigger=r["trigger_text"],
                clause=r["clause"],
                reciprocal=reciprocal,
            )
        )
    return mentions


def quote_mentions(store: Store, story_id: int, by_article: dict[str, Report]) -> list[QuoteMention]:
    rows = store.conn.execute(
        "SELECT q.article_id, q.n, q.text, q.kind, q.speaker_name, q.speaker_described FROM quotes q"
        " JOIN story_articles sa ON sa.article_id = q.article_id WHERE sa.story_id = ?",
        (story_id,),
    )
    return [
        QuoteMention(
            by_article[r["article_id"]], r["n"], r["text"], r["kind"], r["speaker_name"], bool(r["speaker_described"])
        )
        for r in rows
    ]


def write_story(
    store: Store,
    story_id: int,
    *,
    label: str,
    reports: dict[str, Report],
    events: list[EventInstance],
    quotes: list[QuoteInstance],
    expectations: list[Expectation],
    now: str,
) -> None:
    """Replace everything derived for one story."""
    conn = store.conn
    for table in ("event_instances", "event_instance_mentions", "quote_instances", "quote_instance_mentions"):
        conn.execute(f"DELETE FROM {table} WHERE story_id = ?", (story_id,))
    conn.execute("DELETE FROM expectations WHERE story_id = ?", (story_id,))
    dates = sorted(r.published for r in reports.values() if r.published)
    outlets = sorted({r.source for r in reports.values() if not r.source.startswith("article:")})
    originals = sum(1 for r in reports.values() if not r.duplicate)
    conn.execute(
        "UPDATE stories SET label = ?, first = ?, last = ?, outlets = ?, articles = ?, updated = ? WHERE id = ?",
        (
            label,
            dates[0] if dates else None,
            dates[-1] if dates else None,
            json.dumps(outlets),
            originals,
            now,
            story_id,
        ),
    )
    index = {id(instance): n for n, instance in enumerate(events)}
    for n, instance in enumerate(events):
        first = instance.first
        conn.execute(
            "INSERT INTO event_instances VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                story_id,
                n,
                instance.type,
                instance.status,
                instance.cameo,
                instance.date,
                first.actor,
                first.actor_country,
                first.recipient,
                first.recipient_country,
                first.trigger,
                instance.num_mentions,
                instance.num_articles,
                instance.num_sources,
                first.report.article,
                first.n,
            ),
        )
        _insert_mentions(conn, "event_instance_mentions", story_id, n, instance.mentions)
    for n, instance in enumerate(quotes):
        first = instance.first
        conn.execute(
            "INSERT INTO quote_instances VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                story_id,
                n,
                instance.speaker,
                instance.text,
                first.kind,
                instance.num_articles,
                instance.num_sources,
                first.report.article,
                first.n,
            ),
        )
        _insert_mentions(conn, "quote_instance_mentions", story_id, n, instance.mentions)
    conn.executemany(
        "INSERT INTO expectations (story_id, instance, outcome, resolved_by) VALUES (?, ?, ?, ?)",
        [
            (story_id, index[id(e.expected)], e.outcome, index[id(e.resolved_by)] if e.resolved_by else None)
            for e in expectations
        ],
    )


def _insert_mentions(
    conn: sqlite3.Connection, table: str, story_id: int, n: int, mentions: list[EventMention] | list[QuoteMention]
) -> None:
    conn.executemany(
        f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?, ?, ?)",
        [(story_id, n, m.report.article, m.n, int(m.report.duplicate)) for m in mentions],
    )


def _marks(values: list) -> str:
    return ", ".join("?" * len(values))


def _chunks(values: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def top_entities(store: Store, article_ids: list[str], limit: int) -> list[str]:
    """People and organisations named in the most of these articles."""
    counts: dict[str, set[str]] = defaultdict(set)
    for chunk in _chunks(article_ids):
        for row in store.conn.execute(
            f"SELECT article_id, name FROM entities WHERE kind IN ('person', 'organisation')"
            f" AND article_id IN ({_marks(chunk)})",
            chunk,
        ):
            counts[row["name"]].add(row["article_id"])
    return sorted(counts, key=lambda name: (-len(counts[name]), name))[:limit]
