"""Sports reports, where the words of conflict and diplomacy are games.

"Hewitt beat Federer", "the clash with Spain", "a stunning strike", "Moya will meet Roddick in the final":
in a report of a match these are no assault, clash, strike or meeting. Event data systems have long
filtered sports stories before coding (the Phoenix pipeline had a sports filter); newsgraph keeps the
story and sets aside only the triggers that sport uses in its own sense, so a doping ban, a boycott or
a charge brought by the authorities is still coded.

A report is a sports report when words only sport uses, and match scores ("7-5", "2-1"), make up at
least `SPORTINESS` in a hundred of its words, and at least `MIN_SIGNS` of them are there. On the BBC
corpus (`../shared/data/corpus/bbc_news.jsonl`, whose records carry their section) this marks 463 of
511 sport articles and 13 of 1,714 others (one of 417 politics articles, on a politician's snooker);
docs/events.md has the command and the figures.
"""

from __future__ import annotations

import re

SPORT_WORDS = frozenset(
    {
        *("match", "matches", "tournament", "championship", "championships", "semi-final", "quarter-final"),
        *("league", "goal", "goals", "striker", "midfielder", "goalkeeper", "coach", "champion", "champions"),
        *("seed", "seeded", "tie-break", "medal", "medals", "olympic", "olympics", "athlete", "athletes"),
        *("sprinter", "squad", "fixture", "fixtures", "premiership", "rugby", "football", "tennis", "cricket"),
        *("athletics", "marathon", "stadium", "referee", "wicket", "innings", "scored", "cup", "final"),
        *("season", "golf", "boxing", "race", "club", "victory", "defeat", "penalty", "injury", "injured"),
        *("title", "winger", "defender", "boss", "captain", "tries", "kick", "coaches", "quarter-finals"),
        *("finals", "grand", "slam", "points", "midfield", "caps", "forward", "trophy", "half-time"),
        *("first-half", "second-half", "minute", "ball", "shot", "shots", "player"),
    }
)
"""Words of sport, lower case as they appear."""
SCORE = re.compile(r"(?<![\d.£$-])\b\d{1,2}-\d{1,2}\b(?!-)")
"""A match score: "7-5", "2-1"; not a date range or an amount."""
SPORTINESS = 2.0
"""Sport words and scores (a score counts twice) per hundred words that make a sports report."""
MIN_SIGNS = 4
"""However short the text, one "match" does not make a sports report ("met before a friendly match")."""
SPORTING_TRIGGERS = frozenset(
    {
        *("beat", "defeat", "thrash", "clash", "strike", "rally", "attack", "shoot", "fire", "fight", "battle"),
        *("sign", "withdraw", "pull out", "meet", "meeting", "return", "host", "invade", "capture", "seize", "concede"),
        *("visit", "travel", "face", "promise", "want", "ask", "offer", "arrive", "hand", "allow", "threaten"),
        *("blame", "release", "session"),
    }
)
"""Triggers sport uses in its own sense: set aside in a sports report ("released the winger down the
left", "a three-day training session with a league club")."""
_WORDS = re.compile(r"[a-z][a-z-]*")


def sports_report(text: str) -> bool:
    """Whether the text reads as a report of a match or a race."""
    words = _WORDS.findall(text.lower())
    if not words:
        return False
    hits = sum(word in SPORT_WORDS for word in words) + 2 * len(SCORE.findall(text))
    return hits >= MIN_SIGNS and 100 * hits / len(words) >= SPORTINESS
