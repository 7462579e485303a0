"""Stories as the views show them: the list, and one story with its articles, merged events and quotes,
and ledger. Read-only; `update_stories` writes what these read.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from newsgraph.store import Store
from newsgraph.stories.storage import SOURCE_SQL, source_key


@dataclass
class StorySummary:
    id: int
    label: str | None
    first: str | None
    last: str | None
    outlets: list[str]
    articles: list[str]
    """Ids of every article in the story, near copies included, and of every input record read as an
    exact copy of one (stored once, under the first id seen)."""
    num_articles: int
    """Articles not counting near copies."""
    copies: int


@dataclass
class StoryArticle:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    copy_of: str | None
    similarity: float | None


@dataclass
class Mention:
    article_id: str
    outlet: str | None
    published: str | None
    text: str
    """The evidence: the event's sentence, or the quote's words, in that article."""
    start: int
    end: int
    copy: bool


@dataclass
class MergedEvent:
    n: int
    type: str
    status: str
    cameo: str | None
    date: str | None
    actor: str | None
    actor_country: str | None
    recipient: str | None
    recipient_country: str | None
    trigger: str
    num_mentions: int
    num_articles: int
    num_sources: int
    first_article: str
    goldstein: float | None = None
    """The Goldstein score of the event's CAMEO code: -10 (most hostile) to +10 (most cooperative)."""
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class MergedQuote:
    n: int
    speaker: str | None
    text: str
    kind: str
    num_articles: int
    num_sources: int
    first_article: str
    first_outlet: str | None
    role: str | None = None
    affiliation: str | None = None
    country: str | None = None
    described: bool = False
    """The speaker's details as the first article gives them."""
    requoted_by: list[str] = field(default_factory=list)
    """Outlets (else article ids) of the later articles that carried it again, in order."""
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class LedgerEntry:
    expected: int
    """The future event instance (`MergedEvent.n`)."""
    outcome: str
    resolved_by: int | None


@dataclass
class StoryDetail:
    summary: StorySummary
    articles: list[StoryArticle]
    events: list[MergedEvent]
    quotes: list[MergedQuote]
    ledger: list[LedgerEntry]


def list_stories(store: Store, search: str | None = None, limit: int | None = None) -> list[StorySummary]:
    """Stories, most recently active first (undated last); `search` matches the label, ignoring case."""
    if search:
        return _summaries(store, "WHERE instr(lower(label), ?) > 0", [search.lower()], limit)
    return _summaries(store, "", [], limit)


def _summaries(store: Store, where: str, params: list, limit: int | None) -> list[StorySummary]:
    rows = store.conn.execute(
        f"SELECT id, label, first, last, outlets, articles FROM stories {where}"
        " ORDER BY last IS NULL, last DESC, id LIMIT ?",
        [*params, -1 if limit is None else limit],
    ).fetchall()
    members: dict[int, list[str]] = {row["id"]: [] for row in rows}
    copies: dict[int, int] = dict.fromkeys(members, 0)
    if members:
        marks = ", ".join("?" * len(members))
        for row in store.conn.execute(
            "SELECT sa.story_id, a.id, a.duplicate_of, (SELECT json_group_array(s.record_id) FROM article_sources s"
            " WHERE s.article_id = a.id AND s.record_id IS NOT NULL) AS records FROM story_articles sa"
            f" JOIN articles a ON a.id = sa.article_id WHERE sa.story_id IN ({marks})"
            " ORDER BY sa.story_id, a.published IS NULL, a.published, a.rowid",
            list(members),
        ):
            ids = members[row["story_id"]]
            for article_id in [row["id"], *json.loads(row["records"] or "[]")]:
                if article_id not in ids:
                    ids.append(article_id)
            copies[row["story_id"]] += row["duplicate_of"] is not None
    return [
        StorySummary(
            id=row["id"],
            label=row["label"],
            first=row["first"],
            last=row["last"],
            outlets=json.loads(row["outlets"]),
            articles=members[row["id"]],
            num_articles=row["articles"],
            copies=copies[row["id"]],
        )
        for row in rows
    ]


