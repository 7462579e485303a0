"""The store's schema as numbered migrations, applied in order by `apply_migrations`.

Each migration runs once, inside one transaction, and bumps `schema_version`; a database written by a
newer newsgraph is refused rather than misread. Tables for every stage of DESIGN.md exist from the first
version, so later stages fill them instead of redesigning them.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from newsgraph.errors import StoreError

MIGRATIONS: list[tuple[int, str]] = [
    (
        1,
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            command TEXT NOT NULL,
            inputs TEXT NOT NULL,              -- JSON list of the paths given
            started TEXT NOT NULL,
            finished TEXT,
            status TEXT NOT NULL CHECK (status IN ('running', 'done', 'interrupted', 'failed')),
            pid INTEGER,
            articles_read INTEGER NOT NULL DEFAULT 0,
            articles_added INTEGER NOT NULL DEFAULT 0,
            duplicates INTEGER NOT NULL DEFAULT 0,
            already_stored INTEGER NOT NULL DEFAULT 0,
            errors INTEGER NOT NULL DEFAULT 0,
            schema_version INTEGER NOT NULL,
            newsgraph_version TEXT NOT NULL,
            model TEXT
        );
        CREATE TABLE run_errors (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            record TEXT,
            reason TEXT NOT NULL
        );
        CREATE INDEX run_errors_run ON run_errors(run_id);

        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL UNIQUE,  -- identity of the normalised text: exact duplicates share it
            title TEXT,
            text TEXT NOT NULL,
            published TEXT,                     -- ISO date
            language TEXT,
            authors TEXT NOT NULL DEFAULT '[]', -- JSON list
            url TEXT,
            outlet TEXT,
            dateline_place TEXT,
            dateline_country TEXT,
            run_id INTEGER REFERENCES runs(id),
            added TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_outlet ON articles(outlet);

        -- Every place an article was read from: exact duplicates add a row here, not a second article.
        CREATE TABLE article_sources (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            path TEXT NOT NULL DEFAULT '',
            record TEXT NOT NULL DEFAULT '',
            url TEXT,
            outlet TEXT,
            run_id INTEGER REFERENCES runs(id),
            UNIQUE (article_id, path, record)
        );

        CREATE TABLE entities (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            id TEXT NOT NULL,                   -- the article-local id of the contract ("e1")
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            country TEXT,
            sector TEXT,
            roles TEXT NOT NULL DEFAULT '[]',
            affiliations TEXT NOT NULL DEFAULT '[]',
            aliases TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (article_id, id)
        );
        CREATE INDEX entities_name ON entities(name);
        CREATE TABLE mentions (
            article_id TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            FOREIGN KEY (article_id, entity_id) REFERENCES entities(article_id, id) ON DELETE CASCADE
        );
        CREATE INDEX mentions_entity ON mentions(article_id, entity_id);

        CREATE TABLE quotes (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            n INTEGER NOT NULL,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            parts TEXT NOT NULL,                -- JSON list of [start, end]
            kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
            cue_text TEXT, cue_start INTEGER, cue_end INTEGER,
            speaker_name TEXT, speaker_entity TEXT, speaker_start INTEGER, speaker_end INTEGER,
            speaker_role TEXT, speaker_affiliation TEXT, speaker_country TEXT,
            speaker_described INTEGER NOT NULL DEFAULT 0,
            confidence REAL NOT NULL,
            PRIMARY KEY (article_id, n)
        );
        CREATE INDEX quotes_speaker ON quotes(speaker_name);

        CREATE TABLE events (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            n INTEGER NOT NULL,
            type TEXT NOT NULL,
            mode TEXT,
            context TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL CHECK (status IN ('asserted', 'negated', 'future', 'hypothetical')),
            cameo TEXT, goldstein REAL, quad_class INTEGER,
            date TEXT,
            actor_name TEXT, actor_entity TEXT, actor_country TEXT, actor_sector TEXT,
            recipient_name TEXT, recipient_entity TEXT, recipient_country TEXT, recipient_sector TEXT,
            sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
            trigger_text TEXT NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
            confidence REAL NOT NULL,
            PRIMARY KEY (article_id, n)
        );
        CREATE INDEX events_type ON events(type, status);
        CREATE INDEX events_countries ON events(actor_country, recipient_country);

        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            label TEXT,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE TABLE story_articles (
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            score REAL,
            PRIMARY KEY (story_id, article_id)
        );

        -- Full-text search over external content: the text lives once, in articles and quotes. The porter
        -- stemmer lets "sanction" find "sanctions" and "sanctioned"; diacritics are folded ("Bogota").
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE VIRTUAL TABLE quotes_fts USING fts5(
            text, content='quotes', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts(rowid, text) VALUES (new.rowid, new.text);
        END;
        CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        END;
        """,
    ),
    (
        2,
        """
        -- The word that decides an event's status ("not", "will", "if"), for readers who check the coder,
        -- and the clause an event was coded from (events of one clause share it).
        ALTER TABLE events ADD COLUMN evidence_text TEXT;
        ALTER TABLE events ADD COLUMN evidence_start INTEGER;
        ALTER TABLE events ADD COLUMN evidence_end INTEGER;
        ALTER TABLE events ADD COLUMN clause INTEGER;
        """,
    ),
    (
        3,
        """
        -- The input record's own id for every source, so an exact copy read under another id can still be
        -- listed under that id (the article itself is stored once, under the first id seen).
        ALTER TABLE article_sources ADD COLUMN record_id TEXT;

        -- Near copies (wire reprints): the earliest version of the text, and the shingle overlap with it.
        ALTER TABLE articles ADD COLUMN duplicate_of TEXT REFERENCES articles(id);
        ALTER TABLE articles ADD COLUMN duplicate_similarity REAL;
        CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
        CREATE TABLE article_signatures (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            minhash BLOB NOT NULL                -- datasketch LeanMinHash, serialised
        );

        ALTER TABLE stories ADD COLUMN first TEXT;
        ALTER TABLE stories ADD COLUMN last TEXT;
        ALTER TABLE stories ADD COLUMN outlets TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE stories ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;  -- not counting near copies
        CREATE UNIQUE INDEX story_articles_article ON story_articles(article_id);

        -- One row per happening of a story; its mentions are events of the story's articles.
        CREATE TABLE event_instances (
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            n INTEGER NOT NULL,
            type TEXT NOT NULL,
            status TEXT NOT NULL,
            cameo TEXT,
            date TEXT,
            actor TEXT, actor_country TEXT, recipient TEXT, recipient_country TEXT,
            trigger_text TEXT NOT NULL,
            num_mentions INTEGER NOT NULL,
            num_articles INTEGER NOT NULL,
            num_sources INTEGER NOT NULL,
            first_article TEXT NOT NULL,
            first_event INTEGER NOT NULL,
            PRIMARY KEY (story_id, n)
        );
        CREATE TABLE event_instance_mentions (
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            instance INTEGER NOT NULL,
            article_id TEXT NOT NULL,
            event INTEGER NOT NULL,
            duplicate INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (article_id, event)
        );
        CREATE INDEX event_instance_mentions_instance ON event_instance_mentions(story_id, instance);
        CREATE TABLE quote_instances (
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            n INTEGER NOT NULL,
            speaker TEXT,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            num_articles INTEGER NOT NULL,
            num_sources INTEGER NOT NULL,
            first_article TEXT NOT NULL,
            first_quote INTEGER NOT NULL,
            PRIMARY KEY (story_id, n)
        );
        CREATE TABLE quote_instance_mentions (
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            instance INTEGER NOT NULL,
            article_id TEXT NOT NULL,
            quote INTEGER NOT NULL,
            duplicate INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (article_id, quote)
        );
        CREATE INDEX quote_instance_mentions_instance ON quote_instance_mentions(story_id, instance);
        CREATE TABLE expectations (
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            instance INTEGER NOT NULL,           -- the future event instance
            outcome TEXT NOT NULL CHECK (outcome IN ('confirmed', 'failed', 'pending')),
            resolved_by INTEGER,                 -- the asserted or negated instance that decided it
            PRIMARY KEY (story_id, instance)
        );
        """,
    ),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def current_version(conn: sqlite3.Connection) -> int:
    """The schema version of an open database; 0 for a fresh file."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "schema_version" not in tables:
        if tables:
            raise StoreError(
                "this SQLite file is not a newsgraph database (it has tables "
                f"{', '.join(sorted(tables)[:5])} but no schema_version); choose another --db"
            )
        return 0
    return conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]


def apply_migrations(conn: sqlite3.Connection) -> int:
    """Bring the database to SCHEMA_VERSION; returns the number of migrations applied."""
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the database has schema version {version}, newer than this newsgraph knows ({SCHEMA_VERSION}); "
            "upgrade newsgraph"
        )
    pending = [(number, sql) for number, sql in MIGRATIONS if number > version]
    for number, sql in pending:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if number == 1:
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied TEXT NOT NULL)"
                )
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version (version, applied) VALUES (?, ?)",
                (number, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return len(pending)


def _statements(sql: str) -> list[str]:
    """Split a migration into statements; sqlite3.complete_statement keeps trigger bodies whole."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
