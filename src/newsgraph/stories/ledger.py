"""Expectations against outcomes: what a story said would happen, and what came of it.

Every `future` event instance of a story (a meeting announced, a deal expected, a release promised) is
matched against the story's `asserted` and `negated` instances of the same type whose participants
agree with it wherever both name one, that were reported by a later article than the one that first
reported the expectation, and that are not dated before the day it was expected for:

- `confirmed`: it was later reported as having happened;
- `failed`: it was later reported as not having happened ("the talks did not produce a deal");
- `pending`: nothing yet.

Outcomes of the same act (CAMEO code: a visit for a planned visit, not the meeting that did not happen
during it) are preferred, then those on the day expected, then those naming more of the expected
parties ("Badji travelled to Bissau" over "Badji flew home"); among those, when both kinds of outcome
were reported, the latest report decides (a deal said to have collapsed and then signed a week later is
confirmed), because that is what a reader today should believe.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from newsgraph.stories.instances import EventInstance, participants_fit

Outcome = Literal["confirmed", "failed", "pending"]
OUTCOME_STATUS: dict[str, Outcome] = {"asserted": "confirmed", "negated": "failed"}


@dataclass
class Expectation:
    expected: EventInstance
    outcome: Outcome
    resolved_by: EventInstance | None = None


def ledger(instances: list[EventInstance]) -> list[Expectation]:
    """One entry per future instance, in the order the expectations were first reported."""
    entries = []
    for expected in instances:
        if expected.status != "future":
            continue
        outcomes = [
            other
            for other in instances
            if other.status in OUTCOME_STATUS
            and other.type == expected.type
            and _involves(other, expected)
            and _reported_after(other, expected)
            and not (expected.date and other.date and other.date < expected.date)
        ]
        if not outcomes:
            entries.append(Expectation(expected, "pending"))
            continue
        closest = max(_closeness(other, expected) for other in outcomes)
        latest = max((o for o in outcomes if _closeness(o, expected) == closest), key=_last_report)
        entries.append(Expectation(expected, OUTCOME_STATUS[latest.status], latest))
    return entries


def _involves(outcome: EventInstance, expected: EventInstance) -> bool:
    """The parties agree wherever both name one ("Badji will travel to Bissau" against "travelled to
    Bissau", whose traveller the coder did not find), and at least one is named in both."""
    return participants_fit(outcome.mentions[0], expected.mentions[0])


def _closeness(outcome: EventInstance, expected: EventInstance) -> tuple[bool, bool, int]:
    """The same act (CAMEO code) first, then on the day it was expected for ("will open talks on
    Monday": the talks held on Monday, not those of Wednesday), then how many of the expectation's named
    parties it names too."""
    shared = len({k for k in expected.participants if k} & {k for k in outcome.participants if k})
    on_the_day = expected.date is not None and outcome.date == expected.date
    return (outcome.cameo == expected.cameo, on_the_day, shared)


def _reported_after(outcome: EventInstance, expected: EventInstance) -> bool:
    """Some article after the one that first reported the expectation reports the outcome.

    An outcome in the same article is a different happening ("they met on Monday and will meet again").
    """
    first_expected = expected.first.report.sort_key()
    return any(mention.report.sort_key() > first_expected for mention in outcome.mentions)


def _last_report(instance: EventInstance) -> tuple:
    latest = max(instance.mentions, key=lambda m: (m.report.sort_key(), m.n))
    return (latest.report.sort_key(), latest.n)
