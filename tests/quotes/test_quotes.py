"""Direct, indirect and mixed quotes with their cue and speaker, through `analyze` on news paragraphs written
for these tests (fictional people), and a floor on the bundled sample corpus."""

from __future__ import annotations

import functools
import json

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.evaluate.entities import SAMPLE, read_sample
from newsgraph.model import Analysis, Quote
from newsgraph.pipeline import analyze
from newsgraph.quotes.cues import find_cues


@functools.cache
def analysed(text: str) -> Analysis:
    return analyze(text)


def part_texts(text: str, quote: Quote) -> list[str]:
    return [text[s:e] for s, e in quote.parts]


def quote_with(text: str, words: str, kind: str | None = None) -> Quote:
    """The one quote whose words contain `words` (of `kind`, when given)."""
    found = [q for q in analysed(text).quotes if any(words in text[s:e] for s, e in q.parts)]
    found = [q for q in found if kind is None or q.kind == kind]
    assert len(found) == 1, (words, [(q.kind, q.text) for q in analysed(text).quotes])
    return found[0]


def person(text: str, name: str):
    [entity] = [e for e in analysed(text).entities if e.name == name]
    return entity


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# --- Direct quotes in every quotation style ---------------------------------------------------------------

DIRECT_STYLES = {
    "straight": (
        '"We will not accept a deal that leaves our fishermen behind," said Marta Quiroga, the fisheries minister.',
        ["We will not accept a deal that leaves our fishermen behind"],
        "Marta Quiroga",
    ),
    "curly": (
        "“The harbour will reopen on Monday,” Daniel Okafor, the port director, told reporters on Friday.",
        ["The harbour will reopen on Monday"],
        "Daniel Okafor",
    ),
    "guillemets": (
        "« Nous ne céderons pas sur ce point », said Claire Dubois, the French negotiator.",
        ["Nous ne céderons pas sur ce point"],
        "Claire Dubois",
    ),
    "guillemets-tight": (
        "«We will not sign a text that nobody has read,» Claire Dubois said after the meeting.",
        ["We will not sign a text that nobody has read"],
        "Claire Dubois",
    ),
    "british": (
        "Residents of the valley were evacuated overnight as the fire spread.\n\n"
        "'We have never seen anything like it,' said Fiona Hartley, who has farmed near the village for thirty "
        "years. 'The whole ridge was alight by midnight.'",
        ["We have never seen anything like it", "The whole ridge was alight by midnight."],
        "Fiona Hartley",
    ),
    "two-apostrophes": (
        "''The levee held, but only just,'' said Samuel Mensah, a councillor in the district.",
        ["The levee held, but only just"],
        "Samuel Mensah",
    ),
    "nested": (
        "\"When the governor told us 'the money is on its way,' we believed him,\" said Samuel Mensah, a "
        "councillor in the district.",
        ["When the governor told us 'the money is on its way,' we believed him"],
        "Samuel Mensah",
    ),
}


@pytest.mark.parametrize(("text", "words", "speaker"), DIRECT_STYLES.values(), ids=DIRECT_STYLES.keys())
def test_direct_quote_in_every_quotation_style(text: str, words: list[str], speaker: str) -> None:
    for said in words:
        quote = quote_with(text, said)
        assert quote.kind == "direct"
        assert said in part_texts(text, quote)
        assert said in quote.text
        assert quote.speaker is not None and quote.speaker.name == speaker


REPEATED_MARK = '"Our door stays open. "Call us any time," the minister said.'


@pytest.mark.parametrize(
    "text",
    [
        REPEATED_MARK,
        "The ministry has promised to answer every letter. " + REPEATED_MARK,
    ],
    ids=["alone", "after-another-cue"],
)
def test_opening_mark_repeated_inside_gives_all_words_to_the_speaker(text: str) -> None:
    for said in ("Our door stays open.", "Call us any time"):
        quote = quote_with(text, said)
        assert quote.kind == "direct"
        assert quote.speaker is not None and quote.speaker.name == "the minister"
        assert quote.speaker.described


def test_quote_with_no_closing_mark_ends_with_its_paragraph() -> None:
    text = (
        'Hannah Weller said the strike would continue. "We have waited long enough and we are not going back to '
        "work until the board listens\n\n"
        "The union's members voted on Thursday, and the result will be announced on Monday."
    )
    quote = quote_with(text, "We have waited long enough", kind="direct")
    assert part_texts(text, quote) == [
        "We have waited long enough and we are not going back to work until the board listens"
    ]
    assert quote.speaker is not None and quote.speaker.name == "Hannah Weller"
    assert all("members voted" not in q.text for q in analysed(text).quotes if q.kind == "direct")


MULTI_PARAGRAPH = (
    "Ibrahim Sesay, who coordinates the relief effort in the district, said the camps needed three things.\n\n"
    '"The first is clean water, and we are still short of tankers.\n\n'
    '"The second is shelter before the rains come back, because the camps are already full.\n\n'
    '"And the third is time, which nobody here has," he said.'
)


def test_quote_over_several_paragraphs_is_one_quote_with_a_part_per_paragraph() -> None:
    text = MULTI_PARAGRAPH
    quote = quote_with(text, "The first is clean water")
    assert quote.kind == "direct"
    assert part_texts(text, quote) == [
        "The first is clean water, and we are still short of tankers.",
        "The second is shelter before the rains come back, because the camps are already full.",
        "And the third is time, which nobody here has",
    ]
    assert quote.speaker is not None and quote.speaker.name == "Ibrahim Sesay"
    assert [q.kind for q in analysed(text).quotes].count("direct") == 1


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"The talks were difficult," Jonas Lind said, "but we found a way forward on the border crossings."',
            "Jonas Lind",
        ),
        (
            "Jonas Lind arrived in Oslo late on Sunday.\n\n"
            '"The talks were difficult," he said, "but we found a way forward on the border crossings."',
            "Jonas Lind",
        ),
    ],
    ids=["named", "pronoun"],
)
def test_quote_split_around_its_cue_is_one_direct_quote_in_two_parts(text: str, speaker: str) -> None:
    quote = quote_with(text, "The talks were difficult")
    assert quote.kind == "direct"
    assert part_texts(text, quote) == [
        "The talks were difficult",
        "but we found a way forward on the border crossings.",
    ]
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker is not None and quote.speaker.name == speaker
    assert len(analysed(text).quotes) == 1


@pytest.mark.parametrize(
    "text",
    [
        'The so-called "ironclad" alliance between the two navies has survived three changes of government, and '
        'Friday\'s "panda diplomacy" summit did little to change that.',
        'Her memoir, "The Long Road Home", sold more than 40,000 copies in its first month.',
        'The festival opens on Friday with "A Winter in Lisbon", a film about the 1974 revolution.',
    ],
    ids=["scare-quotes", "book-title", "film-title"],
)
def test_titles_names_and_scare_quotes_nobody_said_are_not_quotes(text: str) -> None:
    assert analysed(text).quotes == []


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            'Critics said the visit was "panda diplomacy" meant to soften the trade row.',
            '"panda diplomacy"',
            "Critics",
        ),
        (
            'Ana Costa said the proposal was "a step in the right direction" but needed more work.',
            '"a step in the right direction"',
            "Ana Costa",
        ),
        (
            'Kenji Sato described the agreement as "the end of a long and costly misunderstanding" between the '
            "two countries.",
            '"the end of a long and costly misunderstanding"',
            "Kenji Sato",
        ),
        (
            'Marta Ruiz called the minister "a danger to the fishing towns" on Tuesday.',
            'the minister "a danger to the fishing towns"',
            "Marta Ruiz",
        ),
        (
            'The union leader blasted Lindqvist as a "tourist envoy" after the talks.',
            'Lindqvist as a "tourist envoy"',
            "The union leader",
        ),
    ],
    ids=["scare-quote-attributed", "said", "described-as", "called-object-complement", "blasted-name-as"],
)
def test_attributed_quoted_words_make_a_mixed_quote(text: str, words: str, speaker: str) -> None:
    [quote] = analysed(text).quotes
    assert quote.kind == "mixed"
    assert words in quote.text
    assert quote.text == text[quote.start : quote.end]
    assert quote.speaker is not None and quote.speaker.name == speaker
    assert speaker not in quote.text


# --- Indirect quotes -------------------------------------------------------------------------------------

