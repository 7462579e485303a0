"""Cue shapes beyond a verb of saying with a clause: a verb the tagger took for a noun, adjectives of
thinking, "made clear", stances, questions, and where the content of a cue starts and stops. Sentences
written for these tests (fictional people), run through `analyze`."""

from __future__ import annotations

import functools

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsgraph.model import Analysis, Quote
from newsgraph.pipeline import analyze
from newsgraph.quotes.cues import _in_a_name


@functools.cache
def analysed(text: str) -> Analysis:
    return analyze(text)


def only_quote(text: str) -> Quote:
    quotes = analysed(text).quotes
    assert len(quotes) == 1, [(q.text, q.cue.text if q.cue else None) for q in quotes]
    return quotes[0]


def mention_and_words(text: str) -> tuple[str, str]:
    """Where the one quote's speaker is mentioned, and its words."""
    quote = only_quote(text)
    assert quote.speaker is not None and quote.speaker.start is not None
    return text[quote.speaker.start : quote.speaker.end], quote.text


def speaker_name(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker else None


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Halvorsen remarks that the weather has improved.", "Halvorsen", "that the weather has improved"),
        (
            "Backers of the merger claim it will cut prices.",
            "Backers of the merger",
            "it will cut prices",
        ),
    ],
    ids=["remarks", "claim"],
)
def test_a_verb_the_tagger_read_as_a_noun_is_still_a_cue(text: str, speaker: str, content: str) -> None:
    assert mention_and_words(text) == (speaker, content)


def test_a_noun_of_saying_with_an_owner_stays_a_noun_cue() -> None:
    text = "Judge Amara Diallo's conclusion that the files should stay sealed was not shared by the court."
    quote = only_quote(text)
    assert quote.text == "that the files should stay sealed"
    assert speaker_name(quote) == "Amara Diallo"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The two states agreed to adopt one postal system and trust each other with customs checks.",
            "to adopt one postal system and trust each other with customs checks",
        ),
        (
            "Senator Ruth Okonjo wants to double the size of the service corps, open new offices and hire more nurses.",
            "to double the size of the service corps, open new offices and hire more nurses",
        ),
    ],
    ids=["and-rely", "list-of-infinitives"],
)
def test_a_bare_infinitive_after_the_cue_goes_on_with_the_infinitive(text: str, content: str) -> None:
    assert only_quote(text).text == content


def test_a_finite_verb_after_an_infinitive_is_the_speaker_s_next_act() -> None:
    quotes = analysed("Ines Varela promised to cut fares and said the budget would shrink.").quotes
    assert sorted(q.text for q in quotes) == ["the budget would shrink", "to cut fares"]


def test_a_second_that_clause_is_more_of_what_was_said_even_with_a_cue_inside() -> None:
    text = "Tomas Berg said the port needs new cranes, but that he would not back a sale of the docks."
    quote = only_quote(text)
    assert quote.text == "the port needs new cranes, but that he would not back a sale of the docks"


def test_a_phrase_the_parser_hung_on_the_verb_after_the_object_says_what_the_object_is() -> None:
    text = "The survey revealed a wide gap in what the two sides are willing to pay."
    assert only_quote(text).text == "a wide gap in what the two sides are willing to pay"


def test_where_and_when_the_words_came_out_is_no_part_of_them() -> None:
    text = "Marta Quispe praised the plan in a statement on Thursday."
    assert only_quote(text).text == "the plan"


def test_an_infinitive_after_a_stance_s_object_says_what_the_object_asked() -> None:
    text = "Prime Minister Lena Soto rejected calls to stop filling the reservoir."
    assert only_quote(text).text == "calls to stop filling the reservoir"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Then Dr Pavel Novak asked the farmers if they had been paid yet.", "if they had been paid yet"),
        ("Rosa Lindqvist wondered whether the plan would work.", "whether the plan would work"),
    ],
    ids=["asked-if", "wondered-whether"],
)
def test_a_question_opened_by_if_or_whether_is_what_was_asked(text: str, content: str) -> None:
    assert only_quote(text).text == content


