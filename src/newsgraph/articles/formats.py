"""Deciding what a file is: by its content first, its extension second.

Scraped corpora are full of `.txt` files that hold HTML, `.json` files that hold JSON Lines and names
with no extension at all, so the first kilobytes decide; the extension only breaks ties (CSV, whose
content is indistinguishable from prose with commas, is trusted to its extension).
"""

from __future__ import annotations

import json
import re

FORMATS = ("warc", "feed", "html", "jsonl", "json", "csv", "text")
_FEED = re.compile(rb"<(rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML = re.compile(rb"<(!doctype html|html|head|body|article|div|p|meta|title)[\s>/]", re.IGNORECASE)
_EXTENSIONS = {
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "csv",
}


def inner_suffix(name: str) -> str:
    """The extension that names the format, looking through a trailing `.gz`."""
    lowered = name.lower().removesuffix(".gz")
    dot = lowered.rfind(".")
    slash = max(lowered.rfind("/"), lowered.rfind("\\"))
    return lowered[dot:] if dot > slash else ""


def sniff_format(name: str, head: bytes) -> str:
    """One of FORMATS for a file called `name` whose decoded-or-not content starts with `head`."""
    by_extension = _EXTENSIONS.get(inner_suffix(name))
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith(b"<"):
        if _FEED.search(start[:4096]):
            return "feed"
        if _HTML.search(start[:4096]) or by_extension not in ("csv", "json", "jsonl"):
            return "html"
    if start[:1] in (b"{", b"[") and by_extension not in ("csv",):
        if by_extension in ("json", "jsonl"):
            return by_extension
        return "jsonl" if _first_line_is_object(start) else "json"
    if by_extension in ("csv", "json", "jsonl"):
        return by_extension
    return "text"


def _first_line_is_object(start: bytes) -> bool:
    """JSON Lines when the first line alone is a complete JSON object and more follows."""
    first, _, rest = start.partition(b"\n")
    if not rest.strip():
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False
