"""The SQLite store: schema and migrations (`schema`), reads and writes (`database`)."""

from newsgraph.store.database import DEFAULT_DB, Store, StoredArticle, StoredEntity, escape_fts

__all__ = ["DEFAULT_DB", "Store", "StoredArticle", "StoredEntity", "escape_fts"]
