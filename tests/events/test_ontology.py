"""The event ontology: CAMEO codes, their Goldstein scores and QuadClass, and the PLOVER mapping."""

from __future__ import annotations

import pytest

from newsgraph.events.ontology import (
    PLOVER_05_NAMES,
    PLOVER_TYPES,
    CameoCode,
    OntologyError,
    _parse_cameo,
    _parse_plover,
    cameo,
    cameo_codes,
    plover_for,
    plover_mappings,
)

_QUAD_BY_ROOT = {
    f"{root:02d}": (1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4) for root in range(1, 21)
}


def test_the_table_has_every_root_and_code() -> None:
    codes = [row.code for row in cameo_codes()]
    assert len(codes) == len(set(codes)) == 311
    assert [code for code in codes if len(code) == 2] == list(_QUAD_BY_ROOT)
    assert sum(len(code) == 3 for code in codes) == 147
    assert sum(len(code) == 4 for code in codes) == 144


def test_every_code_sits_under_a_root_and_parent_in_the_table() -> None:
    for row in cameo_codes():
        assert row.root == row.code[:2]
        assert cameo(row.root) is not None, row.code
        if len(row.code) == 4:
            assert cameo(row.code[:3]) is not None, row.code


def test_quad_class_follows_the_root_and_goldstein_is_in_range() -> None:
    for row in cameo_codes():
        assert row.quad_class == _QUAD_BY_ROOT[row.root], row.code
        assert -10.0 <= row.goldstein <= 10.0, row.code
        assert isinstance(row.goldstein, float)


def test_names_are_clean_sentence_case() -> None:
    for row in cameo_codes():
        assert row.name[0].isupper() and row.name == " ".join(row.name.split()), row.code
        assert not row.name.isupper(), row.code
        assert ":" not in row.name and "[" not in row.name, row.code


@pytest.mark.parametrize(
    ("code", "name", "goldstein", "quad_class"),
    [
        ("01", "Make public statement", 0.0, 1),
        ("040", "Consult, not specified below", 1.0, 1),
        ("042", "Make a visit", 1.9, 1),
        ("057", "Sign formal agreement", 8.0, 1),
        ("0874", "Retreat or surrender militarily", 10.0, 2),
        ("106", "Demand withdrawal", -5.0, 3),
        ("1056", "Demand de-escalation of military engagement", -5.0, 3),
        ("190", "Use conventional military force, not specified below", -10.0, 4),
        ("2042", "Detonate nuclear weapons", -10.0, 4),
    ],
)
def test_known_codes(code: str, name: str, goldstein: float, quad_class: int) -> None:
    assert cameo(code) == CameoCode(code, name, goldstein, quad_class, code[:2])


def test_codes_are_exact_strings() -> None:
    assert cameo(" 040 ") == cameo("040")
    assert cameo("40") is None
    assert cameo("999") is None
    assert cameo("") is None


def test_plover_types_are_the_sixteen_current_ones() -> None:
    assert len(PLOVER_TYPES) == len(set(PLOVER_TYPES)) == 16
    assert PLOVER_TYPES[0] == "AGREE" and PLOVER_TYPES[-1] == "ASSAULT"
    assert set(PLOVER_05_NAMES.values()) <= set(PLOVER_TYPES)
    assert not set(PLOVER_05_NAMES) & set(PLOVER_TYPES)


def test_every_mapping_uses_a_plover_type_and_a_known_code() -> None:
    mappings = plover_mappings()
    assert len(mappings) == 271
    for mapping in mappings:
        assert mapping.type in PLOVER_TYPES, mapping.cameo
        assert cameo(mapping.cameo) is not None, mapping.cameo
        assert all(mapping.context), mapping.cameo
        assert mapping.mode is None or (mapping.mode and mapping.mode == mapping.mode.strip()), mapping.cameo
    # Every PLOVER type is reached by some CAMEO code (CONCEDE only below root 08, which maps to RETREAT).
    assert {mapping.type for mapping in mappings} == set(PLOVER_TYPES)


def test_exact_mappings() -> None:
    assert plover_for("042") == plover_for("042 ")
    mapping = plover_for("042")
    assert mapping is not None
    assert (mapping.cameo, mapping.type, mapping.mode, mapping.context) == ("042", "CONSULT", "visit", ())
    mapping = plover_for("0874")
    assert mapping is not None
    assert (mapping.cameo, mapping.type, mapping.mode, mapping.context) == ("0874", "RETREAT", "disarm", ("military",))
    mapping = plover_for("094")
    assert mapping is not None
    assert mapping.context == ("military", "legal")


