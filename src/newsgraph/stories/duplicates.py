"""Near-duplicate articles (wire copies, lightly edited reprints) with MinHash LSH from datasketch.

LSH only proposes candidates; each candidate is then checked on the exact word-shingle sets, so a false
LSH collision never marks two different articles as copies. Two tests decide, because reprints are edited
in two ways: a few words changed everywhere (the Jaccard overlap of the two shingle sets stays high) or
the tail cut off (most of the shorter text's shingles are in the longer one, the containment).

This is the only module that touches datasketch.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from datasketch import LeanMinHash, MinHash, MinHashLSH

SHINGLE_WORDS = 3
"""Three-word shingles: one changed word disturbs three shingles, not five, so light edits keep overlap."""
NUM_PERM = 128
LSH_THRESHOLD = 0.3
"""Candidate threshold on estimated Jaccard, well below the decision thresholds: a copy cut by a third
has a Jaccard near 0.5 however much of it is contained, and LSH must still propose it."""
MIN_JACCARD = 0.6
MIN_CONTAINMENT = 0.85
MIN_SHINGLES = 20
"""Texts this short (a headline, a photo caption) share too much by chance to be called copies."""
_SEED = 1

_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    """The text's word 3-grams, case and accents folded, punctuation and spacing ignored."""
    folded = unicodedata.normalize("NFKD", text)
    words = _WORD.findall("".join(ch for ch in folded if not unicodedata.combining(ch)).casefold())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(shingle_set: Iterable[str]) -> LeanMinHash:
    """The MinHash signature of a shingle set (seeded, so signatures from different runs compare)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED)
    minhash.update_batch([s.encode("utf-8") for s in shingle_set])
    return LeanMinHash(minhash)


def signature_bytes(sig: LeanMinHash) -> bytes:
    """The signature in datasketch's own serialised form (it records seed and scheme), for the store."""
    buffer = bytearray(sig.bytesize())
    sig.serialize(buffer)
    return bytes(buffer)


def signature_from_bytes(data: bytes) -> LeanMinHash:
    return LeanMinHash.deserialize(data)


@dataclass(frozen=True)
class Overlap:
    """How much of two texts' shingles they share: Jaccard, and containment of the smaller in the larger."""

    jaccard: float
    containment: float

    @property
    def is_copy(self) -> bool:
        return self.jaccard >= MIN_JACCARD or self.containment >= MIN_CONTAINMENT


def overlap(a: set[str], b: set[str]) -> Overlap:
    if len(a) < MIN_SHINGLES or len(b) < MIN_SHINGLES:
        return Overlap(1.0, 1.0) if a == b and a else Overlap(0.0, 0.0)
    shared = len(a & b)
    return Overlap(shared / len(a | b), shared / min(len(a), len(b)))


class DuplicateIndex:
    """Articles seen so far, to look up each new one's earlier copies.

    Keys are the caller's (article ids); `shingles_of` gives back an indexed article's shingles for the
    exact check, so the caller decides whether to keep them in memory or read texts again from the store.
    """

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)

    def add(self, key: str, sig: LeanMinHash) -> None:
        if key not in self._lsh:
            self._lsh.insert(key, sig)

    def copies_of(
        self, sig: LeanMinHash, shingle_set: set[str], shingles_of: Callable[[str], set[str]]
    ) -> list[tuple[str, Overlap]]:
        """Indexed articles that the text with these shingles copies (or is copied by), best overlap first."""
        found = []
        for key in sorted(self._lsh.query(sig)):
            measured = overlap(shingle_set, shingles_of(key))
            if measured.is_copy:
                found.append((key, measured))
        return sorted(found, key=lambda pair: (-pair[1].jaccard, pair[0]))

    def __contains__(self, key: str) -> bool:
        return key in self._lsh