INDIRECT = {
    "questioned-how": (
        "Delegates questioned how the senator could turn back on his pledge.",
        "questioned",
        "Delegates",
        "how the senator could turn back on his pledge",
    ),
    "said-that": (
        "The ministry said on Wednesday that exports of copper had fallen for a third month.",
        "said",
        "The ministry",
        "exports of copper had fallen for a third month",
    ),
    "told-reporters": (
        "Ana Costa told reporters the negotiations would resume in March.",
        "told",
        "Ana Costa",
        "the negotiations would resume in March",
    ),
    "added-that": (
        "Ana Costa added that the next round of talks would be held in Brasília in June.",
        "added",
        "Ana Costa",
        "the next round of talks would be held in Brasília in June",
    ),
    "warned": (
        "Kenji Sato warned that tariffs could rise if the dispute dragged on.",
        "warned",
        "Kenji Sato",
        "tariffs could rise if the dispute dragged on",
    ),
    "insisted": (
        "Kenji Sato insisted that his government had acted within the rules.",
        "insisted",
        "Kenji Sato",
        "his government had acted within the rules",
    ),
    "denied": (
        "The company denied that it had broken any sanctions.",
        "denied",
        "The company",
        "it had broken any sanctions",
    ),
    "according-to-first": (
        "According to a senior foreign ministry official, the two leaders will meet in Geneva next month.",
        "According to",
        "a senior foreign ministry official",
        "the two leaders will meet in Geneva next month",
    ),
    "according-to-last": (
        "The delegation will leave on Friday, according to Miguel Arroyo, the embassy spokesman.",
        "according to",
        "Miguel Arroyo",
        "The delegation will leave on Friday",
    ),
    "urged": (
        "Union leader Peter Hollis urged the government to reopen the schools before the end of the month.",
        "urged",
        "Peter Hollis",
        "the government to reopen the schools",
    ),
    "added-after": (
        "The next round of talks will be held in Brasília in June, Ana Costa added.",
        "added",
        "Ana Costa",
        "The next round of talks will be held in Brasília in June",
    ),
}


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [pytest.param(*v, id=k) for k, v in INDIRECT.items()],
)
def test_reported_speech_is_an_indirect_quote_of_its_content(text: str, cue: str, speaker: str, content: str) -> None:
    quote = quote_with(text, content, kind="indirect")
    assert quote.text == text[quote.start : quote.end]
    assert content in quote.text
    assert quote.cue is not None and quote.cue.text == cue
    assert quote.speaker is not None and quote.speaker.name == speaker
    assert cue not in quote.text and speaker not in quote.text
    for part in quote.parts:
        assert not overlaps(part, (quote.cue.start, quote.cue.end))
        if quote.speaker.start is not None:
            assert not overlaps(part, (quote.speaker.start, quote.speaker.end))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The fishermen's union blasted the minister for ignoring the northern ports.",
            "the minister for ignoring the northern ports",
        ),
        (
            "Okafor criticised the port authority over the cost of the new cranes.",
            "the port authority over the cost of the new cranes",
        ),
    ],
    ids=["blasted-for", "criticised-over"],
)
def test_what_a_party_is_blamed_for_is_part_of_the_criticism(text: str, content: str) -> None:
    [quote] = analysed(text).quotes
    assert quote.text == content


def test_a_second_clause_with_its_own_subject_after_the_content_is_more_of_the_report() -> None:
    text = (
        "The report found that most ports lacked modern cranes, and the cost of the delays that this caused had "
        "risen sharply."
    )
    quote = quote_with(text, "most ports lacked modern cranes")
    assert quote.text.endswith("had risen sharply")
    assert quote.speaker is not None and quote.speaker.name == "The report"


def test_a_cue_verb_coordinated_inside_the_content_is_the_speakers_next_statement() -> None:
    text = "Ana Costa said her government would review the quota and warned against any new tariffs on copper."
    review = quote_with(text, "her government would review the quota")
    assert review.text == "her government would review the quota"
    warning = quote_with(text, "any new tariffs on copper")
    assert warning.cue is not None and warning.cue.text == "warned"
    assert review.speaker is not None and warning.speaker is not None
    assert review.speaker.name == warning.speaker.name == "Ana Costa"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The new terminal, Mr. Okafor said, would make the port compete with Lomé again.", "Okafor"),
        ("Home in Accra, Ms. Okafor said, she chose to go after the port's fees.", "Okafor"),
        ("Though the first strike was short, he said, a second one would be much harder to end.", None),
    ],
    ids=["subject-before", "setting-before", "clause-before"],
)
def test_a_cue_set_off_by_commas_reports_the_whole_sentence_around_it(text: str, speaker: str | None) -> None:
    [quote] = analysed(text).quotes
    before, after = text.split(", ", 1)[0], text.rsplit(", ", 1)[1].rstrip(".")
    assert [text[s:e] for s, e in quote.parts] == [before, after]
    assert quote.cue is not None and quote.cue.text == "said"
    if speaker is not None:
        assert quote.speaker is not None and quote.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "The new terminal, Mr. Okafor said on Tuesday, would make the port compete with Lomé again.",
            ["The new terminal", "would make the port compete with Lomé again"],
        ),
        (
            "The quota, the ministry said in a statement, would be cut by a fifth.",
            ["The quota", "would be cut by a fifth"],
        ),
    ],
    ids=["time-after-cue", "manner-after-cue"],
)
def test_when_and_how_a_parenthetical_cue_was_said_frame_it_with_the_cue(text: str, parts: list[str]) -> None:
    [quote] = analysed(text).quotes
    assert part_texts(text, quote) == parts


def test_a_relative_clause_cue_between_commas_reports_only_its_own_clause() -> None:
    text = "The minister, who said the talks had failed, left Geneva on Friday."
    [quote] = analysed(text).quotes
    assert quote.text == "the talks had failed"


def test_an_aside_after_a_comma_is_not_part_of_an_unnamed_speakers_description() -> None:
    text = "Rice farmers in Kratie, where the river fell to a record low last week, said the dam had taken their water."
    quote = quote_with(text, "the dam had taken their water")
    assert quote.speaker is not None and quote.speaker.name == "Rice farmers in Kratie"


# --- Attribution -----------------------------------------------------------------------------------------

FISCHER = (
    '"Neither side wants to be the first to blink," said Lena Fischer, a senior fellow at the Institute for '
    "Strategic Studies.\n\n"
    '"They are both waiting for an election," she said.'
)


def test_inverted_cue_names_the_speaker_after_it_with_role_and_affiliation() -> None:
    text = FISCHER
    fischer = person(text, "Lena Fischer")
    for said in ("Neither side wants to be the first to blink", "They are both waiting for an election"):
        quote = quote_with(text, said)
        assert quote.kind == "direct"
        assert part_texts(text, quote) == [said]
        speaker = quote.speaker
        assert speaker is not None
        assert (speaker.name, speaker.entity) == ("Lena Fischer", fischer.id)
        assert (speaker.role, speaker.affiliation) == ("senior fellow", "Institute for Strategic Studies")
        assert not speaker.described
    first = quote_with(text, "Neither side")
    assert text[first.speaker.start : first.speaker.end] == "Lena Fischer"


def test_inverted_cue_with_a_description_after_the_name_stays_direct() -> None:
    text = '"The first thing we need is clean water," said Ibrahim Sesay, the district relief coordinator.'
    [quote] = analysed(text).quotes
    assert quote.kind == "direct"
    assert part_texts(text, quote) == ["The first thing we need is clean water"]
    assert quote.speaker is not None and quote.speaker.name == "Ibrahim Sesay"


def test_colon_introduces_a_direct_quote_of_the_subject() -> None:
    text = 'Brazilian Foreign Minister Ana Costa said: "We came to Tokyo to listen, not to lecture."'
    [quote] = analysed(text).quotes
    assert quote.kind == "direct"
    assert part_texts(text, quote) == ["We came to Tokyo to listen, not to lecture."]
    assert quote.cue is not None and quote.cue.text == "said"
    speaker = quote.speaker
    assert speaker is not None and speaker.name == "Ana Costa"
    assert (speaker.role, speaker.country) == ("Foreign Minister", "BRA")
    assert "Ana Costa" in text[speaker.start : speaker.end]


