"""The expectations ledger: each plan or expectation is confirmed, failed or still pending."""

from __future__ import annotations

from newsgraph.stories.instances import EventMention, Report, merge_events
from newsgraph.stories.ledger import ledger

MONDAY = Report("a1", "2024-03-04", "Andes Courier", 1)
WEDNESDAY = Report("a2", "2024-03-06", "Meridian Post", 2)
FRIDAY = Report("a3", "2024-03-08", "Pacific Ledger", 3)


def signing(report: Report, status: str, n: int = 0, date: str | None = None, **fields) -> EventMention:  # type: ignore[no-untyped-def]
    values = {
        "type": "SUPPORT",
        "cameo": "057",
        "actor": "Peru",
        "actor_country": "PER",
        "recipient": "Chile",
        "recipient_country": "CHL",
        "trigger": "sign",
    }
    values.update(fields)
    return EventMention(report=report, n=n, status=status, date=date, **values)


def outcomes(*mentions: EventMention) -> list[tuple[str, str | None]]:
    entries = ledger(merge_events(mentions))
    return [(e.outcome, e.resolved_by.status if e.resolved_by else None) for e in entries]


def test_a_signing_expected_on_monday_and_reported_on_friday_is_confirmed() -> None:
    assert outcomes(signing(MONDAY, "future", date="2024-03-07"), signing(FRIDAY, "asserted", date="2024-03-07")) == [
        ("confirmed", "asserted")
    ]


def test_a_signing_later_said_not_to_have_happened_failed() -> None:
    assert outcomes(signing(MONDAY, "future"), signing(WEDNESDAY, "negated")) == [("failed", "negated")]


def test_nothing_reported_since_leaves_it_pending() -> None:
    assert outcomes(signing(MONDAY, "future"), signing(WEDNESDAY, "asserted", type="CONSULT", cameo="040")) == [
        ("pending", None)
    ]


def test_the_latest_report_decides() -> None:
    mentions = (signing(MONDAY, "future"), signing(WEDNESDAY, "negated"), signing(FRIDAY, "asserted"))
    assert outcomes(*mentions) == [("confirmed", "asserted")]


def test_an_outcome_must_come_from_a_later_article_and_not_before_the_planned_day() -> None:
    same_article = (signing(MONDAY, "future", 0, date="2024-03-07"), signing(MONDAY, "asserted", 1, date="2024-03-01"))
    assert outcomes(*same_article) == [("pending", None)]
    earlier_day = (signing(MONDAY, "future", date="2024-03-07"), signing(FRIDAY, "asserted", date="2024-03-02"))
    assert outcomes(*earlier_day) == [("pending", None)]


def test_an_outcome_naming_more_parties_still_counts() -> None:
    release = {"type": "CONCEDE", "cameo": "081", "actor": "Laos", "actor_country": "LAO", "trigger": "release"}
    expected = signing(MONDAY, "future", **release, recipient=None, recipient_country=None)
    happened = signing(FRIDAY, "asserted", **{**release, "recipient": "Cambodia", "recipient_country": "KHM"})
    assert outcomes(expected, happened) == [("confirmed", "asserted")]


def test_a_plan_for_a_day_is_decided_by_what_happened_that_day() -> None:
    planned = signing(MONDAY, "future", date="2024-03-05")
    on_the_day = signing(WEDNESDAY, "asserted", date="2024-03-05")
    another_day = signing(FRIDAY, "asserted", 1, date="2024-03-07")
    [entry] = ledger(merge_events([planned, on_the_day, another_day]))
    assert (entry.outcome, entry.resolved_by.date if entry.resolved_by else None) == ("confirmed", "2024-03-05")
