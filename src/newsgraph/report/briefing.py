"""A story compressed into what a reader needs: summary, outcomes, timeline, voices, coverage, the dyad's
cooperation and conflict over time, each line tied to the sentence that supports it.

Everything is extractive: the lines are the articles' own sentences (or a quote's own words), chosen and
grouped from the story layer's merged events, merged quotes and ledger. Nothing is paraphrased, so
nothing on the page says more than a source did. `build_briefing` gathers the data; `markdown.py` and
`html.py` only lay it out.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from newsgraph.gazetteer.countries import country_name
from newsgraph.store import Store
from newsgraph.stories.queries import Mention, MergedEvent, MergedQuote, StoryDetail, story_detail

AGREED = frozenset({"AGREE", "SUPPORT", "COOPERATE", "CONCEDE", "RETREAT", "AID"})
"""Types that, when they happened, are something a side agreed to, signed, gave or eased."""
REFUSED = frozenset({"REJECT"})
SUMMARY_SENTENCES = 3
LEAD_SENTENCES = 2
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘]?[A-Z])")


@dataclass
class Evidence:
    """A sentence in a stored article that a line of the briefing rests on."""

    key: str
    """The anchor the page links to ("e3")."""
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    sentence: str
    start: int
    end: int
    """The sentence's offsets in the article text."""


@dataclass
class Line:
    text: str
    evidence: list[str] = field(default_factory=list)
    """Keys of the Evidence entries it cites."""
    note: str = ""
    """What the line is (a date, a status, how many outlets reported it)."""


@dataclass
class Voice:
    speaker: str
    detail: str
    """Role and affiliation as the article gives them."""
    words: str
    kind: str
    outlet: str | None
    evidence: list[str]
    again: list[str]
    """Outlets that carried the same words later."""


@dataclass
class OutletCoverage:
    outlet: str
    articles: int
    events: int
    quotes: int
    only_here: list[Line]
    """What this outlet reported that no other outlet of the story did."""


@dataclass
class DyadPoint:
    day: str
    status: str
    goldstein: float
    events: int


@dataclass
class Briefing:
    story_id: int
    label: str
    first: str | None
    last: str | None
    outlets: list[str]
    articles: int
    copies: int
    summary: list[Line]
    agreed: list[Line]
    refused: list[Line]
    expectations: list[Line]
    timeline: list[Line]
    voices: dict[str, list[Voice]]
    coverage: list[OutletCoverage]
    dyad: tuple[str, str] | None
    dyad_points: list[DyadPoint]
    evidence: list[Evidence]


def build_briefing(store: Store, story_id: int) -> Briefing | None:
    """The briefing of one stored story, or None when there is no such story."""
    detail = story_detail(store, story_id)
    if detail is None:
        return None
    cite = _Citations(detail)
    events = {event.n: event for event in detail.events}
    happened = [e for e in detail.events if e.status == "asserted"]
    agreed = [_event_line(e, cite) for e in _widest(e for e in happened if e.type in AGREED)]
    refused = [
        _event_line(e, cite) for e in _widest(e for e in detail.events if e.type in REFUSED and e.status == "asserted")
    ]
    refused += [_event_line(e, cite) for e in _widest(e for e in detail.events if e.status == "negated")]
    expectations = []
    for entry in detail.ledger:
        expected = events[entry.expected]
        line = _event_line(expected, cite)
        line.note = entry.outcome
        if entry.resolved_by is not None:
            outcome = events[entry.resolved_by]
            line.evidence += cite.event(outcome)
            line.note = f"{entry.outcome}: {outcome.trigger} ({outcome.date or 'undated'})"
        expectations.append(line)
    timeline = [
        _event_line(
            e, cite, note=f"{e.date or 'undated'} · {e.status} · {e.num_sources} outlet{'s' * (e.num_sources != 1)}"
        )
        for e in sorted(detail.events, key=lambda e: (e.date or "9999", -e.num_sources, e.n))
        if e.num_articles
    ]
    dyad = _main_dyad(detail.events)
    return Briefing(
        story_id=story_id,
        label=detail.summary.label or f"story {story_id}",
        first=detail.summary.first,
        last=detail.summary.last,
        outlets=detail.summary.outlets,
        articles=detail.summary.num_articles,
        copies=detail.summary.copies,
        summary=_summary(store, detail, cite),
        agreed=_unique(agreed),
        refused=_unique(refused),
        expectations=_unique(expectations),
        timeline=_unique(timeline),
        voices=_voices(detail.quotes, cite),
        coverage=_coverage(detail, cite),
        dyad=dyad,
        dyad_points=_dyad_points(detail.events, dyad) if dyad else [],
        evidence=cite.entries,
    )