def test_an_inverted_cue_ending_in_a_colon_gives_the_paraphrase_and_the_quote_apart() -> None:
    text = (
        "Talks with the miners have stalled, the minister told reporters: "
        '"We are further apart than we were a month ago."'
    )
    paraphrase = quote_with(text, "Talks with the miners", "indirect")
    assert part_texts(text, paraphrase) == ["Talks with the miners have stalled"]
    verbatim = quote_with(text, "further apart", "direct")
    assert part_texts(text, verbatim) == ["We are further apart than we were a month ago."]
    assert paraphrase.speaker == verbatim.speaker and verbatim.speaker is not None
    # A clause that only sets the scene stays out; the quote is the speaker's one statement.
    scene = 'When the vote was delayed, the union\'s lawyer said: "Nobody on that board wants a strike."'
    [only] = analysed(scene).quotes
    assert only.kind == "direct"


def test_an_honorific_the_parser_cut_off_is_part_of_the_source_not_what_was_said() -> None:
    text = '"The aid package will help the growers," Mr Lopez said.'
    [quote] = analysed(text).quotes
    assert (quote.kind, part_texts(text, quote)) == ("direct", ["The aid package will help the growers"])
    assert quote.speaker is not None and quote.speaker.name.endswith("Lopez")


@pytest.mark.parametrize(
    "text",
    [
        "The drugs, called beta blockers, are widely used in Peru.",
        "A group called Friends of the Andes organised the march.",
        "The smugglers' network called itself the Southern Route.",
        "Called the Andean Water Compact, the alliance will set rules for every dam on the river.",
        "The markets fell on the news, a pattern called 'contagion', so the banks sold bonds.",
    ],
    ids=["participle", "after-indefinite", "reflexive", "opening-participle", "indefinite-subject"],
)
def test_calling_something_by_its_name_is_no_quote(text: str) -> None:
    assert analysed(text).quotes == []


@pytest.mark.parametrize(
    "text",
    [
        "You might find that the cheaper model needs new parts within a year.",
        "The deal is, as they say, a game changer for the port.",
        "On his new record, Pedro Castillo shows he has heard every complaint.",
        "The mining firm was declared insolvent in May after it emerged that its reserves did not exist.",
        'The operation was aimed at stopping "the illegal trade in rare birds".',
    ],
    ids=["reader", "saying", "person-shows", "declared", "aimed"],
)
def test_the_reader_a_saying_a_demonstration_and_a_passive_are_nobodys_words(text: str) -> None:
    assert analysed(text).quotes == []


def test_a_thing_pointed_at_and_a_gerund_have_no_source() -> None:
    assert analysed("The album came out in May and that brought three hits and confirmed her fame abroad.").quotes == []
    text = "The cars will be built so that drivers can open the boot from the back seat, just by saying a word."
    assert analysed(text).quotes == []


def test_a_quote_goes_on_after_its_speaker_not_to_a_hope_in_the_next_sentence() -> None:
    text = (
        '"It is the best deal in years. It keeps the port open," Ruiz says. "And the growers will gain." '
        "The cooperative is hoping to expand next year."
    )
    quotes = analysed(text).quotes
    direct = [q for q in quotes if q.kind == "direct"]
    assert direct and all(q.speaker is not None and q.speaker.name == "Ruiz" for q in direct)
    hope = [q for q in quotes if q.kind != "direct"]
    hoped = [(q.text, q.speaker.name if q.speaker else None) for q in hope]
    assert hoped == [("to expand next year", "The cooperative")]


def test_what_a_speaker_told_is_the_listener_not_what_was_said() -> None:
    text = (
        '"Support is mandatory now," Luis Paredes, director at the games firm Andes Play told the Lima Times website.'
    )
    assert all(not part_texts(text, q)[0].startswith("the Lima Times") for q in analysed(text).quotes)


def test_a_sentence_adverb_after_the_source_and_an_honorific_after_according_to() -> None:
    text = "Codelco, for its part, says it will stick to copper for now."
    [quote] = analysed(text).quotes
    assert quote.speaker is not None and quote.speaker.name == "Codelco"
    text = "Mr Chavez, who is touring Japan, said his government would open its copper mines to Japanese firms."
    [quote] = analysed(text).quotes
    assert quote.speaker is not None and quote.speaker.name.endswith("Chavez")  # a name read as an adverb stays
    text = "Tax revenue rose despite large rebates for exporters in 2004, according to Mr Quispe."
    [quote] = analysed(text).quotes
    assert quote.speaker is not None and quote.speaker.name.endswith("Quispe")
    assert part_texts(text, quote) == ["Tax revenue rose despite large rebates for exporters in 2004"]


def test_a_time_after_an_announced_object_is_not_what_was_announced() -> None:
    text = "Ms Rojas announced her budget a week after taking office."
    [quote] = analysed(text).quotes
    assert part_texts(text, quote) == ["her budget"]


def test_an_opener_the_parser_hangs_on_the_source_is_no_part_of_it() -> None:
    text = "In the long run at least, builders said buyers should not expect lower prices."
    [quote] = analysed(text).quotes
    assert quote.speaker is not None and quote.speaker.name == "builders"


def test_a_persons_aide_is_the_speaker_but_a_persons_statement_is_the_persons() -> None:
    aide = "Ana Costa's closest adviser has denied that the ministry will raise the fees in March."
    [quote] = analysed(aide).quotes
    assert quote.speaker is not None and quote.speaker.described and "adviser" in quote.speaker.name
    statement = "Ana Costa's statement said the ministry would not raise the fees in March."
    [words] = analysed(statement).quotes
    assert words.speaker is not None and words.speaker.name == "Ana Costa"


def test_a_lone_that_opens_the_rest_of_the_sentence() -> None:
    text = (
        "He also acknowledged that until the boarding pass problem was sorted out, the rest of the service "
        "would suffer."
    )
    [quote] = analysed(text).quotes
    assert part_texts(text, quote) == [
        "until the boarding pass problem was sorted out, the rest of the service would suffer"
    ]


def test_a_participle_of_saying_before_a_colon_is_the_next_statement() -> None:
    text = 'The minister said the deal was dead, adding: "Nobody in Lima wants it any more."'
    said = quote_with(text, "the deal was dead", "indirect")
    assert part_texts(text, said) == ["the deal was dead"]
    added = quote_with(text, "Nobody in Lima", "direct")
    assert added.cue is not None and added.cue.text == "adding"


def test_an_audience_told_is_not_what_was_said() -> None:
    text = "The president told a conference of investors in Lima about the new fees."
    assert [q.text for q in analysed(text).quotes if "conference" in q.text] == []


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("The customs service warned state port officials about the smuggling.", None),
        ("The central bank reassured exporters that the peg would hold.", "the peg would hold"),
    ],
    ids=["warned-about", "reassured-that-read-as-relative"],
)
def test_whom_a_warning_is_given_is_not_what_was_said(text: str, said: str | None) -> None:
    quotes = analysed(text).quotes
    assert all("officials" not in q.text and "exporters" not in q.text for q in quotes)
    if said is not None:
        assert quote_with(text, said).speaker is not None


@pytest.mark.parametrize(
    "text",
    ["Ruiz was defending himself.", "Mariana Soto wrote a memoir of her years at the ministry."],
    ids=["reflexive-alone", "a-memoir-written"],
)
def test_content_that_reports_no_words_is_no_quote(text: str) -> None:
    assert analysed(text).quotes == []


def test_an_infinitive_hung_on_whom_a_speaker_urged_is_what_was_urged() -> None:
    text = "The mayor urges supporters to watch the polling stations."
    quote = quote_with(text, "to watch the polling stations")
    assert quote.cue is not None and quote.cue.text == "urges"


def test_a_noun_of_saying_with_its_owner_attributes_its_that_clause() -> None:
    text = "Fact-checkers looked at the governor's claim that there had been thousands of break-ins this year."
    quote = quote_with(text, "thousands of break-ins", "indirect")
    assert quote.cue is not None and quote.cue.text == "claim"
    assert quote.speaker is not None and quote.speaker.name == "the governor"
    assert "looked" not in quote.text


@pytest.mark.parametrize(
    "text",
    ["The claim that the governor made was false.", "Fact-checkers doubted the claim that prices had fallen."],
)
def test_a_relative_clause_or_a_noun_without_an_owner_is_no_cue(text: str) -> None:
    assert not [q for q in analysed(text).quotes if q.cue is not None and q.cue.text == "claim"]