def test_a_condition_after_said_stays_inside_what_was_said() -> None:
    text = "Dario Fumagalli said he would resign if the vote failed."
    assert only_quote(text).text == "he would resign if the vote failed"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Governor Alma Reyes endorsed Tomas Ibarra last week.", "Alma Reyes", "Tomas Ibarra"),
        ("The farmers' union opposed the new water tariff.", "The farmers' union", "the new water tariff"),
        ("The Green Party backed the plan to close the coal plant.", "Green Party", "the plan to close the coal plant"),
        ("The city council welcomed the ruling.", "The city council", "the ruling"),
        ("Chile on Tuesday rejected a Peruvian proposal.", "Chile", "a Peruvian proposal"),
    ],
    ids=["endorsed", "opposed", "backed", "welcomed", "rejected-with-a-day"],
)
def test_support_and_opposition_are_stances(text: str, speaker: str, content: str) -> None:
    quote = only_quote(text)
    assert (speaker_name(quote), quote.text, quote.confidence) == (speaker, content, 0.5)


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "But the organisers are convinced that the march will go ahead.",
            "the organisers",
            "that the march will go ahead",
        ),
        ("Aylin Demir is confident that the bill will pass.", "Aylin Demir", "that the bill will pass"),
        ("Officials in Quito are worried the talks will fail.", "Officials in Quito", "the talks will fail"),
    ],
    ids=["convinced", "confident", "worried"],
)
def test_an_adjective_of_thinking_after_a_copula_is_a_cue(text: str, speaker: str, content: str) -> None:
    assert mention_and_words(text) == (speaker, content)


@pytest.mark.parametrize(
    "text",
    ["It is certain that the vote will be close.", "A confident team took the field."],
    ids=["it-is-certain", "no-clause"],
)
def test_an_adjective_with_no_one_or_no_clause_is_no_cue(text: str) -> None:
    assert analysed(text).quotes == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Several governors made clear that they want the road plan approved before winter.",
            "that they want the road plan approved before winter",
        ),
        (
            "Marisol Vega made it clear to the nurses on Friday that she will defend their pay.",
            "that she will defend their pay",
        ),
    ],
    ids=["made-clear", "made-it-clear"],
)
def test_making_something_clear_is_saying_it(text: str, content: str) -> None:
    quote = only_quote(text)
    assert quote.text == content and quote.cue is not None and quote.cue.text.startswith("made")


def test_a_quotation_after_a_second_verb_is_not_the_first_verb_s() -> None:
    text = (
        "Domingas Correia welcomed the sanctions but urged the bloc to \u201ckeep the pressure on until the "
        "assembly sits again\u201d."
    )
    stance = next(q for q in analysed(text).quotes if q.text == "the sanctions")
    assert len(stance.parts) == 1


def test_a_device_s_features_are_no_one_s_words() -> None:
    assert analysed("The new handset supports wireless play and faster downloads.").quotes == []


def test_a_second_source_s_report_coordinated_inside_the_content_is_its_own_quote() -> None:
    text = (
        "Republicans say they are convinced the agency mishandled the inquiry and Democrats accused the party "
        "of stoking the issue."
    )
    quotes = {q.text: speaker_name(q) for q in analysed(text).quotes}
    assert quotes == {
        "they are convinced the agency mishandled the inquiry": "Republicans",
        "the party of stoking the issue": "Democrats",
    }


def test_a_past_perfect_report_inside_the_content_stays_in_it() -> None:
    text = "Lucia Ferraz said the minister had resigned and officials had confirmed the news."
    assert only_quote(text).text == "the minister had resigned and officials had confirmed the news"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "One farmer backing the mayor, Darran Whitby of the co-operative in Salta, said he had sent more than "
            "200 letters to other growers.",
            "Darran Whitby",
        ),
        (
            "Ohio delegate John Archway, wearing a hat covered in badges, said he likes how the newcomer "
            "is paying for her campaign.",
            "John Archway",
        ),
    ],
    ids=["name-of-church", "description-before-name"],
)
def test_a_name_set_off_before_said_is_its_source_however_the_parser_hung_it(text: str, speaker: str) -> None:
    assert speaker_name(only_quote(text)) == speaker


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The board decided to sell the stadium.", "to sell the stadium"),
        ("Kofi Mensah hopes to win the seat back in May.", "to win the seat back in May"),
        ("Senator Ada Kurti voted against the crime bill.", "the crime bill"),
        ("The renewed Democratic calls for a recount went unanswered.", "a recount"),
        ("Her criticism of the pension plan was sharp.", "the pension plan"),
    ],
    ids=["decided-to", "hopes-to", "voted-against", "calls-for", "criticism-of"],
)
def test_intentions_votes_and_nouns_of_saying_with_a_phrase(text: str, content: str) -> None:
    assert only_quote(text).text == content


