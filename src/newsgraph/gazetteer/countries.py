"""Every word a news story uses for a country: its name, newsroom aliases, adjective, demonym, capital.

`places.py` answers "which country is this place in"; this module answers the wider question "which
country does this word refer to", so that "Japanese", "the Dutch", "Moscow" and "Brazil's" all resolve
to an ISO 3166 alpha-3 code, and a country code can be turned back into the short name a reader expects.

Sources, in the order a term's kind is decided:

* `name`: pycountry's `common_name`, else its `name`, for every row of `demonyms.tsv`. Official forms
  that no newsroom writes ("Korea, Republic of", "Holy See (Vatican City State)": anything with a
  comma or parenthesis) are skipped; the row's aliases carry the everyday name instead.
* `alias`, `adjective`, `demonym`: the columns of `demonyms.tsv` beside this module
  (`iso3<TAB>adjective<TAB>demonym<TAB>plural<TAB>aliases`, alternatives `|`-separated). Plurals are
  kind `demonym` too ("Russians", "the Japanese").
* `capital`: the `capital` rows of `places.tsv`, so the capital list lives in one place.

Only countries with a row in `demonyms.tsv` have terms: pycountry also knows dependencies such as
Jersey or Guernsey whose names are ordinary English words, and those are left out on purpose.

Matching rules:

* Words are compared case- and accent-insensitively ("brasilia", "Brasília").
* Short all-caps forms ("US", "UK", "DRC", "U.S.", "UAE") match only exactly as written, so the
  pronoun "us" is never the United States.
* A leading "the" ("the Netherlands", "the Japanese") and a trailing possessive ("Brazil's",
  "Brazil’s", "the Philippines'") are ignored. The whole text must be a term: "the Japanese side" is not.

A few terms really are shared by two countries; `SHARED_TERMS` lists them with the country a lookup
returns and why. Every other term belongs to exactly one country (the tests check this).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import pycountry

from newsgraph.gazetteer.folding import fold

KINDS = ("name", "alias", "adjective", "demonym", "capital")

# Codes with a row in demonyms.tsv that pycountry does not know, with their short names.
# XKX is the user-assigned code for Kosovo used by the European Commission and the IMF.
EXTRA_CODES: dict[str, str] = {"XKX": "Kosovo"}

# Terms used for two countries, by folded text, with the country `country_of` answers. "Congolese"
# is the adjective of both Congos; news copy uses it far more often for the much larger and more
# reported Democratic Republic of the Congo. "Dominican(s)" serves Dominica and the Dominican
# Republic alike; the Dominican Republic is meant far more often.
SHARED_TERMS: dict[str, str] = {
    "congolese": "COD",
    "dominican": "DOM",
    "dominicans": "DOM",
}

# pycountry short names that are correct but not what a newsroom writes; `country_name` gives the
# row's first alias for these instead ("Russia", "Brunei", "Turkey").
_ALIAS_FIRST = frozenset({"RUS", "BRN", "TUR"})

_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:'s|'S|(?<=s)')$")


@dataclass(frozen=True)
class CountryTerm:
    """One word or phrase that names a country, with the country's ISO alpha-3 code and its kind."""

    text: str
    iso3: str
    kind: str


@dataclass(frozen=True)
class _Row:
    iso3: str
    adjectives: tuple[str, ...]
    demonyms: tuple[str, ...]
    aliases: tuple[str, ...]


def country_of(text: str) -> str | None:
    """ISO alpha-3 code for a country name, alias, adjective, demonym or capital, else None.

    "Japanese", "the Netherlands", "Moscow", "Brazil's" and "US" resolve; "us" and "the Japanese side"
    do not.
    """
    exact, folded = _index()
    for candidate in _candidates(text):
        if candidate in exact:
            return exact[candidate]
        code = folded.get(fold(candidate))
        if code:
            return code
    return None


def is_capital(text: str) -> bool:
    """Whether the words are a capital city's name ("Bangkok", "Moscow"), which `country_of` also
    resolves to its country."""
    return fold(text) in _capital_names()


@functools.cache
def _capital_names() -> frozenset[str]:
    return frozenset(fold(capital) for capital, _ in _capitals())


