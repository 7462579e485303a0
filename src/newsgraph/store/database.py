"""All SQLite access: opening the one-file store, writing analyses, recording runs, querying.

The database runs in WAL mode so readers (the CLI, a dashboard) keep working while a batch writes.
Every article is written with all its rows inside one `BEGIN IMMEDIATE` transaction (a batch writes a
chunk of articles per transaction): a batch killed midway leaves only whole articles behind, and the next
run skips what is already stored.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal

from newsgraph import __version__
from newsgraph.articles.identity import content_hash
from newsgraph.entities.corpus import People, clear_lead, person_key
from newsgraph.errors import InputError, StoreError
from newsgraph.events.ontology import PLOVER_TYPES
from newsgraph.model import Analysis, Article
from newsgraph.store.schema import SCHEMA_VERSION, apply_migrations, current_version

DEFAULT_DB = "newsgraph.db"
Outcome = Literal["added", "duplicate", "conflict"]
EVENT_STATUSES = ("asserted", "negated", "future", "hypothetical")


@dataclass
class StoredArticle:
    """One row of `newsgraph articles`: the article's metadata and how many sources it was read from."""

    id: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    sources: int
    snippet: str


@dataclass
class StoredEntity:
    """One row of `newsgraph entities`: an entity as named across the articles that mention it."""

    name: str
    kind: str
    country: str | None
    sector: str | None
    articles: int
    roles: list[str]
    affiliations: list[str]


@dataclass
class StoredQuote:
    """One row of `newsgraph quotes`: a quote with its speaker and the article it appeared in."""

    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    text: str
    kind: str
    speaker: str | None
    speaker_role: str | None
    speaker_affiliation: str | None
    speaker_country: str | None
    speaker_described: bool
    cue: str | None
    start: int
    end: int


@dataclass
class StoredEvent:
    """One row of `newsgraph events`: an event with its participants, its sentence and the article it is from.

    `source` is where the article can be found again: its URL, else the first URL or path it was read from.
    `sentence` is the article text between the stored sentence offsets `sentence_start` and `sentence_end`.
    """

    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    source: str | None
    date: str | None
    type: str
    mode: str | None
    context: list[str]
    status: str
    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    actor: str | None
    actor_country: str | None
    actor_sector: str | None
    recipient: str | None
    recipient_country: str | None
    recipient_sector: str | None
    trigger: str
    sentence: str
    sentence_start: int
    sentence_end: int
    confidence: float


@dataclass
class RunSummary:
    id: int
    command: str
    started: str
    finished: str | None
    status: str
    articles_read: int
    articles_added: int
    duplicates: int
    already_stored: int
    errors: int