@pytest.mark.parametrize(
    "text",
    [
        "The by-election could decide who controls the council.",
        "Her remarks on Saturday drew a crowd.",
        "The group won a name as a protest act, which the drummer dismissed as a label.",
        "The lamp should reach shops in March and is expected to cost 80 euros.",
        "The award, voted by club members, went to Ana Diaz.",
        "One thing is certain: the budget will not pass.",
        "The suspects have been held since the bombing on 3 March 2009.",
    ],
    ids=[
        "decide-an-outcome",
        "remarks-on-a-day",
        "relative-pronoun-object",
        "is-expected-after-and",
        "voted-by",
        "one-thing-is-certain",
        "attacks-on-a-date",
    ],
)
def test_no_quote_from_an_outcome_a_day_or_a_relative_pronoun(text: str) -> None:
    assert analysed(text).quotes == []


def test_a_passive_with_its_be_left_out_names_no_one_who_expects() -> None:
    text = (
        "The row worried councillors defending their seats in a vote, widely thought likely to come in June, and "
        "several members are angry."
    )
    assert [q for q in analysed(text).quotes if q.cue is not None and q.cue.text == "expected"] == []
    assert only_quote("Analysts had expected to see a rise in sales.").text == "to see a rise in sales"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Many of her voters believe the new tax is unfair.",
            "Many of her voters",
            "the new tax is unfair",
        ),
        (
            "The firm chose to file in Cordoba, where banking experts say some courts settle cases quickly.",
            "banking experts",
            "some courts settle cases quickly",
        ),
    ],
    ids=["clause-read-as-a-conjunct", "experts-say-after-where"],
)
def test_what_the_parser_joined_wrongly_is_still_a_report(text: str, speaker: str, content: str) -> None:
    assert mention_and_words(text) == (speaker, content)


def test_a_cue_with_an_adverb_set_off_by_commas_reports_the_sentence_around_it() -> None:
    text = "Water, Mr. Okafor often says, is the real border issue in the valley."
    quote = only_quote(text)
    assert [text[s:e] for s, e in quote.parts] == ["Water", "is the real border issue in the valley"]


def test_a_second_cue_the_tagger_read_as_a_noun_after_and_is_a_cue() -> None:
    text = "He proposes doing away with the fee, and plans to cut care bills without new rules."
    assert {q.text for q in analysed(text).quotes} == {
        "doing away with the fee",
        "to cut care bills without new rules",
    }


def test_a_per_cent_sign_stays_with_its_number() -> None:
    assert only_quote("The statistics office said unemployment rose to 7.4%.").text == "unemployment rose to 7.4%"


def test_an_object_whose_possessive_opens_the_report_is_part_of_it() -> None:
    text = 'Mrs Lindqvist said the Law Lords\' finding was "in line with what we expected" and praised the court.'
    [said] = [q for q in analysed(text).quotes if q.cue is not None and q.cue.text == "said"]
    assert said.text == 'the Law Lords\' finding was "in line with what we expected"'


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "According to the census, nearly 3 million households in Peru, Bolivia, Chile and Ecuador now cook "
            "with gas.",
            "nearly 3 million households in Peru, Bolivia, Chile and Ecuador now cook with gas",
        ),
        ("According to Miguel Arroyo, the embassy spokesman, the talks failed.", "the talks failed"),
    ],
    ids=["words-hung-on-the-source", "apposition-stays-the-source"],
)
def test_an_opening_according_to_reports_everything_after_its_source(text: str, content: str) -> None:
    assert only_quote(text).text == content


def test_a_second_source_coordinated_inside_a_report_takes_the_rest_of_it() -> None:
    text = (
        "Fishermen say the port authority has been feuding with the ministry and the Greens claim bureaucratic "
        "jealousy is delaying vital repairs."
    )
    assert {(speaker_name(q), q.text) for q in analysed(text).quotes} == {
        ("Fishermen", "the port authority has been feuding with the ministry"),
        ("the Greens", "bureaucratic jealousy is delaying vital repairs"),
    }


def test_a_report_of_a_report_keeps_both_in_its_content() -> None:
    quote = only_quote("He said the minister claimed the deal was dead.")
    assert quote.text == "the minister claimed the deal was dead"


def test_an_ampersand_joins_the_name_after_according_to() -> None:
    quote = only_quote("Prices rose again in March, according to estate agents Knight & Pryce.")
    assert quote.speaker is not None and quote.speaker.name.endswith("Knight & Pryce")


