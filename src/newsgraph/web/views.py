"""The entity and dyad pages' data, from the store's existing queries."""

from __future__ import annotations

from newsgraph.report.briefing import goldstein_per_day
from newsgraph.store import Store
from newsgraph.store.database import parse_dyad

LIMIT = 500
TOP = 10


def entity_view(store: Store, name: str) -> dict:
    """Entities of that name, the quotes their speakers gave, and the events they were a party to."""
    events = store.events(actor=name, limit=LIMIT) + store.events(recipient=name, limit=LIMIT)
    unique = {(e.article_id, e.sentence_start, e.trigger, e.type): e for e in events}
    return {
        "name": name,
        "entities": [e for e in store.entities(search=name, limit=20) if e.kind in ("person", "organisation")],
        "quotes": store.quotes(speaker=name, limit=LIMIT),
        "events": sorted(unique.values(), key=lambda e: (e.date or "9999", e.article_id, e.sentence_start)),
    }


def dyad_view(store: Store, dyad: str) -> dict:
    """Events between two countries in either direction (near copies left out: a reprint is not a second
    event), the Goldstein sum per day and status, and the most cooperative and most hostile events.
    ValueError for a malformed dyad."""
    first, second = parse_dyad(dyad)
    copies = {row[0] for row in store.conn.execute("SELECT id FROM articles WHERE duplicate_of IS NOT NULL")}
    events = store.events(dyad=f"{first}:{second}", limit=None) + store.events(dyad=f"{second}:{first}", limit=None)
    events = [e for e in events if e.article_id not in copies]
    events.sort(key=lambda e: (e.date or "9999", e.article_id, e.sentence_start))
    points = goldstein_per_day((event.date or event.published, event.status, event.goldstein) for event in events)
    scored = [e for e in events if e.goldstein is not None and e.status == "asserted"]
    cooperative = sorted(scored, key=lambda e: -(e.goldstein or 0))[: TOP // 2]
    hostile = [e for e in sorted(scored, key=lambda e: e.goldstein or 0) if e not in cooperative][: TOP // 2]
    return {"dyad": (first, second), "events": events, "points": points, "top": cooperative + hostile}
