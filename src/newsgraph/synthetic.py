"""A large synthetic store, for timing what a big corpus costs the views (`newsgraph bench`).

Articles are seeded random word sequences drawn from a vocabulary per story, so that they cluster into
their stories without being near copies of each other; each carries events between its story's two
countries. The store is built through the product's own path (`Store.add_analysis`, then
`update_stories`), so the timed pages read exactly what a real ingest writes.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from newsgraph.events.ontology import cameo as cameo_code
from newsgraph.events.ontology import plover_for
from newsgraph.model import Analysis, Article, Event, Participant, Source, Span
from newsgraph.store import Store
from newsgraph.stories import update_stories

COUNTRIES = ("PER", "CHL", "GNB", "SEN", "KHM", "LAO", "BRA", "ARG", "KEN", "TZA", "VNM", "THA")
CODES = ("040", "042", "046", "057", "036", "112", "120", "125", "163", "172", "081", "030")
STATUSES = ("asserted", "asserted", "asserted", "negated", "future", "hypothetical")
_COMMON = [f"word{n}" for n in range(400)]


def build_store(
    path: Path, *, stories: int = 50, articles_per_story: int = 100, events_per_article: int = 20, seed: int = 7
) -> int:
    """Write the synthetic corpus to a new store at `path`; returns the number of events stored."""
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    events = 0
    with Store(path) as store:
        for story in range(stories):
            vocabulary = [f"topic{story}w{n}" for n in range(60)]
            dyad = rng.sample(COUNTRIES, 2)
            first_day = start + timedelta(days=rng.randrange(300))
            for number in range(articles_per_story):
                words = rng.choices(vocabulary, k=90) + rng.choices(_COMMON, k=60)
                rng.shuffle(words)
                sentences = [" ".join(words[i : i + 15]).capitalize() + "." for i in range(0, len(words), 15)]
                text = "\n\n".join(" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2))
                published = (first_day + timedelta(days=number % 10)).isoformat()
                article = Article(
                    id=f"s{story}-a{number}",
                    text=text,
                    title=f"Story {story} report {number}",
                    published=published,
                    source=Source(outlet=f"Outlet {rng.randrange(12)}"),
                )
                found = [_event(rng, text, dyad, published) for _ in range(events_per_article)]
                store.add_analysis(Analysis(article=article, events=found))
                events += len(found)
        update_stories(store)
    return events


def _event(rng: random.Random, text: str, dyad: list[str], published: str) -> Event:
    code = rng.choice(CODES)
    entry, mapping = cameo_code(code), plover_for(code)
    actor, recipient = dyad if rng.random() < 0.5 else dyad[::-1]
    end = text.index(".") + 1
    return Event(
        actor=Participant(name=actor, country=actor),
        recipient=Participant(name=recipient, country=recipient),
        type=mapping.type if mapping else "CONSULT",
        status=rng.choice(STATUSES),
        sentence=(0, end),
        trigger=Span(text[:5], 0, 5),
        cameo=code,
        goldstein=entry.goldstein if entry else None,
        quad_class=entry.quad_class if entry else None,
        date=published,
        confidence=0.5,
    )
