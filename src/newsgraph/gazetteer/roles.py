"""Job titles and offices that news copy puts before or after a name ("Foreign Minister", "a spokeswoman").

`roles.tsv` beside this module has one row per role: `role<TAB>sector<TAB>kind<TAB>aliases`, aliases
separated by `|`. The role column is the canonical title every alias resolves to, so "spokeswoman",
"spokesman" and "spokesperson" are one role and coreference can match "the spokesperson" with a
mention that said "spokeswoman".

`sector` is the kind of body the holder works for (GOV, MIL, JRN, EDU, BUS, NGO, IGO, CVL). It is
empty where the title alone does not tell: a spokesperson, director or analyst may work for a
ministry, a company or a charity, so the sector has to come from the affiliation the text names.
`kind` says what sort of position it is (head_of_state, minister, diplomat, expert, ...), which is
what a caller asks when it wants "every minister" whatever the portfolio.

Lookups forgive what does not change the role:

* case, accents and hyphens: "Director-General", "director general" and "DIRECTOR GENERAL" match;
* British and American spelling: "defense minister" is the "defence minister" row (`_SPELLINGS`);
* a leading modifier such as "former", "acting" or "deputy" ("acting president" is a president),
  stripped only when no row matches the whole text, so "deputy prime minister" and "senior fellow"
  keep rows of their own.

A leading country or nationality ("Brazil's foreign minister") is not handled here: the caller
splits it off, because only it knows the country gazetteer.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from newsgraph.gazetteer.folding import fold

SECTORS = frozenset({"GOV", "MIL", "JRN", "EDU", "BUS", "NGO", "IGO", "CVL"})
TITLE_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "gov", "sen", "rep", "gen", "lt", "col", "sgt", "capt", "adm", "rev"}
)
"""Titles written short before a name ("Gen Musharraf", "Sen. Ortiz"), lower case, without the full stop."""
KINDS = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "minister",
        "legislator",
        "diplomat",
        "military",
        "judicial",
        "expert",
        "executive",
        "media",
        "civilian",
        "official",
        "royal",
    }
)
# American spelling -> British spelling; keys are compared in the British form.
_SPELLINGS = {"defense": "defence", "labor": "labour", "councilor": "councillor"}
# Words before a title that say when or how the office is held, not which office it is.
_MODIFIERS = frozenset(
    {"former", "acting", "deputy", "senior", "top", "chief", "interim", "outgoing", "incoming", "then", "ex"}
)


@dataclass(frozen=True)
class Role:
    """One row of roles.tsv. `sector` is None when the affiliation, not the title, gives it."""

    title: str
    sector: str | None
    kind: str
    aliases: tuple[str, ...]


@functools.cache
def roles() -> tuple[Role, ...]:
    """Every role in table order."""
    text = resources.files(__package__).joinpath("roles.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines()[1:]:
        if line.strip():
            title, sector, kind, aliases = line.split("\t")
            rows.append(Role(title, sector or None, kind, tuple(a for a in aliases.split("|") if a)))
    return tuple(rows)


@functools.lru_cache(maxsize=1 << 16)
def find_role(text: str) -> Role | None:
    """The role `text` names ("Foreign Minister", "spokeswoman", "acting president"), else None. Kept
    per text: the stages ask about the same words before every name and after every "the"."""
    words = _key(text).split()
    index = _index()
    while words:
        role = index.get(" ".join(words))
        if role is not None:
            return role
        if words[0] not in _MODIFIERS:
            return None
        words = words[1:]
    return None


PEOPLE_NOUNS = frozenset(
    {
        *("officials", "analysts", "experts", "residents", "witnesses", "sources", "critics", "observers"),
        *("economists", "investors", "lawmakers", "activists", "protesters", "delegates", "villagers"),
        *("farmers", "traders", "doctors", "organisers", "organizers", "negotiators", "diplomats"),
        *("scientists", "officers", "members", "counterparts", "inspectors", "monitors", "representatives"),
        *("investigators", "partners", "allies"),
    }
)
"""Plural nouns for the people news quotes and reports without names ("Diplomats said ...")."""


def names_people(word: str) -> bool:
    """Whether a word is a plural noun for people: one of `PEOPLE_NOUNS` or a role's plural
    ("Negotiators", "Diplomats"); such a word capitalised at a sentence's start is no name."""
    lower = word.lower()
    return lower in PEOPLE_NOUNS or (lower.endswith("s") and find_role(lower[:-1]) is not None)


@functools.cache
def role_patterns() -> list[str]:
    """Every lower-case surface form of every role, with hyphen and spelling variants, longest first.

    Meant for building phrase matchers: a matcher that tries longer forms first finds "deputy prime
    minister" rather than "prime minister" inside it.
    """
    forms: set[str] = set()
    for role in roles():
        for name in (role.title, *role.aliases):
            forms.update(_variants(fold(name)))
    return sorted(forms, key=lambda form: (-len(form), form))


def _variants(form: str) -> set[str]:
    """`form` with hyphens kept and spaced, in British and American spelling."""
    shapes = {form, form.replace("-", " ")}
    american = {british: american for american, british in _SPELLINGS.items()}
    for shape in list(shapes):
        words = shape.split(" ")
        shapes.add(" ".join(_SPELLINGS.get(word, word) for word in words))
        shapes.add(" ".join(american.get(word, word) for word in words))
    return shapes


def _key(text: str) -> str:
    """Comparison key: folded, hyphens as spaces, British spelling."""
    words = fold(text).replace("-", " ").split()
    return " ".join(_SPELLINGS.get(word, word) for word in words)


@functools.cache
def _index() -> dict[str, Role]:
    """Role by the key of its title and of each alias; the first row to claim a key keeps it."""
    index: dict[str, Role] = {}
    for role in roles():
        for name in (role.title, *role.aliases):
            index.setdefault(_key(name), role)
    return index