def test_a_noun_cue_inside_a_verb_cue_is_one_quote() -> None:
    text = "Okafor repeated her warning that the strike would spread to the northern ports."
    [quote] = analysed(text).quotes
    assert quote.cue is not None and quote.cue.text == "repeated"


def test_a_headline_name_and_colon_attribute_the_headline() -> None:
    text = (
        "Okafor: Port strike will end only with a written wage offer\n\n"
        "Union leader Grace Okafor told dock workers in Lagos on Monday that the stoppage would go on."
    )
    quote = quote_with(text, "Port strike will end")
    assert quote.kind == "indirect" and quote.text == "Port strike will end only with a written wage offer"
    assert quote.cue is not None and quote.cue.text == ":"
    assert quote.speaker is not None and quote.speaker.name == "Grace Okafor"


def test_a_transcript_turn_is_the_direct_speech_of_the_name_in_capitals() -> None:
    text = (
        "The minister was interviewed on the evening programme.\n\n"
        "HOST: Will the ferry fares rise again this winter?\n\n"
        "HALVORSEN: No. We froze them until March, and the budget holds."
    )
    turn = quote_with(text, "We froze them")
    assert turn.kind == "direct" and turn.text == "No. We froze them until March, and the budget holds"
    assert turn.speaker is not None and turn.speaker.name == "HALVORSEN"
    assert quote_with(text, "ferry fares").speaker.name == "HOST"


def test_a_transcript_quoted_turn_by_turn_gives_each_turn_its_speaker() -> None:
    text = (
        "The minister was interviewed on the evening programme.\n\n"
        '"HOST: Will the ferry fares rise again this winter?\n\n'
        '"HALVORSEN: No. We froze them until March, and the budget holds.'
    )
    turn = quote_with(text, "We froze them")
    assert turn.kind == "direct" and turn.text == "No. We froze them until March, and the budget holds."
    assert turn.speaker is not None and turn.speaker.name == "HALVORSEN"
    assert quote_with(text, "ferry fares").speaker.name == "HOST"


@pytest.mark.parametrize(
    "text",
    [
        "LIMA: Peru and Chile reopened their fisheries talks on Monday.",
        "Update: This story has been corrected to give the minister's full title.",
        "Photo: Harbour workers unload a container in Valparaíso.",
        "Two questions remain: who pays, and when?",
    ],
)
def test_a_dateline_a_page_label_or_a_colon_mid_sentence_is_no_speaker(text: str) -> None:
    assert not [q for q in analysed(text).quotes if q.cue is not None and q.cue.text == ":"]


def test_name_in_apposition_to_the_subject_is_the_speaker() -> None:
    text = "The port director, Daniel Okafor, said the cranes would be back in service by the weekend."
    quote = quote_with(text, "the cranes would be back in service", kind="indirect")
    assert quote.speaker is not None
    assert quote.speaker.name == "Daniel Okafor"
    assert quote.speaker.entity == person(text, "Daniel Okafor").id
    assert not quote.speaker.described


ARROYO = (
    "Miguel Arroyo, the embassy spokesman, said the visa backlog would be cleared by June.\n\n"
    '"We have hired forty new staff and opened a second office in the capital," he said. "Nobody should have to '
    'wait more than a month."\n\n'
    '"We know people have been patient with us, and we are grateful for that."\n\n'
    "The embassy has faced criticism from business groups over the delays."
)


def test_quote_paragraph_without_a_cue_continues_the_previous_speaker() -> None:
    text = ARROYO
    arroyo = person(text, "Miguel Arroyo")
    quote = quote_with(text, "We know people have been patient with us")
    assert quote.kind == "direct"
    assert part_texts(text, quote) == ["We know people have been patient with us, and we are grateful for that."]
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.entity) == ("Miguel Arroyo", arroyo.id)
    assert quote.speaker.role == "embassy spokesman"
    same_paragraph = quote_with(text, "Nobody should have to wait more than a month.")
    assert same_paragraph.speaker is not None and same_paragraph.speaker.name == "Miguel Arroyo"


COSTA = (
    "Brazilian Foreign Minister Ana Costa arrived in Tokyo on Monday for two days of talks on trade and climate "
    "finance.\n\n"
    '"We came to listen, not to lecture," she said after meeting her Japanese counterpart.\n\n'
    '"There is a great deal we can do together on clean energy, and very little that divides us."\n\n'
    "Costa said the talks would continue in Brasília in the autumn."
)


def test_pronoun_speaker_is_the_named_person_with_the_pronoun_span() -> None:
    text = COSTA
    costa = person(text, "Ana Costa")
    quote = quote_with(text, "We came to listen, not to lecture")
    speaker = quote.speaker
    assert speaker is not None
    assert (speaker.name, speaker.entity) == ("Ana Costa", costa.id)
    assert text[speaker.start : speaker.end] == "she"
    assert speaker.start == text.index("she said")


def test_speaker_details_are_carried_to_every_quote_of_the_speaker() -> None:
    text = COSTA
    costa = person(text, "Ana Costa")
    assert (costa.roles, costa.country) == (["Foreign Minister"], "BRA")
    quotes = [
        quote_with(text, "We came to listen, not to lecture", kind="direct"),
        quote_with(text, "There is a great deal we can do together", kind="direct"),
        quote_with(text, "the talks would continue in Brasília in the autumn", kind="indirect"),
    ]
    for quote in quotes:
        speaker = quote.speaker
        assert speaker is not None, quote.text
        assert (speaker.name, speaker.entity) == ("Ana Costa", costa.id)
        assert (speaker.role, speaker.country) == ("Foreign Minister", "BRA")
        assert not speaker.described


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Kenji Sato met the Brazilian delegation on Monday.\n\n"
            '"Nobody in this building wants a trade war," a senior foreign ministry official said on condition '
            "of anonymity.",
            "Nobody in this building wants a trade war",
        ),
        (
            "Kenji Sato met the Brazilian delegation on Monday. A senior foreign ministry official said the two "
            "leaders would meet in Geneva next month.",
            "the two leaders would meet in Geneva next month",
        ),
        (
            "Kenji Sato met the Brazilian delegation on Monday. According to a senior foreign ministry official, "
            "the two leaders will meet in Geneva next month.",
            "the two leaders will meet in Geneva next month",
        ),
    ],
    ids=["direct", "indirect", "according-to"],
)
def test_unnamed_source_stays_unnamed_with_its_description(text: str, words: str) -> None:
    quote = quote_with(text, words)
    speaker = quote.speaker
    assert speaker is not None
    assert speaker.described
    assert speaker.name.lower() == "a senior foreign ministry official"
    assert speaker.entity is None
    assert speaker.name != "Kenji Sato"
    assert text[speaker.start : speaker.end] == speaker.name


# --- Offsets ---------------------------------------------------------------------------------------------

ALL_TEXTS = [
    *(v[0] for v in DIRECT_STYLES.values()),
    *(v[0] for v in INDIRECT.values()),
    MULTI_PARAGRAPH,
    FISCHER,
    ARROYO,
    COSTA,
    'Critics said the visit was "panda diplomacy" meant to soften the trade row.',
    REPEATED_MARK,
]


@pytest.mark.parametrize("text", ALL_TEXTS, ids=range(len(ALL_TEXTS)))
def test_offsets_index_the_text(text: str) -> None:
    analysis = analysed(text)
    assert analysis.quotes
    for quote in analysis.quotes:
        assert quote.parts
        for start, end in quote.parts:
            assert 0 <= start < end <= len(text)
        assert quote.parts == sorted(quote.parts)
        assert (quote.start, quote.end) == (quote.parts[0][0], quote.parts[-1][1])
        assert quote.kind in ("direct", "indirect", "mixed")
        if quote.cue is not None:
            assert quote.cue.text == text[quote.cue.start : quote.cue.end]
        speaker = quote.speaker
        if speaker is not None and speaker.start is not None:
            assert 0 <= speaker.start < speaker.end <= len(text)
            mention = (speaker.start, speaker.end)
            if speaker.entity is not None:
                entity = next(e for e in analysis.entities if e.id == speaker.entity)
                assert any(overlaps(mention, m) for m in entity.mentions), (text[slice(*mention)], entity.mentions)
            else:
                assert text[speaker.start : speaker.end] == speaker.name