class _Citations:
    """Numbers each cited sentence once, in order of first citation."""

    def __init__(self, detail: StoryDetail) -> None:
        self.articles = {a.id: a for a in detail.articles}
        self.entries: list[Evidence] = []
        self._keys: dict[tuple[str, int, int], str] = {}

    def mention(self, mention: Mention) -> str:
        where = (mention.article_id, mention.start, mention.end)
        if where not in self._keys:
            article = self.articles.get(mention.article_id)
            key = f"e{len(self.entries) + 1}"
            self._keys[where] = key
            self.entries.append(
                Evidence(
                    key=key,
                    article_id=mention.article_id,
                    title=article.title if article else None,
                    outlet=mention.outlet,
                    published=mention.published,
                    url=article.url if article else None,
                    sentence=clean(mention.text),
                    start=mention.start,
                    end=mention.end,
                )
            )
        return self._keys[where]

    def event(self, event: MergedEvent) -> list[str]:
        """The first report, and one more outlet's where another reported it too."""
        counted = [m for m in event.mentions if not m.copy] or event.mentions
        chosen, outlets = [], set()
        for mention in counted:
            if mention.outlet not in outlets:
                outlets.add(mention.outlet)
                chosen.append(self.mention(mention))
            if len(chosen) == 2:
                break
        return chosen


def _event_line(event: MergedEvent, cite: _Citations, note: str = "") -> Line:
    first = next((m for m in event.mentions if not m.copy), event.mentions[0])
    return Line(text=clean(first.text), evidence=cite.event(event), note=note)


def clean(sentence: str) -> str:
    """One line of text: spacing collapsed, and a closing quote mark the sentence split left at its start
    dropped (' " The delegation will...')."""
    words = sentence.split()
    if len(words) > 1 and words[0] in ('"', "”", "’", "'"):
        words = words[1:]
    return " ".join(words)


def _unique(lines: list[Line]) -> list[Line]:
    """One line per sentence: a sentence that reports two events ("Peru and Chile met", both ways) is
    shown once, with the evidence of both."""
    kept: dict[str, Line] = {}
    for line in lines:
        if line.text in kept:
            kept[line.text].evidence += [key for key in line.evidence if key not in kept[line.text].evidence]
        else:
            kept[line.text] = line
    return list(kept.values())


def _widest(events) -> list[MergedEvent]:  # type: ignore[no-untyped-def]
    """Events most widely reported first, one line per sentence."""
    seen, kept = set(), []
    for event in sorted(events, key=lambda e: (-e.num_sources, -e.num_mentions, e.date or "", e.n)):
        sentence = clean(event.mentions[0].text)
        if event.num_articles and sentence not in seen:
            seen.add(sentence)
            kept.append(event)
    return kept


def _summary(store: Store, detail: StoryDetail, cite: _Citations) -> list[Line]:
    """The most central lead sentences across outlets: each article's first sentences, scored by their
    TF-IDF similarity to the leads of the other articles, taken greedily without repeating one another."""
    leads: list[tuple[str, Mention]] = []
    for article in detail.articles:
        if article.copy_of:
            continue
        stored = store.article(article.id)
        text = stored["text"] if stored else ""
        offset = 0
        for paragraph in text.split("\n\n"):
            if len(paragraph.split()) >= 12:  # the lead, not a byline or a one-line standfirst
                break
            offset += len(paragraph) + 2
        else:
            continue
        start = offset
        for sentence in _SENTENCE_END.split(text[offset : offset + 1200])[:LEAD_SENTENCES]:
            start = text.index(sentence, start)
            mention = Mention(
                article.id, article.outlet, article.published, sentence, start, start + len(sentence), False
            )
            leads.append((article.id, mention))
            start += len(sentence)
    if not leads:
        return []
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform([m.text for _, m in leads])
    similarity = (matrix @ matrix.T).toarray()
    owners = [article for article, _ in leads]
    centrality = [sum(similarity[i, j] for j in range(len(leads)) if owners[j] != owners[i]) for i in range(len(leads))]
    chosen: list[int] = []
    for i in np.argsort(-np.asarray(centrality), kind="stable"):
        if len(chosen) == SUMMARY_SENTENCES:
            break
        if all(similarity[i, j] < 0.5 for j in chosen):
            chosen.append(int(i))
    chosen.sort(key=lambda i: (leads[i][1].published or "", leads[i][1].start))
    return [Line(text=clean(leads[i][1].text), evidence=[cite.mention(leads[i][1])]) for i in chosen]


