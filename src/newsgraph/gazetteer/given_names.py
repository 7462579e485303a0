"""Given names that tell a man from a woman, so that "she" never stands for Clive Owen.

Pronouns are resolved to the most salient person whose gender agrees; without this table the only
evidence of a person's gender was an honorific or a pronoun already resolved to them, and one wrong
"her" then led every later "she" astray. `given_names.tsv` beside this module lists given names that
in news almost always belong to one gender (facts, one a line); names common for both are left out,
and a name the table does not know says nothing.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Literal

from newsgraph.gazetteer.folding import fold

Gender = Literal["m", "f"]


def given_name_gender(name: str) -> Gender | None:
    """ "m" or "f" for a given name the table knows ("Imelda": "f", "Ségolène": "f"), else None."""
    return _names().get(fold(name))


@functools.cache
def _names() -> dict[str, Gender]:
    text = resources.files("newsgraph.gazetteer").joinpath("given_names.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {fold(name): ("m" if gender == "m" else "f") for name, gender in rows[1:]}