# --- The bundled sample corpus ---------------------------------------------------------------------------


def test_most_gold_direct_quotes_of_the_sample_are_found_with_their_speaker() -> None:
    gold = json.loads((SAMPLE / "gold.json").read_text(encoding="utf-8"))
    articles = read_sample()
    found = total = 0
    for item in gold["articles"]:
        quotes = analyze(articles[(item["source"], item["record"])]).quotes
        for expected in item["quotes"]:
            if expected["kind"] != "direct":
                continue
            total += 1
            found += any(
                expected["text"] in q.text and q.speaker is not None and q.speaker.name == expected["speaker"]
                for q in quotes
            )
    assert total >= 20
    assert found * 2 >= total, f"only {found} of {total} gold direct quotes found with their speaker"


def test_quote_signed_with_a_dash_and_a_name_is_that_persons() -> None:
    text = (
        "Readers wrote in after the debate.\n\n"
        "“Neither of them said a word about the cost of rent in this city.” ― Carmen Ibarra\n"
        "“I switched it off after twenty minutes.” ― Tomasz Nowak"
    )
    quotes = analysed(text).quotes
    assert [(q.text, q.speaker and q.speaker.name) for q in quotes] == [
        ("Neither of them said a word about the cost of rent in this city.", "Carmen Ibarra"),
        ("I switched it off after twenty minutes.", "Tomasz Nowak"),
    ]


def test_according_to_at_the_end_of_a_long_sentence_takes_the_whole_sentence() -> None:
    text = (
        "Grain exports through the northern ports fell by a third in the first quarter, the steepest drop "
        "since the war began, according to figures published by the agriculture ministry."
    )
    quote = quote_with(text, "Grain exports", kind="indirect")
    assert quote.text.startswith("Grain exports through the northern ports fell by a third")
    assert quote.speaker is not None and quote.speaker.described
    assert "figures published by the agriculture ministry" in quote.speaker.name


def test_colon_at_the_end_of_a_paragraph_introduces_the_quote_below() -> None:
    text = (
        "The challenger will try to make news in the first debate, said Tom Kall, who coaches debaters.\n\n"
        "Another coach, Rosa Lindgren, said:\n\n"
        '"She has prepared for every question he could possibly ask."'
    )
    quote = quote_with(text, "She has prepared for every question", kind="direct")
    assert quote.speaker is not None and quote.speaker.name == "Rosa Lindgren"


def test_how_a_quote_was_said_is_not_part_of_it() -> None:
    text = '"Here comes the mayor," she said, clapping. "Right on time."'
    [quote] = analysed(text).quotes
    assert quote.kind == "direct"
    assert part_texts(text, quote) == ["Here comes the mayor", "Right on time."]


def test_relative_clause_after_an_inverted_source_is_not_what_was_said() -> None:
    text = "The challenger will try to make news in the first debate, said Tom Kall, who coaches debaters."
    quote = quote_with(text, "The challenger will try to make news", kind="indirect")
    assert "coaches" not in quote.text
    assert quote.speaker is not None and quote.speaker.name == "Tom Kall"


def test_they_is_the_group_that_spoke_last_but_never_a_single_person() -> None:
    text = "Fishing unions in Arica said the deal was a betrayal. They warned that the blockade would return in April."
    second = quote_with(text, "the blockade would return in April", kind="indirect")
    assert second.speaker is not None and second.speaker.name == "Fishing unions in Arica"
    assert text[second.speaker.start : second.speaker.end] == "They"
    lone = "Ana Costa said the deal was close. They warned that it would fail."
    assert quote_with(lone, "it would fail", kind="indirect").speaker.name == "They"


def test_words_in_marks_as_the_object_of_a_verb_of_saying_are_a_direct_quote() -> None:
    text = 'Small groups of protesters chanted "Hands up, do not shoot."'
    quote = quote_with(text, "Hands up, do not shoot.", kind="direct")
    assert quote.cue is not None and quote.cue.text == "chanted"
    assert quote.speaker is not None and quote.speaker.described


def test_what_follows_a_cue_the_parser_ended_a_sentence_at_is_what_was_said() -> None:
    # A parse as the shipped model sometimes makes it: two roots, the first sentence ending at "said".
    words = ["The", "governor", "said", "Medicare", "is", "rising", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[True, True, True, True, True, False, False],
        heads=[1, 2, 2, 5, 5, 5, 5],
        deps=["det", "nsubj", "ROOT", "nsubj", "aux", "ROOT", "punct"],
        pos=["DET", "NOUN", "VERB", "PROPN", "AUX", "VERB", "PUNCT"],
        lemmas=["the", "governor", "say", "Medicare", "be", "rise", "."],
    )
    assert [s.text for s in doc.sents] == ["The governor said", "Medicare is rising."]
    [cue] = find_cues(doc)
    assert [doc[start:end].text for start, end in cue.content] == ["Medicare is rising"]


def test_a_that_clause_after_a_place_is_what_was_said() -> None:
    text = "Okafor says at a town hall in Enugu, Nigeria, that the plan means no new taxes for traders."
    quote = quote_with(text, "the plan means no new taxes", "indirect")
    assert quote.speaker is not None and quote.speaker.name == "Okafor"


def test_a_clause_the_parser_read_as_an_object_is_what_was_said() -> None:
    # "says [the candidate will announce plans]" with "plans" as the object and the verb hung on it.
    words = ["The", "campaign", "says", "the", "candidate", "will", "announce", "plans", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[True] * 7 + [False, False],
        heads=[1, 2, 2, 4, 6, 6, 7, 2, 2],
        deps=["det", "nsubj", "ROOT", "det", "nsubj", "aux", "amod", "obj", "punct"],
        pos=["DET", "NOUN", "VERB", "DET", "NOUN", "AUX", "VERB", "NOUN", "PUNCT"],
        lemmas=["the", "campaign", "say", "the", "candidate", "will", "announce", "plan", "."],
    )
    [cue] = [cue for cue in find_cues(doc) if cue.token == 2]
    assert [doc[start:end].text for start, end in cue.content] == ["the candidate will announce plans"]


def test_a_clause_whose_verb_the_tagger_took_for_a_noun_is_what_was_said() -> None:
    # "She said [Okafor favors a tougher approach]" with "favors" tagged a noun and made the object.
    words = ["She", "said", "Okafor", "favors", "a", "tougher", "approach", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[True] * 6 + [False, False],
        heads=[1, 1, 3, 1, 6, 6, 3, 1],
        deps=["nsubj", "ROOT", "compound", "obj", "det", "amod", "nmod", "punct"],
        pos=["PRON", "VERB", "PROPN", "NOUN", "DET", "ADJ", "NOUN", "PUNCT"],
        lemmas=["she", "say", "Okafor", "favor", "a", "tough", "approach", "."],
    )
    [cue] = find_cues(doc)
    assert [doc[start:end].text for start, end in cue.content] == ["Okafor favors a tougher approach"]


def test_the_object_of_a_verb_that_also_means_something_else_is_not_what_was_said() -> None:
    text = "Guinea-Bissau recalled its ambassador to Nigeria on Thursday, escalating the dispute."
    assert analysed(text).quotes == []


def test_a_title_read_as_a_clause_of_the_cue_is_not_what_was_said() -> None:
    # "Rendell, a party veteran, said he was tired": the title parsed as a clause of "said".
    words = ["Rendell", ",", "a", "party", "veteran", ",", "said", "he", "was", "tired", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[False, True, True, True, False, True, True, True, True, False, False],
        heads=[4, 0, 4, 4, 6, 4, 6, 9, 9, 6, 6],
        deps=["vocative", "punct", "det", "compound", "ccomp", "punct", "ROOT", "nsubj", "cop", "ccomp", "punct"],
        pos=["PROPN", "PUNCT", "DET", "NOUN", "ADJ", "PUNCT", "VERB", "PRON", "AUX", "ADJ", "PUNCT"],
        lemmas=["Rendell", ",", "a", "party", "veteran", ",", "say", "he", "be", "tired", "."],
    )
    [cue] = find_cues(doc)
    assert cue.source is not None and doc[cue.source[0] : cue.source[1]].text == "Rendell"
    assert [doc[start:end].text for start, end in cue.content] == ["he was tired"]


