"""Given names that tell a man from a woman, and the ones that do not."""

from __future__ import annotations

import pytest

from newsgraph.gazetteer.given_names import given_name_gender


@pytest.mark.parametrize(
    ("name", "gender"),
    [("Imelda", "f"), ("Ségolène", "f"), ("SEGOLENE", "f"), ("Clive", "m"), ("Pervez", "m")],
)
def test_a_given_name_the_table_knows_has_its_gender_whatever_the_accents_and_case(name: str, gender: str) -> None:
    assert given_name_gender(name) == gender


@pytest.mark.parametrize("name", ["Jordan", "Andrea", "Jean", "Robin", "Kim", "Costa", ""])
def test_a_name_common_for_both_or_no_given_name_says_nothing(name: str) -> None:
    assert given_name_gender(name) is None
