"""Views of a story for people to read: the briefing, as Markdown or as one offline HTML page."""

from __future__ import annotations

from pathlib import Path

from newsgraph.report.briefing import Briefing, build_briefing
from newsgraph.report.html import to_html
from newsgraph.report.markdown import to_markdown

__all__ = ["Briefing", "build_briefing", "render", "to_html", "to_markdown", "write_briefing"]

FORMATS = {".html": to_html, ".htm": to_html, ".md": to_markdown, ".markdown": to_markdown}


def render(briefing: Briefing, suffix: str) -> str:
    """The briefing in the format a file suffix names (.html or .md); ValueError for any other."""
    try:
        return FORMATS[suffix.lower()](briefing)
    except KeyError:
        raise ValueError(
            f"cannot write a briefing as {suffix or 'a file without a suffix'}; use .html or .md"
        ) from None


def write_briefing(briefing: Briefing, path: Path) -> None:
    text = render(briefing, path.suffix)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
