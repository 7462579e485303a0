"""Speakers of direct quotes in the shapes news puts beside a quotation, where the parse tears the cue
apart, and relative pronouns as the mention of a source. Sentences written for these tests (fictional
people), run through `analyze`."""

from __future__ import annotations

import functools

import pytest

from newsgraph.model import Analysis, Quote
from newsgraph.pipeline import analyze
from newsgraph.quotes import _sentence_around
from newsgraph.quotes.marks import quoted_spans


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
            "''No mine will close while I am in charge,'' said Rosa M. Quintana, "
            "president of the Andean Miners' Federation.",
            "Rosa M. Quintana",
        ),
        (
            "''Prices may at last be starting to cool,'' the analyst Tomas Arriaga, a former official "
            "at the Bank of Chile, wrote on his website.",
            "Tomas Arriaga",
        ),
        (
            "''The floods have united the region,'' Mr. Ortega's spokeswoman, Elena Vidal, wrote on Twitter.",
            "Elena Vidal",
        ),
        (
            "“Turnout decides everything,” pollster Marisol Ibarra told Reuters in early June.",
            "Marisol Ibarra",
        ),
        ("“Ruiz could take the whole south by a wide margin,” Paredes concludes.", "Paredes"),
        ("And Mr. Lozano scoffed: ''I said the plan would never work.''", "Lozano"),
        (
            "“We disagree on taxes, but we still share a table,” Rita Molina, 63, told a shopper nearby.",
            "Rita Molina",
        ),
        (
            "''She is no ordinary newcomer,'' said Senator Hugo Barrios, Republican of Idaho, who took over "
            "the seat in 2010.",
            "Hugo Barrios",
        ),
        (
            "“They want to try every new format,” Lara Pinto, the network’s head of political "
            "programming, said of the party.",
            "Lara Pinto",
        ),
        (
            '"He had it coming," the attacker, Luis Carrera, told the radio station after the fight.',
            "Luis Carrera",
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
    text = "“Why not try singing lessons?” the 37-year-old asked in the post that went with the clip."
    [quote] = analysed(text).quotes
    assert quote.speaker is not None and text[quote.speaker.start : quote.speaker.end] == "the 37-year-old"


def test_a_new_speaker_s_own_report_after_a_closed_quote_is_not_the_quote_s_cue() -> None:
    text = '"We can only hope the rain stops." Ines Varga said she did not know why the bridge had failed.'
    assert quote_with(text, "rain stops").speaker is None


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
            "Forty of the country's leading Democratic donors Friday said they will not fund the campaign.",
            "Forty of the country's leading Democratic donors",
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
        ("The survey found that most farmers had no insurance. It said the figures were provisional.", "The survey"),
        ("The report said too little was spent on water. Building rules are too lax, it said.", "The report"),
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
    ids=[
        "organisation-before",
        "country-before",
        "a-survey-before",
        "a-report-before",
        "a-book-with-an-owner",
        "another-subject-between",
    ],
)
def test_a_speaking_it_is_the_body_that_was_the_subject_last(text: str, speaker: str) -> None:
    quote = analysed(text).quotes[-1]
    assert quote.speaker is not None and quote.speaker.name == speaker


def test_a_full_stop_before_a_closing_mark_ends_the_sentence_after_the_mark() -> None:
    """The parser may run a closed quotation and the next sentence into one tree; the content of the next
    sentence's cue is cut to its own sentence, which starts after the closing mark."""
    text = (
        'Ruiz said the plan was "harming the country". "Voters will punish them at the polls." '
        "Later the president said it would go ahead."
    )
    start, _ = _sentence_around(text, text.index("the president"), quoted_spans(text))
    assert text[start:].startswith("Later the president said")


@pytest.mark.parametrize(
    ("text", "continued", "speaker"),
    [
        (
            'Coach Ana Ruiz added: "Lima are very strong at home. "But we will travel there with confidence and '
            'we look forward to it." Striker Diego Soto added: "It was not a pretty game but we got the result. '
            '"We will improve."',
            "travel there with confidence",
            "Ana Ruiz",
        ),
        (
            'The economist Maria Okafor said: "Prices will keep rising this spring. "The squeeze on households is '
            'not over yet." Some analysts say the rise will not last beyond the summer.',
            "squeeze on households",
            "Maria Okafor",
        ),
    ],
    ids=["next-cue-opens-its-own-quotation", "next-source-described-reports-its-own-words"],
)
def test_a_closed_quotation_continues_its_speaker_not_the_next_cues(text: str, continued: str, speaker: str) -> None:
    quote = quote_with(text, continued)
    assert quote.speaker is not None and quote.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Toyota will keep its plant in Lima, but it said it would cut 200 jobs.", "Toyota"),
        ("The panel reached its verdict after it found that 9,000 claims were still open.", "The panel"),
        ("The unions agreed to talks, but they said the offer was too low.", "The unions"),
    ],
    ids=["named-company", "described-body", "plural-body"],
)
def test_a_speaking_it_or_they_is_the_body_its_clause_hangs_on(text: str, speaker: str) -> None:
    assert only_speaker(text) == speaker


def test_they_after_a_body_that_acted_on_people_stays_unresolved() -> None:
    assert only_speaker("The IAAF warned the two sprinters after they said they would skip the tests.") == "they"


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "Okonjo, the only Green candidate to campaign in the valley, told farmers here that their votes "
            'could help her win "a fight in Cardiff," where the party may hold its first seat.',
            "Okonjo",
            "that their votes could help her win",
        ),
        (
            "In Puerto Aysen, a fishing town on the fjord, skipper Tomas Riquelme, 48, said his catch had "
            "halved since March.",
            "Tomas Riquelme",
            "his catch had halved since March",
        ),
    ],
    ids=["name-opening-the-sentence", "name-after-the-fronted-place"],
)
def test_the_name_before_a_description_speaks_when_the_parser_made_the_description_the_root(
    text: str, speaker: str, words: str
) -> None:
    """The parser reads "Okonjo, the only candidate ..., told" with the description as the sentence's root
    (the name its vocative, "told" an aside), and "In Puerto Aysen, a town ..., skipper Tomas Riquelme,
    said" with both the description and the name set beside the place."""
    quote = quote_with(text, words)
    assert quote.speaker is not None and quote.speaker.name == speaker


