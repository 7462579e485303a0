"""RSS and Atom feeds (feedparser): one article per entry, from its full content where the feed has it.

A feed is XML, and XML can declare entities: a few lines that expand to gigabytes ("billion laughs") or
that pull in a local file (`SYSTEM "file:///etc/passwd"`). No news feed needs either, so a feed that
declares any entity is refused before feedparser sees it; defusedxml's parser finds the declarations.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import feedparser
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError
from defusedxml.ElementTree import fromstring as safe_parse

from newsgraph.articles.html import fragment_text
from newsgraph.articles.identity import content_hash
from newsgraph.articles.plaintext import clean_plain_text
from newsgraph.errors import InputError
from newsgraph.model import Article, Source


def read_feed(path: str, data: bytes) -> Iterator[Article | InputError]:
    """Every entry of the feed; an entry with neither content nor summary is reported, not skipped silently."""
    refused = _declares_entities(data)
    if refused:
        yield InputError(path, refused)
        return
    feed = feedparser.parse(data)
    if not feed.entries:
        problem = feed.get("bozo_exception")
        yield InputError(path, f"not a readable RSS/Atom feed: {problem}" if problem else "feed has no entries")
        return
    outlet = feed.feed.get("title") or None
    for index, entry in enumerate(feed.entries, start=1):
        where = f"entry {index}"
        body = entry.content[0].value if entry.get("content") else entry.get("summary", "")
        cleaned = clean_plain_text(fragment_text(body), detect_title=False)
        if not cleaned.text.strip():
            yield InputError(path, "feed entry has no text (neither content nor summary)", where)
            continue
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        authors = [a.get("name") for a in entry.get("authors", []) if a.get("name")]
        yield Article(
            id=entry.get("id") or entry.get("link") or content_hash(cleaned.text),
            text=cleaned.text,
            source=Source(path=path, url=entry.get("link") or None, outlet=outlet, record=where),
            title=entry.get("title") or None,
            published=time.strftime("%Y-%m-%d", published) if published else None,
            authors=authors or ([entry.author] if entry.get("author") else []),
            dateline=cleaned.dateline,
        )


def _declares_entities(data: bytes) -> str | None:
    """Why the feed is refused (it declares an entity or an external reference), or None."""
    try:
        safe_parse(data)
    except DefusedXmlException as exc:
        return f"feed refused: it declares XML entities or external references, which news feeds never need ({exc})"
    except (ParseError, ValueError):
        return None  # broken XML without declarations: feedparser's lenient parser does what it can
    return None
