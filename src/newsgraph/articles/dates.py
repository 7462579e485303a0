"""Publication dates from metadata, in whatever form feeds, pages and spreadsheets give them.

Only *metadata* dates are handled here (a field that is known to hold the publication date); finding
dates in running text belongs to the language layer.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime

import dateparser

_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d{2})([-_]?)(\d{2})\2(\d{2})(?!\d)")


def normalise_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) for a metadata value, or None when it is not a recognisable date.

    Accepts ISO dates and timestamps, compact YYYYMMDD (GDELT style), datetime objects and the
    free forms dateparser knows ("Tue, 05 Mar 2024 10:00:00 GMT", "March 5, 2024").
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    for pattern in (_ISO_PREFIX, _COMPACT):
        match = pattern.match(text)
        if match:
            return _valid(*map(int, match.groups()))
    parsed = dateparser.parse(text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if parsed else None


def date_in_name(path: str) -> str | None:
    """The date a file's name carries ("reuters-2024-03-05-talks.txt", "20240305_talks.txt"), if any.

    Archives of scraped text are commonly named by publication date; text files have no other metadata.
    """
    match = _IN_NAME.search(os.path.basename(path))
    return _valid(int(match.group(1)), int(match.group(3)), int(match.group(4))) if match else None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