def _voices(quotes: list[MergedQuote], cite: _Citations) -> dict[str, list[Voice]]:
    """Quotes grouped by side: the speaker's country, else affiliation, else "Others"; most carried first."""
    sides: dict[str, list[Voice]] = defaultdict(list)
    for quote in sorted(quotes, key=lambda q: (-q.num_sources, q.n)):
        if not quote.speaker:
            continue
        side = (country_name(quote.country) or quote.country) if quote.country else (quote.affiliation or "Others")
        first = next((m for m in quote.mentions if not m.copy), quote.mentions[0])
        sides[side].append(
            Voice(
                speaker=quote.speaker,
                detail=", ".join(d for d in (quote.role, quote.affiliation) if d),
                words=" ".join(quote.text.split()),
                kind=quote.kind,
                outlet=quote.first_outlet,
                evidence=[cite.mention(first)],
                again=quote.requoted_by,
            )
        )
    return dict(sorted(sides.items(), key=lambda item: (item[0] == "Others", -len(item[1]), item[0])))


def _coverage(detail: StoryDetail, cite: _Citations) -> list[OutletCoverage]:
    articles: Counter[str] = Counter()
    for article in detail.articles:
        if not article.copy_of:
            articles[article.outlet or article.id] += 1
    events: Counter[str] = Counter()
    quotes: Counter[str] = Counter()
    only: dict[str, list[MergedEvent]] = defaultdict(list)
    for event in detail.events:
        outlets = {m.outlet or m.article_id for m in event.mentions if not m.copy}
        for outlet in outlets:
            events[outlet] += 1
        if len(outlets) == 1 and len(articles) > 1:
            only[next(iter(outlets))].append(event)
    for quote in detail.quotes:
        for outlet in {m.outlet or m.article_id for m in quote.mentions if not m.copy}:
            quotes[outlet] += 1
    return [
        OutletCoverage(
            outlet=outlet,
            articles=count,
            events=events[outlet],
            quotes=quotes[outlet],
            only_here=[_event_line(e, cite) for e in _widest(only[outlet])[:3]],
        )
        for outlet, count in sorted(articles.items(), key=lambda item: (-item[1], item[0]))
    ]


def _main_dyad(events: list[MergedEvent]) -> tuple[str, str] | None:
    """The pair of countries with the most events between them (either direction)."""
    pairs: Counter[tuple[str, str]] = Counter()
    for event in events:
        if event.actor_country and event.recipient_country and event.actor_country != event.recipient_country:
            pairs[tuple(sorted((event.actor_country, event.recipient_country)))] += max(event.num_articles, 1)
    return pairs.most_common(1)[0][0] if pairs else None


def _dyad_points(events: list[MergedEvent], dyad: tuple[str, str]) -> list[DyadPoint]:
    """Goldstein scores summed per day and status for the events between the two countries."""
    return goldstein_per_day(
        (event.date or next((m.published for m in event.mentions if m.published), None), event.status, event.goldstein)
        for event in events
        if tuple(sorted((event.actor_country or "", event.recipient_country or ""))) == dyad and event.num_articles
    )


def goldstein_per_day(scored: Iterable[tuple[str | None, str, float | None]]) -> list[DyadPoint]:
    """(day, status, Goldstein) triples summed per day and status, in day order; undated or unscored
    ones are left out. The briefing's chart and the dashboard's dyad pages both draw these."""
    totals: dict[tuple[str, str], list[float]] = defaultdict(list)
    for day, status, goldstein in scored:
        if day and goldstein is not None:
            totals[(day, status)].append(goldstein)
    return [
        DyadPoint(day, status, round(sum(scores), 1), len(scores)) for (day, status), scores in sorted(totals.items())
    ]
