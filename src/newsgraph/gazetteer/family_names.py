"""Family names written before the given name, so that an honorific's surname can be a name's first word.

"Mr Wang" after "Wang Yan" is the same person, where "Mr Howard" after "Howard Flight" is not: in
Chinese, Korean and Vietnamese usage the family name comes first. `family_names.tsv` beside this module
lists the common ones (facts, one a line).
"""

from __future__ import annotations

import functools
from importlib import resources


def comes_first(name: str) -> bool:
    """Whether `name` is a family name written before the given name ("Wang", "Kim", "Nguyen")."""
    return name in _names()


@functools.cache
def _names() -> frozenset[str]:
    text = resources.files("newsgraph.gazetteer").joinpath("family_names.tsv").read_text(encoding="utf-8")
    rows = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return frozenset(rows[1:])
