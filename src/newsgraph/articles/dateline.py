"""Datelines: the "CAIRO —" / "NAIROBI (Reuters) -" / "Kyiv, Ukraine —" prefix that says where a
story was filed from.

A dateline is a place, then optionally a region or country (", Ukraine", ", Ill."), a date
(", June 20") and an agency ("(AP)"), then a dash or colon. Ordinary sentences can have that shape
("Officials — including the minister — said"), so the place must either be in the gazetteer or be
written in capitals, and capitals alone are not enough for a single short word (NATO, AI) or for
editorial labels (UPDATE:, EXCLUSIVE:).
"""

from __future__ import annotations

import re

from newsgraph.gazetteer.cities import city_country
from newsgraph.gazetteer.places import Place, country_code, find_place
from newsgraph.model import Dateline

_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# A name word: letters, with inner apostrophes, hyphens or full stops ("N'Djamena", "Port-au-Prince",
# "N.Y.") and an optional final full stop ("Ill.", "ST.").
_NAME = r"[^\W\d_](?:[^\W\d_]|['’.\-](?=[^\W\d_]))*\.?"
_DATELINE = re.compile(
    rf"""\A\s*
    (?P<place>{_NAME}(?:[ \t]+{_NAME}){{0,4}})
    (?:,[ \t]*(?!{_MONTH}\.?[ \t]+\d)(?P<region>{_NAME}(?:[ \t]+{_NAME}){{0,3}}))?
    (?:,[ \t]*(?P<date>{_MONTH}\.?[ \t]+\d{{1,2}}(?:,[ \t]*\d{{4}})?
                      |\d{{1,2}}[ \t]+{_MONTH}\.?(?:[ \t]+\d{{4}})?))?
    (?:[ \t]*\((?P<agency>[^()\n]{{1,40}})\))?
    (?P<separator>[ \t]*[—–―][ \t]*|[ \t]+--?[ \t]+|[ \t]*--[ \t]*|[ \t]*:[ \t]+)\s*
    """,
    re.VERBOSE,
)
# Lower-case words allowed inside a place name ("Dar es Salaam", "Port of Spain", "Andorra la Vella").
_PARTICLE = re.compile(r"al|and|au|aux|da|das|de|del|della|der|des|di|do|dos|du|el|es|la|le|les|of|on|y")
# Capitalised labels that open a paragraph with a colon or dash but are not places.
_LABEL = re.compile(
    r"\b(?:ADVERTISEMENT|ALERT|ANALYSIS|BREAKING|CHECK|CLARIFICATION|COMMENT|CORRECTION|EDITORIAL|EDITOR'S"
    r"|EXCLUSIVE|EXPLAINER|FACT|FILE|FLASH|INTERVIEW|LISTEN|LIVE|NOTE|OBITUARY|OPINION|PHOTOS?|PODCAST"
    r"|QUOTE|READ|REVIEW|SPONSORED|UPDATED?|URGENT|VIDEO|WARNING|WATCH)\b"
)
# An unknown capitalised single word this short is more likely an acronym (NATO, FIFA) than a place.
_MIN_UNKNOWN_LETTERS = 5


def find_dateline(text: str) -> tuple[Dateline | None, str]:
    """The dateline opening `text`, and `text` with the whole prefix (date, agency, dash) removed.

    When there is none, returns (None, text) unchanged.
    """
    match = _DATELINE.match(text)
    if not match:
        return None, text
    raw_place, region = match["place"], match["region"]
    if not _is_name(raw_place) or (region and not _is_name(region)):
        return None, text
    capitals = raw_place.upper() == raw_place
    if capitals and _LABEL.search(raw_place):
        return None, text
    combined = find_place(f"{raw_place}, {region}") if region else None
    place = combined or find_place(raw_place)
    named_country = bool(region and country_code(region))
    if place is None and not (capitals and (_plausible_unknown(raw_place) or named_country)):
        return None, text
    if place is None and not named_country and match["separator"].strip() == ":":
        # "UNICEF: The agency said" is a speaker label; an unknown place needs the dateline dash.
        return None, text
    if combined:
        # "WASHINGTON, D.C." is one gazetteer name, not a place and a region.
        name = combined.name if capitals else f"{raw_place}, {region}"
        return Dateline(place=name, country=combined.country), text[match.end() :]
    country = _country(place, region) or city_country(raw_place)
    if not capitals:
        name = raw_place
    elif place and place.country == country:
        name = place.name
    else:
        # Unknown, or a namesake abroad ("SAN JOSE, Calif." is not the gazetteer's San José).
        name = _readable(raw_place)
    return Dateline(place=name, country=country), text[match.end() :]


def _is_name(words: str) -> bool:
    """Capitalised words, with lower-case particles only after the first."""
    first, *rest = words.split()
    return first[0].isupper() and all(word[0].isupper() or _PARTICLE.fullmatch(word) for word in rest)


def _plausible_unknown(place: str) -> bool:
    """A capitalised name not in the gazetteer: several words, or one long enough not to be an acronym.

    A short one still counts when the dateline names its country ("ILO, Peru —").
    """
    return " " in place or sum(ch.isalpha() for ch in place) >= _MIN_UNKNOWN_LETTERS


def _country(place: Place | None, region: str | None) -> str | None:
    """The dateline's country: the one it names, unless that is ambiguous and the place settles it.

    "Tripoli, Lebanon" is LBN although the gazetteer's Tripoli is in Libya; "Atlanta, Georgia" stays
    USA because the region "Georgia" can be the US state as well as the country.
    """
    if region:
        named = country_code(region)
        area = find_place(region)
        candidates = [code for code in (named, area.country if area else None) if code]
        if place and place.country in candidates:
            return place.country
        if candidates:
            return candidates[0]
    return place.country if place else None


def _readable(place: str) -> str:
    """An all-capitals place not in the gazetteer in title case, particles in lower case."""
    words = place.lower().split()
    return " ".join(
        word
        if index and _PARTICLE.fullmatch(word)
        else "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
        for index, word in enumerate(words)
    )