def test_an_object_without_a_verb_inside_is_not_a_quote() -> None:
    words = ["He", "said", "the", "word", "twice", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[True, True, True, True, False, False],
        heads=[1, 1, 3, 1, 1, 1],
        deps=["nsubj", "ROOT", "det", "obj", "advmod", "punct"],
        pos=["PRON", "VERB", "DET", "NOUN", "ADV", "PUNCT"],
        lemmas=["he", "say", "the", "word", "twice", "."],
    )
    assert all(not cue.content for cue in find_cues(doc))


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "The port reopened on Monday.\n\nIn Valparaíso, dock workers who struck last week said they would "
            "return to work on Tuesday.",
            "they would return to work on Tuesday",
            "dock workers",
        ),
        (
            "The drought deepened in May.\n\nDr. Keiko Mori, a hydrologist at Osaka University who has studied "
            "the river for decades, said the dam held back \u201cmost, but not all\u201d of the water.",
            "most, but not all",
            "Keiko Mori",
        ),
        (
            "The talks resumed.\n\nJulia Novak, the Czech envoy leading her country's team, said the offer was "
            "\u201ca step sideways\u201d.",
            "a step sideways",
            "Julia Novak",
        ),
    ],
    ids=["subject-after-a-fronted-place", "name-after-a-title-at-paragraph-start", "name-before-a-participle"],
)
def test_the_speaker_opening_a_paragraph_is_found_however_the_parser_hangs_it(
    text: str, words: str, speaker: str
) -> None:
    quote = quote_with(text, words)
    assert quote.speaker is not None and speaker in quote.speaker.name


def test_unnamed_locals_take_the_country_of_the_town_their_sentence_opens_with() -> None:
    text = (
        "The fishing season opened late.\n\nIn Arica, fishing unions said they would blockade the port "
        "\u201cuntil someone listens\u201d."
    )
    quote = quote_with(text, "until someone listens")
    assert quote.speaker is not None and quote.speaker.described
    assert quote.speaker.country == "CHL"


def test_what_a_stance_verb_says_of_its_object_after_as_is_the_content() -> None:
    text = "Ana Costa met the minister on Friday.\n\nCosta described the meeting as \u201cfrank and useful\u201d."
    quote = quote_with(text, "frank and useful")
    assert quote.kind == "mixed"
    assert quote.speaker is not None and quote.speaker.name == "Ana Costa"


def test_a_hard_wrapped_record_keeps_its_quotes_and_reported_clauses_whole() -> None:
    text = (
        "Minister Ana Costa said the talks had stalled because neither side would\n"
        "move on the quota. \u201cWe have solved the problem we could solve. The quota is\n"
        "a harder problem,\u201d she told reporters.\n\n"
        "Talks resume next week."
    )
    reported = quote_with(text, "neither side")
    assert text[reported.parts[0][0] : reported.parts[-1][1]].endswith("move on the quota")
    direct = quote_with(text, "harder problem")
    assert direct.kind == "direct"
    assert "We have solved" in direct.text and direct.speaker is not None and direct.speaker.name == "Ana Costa"


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("The council called a snap election for June.", None),
        ("The union called the strike a success.", "the strike a success"),
    ],
    ids=["convened", "said-of-it"],
)
def test_calling_an_election_or_a_meeting_is_holding_it_not_saying_something(text: str, quoted: str | None) -> None:
    assert [q.text for q in analysed(text).quotes] == ([quoted] if quoted else [])


def test_an_unnamed_source_given_again_as_the_and_its_noun_is_the_one_introduced_before() -> None:
    text = (
        "A West African diplomat who asked not to be named said the summit had gone badly. "
        '"We keep a channel open," the diplomat said.'
    )
    channel = quote_with(text, "We keep a channel open")
    assert channel.speaker is not None and channel.speaker.described
    assert channel.speaker.name == "A West African diplomat who asked not to be named"
    assert text[channel.speaker.start : channel.speaker.end] == "the diplomat"
    assert not [q for q in analysed(text).quotes if q.text == "not to be named"]


def test_a_possessive_pronoun_before_an_unnamed_source_is_the_person_it_stands_for() -> None:
    text = (
        "Katarina Lindqvist, the UN special envoy, arrived in Geneva on Monday. "
        "Her office said the visit to Hanoi had been postponed."
    )
    quote = quote_with(text, "the visit to Hanoi had been postponed")
    assert quote.speaker is not None and quote.speaker.name == "Katarina Lindqvist's office"
    assert quote.speaker.described
    assert quote.speaker.affiliation == person(text, "Katarina Lindqvist").affiliations[0] == "United Nations"


def test_a_plural_source_opening_the_sentence_is_a_description_not_a_name() -> None:
    text = "The summit ended late on Saturday.\n\nDiplomats said the leaders were divided over the sanctions."
    quote = quote_with(text, "the leaders were divided")
    assert quote.speaker is not None and quote.speaker.name == "Diplomats" and quote.speaker.described


def test_the_name_after_an_inverted_cue_is_the_speaker_whatever_the_parser_made_of_it() -> None:
    text = (
        "Observers cautioned against reading too much into the first day. “Opening days are always friendly,” "
        "said Ignacio Ferrer, a professor of international law at the Pontifical Catholic University of Chile "
        "who has advised previous Chilean delegations."
    )
    quote = quote_with(text, "Opening days are always friendly")
    assert quote.speaker is not None and quote.speaker.name == "Ignacio Ferrer"
    assert quote.speaker.role == "professor of international law"


def test_a_that_clause_the_parser_hung_on_the_noun_after_the_cue_is_what_was_said() -> None:
    text = 'Correia said after the meeting that the government\'s refusal showed it was "afraid of any talks".'
    [quote] = analysed(text).quotes
    assert quote.kind == "mixed" and quote.text.endswith('"afraid of any talks"')
    assert quote.speaker is not None and quote.speaker.name == "Correia"


def test_the_source_after_according_to_runs_to_its_comma() -> None:
    text = (
        "Talks on the annex collapsed late on Wednesday, according to three people involved in the negotiations, "
        "after Chile refused a temporary increase."
    )
    quote = quote_with(text, "Talks on the annex collapsed")
    assert quote.speaker is not None and quote.speaker.name == "three people involved in the negotiations"
    named = "The delegation will leave on Friday, according to Miguel Arroyo, the embassy spokesman."
    assert quote_with(named, "The delegation will leave").speaker.name == "Miguel Arroyo"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Katarina Lindqvist, a Swedish diplomat appointed on Sunday, told journalists at the Palais des Nations "
            "that she had spoken by telephone with ministers in all three capitals.",
            "that she had spoken by telephone with ministers in all three capitals",
            "Katarina Lindqvist",
        ),
        (
            "The bloc’s spokesman, Ibrahim Dauda, a former Nigerian diplomat, said the bloc “regrets” the recall and "
            "urged Bissau “to choose the negotiating table over the microphone”.",
            "the bloc “regrets” the recall",
            "Ibrahim Dauda",
        ),
    ],
    ids=["that-after-a-place", "verb-read-as-a-noun"],
)
def test_a_verb_of_saying_whose_content_the_parser_lost_reports_the_rest_of_its_sentence(
    text: str, content: str, speaker: str
) -> None:
    quote = quote_with(text, content)
    assert quote.text == content
    assert quote.speaker is not None and quote.speaker.name == speaker


def test_a_source_and_verb_of_saying_after_the_report_read_as_a_participle_are_still_its_cue() -> None:
    text = (
        "The talks are due to continue until Thursday. Chile’s economy minister, Tomás Echeverría, will travel to "
        "Lima for the closing session, a Chilean embassy official confirmed on Monday, raising expectations."
    )
    quote = quote_with(text, "will travel to Lima")
    assert quote.text == "Chile’s economy minister, Tomás Echeverría, will travel to Lima for the closing session"
    assert quote.speaker is not None and quote.speaker.name == "a Chilean embassy official"
    assert quote.speaker.country == "CHL"


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Investigators found a way into the compound on Tuesday.", None),
        ("A poll found 40 percent support for the new quota.", "40 percent support for the new quota"),
        ("Investigators found that the dam had been filled too fast.", "that the dam had been filled too fast"),
    ],
    ids=["found-a-thing", "poll-found", "found-that"],
)
def test_a_verb_of_evidence_reports_a_clause_or_what_a_poll_or_study_found(text: str, quoted: str | None) -> None:
    found = [q.text for q in analysed(text).quotes]
    assert found == ([quoted] if quoted else [])