def test_a_reported_clause_the_parser_made_a_second_subject_of_the_cue_is_what_was_said() -> None:
    quote = analysed("The memoir was published on Monday. It says the talks nearly failed twice.").quotes[-1]
    assert (quote.cue.text if quote.cue else None, quote.text) == ("says", "the talks nearly failed twice")


def test_a_reported_subject_the_parser_made_the_cues_object_keeps_its_verb() -> None:
    text = "The inquiry said compulsory licensing for trawlers, as opposed to voluntary codes, should be brought in."
    assert only_quote(text).text == (
        "compulsory licensing for trawlers, as opposed to voluntary codes, should be brought in"
    )


@pytest.mark.parametrize(
    ("text", "not_said"),
    [
        ("The ministry believes the fleet, pressed by the unions, is ready to stay in port.", "pressed by"),
        ('The bill proposes "fishing zones", which would mean closed waters for most trawlers.', "which would"),
        ("Halvorsen reported its best quarterly sales, lifted by higher fuel prices.", "lifted by"),
        ("Ms Rhys had to argue her case to be allowed to keep racing with the sport's governing body.", "allowed"),
    ],
    ids=["participle-as-subject", "relative-clause-as-subject", "participle-with-agent", "to-infinitive"],
)
def test_a_participle_relative_clause_or_infinitive_after_a_cue_is_not_its_report(text: str, not_said: str) -> None:
    assert not any(not_said in q.text for q in analysed(text).quotes)


@pytest.mark.parametrize(
    "text",
    [
        "The index orders cities according to the steps their councils have taken.",
        "Staff were paid according to how many hours they worked.",
    ],
    ids=["steps", "how-many"],
)
def test_according_to_what_something_goes_by_is_no_source(text: str) -> None:
    assert analyze(text).quotes == []


def test_according_to_the_law_after_a_verb_is_no_source_but_opening_a_sentence_is() -> None:
    [said] = analyze("The dispute will be settled according to the law, the minister said.").quotes
    assert said.speaker is not None and said.speaker.name == "the minister"
    [law] = analyze("According to the law, employers must give staff a written contract.").quotes
    assert law.speaker is not None and law.speaker.name == "the law"
    [police] = analyze("Three people were hurt, according to police.").quotes
    assert police.speaker is not None and police.speaker.name == "police"


def test_so_called_words_are_said_by_no_one_here() -> None:
    assert analyze('Airlines are betting on so-called "super carriers" to win back long-haul passengers.').quotes == []
    [called] = analyze('The minister called the plan "a disgrace".').quotes
    assert (called.kind, called.speaker.name if called.speaker else None) == ("mixed", "The minister")


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Tom Hale, a spokesman for the Hale campaign, said the Hales and the charity had never taken gifts "
            "from builders.",
            "Tom Hale",
            "the Hales and the charity had never taken gifts from builders",
        ),
        (
            "A spokesman for the league said the clubs and the league had always been open about money.",
            "A spokesman for the league",
            "the clubs and the league had always been open about money",
        ),
    ],
    ids=["object-and-clause", "second-subject-and-clause"],
)
def test_a_reported_subject_of_two_nouns_keeps_its_clause(text: str, speaker: str, content: str) -> None:
    """The parser hangs the reported clause's first noun on "said" and its verb on that noun's "and"."""
    assert mention_and_words(text) == (speaker, content)


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        (
            "The bloc's spokesman said the bloc “regrets” the recall and urged Bissau “to talk”.",
            ["the bloc “regrets” the recall", "Bissau “to talk”"],
        ),
        (
            "Officials deny any links to the group, but critics point to charities that fund it.",
            ["any links to the group", "charities that fund it"],
        ),
    ],
    ids=["the-speaker-acts-again", "a-second-sentence"],
)
def test_a_clause_joined_after_the_object_is_not_always_what_was_said(text: str, contents: list[str]) -> None:
    assert sorted(q.text for q in analysed(text).quotes) == sorted(contents)


