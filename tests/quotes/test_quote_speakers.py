"""Speakers of direct quotes in the shapes news puts beside a quotation, where the parse tears the cue
apart, and relative pronouns as the mention of a source. Sentences written for these tests (fictional
people), run through `analyze`."""

from __future__ import annotations

import functools

import pytest

from newsgraph.model import Analysis, Quote
from newsgraph.pipeline import analyze


@functools.cache
def analysed(text: str) -> Analysis:
    return analyze(text)


def only_speaker(text: str) -> str | None:
    """The name of the speaker of the text's one quote."""
    [quote] = analysed(text).quotes
    return quote.speaker.name if quote.speaker else None


def quote_with(text: str, words: str) -> Quote:
    [quote] = [q for q in analysed(text).quotes if words in q.text]
    return quote


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "''Anyone who talks about dividing people is a threat to the country,'' said Ralph L. Tumbrell, "
            "president of the A.F.L.-C.I.O.",
            "Ralph L. Tumbrell",
        ),
        (
            "''We finally may be seeing some wage acceleration,'' the economist Jared Bernholt, a former adviser "
            "in the Obama White House, wrote on his blog.",
            "Jared Bernholt",
        ),
        (
            "''The attacks draw us together,'' Ms. Merkel's spokesman, Steffen Seibold, wrote on Twitter.",
            "Steffen Seibold",
        ),
        (
            "“Elections are a choice,” political scientist Christopher Wlezak told Bloomberg in late May.",
            "Christopher Wlezak",
        ),
        ("“Cruz could win the general election in a landslide,” Viguera concludes.", "Viguera"),
        ("And Mr. Christo gloated: ''I told you he wouldn't be ready.''", "Christo"),
        (
            "“We each have our own opinion, but we are friends,” Jim Benedek, 57, told a voter passing by.",
            "Jim Benedek",
        ),
        (
            "''He is not Ted Kennedy,'' said Representative Peter Welland, Democrat of Vermont, who replaced "
            "Mr. Sanders in the House.",
            "Peter Welland",
        ),
        (
            "“They are very open to trying new things,” Jenna Goldring, Twitter’s director of political "
            "advertising, said of the campaign.",
            "Jenna Goldring",
        ),
        (
            '"He deserved it," the assailant, John McGrail, told the television program after the confrontation.',
            "John McGrail",
        ),
    ],
    ids=[
        "said-name-title",
        "description-name-aside-wrote",
        "owner-is-someone-else",
        "title-name-told",
        "name-concludes-tagged-a-noun",
        "gloated-colon",
        "name-age-told",
        "said-cut-off",
        "name-description-said-of",
        "description-name-told",
    ],
)
def test_the_speaker_beside_a_quotation_is_found_however_the_parser_tore_it(text: str, speaker: str) -> None:
    [quote] = [q for q in analysed(text).quotes if q.kind == "direct"]
    assert quote.speaker is not None and quote.speaker.name == speaker


def test_an_age_description_beside_a_question_is_its_speaker() -> None:
    text = "“What if he had elocution lessons?” the 43-year-old asked in the video description."
    [quote] = analysed(text).quotes
    assert quote.speaker is not None and text[quote.speaker.start : quote.speaker.end] == "the 43-year-old"


def test_a_new_speaker_s_own_report_after_a_closed_quote_is_not_the_quote_s_cue() -> None:
    text = '"We will have to wait and see." Ines Varga said she was unsure what had caused the injury.'
    assert quote_with(text, "wait and see").speaker is None


def test_a_relative_pronoun_is_the_mention_of_the_source_it_stands_for() -> None:
    text = "Jeff Weaving, who endorsed Clinton on Monday, said the race was over."
    stance = quote_with(text, "Clinton")
    assert stance.speaker is not None and stance.speaker.name == "Jeff Weaving"
    assert text[stance.speaker.start : stance.speaker.end] == "who"
    said = quote_with(text, "the race was over")
    assert said.speaker is not None and text[said.speaker.start : said.speaker.end] == "Jeff Weaving"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Democratic presidential candidate Sen. Bernard Sandell (I-Vt.) Saturday criticized the climate accord.",
            "Bernard Sandell",
        ),
        (
            "Fifty of the nation's top Republican security officers Monday said they are not voting for Trump.",
            "Fifty of the nation's top Republican security officers",
        ),
    ],
    ids=["name-aside-day", "group-day"],
)
def test_a_day_the_parser_took_for_the_subject_gives_way_to_the_phrase_before_it(text: str, speaker: str) -> None:
    [quote] = analysed(text).quotes
    assert quote.speaker is not None
    assert speaker in (quote.speaker.name, text[quote.speaker.start : quote.speaker.end])


def test_a_description_set_off_after_a_name_is_that_person_speaking() -> None:
    text = 'Meanwhile Owen Pritchard, Plaid Cymru farming spokesman, said: "Sheep prices have collapsed."'
    assert only_speaker(text) == "Owen Pritchard"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'The Opposition Spokesman for Fisheries and Ports, Owen Rhys, said: "Quotas were cut without warning."',
            "Owen Rhys",
        ),
        ('"The figures are worrying," said the bank\'s principal analyst Rui Tanaka.', "Rui Tanaka"),
    ],
    ids=["set-off-by-commas", "right-after"],
)
def test_a_name_in_apposition_to_a_describing_source_is_who_speaks(text: str, speaker: str) -> None:
    assert only_speaker(text) == speaker


def test_a_body_with_its_members_listed_after_it_stays_the_speaker() -> None:
    text = (
        "The cross-party committee, including Labour's Ana Costa and Tory Ben Hale, is confident its report "
        'will be adopted by a "clear majority".'
    )
    assert only_speaker(text) == "The cross-party committee"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Callao Fishing Cooperative expects a poor season. Smaller boats may stay in port, it said.",
            "Callao Fishing Cooperative",
        ),
        ("Norway rejected the proposal on Monday. It said the plan ignored the fishing quotas.", "Norway"),
        ("The survey found that most farmers had no insurance. It said the figures were provisional.", "It"),
        (
            "Costa's Chile, a memoir by a former envoy, describes years of quiet diplomacy. It said the talks "
            "had nearly failed twice.",
            "It",
        ),
        (
            "The Callao Fishing Cooperative expects a poor season. The storms continued. It said the boats "
            "would stay in port.",
            "It",
        ),
    ],
    ids=["organisation-before", "country-before", "a-survey-before", "a-book-with-an-owner", "another-subject-between"],
)
def test_a_speaking_it_is_the_body_that_was_the_subject_last(text: str, speaker: str) -> None:
    quote = analysed(text).quotes[-1]
    assert quote.speaker is not None and quote.speaker.name == speaker