def test_a_clause_closed_by_a_quotation_before_a_set_off_cue_is_what_was_said() -> None:
    # The comma sits inside the closing mark: 'produced "almost nothing," Perez added'.
    text = 'Ministers met in Lisbon on Friday. The summit produced "almost nothing," Perez added.'
    quote = quote_with(text, "almost nothing", kind="mixed")
    assert quote.text == 'The summit produced "almost nothing,"'
    assert quote.speaker is not None and quote.speaker.name == "Perez"


def test_a_participle_of_saying_after_a_clause_is_the_speakers_next_act() -> None:
    text = (
        "Marta Ruiz, a former party chairwoman, mocked the mayor's constant sighing during the Monday debate, "
        'tweeting, "Look at him sweat. Nervous?"'
    )
    mocked = quote_with(text, "constant sighing", kind="indirect")
    assert mocked.text == "the mayor's constant sighing during the Monday debate"
    tweeted = quote_with(text, "Look at him sweat", kind="direct")
    assert tweeted.speaker is not None and tweeted.speaker.name == "Marta Ruiz"


def test_a_quote_split_by_a_cue_and_an_aside_stays_one_quote() -> None:
    text = '"Every time you repeat that," Costa said, referring to the two percent figure, "you hand critics a weapon."'
    quote = quote_with(text, "Every time you repeat that")
    assert any("you hand critics a weapon" in part for part in part_texts(text, quote))
    assert quote.speaker is not None and quote.speaker.name == "Costa"


def test_a_description_after_an_inverted_cue_is_its_source() -> None:
    text = (
        "The minister's refusal to answer did not go down well with deputies, and the hearing soured from "
        "there, said one opposition source in the room."
    )
    quote = quote_with(text, "the hearing soured from there", kind="indirect")
    assert quote.text.startswith("The minister's refusal")
    assert quote.speaker is not None and quote.speaker.described
    assert text[quote.speaker.start : quote.speaker.end] == "one opposition source in the room"


Row = tuple[str, str, str, int, str]
"""One word of a hand-built parse: text, part of speech, dependency, head index, lemma."""


def hand_parsed(rows: list[Row], ents: list[str] | None = None) -> Doc:
    """A Doc parsed as the shipped model sometimes parses it, for rules that repair such parses; a space
    after every word but before punctuation."""
    words = [row[0] for row in rows]
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[i + 1 < len(words) and words[i + 1] not in (",", ".", "?", '"') for i in range(len(words))],
        pos=[row[1] for row in rows],
        deps=[row[2] for row in rows],
        heads=[row[3] for row in rows],
        lemmas=[row[4] for row in rows],
        ents=ents,
    )


def rows(words: str, heads: list[int], deps: str, pos: str, lemmas: str) -> list[Row]:
    """`hand_parsed` rows from words, labels, tags and lemmas each separated by spaces."""
    return list(zip(words.split(), pos.split(), deps.split(), heads, lemmas.split(), strict=True))


def test_a_name_right_before_a_cue_left_without_a_subject_is_its_source() -> None:
    # "On Sunday, Senator Ana Costa said the plan failed" with the name hung on "Sunday" and no subject.
    doc = hand_parsed(
        [
            ("On", "ADP", "case", 1, "on"),
            ("Sunday", "PROPN", "obl", 6, "Sunday"),
            (",", "PUNCT", "punct", 1, ","),
            ("Senator", "PROPN", "compound", 4, "Senator"),
            ("Ana", "PROPN", "appos", 1, "Ana"),
            ("Costa", "PROPN", "flat", 4, "Costa"),
            ("said", "VERB", "ROOT", 6, "say"),
            ("the", "DET", "det", 8, "the"),
            ("plan", "NOUN", "nsubj", 9, "plan"),
            ("failed", "VERB", "ccomp", 6, "fail"),
            (".", "PUNCT", "punct", 6, "."),
        ]
    )
    [cue] = find_cues(doc)
    assert cue.source is not None and doc[cue.source[0] : cue.source[1]].text == "Senator Ana Costa"
    assert [doc[start:end].text for start, end in cue.content] == ["the plan failed"]


def test_a_name_set_off_by_commas_before_a_cue_left_without_a_subject_is_its_source() -> None:
    # "With a week left, Ana Costa, an adviser, called the remarks a warning": the name and its title
    # hung on "week", the cue with no subject, and "a warning" read as an xcomp, not a to-infinitive.
    doc = hand_parsed(
        [
            ("With", "ADP", "case", 2, "with"),
            ("a", "DET", "det", 2, "a"),
            ("week", "NOUN", "obl", 11, "week"),
            ("left", "VERB", "acl", 2, "leave"),
            (",", "PUNCT", "punct", 5, ","),
            ("Ana", "PROPN", "appos", 2, "Ana"),
            ("Costa", "PROPN", "flat", 5, "Costa"),
            (",", "PUNCT", "punct", 9, ","),
            ("an", "DET", "det", 9, "an"),
            ("adviser", "NOUN", "appos", 5, "adviser"),
            (",", "PUNCT", "punct", 11, ","),
            ("called", "VERB", "ROOT", 11, "call"),
            ("the", "DET", "det", 13, "the"),
            ("remarks", "NOUN", "obj", 11, "remark"),
            ("a", "DET", "det", 15, "a"),
            ("warning", "NOUN", "xcomp", 11, "warning"),
            (".", "PUNCT", "punct", 11, "."),
        ],
        ents=["O"] * 5 + ["B-PER", "I-PER"] + ["O"] * 10,
    )
    [cue] = find_cues(doc)
    assert cue.source is not None and doc[cue.source[0] : cue.source[1]].text == "Ana Costa"
    assert [doc[start:end].text for start, end in cue.content] == ["the remarks a warning"]


def test_a_participle_of_saying_set_off_at_the_end_of_a_sentence_speaks_for_its_subject() -> None:
    # "Dean mocked the sighing, tweeting, ..." with "tweeting" hung on the noun, far from any subject.
    doc = hand_parsed(
        [
            ("Dean", "PROPN", "nsubj", 1, "Dean"),
            ("mocked", "VERB", "ROOT", 1, "mock"),
            ("the", "DET", "det", 3, "the"),
            ("sighing", "NOUN", "obj", 1, "sighing"),
            (",", "PUNCT", "punct", 5, ","),
            ("tweeting", "VERB", "acl", 3, "tweet"),
            (",", "PUNCT", "punct", 8, ","),
            ('"', "PUNCT", "punct", 8, '"'),
            ("Nervous", "ADJ", "parataxis", 1, "nervous"),
            ("?", "PUNCT", "punct", 8, "?"),
            ('"', "PUNCT", "punct", 8, '"'),
        ]
    )
    [tweeting] = [cue for cue in find_cues(doc) if cue.token == 5]
    assert tweeting.source is not None and doc[tweeting.source[0] : tweeting.source[1]].text == "Dean"


def test_a_clause_before_the_source_of_its_cue_is_what_was_said() -> None:
    # "The levy falls hardest on farmers, the institute said" with the clause read as an adverbial one;
    # opened by "When", the same clause says when, not what.
    rows: list[Row] = [
        ("The", "DET", "det", 1, "the"),
        ("levy", "NOUN", "nsubj", 2, "levy"),
        ("falls", "VERB", "advcl", 10, "fall"),
        ("hardest", "ADV", "advmod", 2, "hard"),
        ("on", "ADP", "case", 5, "on"),
        ("farmers", "NOUN", "obl", 2, "farmer"),
        (",", "PUNCT", "punct", 2, ","),
        ("the", "DET", "det", 9, "the"),
        ("Rural", "PROPN", "compound", 9, "Rural"),
        ("Institute", "PROPN", "nsubj", 10, "Institute"),
        ("said", "VERB", "ROOT", 10, "say"),
        (".", "PUNCT", "punct", 10, "."),
    ]
    doc = hand_parsed(rows)
    [cue] = find_cues(doc)
    assert [doc[start:end].text for start, end in cue.content] == ["The levy falls hardest on farmers"]
    when = hand_parsed([("When", "SCONJ", "mark", 3, "when")] + [(w, p, d, h + 1, lem) for w, p, d, h, lem in rows])
    assert all(not cue.content for cue in find_cues(when))


