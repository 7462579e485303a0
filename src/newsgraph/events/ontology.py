"""The event ontology: CAMEO codes with GDELT's Goldstein scores and QuadClass, and their PLOVER type.

Two tables ship beside this module, kept apart because their licences differ:

* `cameo.tsv` (facts from GDELT's CAMEO lookups): `code<TAB>name<TAB>goldstein<TAB>quad_class`, one row
  per CAMEO event code, the 20 two-digit roots and every three- and four-digit code under them. Codes are
  strings with their leading zero ("040"), because that zero is part of the code: "40" is no code at all.
* `plover.tsv` (CC BY-SA 4.0, from PLOVER's CAMEO2PLOVER-2021 table):
  `cameo<TAB>plover_type<TAB>mode<TAB>context`, contexts separated by `|`. Not every code has a row:
  PLOVER dropped CAMEO's 01 (make public statement) and 02 (appeal), and a code the table does not list
  (GDELT's 106, "Demand withdrawal") takes its parent's or root's coding through `plover_for`.

The output contract (DESIGN.md) carries `type` from PLOVER and `cameo`, `goldstein`, `quad_class` from
GDELT's tables, so a coder that settles on a CAMEO code gets all four fields from here.

Lines starting with `#` are comments (the tables say where their facts come from). A malformed row raises
`OntologyError` naming the file and line: the tables ship with the package, so that is a bug to fix in
the table, not a user error.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

# PLOVER's event types in the manual's order: cooperation first, then conflict, from words to force.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
# Types of PLOVER 0.5 (2016), which older gold data such as the PLOVER GSR records use, and the
# current type each became: INVESTIGATE is now a mode of ACCUSE and FIGHT is folded into ASSAULT.
PLOVER_05_NAMES: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

_CAMEO_COLUMNS = ("code", "name", "goldstein", "quad_class")
_PLOVER_COLUMNS = ("cameo", "plover_type", "mode", "context")


class OntologyError(ValueError):
    """A shipped ontology table has a bad row; the message names the file and the line."""


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code. `root` is its two-digit root ("04" for "042"; a root is its own root)."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    root: str


@dataclass(frozen=True)
class PloverMapping:
    """The PLOVER coding of a CAMEO code. `cameo` is the code of the row that gave it, which is the
    parent or root of the code asked about when `plover_for` had to fall back."""

    cameo: str
    type: str
    mode: str | None
    context: tuple[str, ...]


@functools.cache
def cameo_codes() -> tuple[CameoCode, ...]:
    """Every CAMEO code in table order (each root followed by the codes under it)."""
    return _parse_cameo(_shown("cameo.tsv"), _read("cameo.tsv"))


def cameo(code: str) -> CameoCode | None:
    """The CAMEO code `code` ("040", "1823"), else None. Leading zeros count: "40" is not "040"."""
    return _cameo_index().get(code.strip())


def cameo_ancestor(code: str) -> str | None:
    """The longest start of a code outside CAMEO that CAMEO has ("1717" is under 171, "174K" under 174,
    "095" under root 09), else None ("345", "903"): what a user's own code refines."""
    code = code.strip()
    return next((code[:size] for size in (3, 2) if len(code) > size and cameo(code[:size]) is not None), None)


@functools.cache
def plover_mappings() -> tuple[PloverMapping, ...]:
    """Every row of plover.tsv in table order: only the codes PLOVER's table maps, with no fallback."""
    return _parse_plover(_shown("plover.tsv"), _read("plover.tsv"), frozenset(_cameo_index()))


def plover_for(cameo_code: str) -> PloverMapping | None:
    """The PLOVER type, mode and context of a CAMEO code, else None.

    A code without a row of its own takes its three-digit parent's row, then its root's, because CAMEO's
    sub-codes refine the parent's action and PLOVER's table leaves some of them out ("0874" has its own
    row, "106" takes "10"'s). A code that is not in cameo.tsv gets None rather than a guess from its
    digits, and so do the codes under roots 01 and 02, which PLOVER does not code.
    """
    code = cameo_code.strip()
    if code not in _cameo_index():
        return None
    index = _plover_index()
    for candidate in dict.fromkeys((code, code[:3], code[:2])):
        mapping = index.get(candidate)
        if mapping is not None:
            return mapping
    return None