def test_a_participle_the_tagger_read_as_a_noun_reports_its_that_clause() -> None:
    text = (
        "The mayor seemed to accept she knew the risks, warning that the council is "
        '"still short of money and should avoid another loan."'
    )
    [quote] = [q for q in analysed(text).quotes if q.cue and q.cue.text == "warning"]
    assert quote.text.startswith("that the council is")
    assert speaker_name(quote) == "The mayor"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The cafe owner was kind and careful, a harbour official told the Gazette.",
            "a harbour official",
            "The cafe owner was kind and careful",
        ),
        (
            "The ferry's captain, who lived in Bergen, worked as a pilot for the harbour company, the "
            "broadcaster said.",
            "the broadcaster",
            "The ferry's captain, who lived in Bergen, worked as a pilot for the harbour company",
        ),
    ],
    ids=["told-after-the-report", "said-after-a-report-with-an-aside"],
)
def test_a_source_and_verb_ending_the_sentence_report_the_clause_before_the_comma(
    text: str, speaker: str, content: str
) -> None:
    """However the parser hung the clause before the comma, a source and a verb of saying that end the
    sentence report it."""
    assert mention_and_words(text) == (speaker, content)


def test_a_verb_of_saying_with_an_object_of_its_own_reports_nothing_before_it() -> None:
    text = "The mayor left the levy alone in 2019, but despite fears of more marches, she added 2p a litre."
    assert analysed(text).quotes == []


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            'Ruiz would be a better mayor than Hale "no matter what," Costa said.',
            "Costa",
            'Ruiz would be a better mayor than Hale "no matter what,"',
        ),
        (
            'The country needs leaders "who understand that loud words in hard times cause more trouble," Hale said.',
            "Hale",
            'The country needs leaders "who understand that loud words in hard times cause more trouble,"',
        ),
    ],
    ids=["short-quoted-words", "a-relative-clause-quoted"],
)
def test_quoted_words_ending_a_report_before_its_cue_make_a_mixed_quote_of_the_sentence(
    text: str, speaker: str, content: str
) -> None:
    """The speaker said the whole sentence, not only its quoted end; short quoted words count too."""
    quote = only_quote(text)
    assert (quote.kind, speaker_name(quote), quote.text) == ("mixed", speaker, content)


@pytest.mark.parametrize(
    "text",
    [
        'Owing to these "ghost fleets", illegal fishing continued across the gulf last year.',
        '"We will win," Hale said.',
    ],
    ids=["no-cue-ends-the-sentence", "a-quotation-opening-its-sentence"],
)
def test_quoted_words_are_no_mixed_report_without_words_and_a_cue_around_them(text: str) -> None:
    assert all(q.kind != "mixed" for q in analysed(text).quotes)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Costa said he valued the mayor’s “loyalty” and the help of his staff.",
            "he valued the mayor’s “loyalty” and the help of his staff",
        ),
        (
            'Hale said in a statement that Ruiz "has a long record of backing the port" and has "given large sums '
            'to the harbour school."',
            'that Ruiz "has a long record of backing the port" and has "given large sums to the harbour school."',
        ),
    ],
    ids=["a-noun-after-and", "a-perfect-after-and"],
)
def test_what_the_parser_hangs_on_the_cue_after_quoted_words_is_more_of_the_report(text: str, content: str) -> None:
    """After a closing mark the parser joins the rest of the report to "said": a noun, or a verb with a
    tense "said" has not, cannot be the speaker's next act."""
    assert only_quote(text).text == content


def test_a_second_act_of_the_speaker_stays_out_of_the_report() -> None:
    assert only_quote("Costa said the talks failed and left the room.").text == "the talks failed"


def test_a_word_of_the_adjective_lexicon_used_as_a_verb_is_a_verb_cue() -> None:
    quote = only_quote('Ruiz worried that the welfare system was becoming "a trap for the young."')
    assert (speaker_name(quote), quote.text) == ("Ruiz", 'that the welfare system was becoming "a trap for the young."')


def test_a_second_verb_joined_by_and_to_an_active_one_is_active_whatever_its_tag() -> None:
    text = 'The bishop called the cuts "cruel" and called on officials "not to fuel that anger."'
    contents = sorted(q.text for q in analysed(text).quotes)
    assert contents == ['on officials "not to fuel that anger."', 'the cuts "cruel"']


def test_the_noun_before_a_verb_after_an_opening_participle_clause_is_its_subject() -> None:
    text = "Having fled Syria in late May, the family worried that the riots would further sour views of refugees."
    quote = only_quote(text)
    assert speaker_name(quote) == "the family"
    assert quote.text == "that the riots would further sour views of refugees"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The mayor's appetite for the job remains strong, Alan Ruiz, the party's strategist told the radio.",
            "Alan Ruiz",
            "The mayor's appetite for the job remains strong",
        ),
        (
            "Hale died at his home in Santa Fe, New Mexico, a spokesman said.",
            "a spokesman",
            "Hale died at his home in Santa Fe, New Mexico",
        ),
    ],
    ids=["a-name-before-its-description", "a-place-before-the-source"],
)
def test_a_report_before_its_source_stops_before_the_speakers_name_not_a_place(
    text: str, speaker: str, content: str
) -> None:
    quote = only_quote(text)
    assert (speaker_name(quote), quote.text) == (speaker, content)


