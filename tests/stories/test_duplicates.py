"""Near copies: wire reprints with light edits are found; different reports of one event are not copies."""

from __future__ import annotations

from newsgraph.stories.duplicates import (
    DuplicateIndex,
    overlap,
    shingles,
    signature,
    signature_bytes,
    signature_from_bytes,
)

WIRE = (
    "Fishing crews in the southern port of Ilo returned to sea on Thursday after a two-week strike over fuel "
    "prices ended with a deal between the boat owners' association and the regional government.\n\n"
    "Under the agreement, the government will cover a third of the diesel cost for small boats until the end "
    "of the anchovy season, officials said. Owners of larger vessels are excluded from the subsidy.\n\n"
    "“We lost two weeks of catch, but we did not lose the argument,” said Julio Paredes, who leads the "
    "association. He said crews would meet again in June to review the deal.\n\n"
    "Processing plants along the coast had warned that they would lay off seasonal workers if the strike "
    "lasted into the next month."
)

REPRINT = (
    WIRE.replace("returned to sea", "went back to sea")
    .replace("two-week", "14-day")
    .replace("officials said", "officials told reporters")
    .rsplit("\n\n", 1)[0]
    + "\n\nThe port handles most of the region's fish exports."
)

OTHER_REPORT = (
    "The strike that kept Ilo's small fishing fleet in port for a fortnight is over. Boat owners accepted a "
    "diesel subsidy from the regional government on Wednesday night, and the first crews left before dawn.\n\n"
    "Julio Paredes, the owners' leader, called the deal a partial victory. Larger vessels get nothing, and the "
    "subsidy lapses when the anchovy season closes.\n\n"
    "Fish processors, who had threatened lay-offs, welcomed the end of the dispute."
)


def _copies(*texts: str) -> list[list[str]]:
    index, seen, found = DuplicateIndex(), {}, []
    for n, text in enumerate(texts):
        own = shingles(text)
        sig = signature(own)
        found.append([key for key, _ in index.copies_of(sig, own, seen.__getitem__)])
        seen[str(n)] = own
        index.add(str(n), sig)
    return found


def test_a_lightly_edited_reprint_is_a_copy_of_the_wire_story() -> None:
    assert _copies(WIRE, REPRINT) == [[], ["0"]]


def test_a_copy_cut_after_three_paragraphs_is_a_copy() -> None:
    shortened = "\n\n".join(WIRE.split("\n\n")[:3])
    measured = overlap(shingles(WIRE), shingles(shortened))
    assert measured.containment > 0.95 and measured.is_copy
    assert _copies(WIRE, shortened) == [[], ["0"]]


def test_another_outlets_report_of_the_same_event_is_not_a_copy() -> None:
    assert _copies(WIRE, OTHER_REPORT) == [[], []]
    assert not overlap(shingles(WIRE), shingles(OTHER_REPORT)).is_copy


def test_case_accents_and_punctuation_do_not_hide_a_copy() -> None:
    shouted = WIRE.upper().replace("“", '"').replace("”", '"').replace(",", "")
    assert shingles(shouted) == shingles(WIRE)
    assert shingles("Ibáñez said") == shingles("IBANEZ SAID")


def test_very_short_texts_are_only_copies_when_identical() -> None:
    assert not overlap(
        shingles("Talks resume in Lima on Monday."), shingles("Talks resume in Quito on Monday.")
    ).is_copy
    assert overlap(shingles("Talks resume in Lima."), shingles("Talks resume in Lima.")).is_copy


def test_a_signature_survives_the_store() -> None:
    sig = signature(shingles(WIRE))
    assert signature_from_bytes(signature_bytes(sig)).jaccard(sig) == 1.0