@functools.cache
def _cameo_index() -> dict[str, CameoCode]:
    return {row.code: row for row in cameo_codes()}


@functools.cache
def _plover_index() -> dict[str, PloverMapping]:
    return {row.cameo: row for row in plover_mappings()}


def _parse_cameo(filename: str, text: str) -> tuple[CameoCode, ...]:
    """The rows of a cameo.tsv text, checked; separate from `cameo_codes` so tests can feed bad tables."""
    rows: dict[str, CameoCode] = {}
    for where, (code, name, goldstein, quad_class) in _rows(filename, text, _CAMEO_COLUMNS):
        if not (code.isdigit() and 2 <= len(code) <= 4):
            raise OntologyError(f"{where}: code {code!r} is not 2 to 4 digits")
        if not name:
            raise OntologyError(f"{where}: code {code} has no name")
        try:
            score = float(goldstein)
            quad = int(quad_class)
        except ValueError:
            raise OntologyError(
                f"{where}: goldstein {goldstein!r} or quad_class {quad_class!r} is not a number"
            ) from None
        if not -10.0 <= score <= 10.0:
            raise OntologyError(f"{where}: goldstein {score} is outside [-10, 10]")
        if quad != _quad_class_of_root(code[:2]):
            raise OntologyError(f"{where}: quad_class {quad} does not match root {code[:2]}")
        if code in rows:
            raise OntologyError(f"{where}: code {code} appears twice")
        rows[code] = CameoCode(code, name, score, quad, code[:2])
    return tuple(rows.values())


def _parse_plover(filename: str, text: str, known: frozenset[str]) -> tuple[PloverMapping, ...]:
    """The rows of a plover.tsv text, checked against PLOVER_TYPES and the `known` CAMEO codes."""
    rows: dict[str, PloverMapping] = {}
    for where, (code, plover_type, mode, context) in _rows(filename, text, _PLOVER_COLUMNS):
        if code not in known:
            raise OntologyError(f"{where}: {code!r} is not a code in cameo.tsv")
        if plover_type not in PLOVER_TYPES:
            raise OntologyError(f"{where}: {plover_type!r} is not a PLOVER type")
        if code in rows:
            raise OntologyError(f"{where}: code {code} appears twice")
        contexts = tuple(part.strip() for part in context.split("|") if part.strip())
        rows[code] = PloverMapping(code, plover_type, mode or None, contexts)
    return tuple(rows.values())


def _quad_class_of_root(root: str) -> int | None:
    """GDELT's QuadClass of a root: 1 verbal cooperation (01-05), 2 material cooperation (06-09),
    3 verbal conflict (10-14), 4 material conflict (15-20); None for a root CAMEO does not have."""
    number = int(root)
    for quad, last in ((1, 5), (2, 9), (3, 14), (4, 20)):
        if 1 <= number <= last:
            return quad
    return None


def _shown(filename: str) -> str:
    """How errors name a table: its path inside the package, which is also its path under src/."""
    return f"{__package__.replace('.', '/')}/{filename}"


def _read(filename: str) -> str:
    return resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")


def _rows(filename: str, text: str, columns: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """The data rows of a table as ("file:line", fields), after checking the header.

    Comment and blank lines are skipped; the first other line must be the header naming `columns`.
    """
    rows: list[tuple[str, tuple[str, ...]]] = []
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{filename}:{number}"
        fields = tuple(line.split("\t"))
        if not header_seen:
            if fields != columns:
                raise OntologyError(f"{where}: header should be {'<TAB>'.join(columns)}, got {line!r}")
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise OntologyError(f"{where}: expected {len(columns)} tab-separated fields, got {len(fields)}: {line!r}")
        rows.append((where, tuple(field.strip() for field in fields)))
    if not header_seen:
        raise OntologyError(f"{filename}: no header line")
    return rows
