"""Relative dates read against the publication day, the way newsrooms write them."""

from __future__ import annotations

from datetime import date

from newsgraph.nlp.dates import find_dates, resolve

WEDNESDAY = date(2024, 3, 6)


def test_weekdays_count_back_in_reports_and_forward_in_announcements() -> None:
    assert resolve("on Monday", WEDNESDAY) == date(2024, 3, 4)
    assert resolve("Monday", WEDNESDAY, future=True) == date(2024, 3, 11)
    assert resolve("on Wednesday", WEDNESDAY) == WEDNESDAY
    assert resolve("Thursday", WEDNESDAY) == date(2024, 2, 29)
    assert resolve("Thursday", WEDNESDAY, future=True) == date(2024, 3, 7)
    assert resolve("Wednesday morning", WEDNESDAY) == WEDNESDAY


def test_relative_days_and_explicit_dates() -> None:
    assert resolve("yesterday", WEDNESDAY) == date(2024, 3, 5)
    assert resolve("tomorrow", WEDNESDAY) == date(2024, 3, 7)
    assert resolve("two days ago", WEDNESDAY) == date(2024, 3, 4)
    assert resolve("March 4", WEDNESDAY) == date(2024, 3, 4)
    assert resolve("4 March", WEDNESDAY, future=True) == date(2024, 3, 4)
    assert resolve("December 30", date(2024, 1, 3)) == date(2023, 12, 30)
    assert resolve("March 4, 2021", WEDNESDAY) == date(2021, 3, 4)


def test_expressions_are_found_with_offsets_and_vague_ones_name_no_day() -> None:
    text = (
        "Negotiators met on Monday and again yesterday. Talks resume next Tuesday. "
        "Officials said last month that a decision would come in December."
    )
    found = {e.text: e for e in find_dates(text, WEDNESDAY)}
    assert found["on Monday"].date == date(2024, 3, 4)
    assert text[found["yesterday"].start : found["yesterday"].end] == "yesterday"
    assert found["next Tuesday"].date == date(2024, 3, 12)
    assert found["last month"].granularity == "month" and found["last month"].date is None
    assert found["in December"].granularity == "month" and found["in December"].date is None


def test_without_a_publication_date_nothing_is_resolved() -> None:
    assert [e.date for e in find_dates("The envoy arrived on Monday.", None)] == [None]