def test_a_one_word_opener_that_is_no_name_is_not_taken_for_the_speaker() -> None:
    text = "Rather, the only Green candidate to campaign in the valley told farmers that their votes counted."
    assert all(q.speaker is None or q.speaker.name != "Rather" for q in analysed(text).quotes)


def test_a_title_before_a_name_set_off_by_commas_does_not_hide_the_speaker() -> None:
    """The parser hangs "Rep. Paul Dunmore, R-OH," on the clause before it, leaving "says" no subject; the
    entity recogniser leaves the title out of the name."""
    text = (
        "While the mayor did not spell out the path in detail, Sen. Maria Okafor, D-NM, says meeting "
        "participants outlined a plan in which the city receives 200 new homes."
    )
    quote = quote_with(text, "meeting participants outlined a plan")
    assert quote.speaker is not None and quote.speaker.name == "Maria Okafor"


def test_a_surname_the_tagger_took_for_an_adverb_speaks_when_the_article_names_the_person() -> None:
    text = "Rep. Nina Jolly spoke first at the hearing. Jolly said she would be wary of cutting the schools budget."
    quote = quote_with(text, "she would be wary")
    assert quote.speaker is not None and quote.speaker.name.endswith("Jolly")


def test_an_adverb_opening_the_sentence_is_no_speaker() -> None:
    text = "Originally known as the Harbour Cafe, the shop grew. Originally said to be a hobby, it grew."
    assert all(q.speaker is None or q.speaker.name != "Originally" for q in analysed(text).quotes)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We need your help before Friday, or the clinic closes," the email read.', "the email"),
        ('"Every ticket sold pays for a night of shelter," read the statement, which Hale signed.', "the statement"),
        ('The sign on the door read: "No entry after six."', "The sign on the door"),
    ],
    ids=["the-email-read", "read-the-statement", "colon"],
)
def test_a_written_thing_that_reads_words_is_their_source(text: str, speaker: str) -> None:
    assert only_speaker(text) == speaker


@pytest.mark.parametrize(
    "text",
    ['"We will win," read Hale.', "Hale read that the talks had failed."],
    ids=["a-person-reading", "what-someone-read"],
)
def test_a_person_who_reads_is_not_the_source_of_what_was_read(text: str) -> None:
    assert all(q.speaker is None for q in analysed(text).quotes)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Harbour Trust renewed its call for a new sea wall on Monday.", "The Harbour Trust"),
        ("Oxfam made its call for longer fishing quotas in a letter to the minister.", "Oxfam"),
    ],
    ids=["a-name-the-recogniser-missed", "an-organisation"],
)
def test_its_before_a_noun_cue_is_the_body_its_clause_has_for_subject(text: str, speaker: str) -> None:
    assert only_speaker(text) == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        ('"A deal does not seem likely," Bloomberg quoted one banker as saying.', "one banker", "A deal"),
        ('"We will not give in," the paper quoted Ms Ruiz as saying.', "Ruiz", "We will not"),
        ("The Lima Post quoted a senior official as saying that the talks had stalled.", "a senior official", "talks"),
    ],
)
def test_the_one_an_outlet_quotes_as_saying_is_the_speaker(text: str, speaker: str, words: str) -> None:
    quote = quote_with(text, words)
    assert quote.speaker is not None and quote.speaker.name == speaker
    assert "quoted" not in quote.text


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The opposition also seized on the jobless figures. It said two million more people were on "
            "state job schemes.",
            "The opposition",
        ),
        (
            "Andean lender Banco Sur has challenged the sale of the mine in a Lima court. In a filing on "
            "Monday, it said the buyer had no right to the land.",
            "Banco Sur",
        ),
    ],
)
def test_a_speaking_it_carries_on_a_body_described_or_named_beside_its_description(text: str, speaker: str) -> None:
    [quote] = [q for q in analysed(text).quotes if q.speaker is not None and q.cue is not None and q.cue.text == "said"]
    assert quote.speaker.name == speaker


def test_a_bodys_name_cut_after_of_the_runs_on_to_its_title() -> None:
    text = "House prices in Lima dipped slightly in May, the Office of the Chief Auditor has said."
    assert only_speaker(text) == "Office of the Chief Auditor"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Committee chairman Rui Vaz said the rules were too lenient. But a spokesman for the ministry "
            'defended the proposals. He said: "We stand by the law."',
            "a spokesman for the ministry",
        ),
        (
            'Mr Vaz spoke first. A spokesman for the ministry said the plan was fair. He added: "We stand by the law."',
            "A spokesman for the ministry",
        ),
        (
            'A spokesman for the ministry said the plan was fair. Mr Vaz disagreed. He said: "It is a disgrace."',
            "Vaz",
        ),
        (
            'Ms Ruiz met the envoy. A spokeswoman for the ministry said the talks went well. He added: "We '
            'will meet again."',
            "He",
        ),
    ],
)
def test_he_after_an_unnamed_spokesman_is_the_spokesman_unless_someone_is_named_between(
    text: str, speaker: str
) -> None:
    [quote] = [q for q in analysed(text).quotes if q.kind == "direct"]
    assert quote.speaker is not None and quote.speaker.name == speaker