def test_a_question_put_to_the_speaker_is_not_what_the_speaker_said() -> None:
    asked = 'Asked whether he thought the council should have closed the library, he said: "I don\'t know."'
    assert [(q.kind, q.text) for q in analysed(asked).quotes] == [("direct", "I don't know.")]
    pressed = "Asked if she would stand again, Lopes said she had not decided."
    assert [(speaker_name(q), q.text) for q in analysed(pressed).quotes] == [("Lopes", "she had not decided")]
    answer = 'Asked about the flooding, Soto said that the new dykes had "done their job".'
    assert [q.text for q in analysed(answer).quotes] == ['that the new dykes had "done their job"']
    # the speaker's own question stays a report
    own = "The mayor asked whether voters thought the tax was fair."
    assert [q.text for q in analysed(own).quotes] == ["whether voters thought the tax was fair"]


def test_claiming_a_title_is_winning_it_and_a_bare_aim_in_a_relative_clause_reports_nothing() -> None:
    assert analysed("Ana Lopes held off a late charge to claim the women's 200m title in Oslo.").quotes == []
    assert analysed("Lopes was close to the mark as she claimed second place in a personal best.").quotes == []
    assert [q.text for q in analysed("Lopes claimed the vote had been rigged.").quotes] == ["the vote had been rigged"]
    assert analysed("Ruiz has left the club she had hoped to manage.").quotes == []
    assert [q.text for q in analysed("Lopes wants to lead the party.").quotes] == ["to lead the party"]


def test_repeating_a_deed_reports_nothing_and_repeating_words_reports_them() -> None:
    assert analysed("Lopes scored from the spot in the first half and repeated the feat after the break.").quotes == []
    assert [q.text for q in analysed("The minister repeated his call for calm on Sunday.").quotes] == [
        "his call for calm"
    ]


def test_a_share_after_according_to_opens_the_report_not_the_source() -> None:
    quote = only_quote("According to Rimac Research 44% of voters use just one news site.")
    assert (speaker_name(quote), quote.text) == ("Rimac Research", "44% of voters use just one news site")


def test_a_description_set_off_before_the_name_that_ends_a_report_is_the_speakers() -> None:
    quote = only_quote(
        "The company held back its appeal while it sought a deal with lenders, its lawyer, Ana Ruiz, said."
    )
    assert (speaker_name(quote), quote.text) == (
        "Ana Ruiz",
        "The company held back its appeal while it sought a deal with lenders",
    )


def test_a_report_interrupted_by_its_cue_is_given_without_the_cue() -> None:
    quote = only_quote("The fishing quotas had hurt the port, she said, although a new deal might help.")
    assert quote.text == "The fishing quotas had hurt the port … although a new deal might help"
    assert len(quote.parts) == 2


@pytest.mark.parametrize(
    "text",
    [
        "The grocer posted a rise of 12% in its half-year profits.",
        "Players and fans observed a minute's silence before the derby.",
        "Norland does not recognise the new government in Port Lyle.",
        "The Greens have maintained a narrow lead in the northern suburbs.",
        "While Okafor maintains the title of manager and travels with the team, the owner has hired two coaches.",
    ],
)
def test_a_figure_posted_or_a_state_kept_is_no_report(text: str) -> None:
    assert analysed(text).quotes == []


def test_a_message_posted_or_a_claim_kept_is_what_was_said() -> None:
    posted = "The singer posted a message of thanks to her fans."
    assert [q.text for q in analysed(posted).quotes] == ["a message of thanks to her fans"]
    kept = "The minister maintained that the tender had been fair."
    assert [q.text for q in analysed(kept).quotes] == ["that the tender had been fair"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("More than half of the farmers in the survey said the rains came late.", "More than half of the farmers"),
        ("Fewer than one in five nurses said they trusted the new rota.", "Fewer than one in five nurses"),
    ],
)
def test_a_share_before_the_verb_is_its_source(text: str, speaker: str) -> None:
    quote = only_quote(text)
    assert quote.speaker is not None and text[quote.speaker.start : quote.speaker.end].startswith(speaker)


