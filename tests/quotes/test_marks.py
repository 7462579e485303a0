"""Quotation marks found from the characters alone (`quoted_spans`), on news sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.quotes.marks import quoted_spans


def quoted(text: str) -> list[list[str]]:
    """The words of every quotation, one list of paragraph parts per quotation."""
    return [[text[s:e] for s, e in span.parts] for span in quoted_spans(text)]


@pytest.mark.parametrize(
    "text",
    [
        'The harbourmaster said "the port is closed to tankers" until further notice.',
        "The harbourmaster said “the port is closed to tankers” until further notice.",
        "The harbourmaster said « the port is closed to tankers » until further notice.",
        "The harbourmaster said «the port is closed to tankers» until further notice.",
        "The harbourmaster said „the port is closed to tankers” until further notice.",
        "The harbourmaster said ''the port is closed to tankers'' until further notice.",
    ],
    ids=["straight", "curly", "guillemets-spaced", "guillemets-tight", "low-nine", "two-apostrophes"],
)
def test_every_double_quotation_style(text: str) -> None:
    [span] = quoted_spans(text)
    assert [text[s:e] for s, e in span.parts] == ["the port is closed to tankers"]
    assert span.closed
    assert text[span.outer[0]] in "\"“«„'" and text[span.outer[1] - 1] in "\"”»'"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "'The lorries won't stop for anyone,' said Gareth Pryce, who runs the village shop. "
            "'We've asked the council for a bypass since 2019.'",
            [["The lorries won't stop for anyone"], ["We've asked the council for a bypass since 2019."]],
        ),
        (
            "‘The lorries won’t stop for anyone,’ said Gareth Pryce, who runs the village shop. "
            "‘We’ve asked the council for a bypass since 2019.’",
            [["The lorries won’t stop for anyone"], ["We’ve asked the council for a bypass since 2019."]],
        ),
    ],
    ids=["straight", "curly"],
)
def test_single_quotes_are_quotes_in_british_style_text(text: str, words: list[list[str]]) -> None:
    assert quoted(text) == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "\"When the governor told us 'the money is on its way,' we believed him,\" said Samuel Mensah.",
            "When the governor told us 'the money is on its way,' we believed him",
        ),
        (
            "“When the governor told us ‘the money is on its way,’ we believed him,” said Samuel Mensah.",
            "When the governor told us ‘the money is on its way,’ we believed him",
        ),
    ],
    ids=["straight", "curly"],
)
def test_single_quotes_nested_in_double_stay_inside_the_outer_quote(text: str, words: str) -> None:
    assert quoted(text) == [[words]]


def test_apostrophes_in_a_text_with_double_quotes_are_not_quotes() -> None:
    text = (
        "The farmers' union doesn't trust the country's banks, which failed them in the '90s. "
        '"We haven\'t forgotten," its leader said.'
    )
    assert quoted(text) == [["We haven't forgotten"]]


@pytest.mark.parametrize(
    "text",
    [
        "The farmers don't trust the country's banks or the growers' co-operative.",
        "The farmers don’t trust the country’s banks, which failed them in the ’90s.",
        "The farmers' union said the country's banks had not lent to growers since the crisis.",
    ],
    ids=["contractions-possessives", "curly-decade", "plural-possessive"],
)
def test_apostrophes_in_a_text_without_double_quotes_are_not_quotes(text: str) -> None:
    assert quoted_spans(text) == []


def test_straight_decade_apostrophe_is_not_a_quote() -> None:
    text = "The farmers don't trust the country's banks, which failed them in the '90s."
    assert quoted_spans(text) == []


def test_british_quote_next_to_apostrophes_is_found_alone() -> None:
    text = "The growers' co-operative hasn't paid since March. 'We can't wait another season,' its chairman said."
    assert quoted(text) == [["We can't wait another season"]]


def test_repeated_opening_mark_ends_the_first_quote_and_starts_another() -> None:
    text = '"Our door stays open. "Call us any time," the minister said.'
    first, second = quoted_spans(text)
    assert [text[s:e] for s, e in first.parts] == ["Our door stays open."]
    assert not first.closed
    assert [text[s:e] for s, e in second.parts] == ["Call us any time"]
    assert second.closed
    assert first.outer[1] <= second.outer[0]


def test_missing_closing_mark_ends_with_its_paragraph() -> None:
    text = (
        'Hannah Weller said: "We have waited long enough and we are not going back until the board listens\n\n'
        "The union's members voted on Thursday, and the result will be announced on Monday."
    )
    [span] = quoted_spans(text)
    assert quoted(text) == [["We have waited long enough and we are not going back until the board listens"]]
    assert not span.closed
    assert span.outer[1] <= text.index("\n")


def test_quote_over_several_paragraphs_is_one_quotation_with_a_part_per_paragraph() -> None:
    text = (
        '"The first thing the camps need is clean water, and we are still short of tankers.\n\n'
        '"The second is shelter before the rains come back.\n\n'
        '"And the third is time, which nobody here has," said Ibrahim Sesay, the relief coordinator.'
    )
    [span] = quoted_spans(text)
    assert [text[s:e] for s, e in span.parts] == [
        "The first thing the camps need is clean water, and we are still short of tankers.",
        "The second is shelter before the rains come back.",
        "And the third is time, which nobody here has",
    ]
    assert span.closed
    assert span.outer == (0, text.index(" said"))


def test_unclosed_quote_runs_on_only_into_a_paragraph_that_opens_with_a_mark() -> None:
    runs_on = '"The talks are over for this year.\n\n"We will try again in January," Jonas Lind said.'
    stops = (
        '"The talks are over for this year.\n\nJonas Lind said the delegation would "try again in January" '
        "after the holidays."
    )
    assert quoted(runs_on) == [["The talks are over for this year.", "We will try again in January"]]
    assert quoted(stops) == [["The talks are over for this year."], ["try again in January"]]
    assert not quoted_spans(stops)[0].closed


def test_closed_quotes_in_consecutive_paragraphs_stay_separate() -> None:
    text = '"The talks are over for this year," Jonas Lind said.\n\n"We will try again in January," he added.'
    assert quoted(text) == [["The talks are over for this year"], ["We will try again in January"]]


def test_parts_lie_inside_the_marks_and_the_text() -> None:
    text = (
        "“Neither side wants to blink,” said Lena Fischer. “Not before the election.”\n\n"
        '"Nobody expects a deal in March.\n\n'
        '"Or in April," she added. The so-called «ironclad» alliance is older than both governments.'
    )
    spans = quoted_spans(text)
    assert len(spans) == 4
    for span in spans:
        assert 0 <= span.outer[0] < span.outer[1] <= len(text)
        for start, end in span.parts:
            assert span.outer[0] < start < end <= span.outer[1]
            assert text[start:end] == text[start:end].strip()


def test_a_closing_mark_typed_at_the_start_of_a_quote_opens_it() -> None:
    text = "Readers wrote in.\n\n”The quota is unfair. Our boats stay in port.” ― Marta Ruiz"
    assert quoted(text) == [["The quota is unfair. Our boats stay in port."]]


def test_each_turn_of_a_quoted_transcript_is_its_own_quote_without_the_speakers_name() -> None:
    text = (
        'The interview was broadcast on Sunday.\n\n"HOST: Will the minister resign?\n\n'
        '"HALVORSEN: No. He has our full support.\n\n"HOST: Then who pays for the ferries?'
    )
    assert quoted(text) == [
        ["Will the minister resign?"],
        ["No. He has our full support."],
        ["Then who pays for the ferries?"],
    ]