class Store:
    """A newsgraph database file. Use as a context manager, or call `close()`."""

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_DB, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        if readonly and not self.path.is_file():
            raise StoreError(f"{self.path}: no such database; create it with `newsgraph ingest PATH`")
        if readonly:
            self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, isolation_level=None)
        else:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        try:
            self._prepare()
        except (sqlite3.DatabaseError, StoreError) as exc:
            self.conn.close()
            reason = str(exc) if isinstance(exc, StoreError) else f"cannot open as a newsgraph database ({exc})"
            raise StoreError(f"{self.path}: {reason}") from None

    def _prepare(self) -> None:
        """Check the file is ours, then set the connection up; a foreign file is refused before any write."""
        conn = self.conn
        version = current_version(conn)
        if self.readonly:
            if version != SCHEMA_VERSION:
                raise StoreError(
                    f"schema version {version}, expected {SCHEMA_VERSION}; "
                    "run `newsgraph ingest` once with this version to migrate it"
                )
        else:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.row_factory = sqlite3.Row
        conn.create_function("newsgraph_casefold", 1, _casefold, deterministic=True)
        conn.create_function("newsgraph_fold", 1, _fold, deterministic=True)
        if "ENABLE_FTS5" not in {row[0] for row in conn.execute("PRAGMA compile_options")}:
            raise StoreError("this Python's SQLite was built without FTS5, which newsgraph needs for search")
        if not self.readonly:
            apply_migrations(conn)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # -- runs -------------------------------------------------------------------------------------

    def start_run(self, command: str, inputs: list[str], model: str | None = None) -> int:
        """Record a new run; runs left 'running' by a process that no longer exists become 'interrupted'."""
        with self._transaction():
            for row in self.conn.execute("SELECT id, pid FROM runs WHERE status = 'running'").fetchall():
                if not _process_alive(row["pid"]):
                    # Its counters are as of its last chunk; the articles it stored say exactly how many it added.
                    self.conn.execute(
                        "UPDATE runs SET status = 'interrupted',"
                        " articles_added = (SELECT COUNT(*) FROM articles WHERE run_id = runs.id) WHERE id = ?",
                        (row["id"],),
                    )
            cursor = self.conn.execute(
                "INSERT INTO runs (command, inputs, started, status, pid, schema_version, newsgraph_version, model)"
                " VALUES (?, ?, ?, 'running', ?, ?, ?, ?)",
                (command, json.dumps(inputs), _now(), os.getpid(), SCHEMA_VERSION, __version__, model),
            )
            return int(cursor.lastrowid or 0)

    def record_error(self, run_id: int, error: InputError) -> None:
        with self._transaction():
            self.conn.execute(
                "INSERT INTO run_errors (run_id, path, record, reason) VALUES (?, ?, ?, ?)",
                (run_id, error.path, error.record, error.reason),
            )
            self.conn.execute("UPDATE runs SET errors = errors + 1 WHERE id = ?", (run_id,))

    def record_progress(self, run_id: int, counts: dict[str, int]) -> None:
        """Write a running batch's article counters, so a run that is killed still tells how far it got."""
        with self._transaction():
            self._write_counts(run_id, counts)

    def finish_run(self, run_id: int, status: str, counts: dict[str, int]) -> RunSummary:
        """Close a run with its status and article counters (read, added, duplicates, already_stored)."""
        with self._transaction():
            self.conn.execute("UPDATE runs SET finished = ?, status = ? WHERE id = ?", (_now(), status, run_id))
            self._write_counts(run_id, counts)
        return self.run(run_id)

    def _write_counts(self, run_id: int, counts: dict[str, int]) -> None:
        self.conn.execute(
            "UPDATE runs SET articles_read = ?, articles_added = ?, duplicates = ?, already_stored = ? WHERE id = ?",
            (
                counts.get("read", 0),
                counts.get("added", 0),
                counts.get("duplicates", 0),
                counts.get("already_stored", 0),
                run_id,
            ),
        )

    def runs(self) -> list[RunSummary]:
        """Every recorded run, oldest first."""
        return [self.run(row["id"]) for row in self.conn.execute("SELECT id FROM runs ORDER BY id")]

    def run(self, run_id: int) -> RunSummary:
        row = self.conn.execute(
            "SELECT id, command, started, finished, status, articles_read, articles_added, duplicates,"
            " already_stored, errors FROM runs WHERE id = ?",
            (run_id,),
        ).fetchone()
        if row is None:
            raise StoreError(f"{self.path}: no run {run_id}")
        return RunSummary(**dict(row))

    def run_errors(self, run_id: int) -> list[InputError]:
        rows = self.conn.execute(
            "SELECT path, record, reason FROM run_errors WHERE run_id = ? ORDER BY rowid", (run_id,)
        )
        return [InputError(row["path"], row["reason"], row["record"]) for row in rows]

    # -- articles ---------------------------------------------------------------------------------

    def add_if_known(self, article: Article, run_id: int | None = None) -> tuple[Outcome, str] | None:
        """Record a new source for an article already stored, without analysing it again.

        Returns None when neither its id nor its text is stored yet; otherwise the outcome as in
        `add_analysis`.
        """
        with self._transaction():
            return self._match_stored(article, content_hash(article.text), run_id)

    def add_analysis(self, analysis: Analysis, run_id: int | None = None) -> tuple[Outcome, str]:
        """Store an analysed article with all its rows in one transaction.

        Returns ("added", id) for a new article, ("duplicate", stored id) when the same text is already
        stored (only the new source is recorded), or ("conflict", id) when the id is taken by a different
        text: the stored article is kept untouched.
        """
        with self._transaction():
            return self._add(analysis, run_id)

    def add_analyses(self, analyses: Iterable[Analysis], run_id: int | None = None) -> list[tuple[Outcome, str]]:
        """Store a chunk of analyses in one transaction (the batch commands' unit of work): one commit per
        chunk is many times faster than one per article, and a killed run still loses only the chunk it
        was writing. Outcomes as in `add_analysis`, in order."""
        with self._transaction():
            return [self._add(analysis, run_id) for analysis in analyses]

    def first_source_in_run(self, article_id: str, run_id: int) -> str | None:
        """Where run `run_id` first met the article ("path (record)"), or None if it never did."""
        row = self.conn.execute(
            "SELECT path, record FROM article_sources WHERE article_id = ? AND run_id = ? ORDER BY rowid LIMIT 1",
            (article_id, run_id),
        ).fetchone()
        if row is None:
            return None
        return f"{row['path']} ({row['record']})" if row["record"] else row["path"]

    def _add(self, analysis: Analysis, run_id: int | None) -> tuple[Outcome, str]:
        article = analysis.article
        digest = content_hash(article.text)
        known = self._match_stored(article, digest, run_id)
        if known is not None:
            return known
        self.conn.execute(
            "INSERT INTO articles (id, content_hash, title, text, published, language, authors, url, outlet,"
            " dateline_place, dateline_country, run_id, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                digest,
                article.title,
                article.text,
                article.published,
                article.language,
                json.dumps(article.authors),
                article.source.url,
                article.source.outlet,
                article.dateline.place if article.dateline else None,
                article.dateline.country if article.dateline else None,
                run_id,
                _now(),
            ),
        )
        self._insert_source(article.id, article, run_id)
        self._insert_entities(analysis)
        self._insert_quotes(analysis)
        self._insert_events(analysis)
        return "added", article.id

    def article(self, article_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return dict(row) if row else None

    def sources(self, article_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT path, record, url, outlet, run_id FROM article_sources WHERE article_id = ? ORDER BY rowid",
            (article_id,),
        )
        return [dict(row) for row in rows]

    def articles(
        self, search: str | None = None, outlet: str | None = None, limit: int = 50
    ) -> Iterator[StoredArticle]:
        """Stored articles, newest first; `search` is full-text (FTS5) over title and text, best match first."""
        where, params, order = [], [], "a.published IS NULL, a.published DESC, a.rowid DESC"
        source = "articles a"
        snippet = "substr(a.text, 1, 160)"
        if search:
            source = "articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            where.append("articles_fts MATCH ?")
            params.append(escape_fts(search))
            order = "articles_fts.rank"
            snippet = "snippet(articles_fts, 1, '[', ']', '…', 16)"
        if outlet:
            where.append("a.outlet = ?")
            params.append(outlet)
        sql = (
            f"SELECT a.id, a.title, a.published, a.outlet, a.url, {snippet} AS snippet,"
            " (SELECT COUNT(*) FROM article_sources s WHERE s.article_id = a.id) AS sources"
            f" FROM {source} {'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY {order} LIMIT ?"
        )
        for row in self.conn.execute(sql, [*params, limit]):
            yield StoredArticle(**dict(row))

    def entities(
        self, kind: str | None = None, country: str | None = None, search: str | None = None, limit: int = 50
    ) -> list[StoredEntity]:
        """Entities grouped by name, kind and country across articles, most widely mentioned first.

        A person named in full is one row even where some articles give no country: those articles count
        for the country the others give, unless they disagree (`entities.corpus`), so `country` finds
        them too.
        """
        where, params = [], []
        if kind:
            where.append("kind = ?")
            params.append(kind)
        if search:
            where.append("(name LIKE ? ESCAPE '\\' OR aliases LIKE ? ESCAPE '\\')")
            pattern = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            params += [pattern, pattern]
        rows = self.conn.execute(
            "SELECT name, kind, country, MAX(sector) AS sector, COUNT(DISTINCT article_id) AS articles,"
            " json_group_array(json(roles)) AS roles, json_group_array(json(affiliations)) AS affiliations"
            f" FROM entities {'WHERE ' + ' AND '.join(where) if where else ''}"
            " GROUP BY name, kind, country",
            params,
        )
        found = _people_as_one(
            [
                StoredEntity(
                    name=row["name"],
                    kind=row["kind"],
                    country=row["country"],
                    sector=row["sector"],
                    articles=row["articles"],
                    roles=_union(row["roles"]),
                    affiliations=_union(row["affiliations"]),
                )
                for row in rows
            ]
        )
        if country:
            found = [entity for entity in found if entity.country == country.upper()]
        found.sort(key=lambda entity: (-entity.articles, entity.name))
        return found[:limit]

    def quotes(
        self,
        speaker: str | None = None,
        outlet: str | None = None,
        search: str | None = None,
        kind: str | None = None,
        limit: int = 50,
    ) -> list[StoredQuote]:
        """Stored quotes, oldest article first (undated last), then by article id and position in the text.

        `speaker` is a substring of the speaker's name, ignoring case and accents; `outlet` is the whole
        outlet name, ignoring case, as stored on the article or on any source it was read from (the row shows
        the outlet that matched); `search` is full-text (FTS5) over the quote text, all words must match;
        `kind` is direct, indirect or mixed.
        """
        first_outlet = (
            "(SELECT s.outlet FROM article_sources s WHERE s.article_id = a.id AND s.outlet IS NOT NULL"
            " ORDER BY s.rowid LIMIT 1)"
        )
        outlet_column, outlet_params = f"COALESCE(a.outlet, {first_outlet})", []
        source, where, params = "quotes q", [], []
        if search and search.strip():
            source = "quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid"
            where.append("quotes_fts MATCH ?")
            params.append(escape_fts(search))
        if speaker:
            where.append("instr(newsgraph_fold(q.speaker_name), ?) > 0")
            params.append(_fold(speaker))
        if outlet:
            wanted = _casefold(outlet)
            outlet_column = (
                "CASE WHEN newsgraph_casefold(a.outlet) = ? THEN a.outlet ELSE (SELECT s.outlet FROM article_sources s"
                " WHERE s.article_id = a.id AND newsgraph_casefold(s.outlet) = ? ORDER BY s.rowid LIMIT 1) END"
            )
            outlet_params = [wanted, wanted]
            where.append(
                "(newsgraph_casefold(a.outlet) = ? OR EXISTS (SELECT 1 FROM article_sources s"
                " WHERE s.article_id = a.id AND newsgraph_casefold(s.outlet) = ?))"
            )
            params += [wanted, wanted]
        if kind:
            where.append("q.kind = ?")
            params.append(kind)
        sql = (
            f"SELECT q.article_id, a.title, {outlet_column} AS outlet, a.published, q.text, q.kind,"
            " q.speaker_name AS speaker, q.speaker_role, q.speaker_affiliation, q.speaker_country,"
            " q.speaker_described, q.cue_text AS cue, q.start, q.end"
            f" FROM {source} JOIN articles a ON a.id = q.article_id"
            f" {'WHERE ' + ' AND '.join(where) if where else ''}"
            " ORDER BY a.published IS NULL, a.published, q.article_id, q.start, q.n LIMIT ?"
        )
        rows = self.conn.execute(sql, [*outlet_params, *params, limit])
        found = [StoredQuote(**{**dict(row), "speaker_described": bool(row["speaker_described"])}) for row in rows]
        return self._with_known_speakers(found)

    def known_people(self, names: Iterable[str]) -> People:
        """What all stored articles say of the people with these names (`entities.corpus.People`)."""
        wanted = sorted(set(names))
        people = People()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            for row in self.conn.execute(
                "SELECT name, country, sector, roles, affiliations FROM entities"
                f" WHERE kind = 'person' AND name IN ({', '.join('?' * len(chunk))})",
                chunk,
            ):
                roles, affiliations = json.loads(row["roles"]), json.loads(row["affiliations"])
                people.add_person(row["name"], row["country"], row["sector"], roles, affiliations)
        return people

    def _with_known_speakers(self, quotes: list[StoredQuote]) -> list[StoredQuote]:
        """The quotes with a named speaker's missing role, affiliation and country filled from what the other
        stored articles say of the same full name (`entities.corpus`)."""
        people = self.known_people(
            q.speaker
            for q in quotes
            if q.speaker
            and not q.speaker_described
            and None in (q.speaker_role, q.speaker_affiliation, q.speaker_country)
        )
        for quote in quotes:
            if quote.speaker and not quote.speaker_described:
                quote.speaker_role, quote.speaker_affiliation, quote.speaker_country = people.fill(
                    quote.speaker, quote.speaker_role, quote.speaker_affiliation, quote.speaker_country
                )
        return quotes

    def events(
        self,
        actor: str | None = None,
        recipient: str | None = None,
        dyad: str | None = None,
        type: str | None = None,
        status: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 50,
        search: str | None = None,
    ) -> list[StoredEvent]:
        """Stored events, earliest event date first (undated last), then by article id and sentence.

        `actor` and `recipient` match a participant whose name contains the text, ignoring case and
        accents, or whose country code is the text ("usa" finds USA); three capitals are a country code
        alone ("NGA" finds Nigeria's, not "Domingas"); `dyad` is "ACTOR:RECIPIENT" as two
        ISO 3166 alpha-3 country codes ("USA:CHN"); `type` is a PLOVER type; `status` is asserted, negated,
        future or hypothetical; `since` and `until` are ISO dates, both inclusive, on the event's date (an
        undated event is left out when either is given); `search` keeps events whose sentence has every
        word (full-text over the articles, then the sentence itself). `limit=None` returns every event.
        A malformed filter raises ValueError.
        """
        where, params = [], []
        for column, value in (("actor", actor), ("recipient", recipient)):
            if value and re.fullmatch(r"[A-Z]{3}", value.strip()):
                # "NGA" is Nigeria's code, not the middle of "Domingas"
                where.append(f"e.{column}_country = ?")
                params.append(value.strip())
            elif value:
                where.append(f"(instr(newsgraph_fold(e.{column}_name), ?) > 0 OR e.{column}_country = ?)")
                params += [_fold(value), value.strip().upper()]
        if dyad:
            actor_country, recipient_country = parse_dyad(dyad)
            where.append("e.actor_country = ? AND e.recipient_country = ?")
            params += [actor_country, recipient_country]
        if type:
            if type.upper() not in PLOVER_TYPES:
                raise ValueError(f"unknown event type {type!r}; choose one of {', '.join(PLOVER_TYPES)}")
            where.append("e.type = ?")
            params.append(type.upper())
        if status:
            if status.lower() not in EVENT_STATUSES:
                raise ValueError(f"unknown event status {status!r}; choose one of {', '.join(EVENT_STATUSES)}")
            where.append("e.status = ?")
            params.append(status.lower())
        if search and search.strip():
            # FTS5 finds the articles (stemmed: "sanction" finds "sanctions"); the event's own sentence
            # must then contain every word, ignoring case and accents.
            where.append(
                "e.article_id IN (SELECT a2.id FROM articles_fts JOIN articles a2 ON a2.rowid = articles_fts.rowid"
                " WHERE articles_fts MATCH ?)"
            )
            params.append(escape_fts(search))
            for term in search.split():
                sentence = "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"
                where.append(f"instr(newsgraph_fold({sentence}), ?) > 0")
                params.append(_fold(term))
        first, last = parse_iso_date(since, "since"), parse_iso_date(until, "until")
        if first and last and first > last:
            raise ValueError(f"since ({first}) is after until ({last})")
        if first:
            where.append("e.date >= ?")
            params.append(first)
        if last:
            where.append("e.date <= ?")
            params.append(last)
        first_source = (
            "(SELECT s.{0} FROM article_sources s WHERE s.article_id = a.id AND s.{0} IS NOT NULL AND s.{0} != ''"
            " ORDER BY s.rowid LIMIT 1)"
        )
        sql = (
            f"SELECT e.article_id, a.title, COALESCE(a.outlet, {first_source.format('outlet')}) AS outlet,"
            f" a.published, COALESCE(a.url, {first_source.format('url')}, {first_source.format('path')}) AS source,"
            " e.date, e.type, e.mode, e.context, e.status, e.cameo, e.goldstein, e.quad_class,"
            " e.actor_name AS actor, e.actor_country, e.actor_sector,"
            " e.recipient_name AS recipient, e.recipient_country, e.recipient_sector, e.trigger_text AS trigger,"
            " substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence,"
            " e.sentence_start, e.sentence_end, e.confidence"
            " FROM events e JOIN articles a ON a.id = e.article_id"
            f" {'WHERE ' + ' AND '.join(where) if where else ''}"
            " ORDER BY e.date IS NULL, e.date, e.article_id, e.sentence_start, e.trigger_start, e.n LIMIT ?"
        )
        rows = self.conn.execute(sql, [*params, -1 if limit is None else limit])
        return [StoredEvent(**{**dict(row), "context": json.loads(row["context"])}) for row in rows]

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables, for summaries."""
        tables = ("articles", "article_sources", "entities", "quotes", "events", "stories", "runs")
        return {t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}

    # -- internals --------------------------------------------------------------------------------

    def transaction(self) -> _Transaction:
        """BEGIN IMMEDIATE ... COMMIT around a block, for the story layer's writes."""
        return self._transaction()

    def _transaction(self) -> _Transaction:
        if self.readonly:
            raise StoreError(f"{self.path}: opened read-only")
        return _Transaction(self.conn)

    def _match_stored(self, article: Article, digest: str, run_id: int | None) -> tuple[Outcome, str] | None:
        row = self.conn.execute(
            "SELECT id, content_hash FROM articles WHERE content_hash = ? OR id = ?", (digest, article.id)
        ).fetchone()
        if row is None:
            return None
        if row["content_hash"] != digest:
            return "conflict", article.id
        self._insert_source(row["id"], article, run_id)
        return "duplicate", row["id"]

    def _insert_source(self, article_id: str, article: Article, run_id: int | None) -> None:
        source = article.source
        self.conn.execute(
            "INSERT OR IGNORE INTO article_sources (article_id, path, record, url, outlet, run_id, record_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (article_id, source.path or "", source.record or "", source.url, source.outlet, run_id, article.id),
        )

    def _insert_entities(self, analysis: Analysis) -> None:
        article_id = analysis.article.id
        for entity in analysis.entities:
            self.conn.execute(
                "INSERT INTO entities (article_id, id, name, kind, country, sector, roles, affiliations, aliases)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    entity.id,
                    entity.name,
                    entity.kind,
                    entity.country,
                    entity.sector,
                    json.dumps(entity.roles),
                    json.dumps(entity.affiliations),
                    json.dumps(entity.aliases),
                ),
            )
            self.conn.executemany(
                "INSERT INTO mentions (article_id, entity_id, start, end) VALUES (?, ?, ?, ?)",
                [(article_id, entity.id, start, end) for start, end in entity.mentions],
            )

    def _insert_quotes(self, analysis: Analysis) -> None:
        for n, quote in enumerate(analysis.quotes):
            cue, speaker = quote.cue, quote.speaker
            self.conn.execute(
                "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    analysis.article.id,
                    n,
                    quote.text,
                    quote.start,
                    quote.end,
                    json.dumps([list(p) for p in quote.parts]),
                    quote.kind,
                    cue.text if cue else None,
                    cue.start if cue else None,
                    cue.end if cue else None,
                    *(
                        (
                            speaker.name,
                            speaker.entity,
                            speaker.start,
                            speaker.end,
                            speaker.role,
                            speaker.affiliation,
                            speaker.country,
                            int(speaker.described),
                        )
                        if speaker
                        else (None,) * 7 + (0,)
                    ),
                    quote.confidence,
                ),
            )

    def _insert_events(self, analysis: Analysis) -> None:
        for n, event in enumerate(analysis.events):
            actor, recipient = event.actor, event.recipient
            self.conn.execute(
                f"INSERT INTO events ({', '.join(_EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(_EVENT_COLUMNS))})",
                (
                    analysis.article.id,
                    n,
                    event.type,
                    event.mode,
                    json.dumps(event.context),
                    event.status,
                    event.cameo,
                    event.goldstein,
                    event.quad_class,
                    event.date,
                    *((actor.name, actor.entity, actor.country, actor.sector) if actor else (None,) * 4),
                    *(
                        (recipient.name, recipient.entity, recipient.country, recipient.sector)
                        if recipient
                        else (None,) * 4
                    ),
                    event.sentence[0],
                    event.sentence[1],
                    event.trigger.text,
                    event.trigger.start,
                    event.trigger.end,
                    event.confidence,
                    *(
                        (event.evidence.text, event.evidence.start, event.evidence.end)
                        if event.evidence
                        else (None,) * 3
                    ),
                    event.clause,
                ),
            )