def test_a_fronted_report_opened_by_nor_is_what_was_said() -> None:
    quote = only_quote(
        "Nor are tariffs likely to win many of those factory jobs back, said Ines Vaz, a lecturer in trade at "
        "the college."
    )
    assert (speaker_name(quote), quote.text) == (
        "Ines Vaz",
        "Nor are tariffs likely to win many of those factory jobs back",
    )


@pytest.mark.parametrize(
    "text",
    [
        'The two ministers will meet in Quito next week, Salas said, adding, "They have a lot to settle."',
        'Salas said the two ministers will meet in Quito next week, adding, "They have a lot to settle."',
        "The two ministers will meet in Quito next week, Salas said, adding that they have a lot to settle.",
    ],
)
def test_what_the_speaker_adds_is_a_quote_of_its_own(text: str) -> None:
    quotes = analysed(text).quotes
    assert len(quotes) == 2, [q.text for q in quotes]
    assert {speaker_name(q) for q in quotes} == {"Salas"}
    assert "will meet in Quito next week" in quotes[0].text and "adding" not in quotes[0].text
    assert "a lot to settle" in quotes[1].text


def test_a_participle_after_a_fronted_report_shares_the_source_of_its_cue() -> None:
    text = "The tax bill is politically driven, the charity said, adding that it settled the sum in May."
    assert [(speaker_name(q), q.text) for q in analysed(text).quotes] == [
        ("the charity", "The tax bill is politically driven"),
        ("the charity", "that it settled the sum in May"),
    ]


def test_a_relative_clause_after_a_description_is_no_interrupting_cue() -> None:
    text = (
        "The prize went to Lia Moreno and Tomas Reyes, winners of the Sandoval award, which recognizes work on rivers."
    )
    assert analysed(text).quotes == []


def test_a_cue_set_off_after_a_clause_reports_it_and_is_not_reported_by_its_verb() -> None:
    quote = only_quote("Mendes has maintained support among older voters, the poll found.")
    assert (speaker_name(quote), quote.text) == ("the poll", "Mendes has maintained support among older voters")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Two polls show Okafor within three points of Mendes.", "Okafor within three points of Mendes"),
        ("The latest survey shows Mendes slightly trailing Okafor.", "Mendes slightly trailing Okafor"),
        ("The survey shows both Ruiz and Vega beating Lima by wide margins.", "both Ruiz and Vega beating Lima"),
        ("Leaked emails showed council staff favouring the larger bid.", "council staff favouring the larger bid"),
    ],
)
def test_what_a_poll_or_record_shows_of_someone_is_its_report(text: str, content: str) -> None:
    quote = only_quote(text)
    assert quote.text.startswith(content)


def test_someone_found_or_shown_with_nothing_said_of_them_is_no_report() -> None:
    assert analysed("Police found him in a shed behind the station.").quotes == []
    assert analysed("The usher showed her the way to the gallery.").quotes == []


def test_a_label_naming_someone_the_article_names_in_full_is_their_words() -> None:
    # "Salgado" is also a town: the full name later in the article makes the label a person's
    text = "Salgado: The fund is empty.\n\nPedro Salgado, the finance minister, spoke on Monday."
    assert [(speaker_name(q), q.text) for q in analysed(text).quotes] == [("Pedro Salgado", "The fund is empty")]
    dateline = "SALGADO: The river burst its banks on Monday, flooding the market."
    assert analysed(dateline).quotes == []


def test_a_titled_name_and_a_colon_opening_a_sentence_introduce_the_quotation_after_them() -> None:
    text = (
        'The new show will launch next spring in a longer format. The channel controller Rosa Kestrel: "It is '
        'an exciting new era for the show." Ms Kestrel called the channel its natural home.'
    )
    labelled = [q for q in analysed(text).quotes if q.cue is not None and q.cue.text == ":"]
    assert [(speaker_name(q), q.kind, q.text) for q in labelled] == [
        ("Rosa Kestrel", "direct", "It is an exciting new era for the show.")
    ]


def test_a_verb_of_saying_before_a_label_is_not_part_of_the_name() -> None:
    text = 'The documentary is directed by Tomas Vega, who made two earlier films. Said Mr Vega: "This is a new game."'
    assert [(speaker_name(q), q.text) for q in analysed(text).quotes] == [("Tomas Vega", "This is a new game.")]