def test_an_as_aside_reports_the_sentence_around_it() -> None:
    text = 'The main condition for the permit is a "clean record of payments," as a ministry memo put it.'
    quote = quote_with(text, "clean record of payments", kind="mixed")
    assert quote.text.startswith("The main condition for the permit")
    assert quote.speaker is not None and quote.speaker.name == "a ministry memo"
    assert analysed("The army put it on alert after the border clash.").quotes == []


def test_an_as_aside_that_opens_the_sentence_reports_the_rest_of_it() -> None:
    text = "As Costa said on Monday, the talks are over."
    quote = quote_with(text, "the talks are over", kind="indirect")
    assert quote.text == "the talks are over"
    assert quote.speaker is not None and quote.speaker.name == "Costa"


def test_quoted_words_put_on_an_object_with_as_are_a_stance_of_any_verb() -> None:
    text = 'Senate leader Tom Reyes has been steadily pounding the governor as a "con artist" since the spring.'
    quote = quote_with(text, "con artist", kind="mixed")
    assert quote.text == 'the governor as a "con artist"'
    assert quote.speaker is not None and quote.speaker.name == "Tom Reyes"
    assert analysed("Rescue teams have been pounding the rubble as a last resort since Monday.").quotes == []


# --- Sports and wire formats --------------------------------------------------------------------------------


def test_a_described_person_with_a_colon_labels_a_match_reaction() -> None:
    text = (
        "Cusco ended their unbeaten run with a scrappy win.\n\n"
        '- Lima Rovers coach Pedro Salas: "We missed a great chance to go ahead early. "Then we let them '
        'control the game."\n\n'
        '- Cusco manager Ines Varela: "It was not our best performance but we deserved to win."'
    )
    salas = quote_with(text, "great chance")
    assert salas.speaker is not None and salas.speaker.name == "Pedro Salas"
    varela = quote_with(text, "best performance")
    assert varela.speaker is not None and varela.speaker.name == "Ines Varela"


def test_a_new_speaker_after_a_closed_quote_does_not_take_it_over() -> None:
    text = (
        'Lima Rovers coach Pedro Salas spoke after training. "Ortega has no chance of playing on Sunday," he '
        'said. "The medical staff will do everything to get Mendez fit. We will have to wait and see." '
        "Ines Varela said she was unsure what had caused the injury."
    )
    continued = quote_with(text, "medical staff")
    assert continued.speaker is not None and continued.speaker.name == "Pedro Salas"


def test_the_same_speaker_goes_on_after_a_closed_quote() -> None:
    text = (
        'Senator Lucia Ferro told the Andes Courier: "In most cases that holds, but there are exceptions." '
        "She said the committee had made such exceptions before."
    )
    ruled = quote_with(text, "most cases")
    assert ruled.speaker is not None and ruled.speaker.name == "Lucia Ferro"


def test_an_aside_after_a_name_is_no_part_of_the_source() -> None:
    text = (
        "The proposals met with disapproval from fishermen's groups. Juan Ortega, from the campaign group Mar "
        'Libre, said: "It is very disappointing. This is the same old quota under a new name."'
    )
    disappointing = quote_with(text, "very disappointing")
    assert disappointing.speaker is not None and disappointing.speaker.name == "Juan Ortega"
    # a pronoun after a relative clause's preposition has no aside before it
    speech = (
        "Ana Costa gave details of the reforms in a speech to the Lima Fabian Society, in which she also "
        "praised Rui Tanaka as a leader of the reform process."
    )
    praise = quote_with(speech, "Rui Tanaka as a leader")
    assert praise.speaker is not None and praise.speaker.name == "Ana Costa"


MISREAD_SOURCES = {
    # '"It is serious," said Pedro Salas, whose team meet Cusco.' parsed as "said [Pedro Salas ... meet
    # Cusco]": the name the subject of a clause the cue reports, the cue left without a subject
    "inverted-said": (
        '" It is serious , " said Pedro Salas , whose team meet Cusco .',
        [3, 3, 3, 6, 3, 3, 6, 12, 7, 11, 11, 7, 6, 12, 6],
        "punct nsubj cop ccomp punct punct ROOT nsubj flat punct nmod appos ccomp obj punct",
        "PUNCT PRON AUX ADJ PUNCT PUNCT VERB PROPN PROPN PUNCT PRON NOUN VERB PROPN PUNCT",
        '" it be serious , " say Pedro Salas , whose team meet Cusco .',
        6,
        "Pedro Salas",
    ),
    # "It means Salas, who wants to sign Mendez." with "who wants" parsed as a clause "means" reports
    "who-after-a-name": (
        "It means Salas , who wants to sign Mendez .",
        [1, 1, 1, 5, 5, 1, 7, 5, 7, 1],
        "nsubj ROOT obj punct nsubj ccomp mark xcomp obj punct",
        "PRON VERB PROPN PUNCT PRON VERB PART VERB PROPN PUNCT",
        "it mean Salas , who want to sign Mendez .",
        5,
        "Salas",
    ),
}


@pytest.mark.parametrize("case", MISREAD_SOURCES.values(), ids=MISREAD_SOURCES.keys())
def test_the_source_is_found_where_the_parser_misread_it(case: tuple) -> None:
    words, heads, deps, pos, lemmas, cue_token, source = case
    doc = hand_parsed(rows(words, heads, deps, pos, lemmas))
    [cue] = [cue for cue in find_cues(doc) if cue.token == cue_token]
    assert cue.source is not None and doc[cue.source[0] : cue.source[1]].text == source


def test_a_sentence_opening_with_with_leaves_its_verb_active() -> None:
    # "With ..., X called ...": the fronted phrase is no absolute "with 40 people killed", which would make
    # "called" a passive whose subject is called something, not the one calling
    text = (
        "With two weeks to go before the vote, Ana Costa, a senior adviser to the campaign, called the "
        'speech "a turning point" for the party.'
    )
    quote = quote_with(text, "a turning point")
    assert quote.speaker is not None and quote.speaker.name == "Ana Costa"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"He will be out for six weeks after a bad tackle," said Rovers boss Dario Moyes.', "Dario Moyes"),
        (
            "Loyalty schemes could help, especially by cutting the number of customers who leave each year, "
            "said Ian Moss, an analyst with a research firm.",
            "Ian Moss",
        ),
    ],
    ids=["club-made-subject-of-the-title", "one-word-name-the-parser-joins"],
)
def test_an_inverted_cue_names_the_person_after_it(text: str, speaker: str) -> None:
    [quote] = analysed(text).quotes
    assert quote.speaker is not None and quote.speaker.name == speaker


def test_what_a_misparsed_cue_reports_is_never_its_source() -> None:
    text = (
        "Mr Ferrante, who in May denied he would stand for the Green party although he had spoken at its "
        'meetings, said the tax was a "difficult issue".'
    )
    for quote in analysed(text).quotes:
        assert quote.speaker is None or "tax" not in quote.speaker.name


@pytest.mark.parametrize(
    "text",
    [
        "The present credit line runs out in June and the new one would see the province receive added support "
        "until 2012.",
        "Luca Bruni did reply with a try for Italy but late scores from Sam Evans and Owen Price sealed the win.",
        "The visitors responded with two goals in five minutes.",
    ],
    ids=["added-support", "replied-with-a-try", "responded-with-goals"],
)
def test_a_verb_of_saying_in_another_sense_reports_nothing(text: str) -> None:
    assert analysed(text).quotes == []


def test_what_was_added_is_still_reported() -> None:
    text = "The minister said the plan was fair. She added the talks had gone well."
    assert quote_with(text, "the talks had gone well").speaker is not None


def test_added_that_misread_as_an_object_is_still_reported() -> None:
    text = "Jim Carter added that low running costs and reliability were deciding factors."
    assert quote_with(text, "deciding factors").speaker is not None


def test_a_project_named_in_capitals_and_digits_is_no_one_a_pronoun_stands_for() -> None:
    text = (
        '"The museum is lending us the footage," explained Dr Ana Vidal of Telmex, who will be XR7\'s technical '
        'lead.\n\n"The phone today is a rather limited device," she said.'
    )
    assert quote_with(text, "limited device").speaker.name == "Ana Vidal"