def test_plover_for_falls_back_to_the_parent_then_the_root() -> None:
    # 106 (GDELT's "Demand withdrawal") has no row in PLOVER's table and takes root 10's.
    mapping = plover_for("106")
    assert mapping is not None
    assert (mapping.cameo, mapping.type) == ("10", "REQUEST")
    # A four-digit code without a row of its own takes its three-digit parent's row, else the root's.
    rows = {mapping.cameo for mapping in plover_mappings()}
    for row in cameo_codes():
        mapping = plover_for(row.code)
        if row.code in rows:
            assert mapping is not None and mapping.cameo == row.code
            continue
        expected = next((code for code in (row.code[:3], row.code[:2]) if code in rows), None)
        assert (mapping.cameo if mapping else None) == expected, row.code


def test_fallback_from_four_digits_goes_to_the_parent_first(monkeypatch: pytest.MonkeyPatch) -> None:
    # The shipped table maps every four-digit code it reaches, so a smaller table shows the 4 -> 3 step.
    from newsgraph.events import ontology

    table = "cameo\tplover_type\tmode\tcontext\n08\tRETREAT\t\t\n087\tRETREAT\tdisarm\tmilitary\n"
    mappings = _parse_plover("test.tsv", table, frozenset(row.code for row in cameo_codes()))
    monkeypatch.setattr(ontology, "_plover_index", lambda: {mapping.cameo: mapping for mapping in mappings})
    used = {}
    for code in ("0874", "087", "0861", "086", "08"):
        mapping = plover_for(code)
        used[code] = mapping.cameo if mapping else None
    assert used == {"0874": "087", "087": "087", "0861": "08", "086": "08", "08": "08"}


def test_statements_and_appeals_have_no_plover_type() -> None:
    assert plover_for("01") is None
    assert plover_for("010") is None
    assert plover_for("0211") is None
    assert plover_for("999") is None
    assert plover_for("40") is None


def test_roots_and_their_plover_types() -> None:
    expected = {
        "03": "AGREE",
        "04": "CONSULT",
        "05": "SUPPORT",
        "06": "COOPERATE",
        "07": "AID",
        "09": "ACCUSE",
        "10": "REQUEST",
        "11": "ACCUSE",
        "12": "REJECT",
        "13": "THREATEN",
        "14": "PROTEST",
        "15": "MOBILIZE",
        "16": "SANCTION",
        "17": "COERCE",
        "18": "ASSAULT",
        "19": "ASSAULT",
        "20": "ASSAULT",
    }
    for root, plover_type in expected.items():
        mapping = plover_for(root)
        assert mapping is not None and mapping.type == plover_type, root


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("code\tname\n", "x.tsv:1: header should be"),
        ("# comment\ncode\tname\tgoldstein\tquad_class\n040\tConsult\t1.0\n", "x.tsv:3: expected 4"),
        ("code\tname\tgoldstein\tquad_class\n40\tConsult\tone\t1\n", "x.tsv:2: goldstein 'one'"),
        ("code\tname\tgoldstein\tquad_class\n040\tConsult\t11.0\t1\n", "x.tsv:2: goldstein 11.0 is outside"),
        ("code\tname\tgoldstein\tquad_class\n040\tConsult\t1.0\t3\n", "x.tsv:2: quad_class 3 does not match root 04"),
        ("code\tname\tgoldstein\tquad_class\n04a\tConsult\t1.0\t1\n", "x.tsv:2: code '04a'"),
        ("code\tname\tgoldstein\tquad_class\n04\tConsult\t1.0\t1\n\n04\tConsult\t1.0\t1\n", "x.tsv:4: code 04 appears"),
        ("# only a comment\n", "x.tsv: no header"),
    ],
)
def test_a_bad_cameo_row_names_the_file_and_line(table: str, message: str) -> None:
    with pytest.raises(OntologyError, match=message.replace("(", r"\(")):
        _parse_cameo("x.tsv", table)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("cameo\tplover_type\tmode\tcontext\n040\tMEET\t\t\n", "y.tsv:2: 'MEET' is not a PLOVER type"),
        ("cameo\tplover_type\tmode\tcontext\n40\tCONSULT\t\t\n", "y.tsv:2: '40' is not a code in cameo.tsv"),
        ("cameo\tplover_type\tmode\tcontext\n040\tCONSULT\t\n", "y.tsv:2: expected 4"),
    ],
)
def test_a_bad_plover_row_names_the_file_and_line(table: str, message: str) -> None:
    with pytest.raises(OntologyError, match=message):
        _parse_plover("y.tsv", table, frozenset({"040"}))


def test_the_shipped_tables_name_their_sources() -> None:
    from importlib import resources

    folder = resources.files("newsgraph.events")
    cameo_head = folder.joinpath("cameo.tsv").read_text(encoding="utf-8").split("\ncode\t")[0]
    assert "GDELT" in cameo_head and "Gerner" in cameo_head
    plover_head = folder.joinpath("plover.tsv").read_text(encoding="utf-8").split("\ncameo\t")[0]
    assert "CC BY-SA 4.0" in plover_head and "https://creativecommons.org/licenses/by-sa/4.0/" in plover_head
