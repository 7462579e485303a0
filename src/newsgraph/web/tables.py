"""The events and quotes tables of the dashboard: the store's own filtered queries, shown as HTML or
downloaded as CSV (the export writers, which guard cells against spreadsheet formulas)."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from newsgraph.export import write_events_csv, write_quotes_csv
from newsgraph.store import Store

PAGE_LIMIT = 500
EVENT_FILTERS = (
    ("actor", "actor"),
    ("recipient", "recipient"),
    ("dyad", "dyad (USA:CHN)"),
    ("type", "type"),
    ("status", "status"),
    ("since", "since"),
    ("until", "until"),
    ("search", "words"),
)
QUOTE_FILTERS = (("speaker", "speaker"), ("outlet", "outlet"), ("search", "words"), ("kind", "kind"))


@dataclass
class Row:
    cells: list[str]
    link: str


def event_rows(store: Store, filters: dict[str, str], limit: int | None = PAGE_LIMIT) -> list:
    """Stored events matching the filters (ValueError names a malformed one)."""
    return store.events(**{name: filters.get(name) or None for name, _ in EVENT_FILTERS}, limit=limit)


def quote_rows(store: Store, filters: dict[str, str], limit: int | None = PAGE_LIMIT) -> list:
    if filters.get("kind") and filters["kind"] not in ("direct", "indirect", "mixed"):
        raise ValueError(f"unknown quote kind {filters['kind']!r}; choose direct, indirect or mixed")
    return store.quotes(**{name: filters.get(name) or None for name, _ in QUOTE_FILTERS}, limit=limit or -1)


def event_table(rows: list) -> tuple[list[str], list[Row]]:
    headings = ["date", "type", "status", "actor", "recipient", "sentence", ""]
    return headings, [
        Row(
            [
                e.date or "",
                e.type,
                e.status,
                _party(e.actor, e.actor_country),
                _party(e.recipient, e.recipient_country),
                e.sentence,
            ],
            _link(e.article_id, e.sentence_start, e.sentence_end),
        )
        for e in rows
    ]


def quote_table(rows: list) -> tuple[list[str], list[Row]]:
    headings = ["published", "speaker", "kind", "quote", "outlet", ""]
    return headings, [
        Row([q.published or "", q.speaker or "", q.kind, q.text, q.outlet or ""], _link(q.article_id, q.start, q.end))
        for q in rows
    ]


def events_csv(rows: list) -> str:
    return _csv_text(write_events_csv, rows)


def quotes_csv(rows: list) -> str:
    return _csv_text(write_quotes_csv, rows)


def _csv_text(write: Callable[[list, io.StringIO], int], rows: list) -> str:
    buffer = io.StringIO()
    write(rows, buffer)
    return buffer.getvalue()


def query_string(filters: dict[str, str]) -> str:
    return urlencode({k: v for k, v in filters.items() if v})


def _party(name: str | None, country: str | None) -> str:
    if not name:
        return ""
    return f"{' '.join(name.split())} ({country})" if country else " ".join(name.split())


def _link(article_id: str, start: int, end: int) -> str:
    return f"/articles/{quote(article_id, safe='')}?at={start}-{end}#at-{start}"
