"""Reports of natural disasters, whose dead were killed by no one.

"At least 9,000 people were killed on the islands", in a report of an earthquake, counts the
earthquake's dead; the same words in a report of a war count an attack's. A sentence does not always
name the disaster ("officials counted 300 killed in the valley"), so the article decides: one that
names an earthquake, a tsunami, a hurricane or a flood at least twice is a disaster report, and in
it a killing that names no killer, in a sentence with no word of violence, is no ASSAULT
(`events.coder`).
"""

from __future__ import annotations

import re

NATURAL = frozenset(
    {
        *("earthquake", "earthquakes", "quake", "quakes", "tsunami", "tsunamis", "hurricane", "hurricanes"),
        *("typhoon", "typhoons", "cyclone", "cyclones", "tornado", "tornadoes", "floods", "flooding"),
        *("mudslide", "mudslides", "eruption", "drought", "famine", "avalanche", "avalanches", "heatwave"),
    }
)
"""Words for disasters no one carries out. Not "storm", "landslide" or "disaster", which politics uses
for other things ("a political storm", "a landslide victory")."""
TIDAL = re.compile(r"\btidal\s+waves?\b")
MENTIONS = 2
"""Mentions that make a disaster report: one could be a comparison ("a tsunami of complaints")."""
VIOLENCE = frozenset(
    {
        *("attack", "attacks", "attacked", "bomb", "bombs", "bombing", "bomber", "bombers", "gunmen", "gunman"),
        *("shot", "shooting", "shelling", "ambush", "ambushed", "rebels", "militants", "insurgents", "troops"),
        *("soldiers", "fighting", "clashes", "massacre", "murdered", "executed", "militia", "militias", "raid"),
    }
)
"""Words that make a killing in a disaster report someone's act after all."""
_WORDS = re.compile(r"[a-z]+")


def disaster_report(text: str) -> bool:
    """Whether the text reports a natural disaster (`MENTIONS` or more of its words)."""
    lower = text.lower()
    hits = sum(word in NATURAL for word in _WORDS.findall(lower)) + len(TIDAL.findall(lower))
    return hits >= MENTIONS


def violent(words: list[str]) -> bool:
    """Whether the words of a sentence speak of violence by someone."""
    return any(word.lower() in VIOLENCE for word in words)