def country_name(iso3: str) -> str | None:
    """The short name a reader expects for an ISO alpha-3 code ("Russia", "South Korea"), else None."""
    row = _rows().get(iso3)
    if row is not None:
        name = _pycountry_name(iso3)
        if name and iso3 not in _ALIAS_FIRST:
            return name
        return row.aliases[0] if row.aliases else EXTRA_CODES.get(iso3)
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return EXTRA_CODES.get(iso3)
    return getattr(country, "common_name", None) or country.name


@functools.cache
def country_terms() -> tuple[CountryTerm, ...]:
    """Every term for every country with a row, names first, each (text, country) pair once.

    A text that is both adjective and demonym ("Japanese") keeps the first kind in `KINDS` order.
    """
    terms: list[CountryTerm] = []
    seen: set[tuple[str, str]] = set()

    def add(text: str, iso3: str, kind: str) -> None:
        key = (fold(text), iso3)
        if text and key not in seen:
            seen.add(key)
            terms.append(CountryTerm(text, iso3, kind))

    rows = _rows()
    for iso3 in rows:
        name = _pycountry_name(iso3)
        if name:
            add(name, iso3, "name")
    for iso3, row in rows.items():
        for alias in row.aliases:
            add(alias, iso3, "alias")
    for iso3, row in rows.items():
        for adjective in row.adjectives:
            add(adjective, iso3, "adjective")
    for iso3, row in rows.items():
        for demonym in row.demonyms:
            add(demonym, iso3, "demonym")
    for capital, iso3 in _capitals():
        if iso3 in rows:
            add(capital, iso3, "capital")
    return tuple(terms)


def is_acronym(text: str) -> bool:
    """True for short all-caps forms ("US", "U.K.", "DRC") that must match exactly as written."""
    letters = text.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 5


def _candidates(text: str) -> list[str]:
    """The text as given, then without a leading "the", then without a trailing possessive."""
    plain = " ".join(text.replace("’", "'").replace("‘", "'").split())
    bare = _THE.sub("", plain)
    forms = [plain, bare, _POSSESSIVE.sub("", plain), _POSSESSIVE.sub("", bare)]
    return list(dict.fromkeys(form for form in forms if form))


@functools.cache
def _index() -> tuple[dict[str, str], dict[str, str]]:
    """Acronyms by exact text, every other term by folded text; shared terms resolved by SHARED_TERMS."""
    exact: dict[str, set[str]] = {}
    folded: dict[str, set[str]] = {}
    for term in country_terms():
        if is_acronym(term.text):
            exact.setdefault(term.text, set()).add(term.iso3)
        else:
            folded.setdefault(fold(term.text), set()).add(term.iso3)

    def resolve(key: str, codes: set[str]) -> str | None:
        if len(codes) == 1:
            return next(iter(codes))
        return SHARED_TERMS.get(fold(key))

    exact_index = {key: code for key, codes in exact.items() if (code := resolve(key, codes))}
    folded_index = {key: code for key, codes in folded.items() if (code := resolve(key, codes))}
    return exact_index, folded_index


def _pycountry_name(iso3: str) -> str | None:
    """pycountry's common name, else its name, unless it is an awkward official form."""
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return None
    name = getattr(country, "common_name", None) or country.name
    return None if "," in name or "(" in name else name


@functools.cache
def _rows() -> dict[str, _Row]:
    """demonyms.tsv by ISO alpha-3 code, in file order."""
    text = resources.files(__package__).joinpath("demonyms.tsv").read_text(encoding="utf-8")
    rows: dict[str, _Row] = {}
    for line in text.splitlines()[1:]:
        if not line.strip():
            continue
        iso3, adjective, demonym, plural, aliases = line.split("\t")
        rows[iso3] = _Row(
            iso3=iso3,
            adjectives=_split(adjective),
            demonyms=_split(demonym) + _split(plural),
            aliases=_split(aliases),
        )
    return rows


@functools.cache
def _capitals() -> tuple[tuple[str, str], ...]:
    """(capital, iso3) for every `capital` row of places.tsv."""
    text = resources.files(__package__).joinpath("places.tsv").read_text(encoding="utf-8")
    capitals = []
    for line in text.splitlines()[1:]:
        if line.strip():
            place, country, kind = line.split("\t")
            if kind == "capital":
                capitals.append((place, country))
    return tuple(capitals)


def _split(field: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in field.split("|") if part.strip())
