"""Articles into stories: incremental single-pass clustering on TF-IDF of the words and of the entities.

News arrives as a stream, and a story's early articles must not change when later ones arrive, so each
new article is compared with the articles already in stories and joins the story of its most similar
article (single link), or starts a new story when none is similar enough. Articles are taken in
publication order (then in the order they were stored), which makes a rebuild over the same input
deterministic.

Similarity is the cosine of TF-IDF vectors built from the headline (counted twice: it names the story), the
lead of the text, and the article's entities and events (names the language layer found, so "Lula" and
"Luiz Inácio Lula da Silva" count as one; event types with the countries taking part, so two reports of
Peru and Chile meeting share a term). Only articles published
within `window_days` of each other are compared when both are dated: a story that went quiet for weeks
and comes back is a new story.

This is the only module that touches scikit-learn.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from newsgraph.stories.instances import day_number

THRESHOLD = 0.16
"""Cosine at or above which an article joins a story; chosen on the Wikinews development file, where
0.14-0.18 score within 0.02 of each other."""
WINDOW_DAYS = 14
LEAD_WORDS = 400
"""Only the lead is vectorised: the story is in the first paragraphs, the tail drifts into background."""
ENTITY_WEIGHT = 0.2
"""Weight of the entity-and-event vector against the word vector (each is unit length before weighting).
Kept low: on Wikinews, where many members are background pages rather than reports, higher weights cost
up to 0.03 B-cubed F1; in a stream of reports shared names and dyads are the stronger signal."""


@dataclass
class ArticleDoc:
    """What clustering needs to know of an article."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    entities: list[str] = field(default_factory=list)
    """Canonical entity names, one per entity of the article."""
    events: list[str] = field(default_factory=list)
    """Event keys ("CONSULT CHL PER"): type and the countries of its participants, one per coded event."""

    def words(self) -> str:
        title = self.title or ""
        return f"{title}. {title}. " + " ".join(self.text.split()[:LEAD_WORDS])


def vectorise(docs: Sequence[ArticleDoc]) -> csr_matrix:
    """Unit-length rows: word TF-IDF joined with entity TF-IDF, with IDF from these documents."""
    words = TfidfVectorizer(sublinear_tf=True, stop_words="english", dtype=np.float32)
    matrix = words.fit_transform([doc.words() for doc in docs])
    names = [[name.casefold() for name in doc.entities] + doc.events for doc in docs]
    if any(names):
        entities = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, dtype=np.float32)
        matrix = hstack([matrix, entities.fit_transform(names) * ENTITY_WEIGHT])
    return normalize(csr_matrix(matrix))


def _identity(names: list[str]) -> list[str]:
    return names


@dataclass
class Assignment:
    """Where an article went: an existing story's id, or a new story (numbered from 0 in this batch)."""

    article: str
    story: int | None
    new_story: int | None
    score: float


def assign(
    stories: dict[int, Sequence[ArticleDoc]],
    new: Iterable[ArticleDoc],
    *,
    threshold: float = THRESHOLD,
    window_days: int = WINDOW_DAYS,
) -> list[Assignment]:
    """Assign each new article to an existing story, a story started earlier in this batch, or a new one.

    `stories` are the stories new articles may join, with their articles; `new` must already be in
    processing order (publication date, then storage order). The result is in the same order.
    """
    incoming = list(new)
    members: list[ArticleDoc] = [doc for docs in stories.values() for doc in docs]
    owner: list[tuple[int | None, int | None]] = [(story, None) for story, docs in stories.items() for _ in docs]
    if not incoming:
        return []
    matrix = vectorise([*members, *incoming])
    days = [day_number(doc.published) for doc in [*members, *incoming]]
    base = len(members)
    assignments: list[Assignment] = []
    new_stories = 0
    for offset, doc in enumerate(incoming):
        row = base + offset
        best, best_score = None, 0.0
        if row:
            scores = (matrix[:row] @ matrix[row].T).toarray().ravel()
            for candidate in np.argsort(-scores, kind="stable"):
                score = float(scores[candidate])
                if score < threshold:
                    break
                if _within(days[candidate], days[row], window_days):
                    best, best_score = int(candidate), score
                    break
        if best is None:
            owner_of_row: tuple[int | None, int | None] = (None, new_stories)
            new_stories += 1
        else:
            owner_of_row = owner[best]
        owner.append(owner_of_row)
        assignments.append(Assignment(doc.id, owner_of_row[0], owner_of_row[1], best_score))
    return assignments


def _within(a: int | None, b: int | None, window_days: int) -> bool:
    return a is None or b is None or abs(a - b) <= window_days