_EVENT_COLUMNS = (
    *("article_id", "n", "type", "mode", "context", "status", "cameo", "goldstein", "quad_class", "date"),
    *("actor_name", "actor_entity", "actor_country", "actor_sector"),
    *("recipient_name", "recipient_entity", "recipient_country", "recipient_sector"),
    *("sentence_start", "sentence_end", "trigger_text", "trigger_start", "trigger_end", "confidence"),
    *("evidence_text", "evidence_start", "evidence_end", "clause"),
)


def parse_dyad(dyad: str) -> tuple[str, str]:
    """Split "usa:chn" into ("USA", "CHN"): actor and recipient country, ISO 3166 alpha-3; else ValueError."""
    match = re.fullmatch(r"\s*([A-Za-z]{3})\s*:\s*([A-Za-z]{3})\s*", dyad)
    if not match:
        raise ValueError(f"dyad {dyad!r} is not ACTOR:RECIPIENT as two ISO 3166 alpha-3 country codes, e.g. USA:CHN")
    return match[1].upper(), match[2].upper()


def parse_iso_date(value: str | None, name: str = "date") -> str | None:
    """An ISO date (YYYY-MM-DD) checked and returned as given; ValueError naming `name` otherwise."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise ValueError(f"{name} {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _people_as_one(rows: list[StoredEntity]) -> list[StoredEntity]:
    """Fold the rows of a person named in full whose articles give no country (or spell the name with
    other accents) into the row of the country the other articles give."""
    by_person: dict[str, list[StoredEntity]] = defaultdict(list)
    for row in rows:
        key = person_key(row.name) if row.kind == "person" else None
        if key is not None:
            by_person[key].append(row)
    folded: set[int] = set()
    for group in by_person.values():
        countries: Counter[str] = Counter()
        for row in group:
            if row.country:
                countries[row.country] += row.articles
        lead = clear_lead(countries)
        if lead is None:
            continue
        into = max((r for r in group if r.country == lead), key=lambda r: r.articles)
        spellings: Counter[str] = Counter()
        for row in group:
            if row.country in (None, lead):
                spellings[row.name] += row.articles
        for row in group:
            if row is into or row.country not in (None, lead):
                continue
            into.articles += row.articles
            into.sector = into.sector or row.sector
            into.roles = list(dict.fromkeys([*into.roles, *row.roles]))
            into.affiliations = list(dict.fromkeys([*into.affiliations, *row.affiliations]))
            folded.add(id(row))
        into.name = spellings.most_common(1)[0][0]  # the spelling most of its articles use
    return [row for row in rows if id(row) not in folded]


def _union(nested_json: str) -> list[str]:
    """The distinct strings of a JSON array of arrays, in first-seen order."""
    seen: dict[str, None] = {}
    for values in json.loads(nested_json):
        for value in values:
            seen.setdefault(value, None)
    return list(seen)


def _casefold(value: str | None) -> str | None:
    return value.casefold() if value is not None else None


def _fold(value: str | None) -> str | None:
    """Case and accents folded, so "ibanez" finds "Ibáñez" (as the FTS5 indexes fold them)."""
    if value is None:
        return None
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def escape_fts(query: str) -> str:
    """Quote every term so user text is never parsed as FTS5 syntax; terms are ANDed."""
    return " ".join('"' + term.replace('"', '""') + '"' for term in query.split())


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception (including KeyboardInterrupt)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")


def _process_alive(pid: int | None) -> bool:
    if not pid:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
