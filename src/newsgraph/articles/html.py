"""HTML pages and HTML fragments to article text.

Whole pages go through trafilatura (best F1 on the ScrapingHub benchmark, with metadata); this module is
the only place that calls it, so the extractor can be swapped by editing one file. Feed entries carry
HTML *fragments* that are already the article body: there is no boilerplate to remove, so they are
flattened with lxml, one paragraph per block element.

libxml2, under both, stops building the tree 256 elements deep, and a page nested deeper (generated
markup gone wrong, or built to break parsers) comes out empty. Such a page is extracted again with its
layout-only wrappers (div, span, section, font, ...) removed, which keeps its paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
import trafilatura
from lxml import etree

from newsgraph.articles.identity import normalise_text

PARSER_DEPTH = 255
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_WRAPPERS = re.compile(
    r"</?(?:div|span|section|font|center|main|aside|header|footer|nav|b|i|u|em|strong|small|big)\b[^>]*>",
    re.IGNORECASE,
)
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "td", "dd", "dt"}


@dataclass
class PageContent:
    """What trafilatura finds in a page: body text with paragraphs separated by blank lines, and metadata."""

    text: str
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    url: str | None = None


def extract_page(html: str, url: str | None = None) -> PageContent | None:
    """Main text and metadata of a web page, or None when the page holds no article text."""
    document = _extract(html, url)
    if document is None and nesting_depth(html) > PARSER_DEPTH:
        document = _extract(_WRAPPERS.sub(" ", html), url)
    if document is None:
        return None
    paragraphs = [line.strip() for line in document.text.splitlines() if line.strip()]
    title = _clean(document.title)
    if title and len(paragraphs) > 1 and normalise_text(paragraphs[0]) == normalise_text(title):
        paragraphs = paragraphs[1:]  # the <h1> headline repeated as the body's first line
    return PageContent(
        text="\n\n".join(paragraphs),
        title=title,
        published=document.date or None,
        authors=[a.strip() for a in (document.author or "").split(";") if a.strip()],
        outlet=_clean(document.sitename),
        url=document.url or url,
    )


def nesting_depth(html: str) -> int:
    """How deep the page's elements nest, counted from its tags (void elements do not nest)."""
    depth = deepest = 0
    for closing, name, self_closing in _TAG.findall(html):
        if closing:
            depth = max(depth - 1, 0)
        elif not self_closing and name.lower() not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _extract(html: str, url: str | None) -> trafilatura.settings.Document | None:
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_images=False
    )
    return document if document is not None and (document.text or "").strip() else None


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), one paragraph per block element."""
    if "<" not in html:
        return html.strip()
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    paragraphs: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in _BLOCKS and not any(child.tag in _BLOCKS for child in element.iterdescendants()):
            text = " ".join(element.text_content().split())
            if text:
                paragraphs.append(text)
    if not paragraphs:
        return " ".join(root.text_content().split())
    return "\n\n".join(paragraphs)


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None
