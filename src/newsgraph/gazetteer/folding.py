"""The one comparison key every gazetteer looks names up by."""

from __future__ import annotations

import functools
import unicodedata

_PLAIN = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-", "ı": "i", "ł": "l"})


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes and dashes made plain, spaces collapsed:
    "BRASÍLIA", "Brasília" and "brasilia" are one key, and so are "Côte d’Ivoire" and "Cote d'Ivoire".
    Kept for the words and names asked about again and again: the entity stage asks tens of thousands
    of times per hundred articles, mostly for the same few thousand strings."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())