def test_a_speaking_it_after_an_inverted_name_is_that_body() -> None:
    text = '"We expect a poor season," said the Callao Fishing Cooperative. Smaller boats may stay in port, it said.'
    assert [speaker_name(q) for q in analysed(text).quotes] == ["Callao Fishing Cooperative"] * 2
    person = '"We expect a poor season," said one fisherman. Smaller boats may stay in port, it said.'
    assert speaker_name(analysed(person).quotes[-1]) == "it"


def test_a_question_put_after_a_quotation_is_not_the_speakers_words() -> None:
    text = (
        '"We are proud of the film whatever the jury decides." Asked what the shortlisting meant to her, '
        'Moreno says she feels "flattered".'
    )
    assert [q.cue.text for q in analysed(text).quotes if q.cue is not None] == ["says"]


def test_a_source_after_according_to_keeps_a_hyphenated_word_whole() -> None:
    quote = only_quote("A new blog appears every six seconds, according to the Lima think-tank Pew Andes.")
    assert quote.text == "A new blog appears every six seconds"
    assert quote.speaker is not None and quote.speaker.name.endswith("Pew Andes")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Mr Vaz rejected the idea that Ms Ruiz posed a threat to the party.",
            "the idea that Ms Ruiz posed a threat to the party",
        ),
        (
            "The minister dismissed the suggestion that the budget had been leaked.",
            "the suggestion that the budget had been leaked",
        ),
    ],
)
def test_a_clause_after_an_idea_rejected_is_what_is_rejected(text: str, content: str) -> None:
    assert only_quote(text).text == content


def test_a_which_after_a_bodys_name_and_its_acronym_speaks_for_the_body() -> None:
    text = (
        "The rally is being held by the Andean Farmers Union (AFU), which believes rural voters could decide "
        "the result in up to 20 districts."
    )
    assert speaker_name(only_quote(text)) == "Andean Farmers Union"


@pytest.mark.parametrize(
    "text",
    [
        "The latest film by the Peruvian director Ana Soto, called 11/09, has been screened in Lima.",
        "The new album by the Lima band, called Rio Rojo, has been released in Peru.",
    ],
)
def test_a_name_set_off_by_commas_after_called_is_nobodys_words(text: str) -> None:
    assert analysed(text).quotes == []


def test_a_name_given_in_quotation_marks_set_off_by_commas_is_still_a_quote() -> None:
    text = 'The Lima think-tank, which has long predicted a fall, branded the figures a "passing blip," she said.'
    assert any("passing blip" in q.text for q in analysed(text).quotes)


def test_what_someone_thought_keeps_a_subject_the_parser_took_for_an_object() -> None:
    quote = only_quote(
        "He thought the task of the Peruvian coaches, who have been trying to halt the slide of the team, would "
        "become far harder."
    )
    assert quote.text.startswith("the task of the Peruvian coaches") and quote.text.endswith("far harder")


def test_a_second_phrase_after_and_of_is_still_what_was_said() -> None:
    quote = only_quote(
        'Ms Soto said the visit brought back memories of her mother, and of "everyone who fought for this."'
    )
    assert quote.text.endswith('"everyone who fought for this."')


def test_a_reported_clause_whose_verb_the_parser_hung_on_the_cue_is_said_whole() -> None:
    # "said [third quarter profits] [rose] ...": the object and the verb after it are one reported clause
    quote = only_quote("Rivals were hit. Vodacom said third quarter profits rose 5% to $2.2bn.")
    assert quote.text == "third quarter profits rose 5% to $2.2bn"
    assert speaker_name(quote) == "Vodacom"


def test_in_with_x_saying_x_is_the_speaker_not_the_sentence_subject() -> None:
    quote = only_quote("Fares rose sharply in Lima, with the transport ministry saying fuel costs had doubled.")
    assert quote.text == "fuel costs had doubled"
    assert speaker_name(quote) == "the transport ministry"


def test_a_verb_of_saying_inside_a_name_is_no_cue() -> None:
    # "At the Andean Electronics Show, there was news": "Show" heads no report however it is parsed
    doc = Doc(
        spacy.blank("en").vocab, words=["At", "the", "Andean", "Electronics", "Show", ",", "there", "was", "news"]
    )
    doc.ents = [Span(doc, 2, 5, label="ORG")]
    assert _in_a_name(doc[4]) and not _in_a_name(doc[0]) and not _in_a_name(doc[8])
