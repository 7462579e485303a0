"""The cross-article layer: near-duplicates, story clusters, merged events and quotes, the ledger.

It runs after per-article analysis, on what the store holds, and only on what is new: `update_stories`
marks near copies among the articles that are in no story yet, places each in a story (a copy goes where
its original is), and rebuilds the merged events, merged quotes and expectation ledger of the stories that
changed. Stories already built keep their articles; `rebuild=True` starts from nothing and, for the same
stored articles, always gives the same stories.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from newsgraph.events.ontology import cameo
from newsgraph.gazetteer.countries import country_name
from newsgraph.gazetteer.organisations import find_organisation, is_acronym
from newsgraph.gazetteer.roles import names_people
from newsgraph.store import Store
from newsgraph.stories import storage
from newsgraph.stories.clustering import WINDOW_DAYS, ArticleDoc, assign
from newsgraph.stories.duplicates import (
    DuplicateIndex,
    shingles,
    signature,
    signature_bytes,
    signature_from_bytes,
)
from newsgraph.stories.instances import EventInstance, merge_events, merge_quotes
from newsgraph.stories.ledger import ledger


@dataclass
class StoryUpdate:
    """What one update did."""

    articles: int = 0
    copies: int = 0
    new_stories: int = 0
    stories_updated: int = 0


def update_stories(store: Store, *, rebuild: bool = False) -> StoryUpdate:
    """Bring the story layer up to date with the stored articles, in one transaction."""
    update = StoryUpdate()
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with store.transaction():
        if rebuild:
            storage.clear(store)
        pending = storage.unassigned_articles(store)
        if not pending:
            return update
        update.articles = len(pending)
        copies = _mark_copies(store, [doc.id for doc in pending])
        update.copies = len(copies)
        originals, touched = [], set()
        for doc in pending:
            if doc.id in copies:
                continue
            story = storage.story_of_copies(store, doc.id)
            if story is None:
                originals.append(doc)
            else:  # an older version stored after its reprint: it takes the reprint's place
                storage.add_article(store, story, doc.id, None)
                touched.add(story)
        touched |= _cluster(store, originals, now, update)
        for doc in pending:
            if doc.id in copies:
                story = storage.story_of(store, storage.original_of(store, doc.id))
                if story is not None:
                    storage.add_article(store, story, doc.id, copies[doc.id])
                    touched.add(story)
        for story in sorted(touched):
            _rebuild_story(store, story, now)
        update.stories_updated = len(touched)
    return update


def _mark_copies(store: Store, pending: list[str]) -> dict[str, float]:
    """Find near copies among `pending` (against everything stored); returns copy id -> similarity.

    Only originals are indexed: a copy of a copy matches the original too, and a wire story reprinted a
    hundred times costs one comparison per reprint, not a hundred.
    """
    index = DuplicateIndex()
    for article_id, blob in storage.signatures(store):
        index.add(article_id, signature_from_bytes(blob))
    cache: dict[str, set[str]] = {}

    def shingles_of(article_id: str) -> set[str]:
        if article_id not in cache:
            cache[article_id] = shingles(storage.article_text(store, article_id))
        return cache[article_id]

    copies: dict[str, float] = {}
    for article_id in pending:
        own = shingles_of(article_id)
        sig = signature(own)
        found = index.copies_of(sig, own, shingles_of)
        if found:
            roots = {storage.original_of(store, other): measured.jaccard for other, measured in found}
            root = min(roots, key=lambda key: storage.published(store, key))
            if storage.published(store, article_id) < storage.published(store, root):
                storage.mark_copy(store, root, article_id, roots[root])
                copies[root] = roots[root]
            else:
                storage.mark_copy(store, article_id, root, roots[root])
                copies[article_id] = roots[root]
        storage.save_signature(store, article_id, signature_bytes(sig))
        if article_id not in copies:
            index.add(article_id, sig)
    return copies


def _cluster(store: Store, originals: list[ArticleDoc], now: str, update: StoryUpdate) -> set[int]:
    dates = [doc.published for doc in originals if doc.published]
    since = (date.fromisoformat(min(dates)[:10]) - timedelta(days=WINDOW_DAYS)).isoformat() if dates else None
    candidates = storage.story_articles(store, storage.active_stories(store, since))
    touched: set[int] = set()
    created: dict[int, int] = {}
    for placed in assign(candidates, originals):
        if placed.story is not None:
            story = placed.story
        else:
            if placed.new_story not in created:
                created[placed.new_story] = storage.new_story(store, now)
                update.new_stories += 1
            story = created[placed.new_story]
        storage.add_article(store, story, placed.article, placed.score or None)
        touched.add(story)
    return touched


def _rebuild_story(store: Store, story_id: int, now: str) -> None:
    reports = storage.reports(store, story_id)
    events = merge_events(storage.event_mentions(store, story_id, reports))
    quotes = merge_quotes(storage.quote_mentions(store, story_id, reports))
    storage.write_story(
        store,
        story_id,
        label=story_label(events, store, list(reports)),
        reports=reports,
        events=events,
        quotes=quotes,
        expectations=ledger(events),
        now=now,
    )


def story_label(events: list[EventInstance], store: Store, article_ids: list[str]) -> str:
    """Main actors and main event: "Peru, Chile: CONSULT (talks)".

    The actors are the parties to the most events, weighted by the articles reporting each: a country by
    its name ("Peru" for "Peru's production minister"), else a short name as written; phrases the coder
    could not resolve ("further evidence of a slowdown") are left out. Without events, the entities named
    in the most articles. The event is the most widely reported one that happened, and between events
    reported as widely, the weightiest (Goldstein score either way), then the most often mentioned.
    """
    weight: Counter[str] = Counter()
    for instance in events:
        first = instance.first
        for name, country in ((first.actor, first.actor_country), (first.recipient, first.recipient_country)):
            label = _party_label(name, country)
            if label:
                weight[label] += instance.num_articles or 1
    actors = [name for name, _ in weight.most_common(3)] or storage.top_entities(store, article_ids, 3)
    happened = [i for i in events if i.status == "asserted"] or events
    main = max(happened, key=lambda i: (i.num_articles, _weight(i), i.num_mentions), default=None)
    label = ", ".join(actors) or "(no named actors)"
    if main is not None:
        label += f": {main.type} ({' '.join(main.first.trigger.split())})"
    return label


def _weight(instance: EventInstance) -> float:
    """How much an event changes things, by its Goldstein score either way: between events reported by
    as many articles, sanctions outrank a visit."""
    info = cameo(instance.cameo) if instance.cameo else None
    return abs(info.goldstein) if info is not None else 0.0


def _party_label(name: str | None, country: str | None) -> str | None:
    if country:
        return country_name(country) or country
    if not name:
        return None
    words = name.split()
    if len(words) == 1 and names_people(words[0]):
        return None  # "Negotiators are scheduled to meet": capitalised only because it opens the sentence
    if len(words) > 4:
        # "Economic Community of West African States" is "ECOWAS" in a label
        organisation = find_organisation(name)
        return next((a for a in organisation.aliases if is_acronym(a)), None) if organisation else None
    return " ".join(words) if words[0][:1].isupper() else None
