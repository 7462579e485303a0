"""Temporal expressions in news text, resolved against the article's publication date.

News reports dates relative to the day they are written: "on Monday" in a story filed on Wednesday
6 March 2024 is 4 March when the sentence reports what happened and 11 March when it announces what
will; "on Wednesday" in that story is the same day. dateparser does the calendar arithmetic with the
publication date as its base; this module finds the expressions, picks past or future from the
sentence, and applies the newsroom conventions dateparser does not know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

import dateparser

Granularity = Literal["day", "month", "year"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES = (
    *("january", "february", "march", "april", "may", "june", "july", "august", "september", "october"),
    *("november", "december"),
)
RELATIVE_DAYS = ("today", "yesterday", "tomorrow")
_MONTHS = (
    "|".join(MONTH_NAMES) + "|jan\\.?|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept?\\.?|oct\\.?|nov\\.?|dec\\.?"
)
_EXPRESSION = re.compile(
    rf"""\b(?:
        (?:last|next|this|on|early|late)?\s*(?:{"|".join(WEEKDAYS)})(?:\s+(?:morning|afternoon|evening|night))?
      | yesterday|today|tomorrow|tonight
      | (?:last|next|this|earlier\ this|later\ this)\s+(?:week|month|year)
      | (?:\d+|one|two|three|four|five|six|seven|ten)\s+(?:days|weeks|months|years)\s+(?:ago|earlier|later)
      | (?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?
      | \d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})(?:\s+\d{{4}})?
      | (?:in|since|until|by|from)\s+(?:{_MONTHS})(?:\s+\d{{4}})?
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
_MONTH_ONLY = re.compile(rf"^(?:in|since|until|by|from)\s+(?:{_MONTHS})(?:\s+\d{{4}})?$|\b(?:week|month|year)$", re.I)
_YEAR_ONLY = re.compile(r"\byear$", re.IGNORECASE)
_EXPLICIT_DAY = re.compile(rf"(?:{_MONTHS})\s+\d|\d\s+(?:{_MONTHS})", re.IGNORECASE)
_HAS_YEAR = re.compile(r"\b\d{4}\b")


@dataclass
class TimeExpression:
    """A date expression in the text and what it resolves to (None when it names no single day)."""

    text: str
    start: int
    end: int
    granularity: Granularity
    date: date | None


def find_dates(text: str, published: date | None, future: bool = False) -> list[TimeExpression]:
    """Every temporal expression in `text`, resolved against `published` (unresolved without it).

    `future` says the sentence looks forward ("will meet on Monday"), so weekdays count forwards.
    """
    found = []
    for match in _EXPRESSION.finditer(text):
        expression = match.group(0).strip()
        granularity: Granularity = (
            "year" if _YEAR_ONLY.search(expression) else ("month" if _MONTH_ONLY.search(expression) else "day")
        )
        day = resolve(expression, published, future) if published and granularity == "day" else None
        found.append(
            TimeExpression(expression, match.start(), match.start() + len(match.group(0).rstrip()), granularity, day)
        )
    return found


def resolve(expression: str, published: date, future: bool = False) -> date | None:
    """The calendar day an expression names, read on the day `published` (see the module docstring)."""
    cleaned = re.sub(
        r"^(?:on|early|late)\s+|\s+(?:morning|afternoon|evening|night)$", "", expression.strip(), flags=re.IGNORECASE
    )
    lowered = cleaned.lower()
    if lowered in WEEKDAYS:
        # A bare weekday is the nearest such day: the same day, or the one before (or after, looking forward).
        offset = (WEEKDAYS.index(lowered) - published.weekday()) % 7
        return published + timedelta(days=offset) if future else published - timedelta(days=(7 - offset) % 7)
    base = datetime(published.year, published.month, published.day, 12)
    parsed = dateparser.parse(
        cleaned,
        languages=["en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "future" if future else "past"},
    )
    if parsed is None:
        return None
    day = parsed.date()
    if _EXPLICIT_DAY.search(cleaned) and not _HAS_YEAR.search(cleaned):
        # "March 4" without a year is the March 4 nearest the story, whichever side of it.
        candidates = [
            day.replace(year=published.year + delta) for delta in (-1, 0, 1) if _valid(day, published.year + delta)
        ]
        day = min(candidates, key=lambda d: abs((d - published).days))
    return day


def _valid(day: date, year: int) -> bool:
    try:
        day.replace(year=year)
    except ValueError:
        return False
    return True
