"""Stable article identity: the same text read twice, from any file or format, gets the same id.

Identity hashes the *normalised* text (Unicode NFKC, case-folded, whitespace collapsed, typographic
quotes and dashes unified), so a wire story saved once as HTML and once as plain text is one article.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")
_UNIFY = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "})


def normalise_text(text: str) -> str:
    """The form two texts are compared in to decide they are the same article."""
    text = unicodedata.normalize("NFKC", text).translate(_UNIFY).casefold()
    return _SPACE.sub(" ", text).strip()


@functools.lru_cache(maxsize=1024)
def content_hash(text: str) -> str:
    """A 16-hex-digit fingerprint of the normalised text; also the id of articles that bring none.

    Kept for the last texts asked about: an ingest asks four times about each article (on reading, when
    it looks for a stored copy, when it stores the analysis and when it reports the article's copies),
    up to a few hundred articles apart while the workers analyse them."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]
