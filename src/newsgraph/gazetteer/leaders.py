"""Who held which top office when: heads of state and government, foreign and defence ministers.

`leaders.tsv` beside this module has one row per term of office:
`name<TAB>aliases<TAB>iso3<TAB>role<TAB>start<TAB>end`. It lets the pipeline resolve "Macron" to a
French president and answer "the British prime minister" for an article's date without a network
lookup. Coverage: the G20 countries, Ukraine, Israel, Iran, Egypt, Nigeria, Kenya, Ethiopia,
Pakistan, Qatar, the UAE, Poland, Spain, the Netherlands, Portugal and several Latin American
countries since about 2015 (a few earlier terms that ran into 2015 start earlier), plus the EU's
Commission president, European Council president and High Representative and the UN and NATO
secretaries-general. Not every country has every role: where the author was unsure of a name or
date the row is left out rather than guessed.

**The table is current to about October 2025** (its newest terms start on 2025-10-21). Changes
after that are missing, so a row with an empty `end` means "in office as far as the table knows",
not "in office today"; some mid-to-late-2025 changes in the less-covered countries are missing too.

Conventions:

* `role` is the functional title `roles.find_role` knows, not the local one: the US Secretary of
  State and the UK Foreign Secretary are `foreign minister`, the US Secretary of Defense
  `defence minister`, China's premier `prime minister`. So `holder(iso3, "foreign minister", day)`
  works the same for every country.
* `start` is the day the term began and `end` the day it ended, which is usually the day the
  successor took office: a term covers `start <= day < end`, so on a handover day the successor
  holds the office. A date known only to the month is written as the first of that month.
* `iso3` is the ISO 3166 alpha-3 code (XKX for Kosovo). The international bodies use `EU`, `UN`
  and `NATO` (`BODIES`): they have no ISO code, and codes of two or four letters can never be
  mistaken for a country's.
* Acting and caretaker holders who served only weeks are mostly left out.
* Aliases are the forms news copy uses alone: a distinctive surname ("Macron", "Lula"), an
  acronym ("MBS"), transliterations ("Zelenskyy"). A surname that is also a common word, place or
  very common name (May, Costa, Johnson, Sánchez, Khan) is not an alias, because the entity
  recogniser labels every alias as a person.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from importlib import resources

from newsgraph.gazetteer.folding import fold
from newsgraph.gazetteer.roles import find_role

BODIES = {"EU": "European Union", "UN": "United Nations", "NATO": "North Atlantic Treaty Organization"}


@dataclass(frozen=True)
class Office:
    """One term of office; `end` is None while the holder is in office as far as the table knows."""

    name: str
    aliases: tuple[str, ...]
    iso3: str
    role: str
    start: date
    end: date | None

    def held_on(self, day: date) -> bool:
        """True when `day` falls in the term (start inclusive, end exclusive)."""
        return self.start <= day and (self.end is None or day < self.end)


@functools.cache
def offices() -> tuple[Office, ...]:
    """Every term of office in table order."""
    text = resources.files(__package__).joinpath("leaders.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines()[1:]:
        if line.strip():
            name, aliases, iso3, role, start, end = line.split("\t")
            rows.append(
                Office(
                    name=name,
                    aliases=tuple(alias for alias in aliases.split("|") if alias),
                    iso3=iso3,
                    role=role,
                    start=date.fromisoformat(start),
                    end=date.fromisoformat(end) if end else None,
                )
            )
    return tuple(rows)


def find_person(name: str, on: date | None = None) -> list[Office]:
    """Terms of office of the person called `name` (full name or alias, any case or accents).

    With `on`, only the terms held that day. Several people can share an alias only by accident of
    the table; all their terms are returned, oldest first.
    """
    found = _by_name().get(fold(name), [])
    return [office for office in found if on is None or office.held_on(on)]


def holder(iso3: str, role: str, on: date) -> Office | None:
    """The term of the person holding `role` in country `iso3` (or body `EU`, `UN`, `NATO`) on `on`.

    `role` may be any form `find_role` knows ("Defense Secretary" is the defence minister).
    """
    wanted = find_role(role)
    title = wanted.title if wanted else role.casefold()
    held = [office for office in _by_role().get((iso3.upper(), title), []) if office.held_on(on)]
    return max(held, key=lambda office: office.start, default=None)


@functools.cache
def _by_name() -> dict[str, list[Office]]:
    """Terms by the folded full name and each folded alias, oldest first."""
    index: dict[str, list[Office]] = {}
    for office in sorted(offices(), key=lambda office: office.start):
        for name in {fold(office.name), *(fold(alias) for alias in office.aliases)}:
            index.setdefault(name, []).append(office)
    return index


@functools.cache
def _by_role() -> dict[tuple[str, str], list[Office]]:
    """Terms by (code, canonical role title)."""
    index: dict[tuple[str, str], list[Office]] = {}
    for office in offices():
        role = find_role(office.role)
        index.setdefault((office.iso3, role.title if role else office.role), []).append(office)
    return index
