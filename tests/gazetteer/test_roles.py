"""The role table: lookups forgive case, hyphens, spelling and modifiers; the table is consistent."""

from __future__ import annotations

import pytest

from newsgraph.gazetteer.roles import KINDS, SECTORS, _key, find_role, role_patterns, roles


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Foreign Minister", "foreign minister"),
        ("minister of foreign affairs", "foreign minister"),
        ("Director-General", "director-general"),
        ("director general", "director-general"),
        ("Secretary General", "secretary-general"),
        ("acting president", "president"),
        ("former Prime Minister", "prime minister"),
        ("ex-president", "president"),
        ("deputy foreign minister", "foreign minister"),
        ("deputy prime minister", "deputy prime minister"),
        ("CEO", "chief executive"),
        ("chairwoman", "chairman"),
        ("MP", "member of parliament"),
    ],
)
def test_find_role(text: str, title: str) -> None:
    role = find_role(text)
    assert role is not None
    assert role.title == title


def test_spokeswoman_is_a_spokesperson_whose_sector_comes_from_the_affiliation() -> None:
    role = find_role("spokeswoman")
    assert role is not None
    assert role.title == "spokesperson"
    assert role.sector is None


def test_british_and_american_spelling_are_one_role() -> None:
    assert find_role("defense minister") == find_role("defence minister") == find_role("Minister of Defense")
    assert find_role("labor minister") == find_role("labour minister")


def test_senior_fellow_has_its_own_row() -> None:
    role = find_role("Senior Fellow")
    assert role is not None
    assert (role.title, role.sector, role.kind) == ("senior fellow", "EDU", "expert")


def test_unknown_text_and_a_leading_country_are_not_roles() -> None:
    assert find_role("banana") is None
    assert find_role("former") is None
    assert find_role("") is None
    assert find_role("Brazilian foreign minister") is None


def test_sectors_and_kinds_are_in_the_allowed_sets() -> None:
    for role in roles():
        assert role.sector is None or role.sector in SECTORS, role
        assert role.kind in KINDS, role


def test_no_surface_form_names_two_roles() -> None:
    owner: dict[str, str] = {}
    for role in roles():
        for name in (role.title, *role.aliases):
            key = _key(name)
            assert owner.setdefault(key, role.title) == role.title, f"{name!r} is on {owner[key]!r} and {role.title!r}"


def test_titles_are_unique_and_lower_case() -> None:
    titles = [role.title for role in roles()]
    assert len(titles) == len(set(titles))
    assert all(title == title.lower() for title in titles)


def test_role_patterns_are_lower_case_longest_first_with_variants() -> None:
    patterns = role_patterns()
    assert patterns == sorted(patterns, key=len, reverse=True)
    assert len(patterns) == len(set(patterns))
    assert all(pattern == pattern.lower() for pattern in patterns)
    for form in ("foreign minister", "defense minister", "defence minister", "director-general", "director general"):
        assert form in patterns
    assert all(find_role(pattern) is not None for pattern in patterns)
