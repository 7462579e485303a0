"""Organisations that foreign news names again and again, so an entity can be typed and placed.

`organisations.tsv` beside this module lists intergovernmental bodies (the UN system, regional
blocs, development banks), large NGOs, wire agencies and international media, national bodies that
foreign copy names by a metonym ("the Kremlin", "Downing Street", "the Pentagon"), political
parties of often reported countries ("Labour", "the Tories", "the GOP", "CDU"), the companies business
news names most (not those whose names are also common words, places or surnames: "Shell", "Total",
"Amazon", "Santander", "Ford", "Honda", "Roche"), and armed groups. Columns:
`name<TAB>aliases<TAB>kind<TAB>country<TAB>sector`:

* `aliases`: `|`-separated acronyms and other spellings ("UN|U.N.", "MSF|Doctors Without Borders").
* `kind`: one of `KINDS`. Militaries of states are `government` with sector `MIL`.
* `country`: ISO alpha-3 code of the state a national body belongs to, or where a non-state body
  is based or fights; empty for bodies that are international by nature (the UN, Islamic State).
* `sector`: one of `SECTORS`: IGO for intergovernmental bodies, NGO, JRN for media, GOV for
  government bodies and political parties (in power or not: the sectors have no opposition of their
  own), MIL for militaries and armed groups, EDU for think tanks,
  BUS for companies, CVL for other civilian bodies.

Matching ignores case, accents and a leading "the" ("the UN", "The Associated Press"), except for
acronyms: a one-word form with more capitals than small letters ("UN", "WHO", "LeT", "PBoC") matches
only exactly as written, so "un", "who" and "let" are never organisations.

Choices the table makes: "RSF" is Sudan's Rapid Support Forces, which news copy now names far more
often than Reporters Without Borders (listed under its English and French names only). "Red Cross"
is the ICRC; the IFRC is "Red Cross and Red Crescent". "Congress" is the US Congress.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from newsgraph.gazetteer.folding import fold

KINDS = frozenset({"IGO", "NGO", "media", "government", "armed group", "party", "business"})
SECTORS = frozenset({"GOV", "MIL", "JRN", "EDU", "BUS", "NGO", "IGO", "CVL"})

COMPANY_ENDINGS = frozenset(
    {
        *("industries", "holdings", "airways", "airlines", "motors", "corp", "inc", "plc", "ltd", "technologies"),
        *("enterprises", "pharmaceuticals", "petroleum", "telecom", "telecommunications", "communications"),
        *("studios", "networks", "securities", "investments", "laboratories", "electronics"),
    }
)
"""Words that end the names of companies ("Aggregate Industries", "British Airways", "Daiwa Securities"):
a known company's name with one of them after it is that company's business ("Mitsubishi Motors")."""
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|'S|(?<=s)')$")


@dataclass(frozen=True)
class Organisation:
    """One row of organisations.tsv."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None
    sector: str | None

    @property
    def forms(self) -> tuple[str, ...]:
        """The name and every alias, name first."""
        return (self.name, *self.aliases)


def find_organisation(text: str) -> Organisation | None:
    """The organisation `text` names ("the UN", "ECOWAS", "Doctors Without Borders"), else None."""
    exact, folded = _index()
    plain = " ".join(text.replace("’", "'").replace("‘", "'").split())
    bare = _THE.sub("", plain)
    for candidate in dict.fromkeys((plain, bare, _POSSESSIVE.sub("", plain), _POSSESSIVE.sub("", bare))):
        if not candidate:
            continue
        if candidate in exact:
            return exact[candidate]
        found = folded.get(_key(candidate))
        if found:
            return found
    words = bare.split()
    if len(words) >= 2 and words[-1].lower() in COMPANY_ENDINGS:
        # "Mitsubishi Motors", "Nissan Securities": a known company's line of business
        found = find_organisation(" ".join(words[:-1]))
        return found if found is not None and found.kind == "business" else None
    return None


def is_acronym(text: str) -> bool:
    """True for one-word forms with more capitals than small letters ("UN", "G7", "LeT", "RFE/RL")."""
    if any(ch.isspace() for ch in text):
        return False
    upper = sum(ch.isupper() for ch in text)
    lower = sum(ch.islower() for ch in text)
    return upper > lower


@functools.cache
def organisations() -> tuple[Organisation, ...]:
    """Every row of organisations.tsv, in file order."""
    text = resources.files(__package__).joinpath("organisations.tsv").read_text(encoding="utf-8")
    rows: list[Organisation] = []
    for line in text.splitlines()[1:]:
        if not line.strip():
            continue
        name, aliases, kind, country, sector = line.split("\t")
        rows.append(
            Organisation(
                name=name.strip(),
                aliases=tuple(part.strip() for part in aliases.split("|") if part.strip()),
                kind=kind.strip(),
                country=country.strip() or None,
                sector=sector.strip() or None,
            )
        )
    return tuple(rows)


def _key(text: str) -> str:
    """Folded text without a leading "the", so "The Guardian" and "Guardian" share a key."""
    return _THE.sub("", fold(text))


@functools.cache
def _index() -> tuple[dict[str, Organisation], dict[str, Organisation]]:
    """Acronyms by exact text, every other form by `_key`; the first row to claim a form keeps it."""
    exact: dict[str, Organisation] = {}
    folded: dict[str, Organisation] = {}
    for organisation in organisations():
        for form in organisation.forms:
            if is_acronym(form):
                exact.setdefault(form, organisation)
            else:
                folded.setdefault(_key(form), organisation)
    return exact, folded
