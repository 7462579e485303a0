"""The data contract of DESIGN.md as plain dataclasses, and the one place that turns them into JSON.

Every stage hands these objects to the next; only `to_json` / `from_json` know the wire format, so the
JSON that `newsgraph analyze` prints, the store and the evaluation harnesses cannot drift apart.
Offsets are Python string offsets into `Article.text`. Unknown values are `None` (JSON `null`), never guessed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Source:
    """Where an article came from: the file (and record inside it), the URL and the outlet."""

    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    record: str | None = None
    """Position inside a multi-record file ("line 12", "entry 3", a WARC record id); not part of the contract."""


@dataclass
class Dateline:
    """The place a story was filed from ("NAIROBI (Reuters) -"), with its ISO 3166 alpha-3 country."""

    place: str
    country: str | None = None


@dataclass
class Article:
    """Clean body text plus metadata; the input of all per-article analysis."""

    id: str
    text: str
    source: Source = field(default_factory=Source)
    title: str | None = None
    published: str | None = None
    """ISO date (YYYY-MM-DD)."""
    authors: list[str] = field(default_factory=list)
    language: str | None = "en"
    dateline: Dateline | None = None


@dataclass
class Entity:
    """A person, organisation or place with every mention of it in the article."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Span:
    text: str
    start: int
    end: int


@dataclass
class Speaker:
    name: str
    entity: str | None = None
    start: int | None = None
    end: int | None = None
    role: str | None = None
    affiliation: str | None = None
    country: str | None = None
    described: bool = False


@dataclass
class Quote:
    text: str
    start: int
    end: int
    parts: list[tuple[int, int]]
    kind: str
    cue: Span | None = None
    speaker: Speaker | None = None
    confidence: float = 0.0


@dataclass
class Participant:
    name: str
    entity: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass
class Event:
    actor: Participant | None
    recipient: Participant | None
    type: str
    status: str
    sentence: tuple[int, int]
    trigger: Span
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    date: str | None = None
    confidence: float = 0.0
    evidence: Span | None = None
    """The word that decides `status` ("not", "will", "if", "failed"); None for a plain asserted event."""
    clause: int | None = None
    """Events coded from one clause share this number ("Peru and Chile met": both directions)."""


@dataclass
class Analysis:
    """Everything newsgraph knows about one article."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def to_json(analysis: Analysis) -> dict[str, Any]:
    """The contract object of DESIGN.md for one analysed article."""
    article = analysis.article
    return {
        "id": article.id,
        "source": {"path": article.source.path, "url": article.source.url, "outlet": article.source.outlet},
        "title": article.title,
        "published": article.published,
        "authors": list(article.authors),
        "language": article.language,
        "dateline": asdict(article.dateline) if article.dateline else None,
        "text": article.text,
        "entities": [_entity_json(e) for e in analysis.entities],
        "quotes": [_quote_json(q) for q in analysis.quotes],
        "events": [_event_json(e) for e in analysis.events],
    }


def from_json(obj: dict[str, Any]) -> Analysis:
    """Inverse of `to_json`: rebuild an Analysis from a contract object."""
    source = obj.get("source") or {}
    dateline = obj.get("dateline")
    article = Article(
        id=obj["id"],
        text=obj["text"],
        source=Source(path=source.get("path"), url=source.get("url"), outlet=source.get("outlet")),
        title=obj.get("title"),
        published=obj.get("published"),
        authors=list(obj.get("authors") or []),
        language=obj.get("language"),
        dateline=Dateline(**dateline) if dateline else None,
    )
    return Analysis(
        article=article,
        entities=[_entity_from(e) for e in obj.get("entities") or []],
        quotes=[_quote_from(q) for q in obj.get("quotes") or []],
        events=[_event_from(e) for e in obj.get("events") or []],
    )


def _entity_json(entity: Entity) -> dict[str, Any]:
    data = asdict(entity)
    data["mentions"] = [list(m) for m in entity.mentions]
    return data


def _entity_from(obj: dict[str, Any]) -> Entity:
    return Entity(**{**obj, "mentions": [tuple(m) for m in obj.get("mentions") or []]})


def _quote_json(quote: Quote) -> dict[str, Any]:
    data = asdict(quote)
    data["parts"] = [list(p) for p in quote.parts]
    return data


def _quote_from(obj: dict[str, Any]) -> Quote:
    return Quote(
        text=obj["text"],
        start=obj["start"],
        end=obj["end"],
        parts=[tuple(p) for p in obj.get("parts") or []],
        kind=obj["kind"],
        cue=Span(**obj["cue"]) if obj.get("cue") else None,
        speaker=Speaker(**obj["speaker"]) if obj.get("speaker") else None,
        confidence=obj.get("confidence", 0.0),
    )


def _event_json(event: Event) -> dict[str, Any]:
    data = asdict(event)
    data["sentence"] = {"start": event.sentence[0], "end": event.sentence[1]}
    return data


def _event_from(obj: dict[str, Any]) -> Event:
    sentence = obj["sentence"]
    return Event(
        actor=Participant(**obj["actor"]) if obj.get("actor") else None,
        recipient=Participant(**obj["recipient"]) if obj.get("recipient") else None,
        type=obj["type"],
        status=obj["status"],
        sentence=(sentence["start"], sentence["end"]),
        trigger=Span(**obj["trigger"]),
        mode=obj.get("mode"),
        context=list(obj.get("context") or []),
        cameo=obj.get("cameo"),
        goldstein=obj.get("goldstein"),
        quad_class=obj.get("quad_class"),
        date=obj.get("date"),
        confidence=obj.get("confidence", 0.0),
        evidence=Span(**obj["evidence"]) if obj.get("evidence") else None,
        clause=obj.get("clause"),
    )