def story_detail(store: Store, story_id: int) -> StoryDetail | None:
    found = _summaries(store, "WHERE id = ?", [story_id], 1)
    if not found:
        return None
    summary = found[0]
    conn = store.conn
    articles = [
        StoryArticle(**dict(row))
        for row in conn.execute(
            f"SELECT a.id, a.title, {SOURCE_SQL} AS outlet, a.published, a.url, a.duplicate_of AS copy_of,"
            " a.duplicate_similarity AS similarity FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
            " WHERE sa.story_id = ? ORDER BY a.published IS NULL, a.published, a.rowid",
            (story_id,),
        )
    ]
    outlet_of = {a.id: _outlet(a) for a in articles}
    events = []
    event_rows = conn.execute(
        "SELECT i.*, e.goldstein FROM event_instances i"
        " JOIN events e ON e.article_id = i.first_article AND e.n = i.first_event WHERE i.story_id = ? ORDER BY i.n",
        (story_id,),
    ).fetchall()
    for row in event_rows:
        merged = MergedEvent(
            n=row["n"],
            type=row["type"],
            status=row["status"],
            cameo=row["cameo"],
            date=row["date"],
            actor=row["actor"],
            actor_country=row["actor_country"],
            recipient=row["recipient"],
            recipient_country=row["recipient_country"],
            trigger=row["trigger_text"],
            num_mentions=row["num_mentions"],
            num_articles=row["num_articles"],
            num_sources=row["num_sources"],
            first_article=row["first_article"],
            goldstein=row["goldstein"],
        )
        merged.mentions = _mentions(
            conn,
            "SELECT m.article_id, m.duplicate, e.sentence_start AS start, e.sentence_end AS end,"
            " substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS text"
            " FROM event_instance_mentions m JOIN events e ON e.article_id = m.article_id AND e.n = m.event"
            " JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? AND m.instance = ?"
            " ORDER BY a.published IS NULL, a.published, a.rowid, e.n",
            (story_id, merged.n),
            articles,
        )
        events.append(merged)
    quotes = []
    quote_rows = conn.execute(
        "SELECT i.*, q.speaker_role, q.speaker_affiliation, q.speaker_country, q.speaker_described"
        " FROM quote_instances i JOIN quotes q ON q.article_id = i.first_article AND q.n = i.first_quote"
        " WHERE i.story_id = ? ORDER BY i.n",
        (story_id,),
    ).fetchall()
    people = store.known_people(row["speaker"] for row in quote_rows if row["speaker"] and not row["speaker_described"])
    for row in quote_rows:
        # what the first report leaves out, other stored articles may say of the same person
        role, affiliation, country = (row["speaker_role"], row["speaker_affiliation"], row["speaker_country"])
        if not row["speaker_described"]:
            role, affiliation, country = people.fill(row["speaker"], role, affiliation, country)
        merged_quote = MergedQuote(
            n=row["n"],
            speaker=row["speaker"],
            text=row["text"],
            kind=row["kind"],
            num_articles=row["num_articles"],
            num_sources=row["num_sources"],
            first_article=row["first_article"],
            first_outlet=outlet_of.get(row["first_article"]),
            role=role,
            affiliation=affiliation,
            country=country,
            described=bool(row["speaker_described"]),
        )
        merged_quote.mentions = _mentions(
            conn,
            "SELECT m.article_id, m.duplicate, q.text, q.start, q.end FROM quote_instance_mentions m"
            " JOIN quotes q ON q.article_id = m.article_id AND q.n = m.quote JOIN articles a ON a.id = m.article_id"
            " WHERE m.story_id = ? AND m.instance = ? ORDER BY a.published IS NULL, a.published, a.rowid, q.n",
            (story_id, merged_quote.n),
            articles,
        )
        for mention in merged_quote.mentions:
            outlet = mention.outlet or mention.article_id
            if (
                mention.article_id != merged_quote.first_article
                and not mention.copy
                and outlet not in merged_quote.requoted_by
            ):
                merged_quote.requoted_by.append(outlet)
        quotes.append(merged_quote)
    ledger = [
        LedgerEntry(row["instance"], row["outcome"], row["resolved_by"])
        for row in conn.execute(
            "SELECT instance, outcome, resolved_by FROM expectations WHERE story_id = ? ORDER BY instance", (story_id,)
        )
    ]
    return StoryDetail(summary, articles, events, quotes, ledger)


def _outlet(article: StoryArticle) -> str | None:
    """The outlet, else the URL's host; None when neither is known (views then show the article id)."""
    key = source_key(article.outlet, article.url, article.id)
    return None if key.startswith("article:") else key


def _mentions(conn: sqlite3.Connection, sql: str, params: tuple, articles: list[StoryArticle]) -> list[Mention]:
    """Mentions from a query giving article_id, duplicate, text, start and end, with their article's
    outlet and date."""
    by_id = {a.id: a for a in articles}
    return [
        Mention(
            row["article_id"],
            _outlet(by_id[row["article_id"]]),
            by_id[row["article_id"]].published,
            row["text"],
            row["start"],
            row["end"],
            bool(row["duplicate"]),
        )
        for row in conn.execute(sql, params)
    ]
