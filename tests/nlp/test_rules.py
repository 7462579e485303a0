"""The rule layer: gazetteer names and titled people, merged with a model's entities without cutting them."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from newsgraph.nlp.paragraphs import parse
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.nlp.rules import add_rule_components, merge_entities


def rules_only():
    nlp = spacy.blank("en")
    add_rule_components(nlp)
    return nlp


def test_titles_and_honorifics_mark_people() -> None:
    doc = rules_only()(
        "Talks were led by Prime Minister Adriano Cabi and Dr. Fatou Cissé, while spokesman "
        "Aristides Mendes declined to comment."
    )
    people = [e.text for e in doc.ents if e.label_ == "PER"]
    assert people == ["Adriano Cabi", "Fatou Cissé", "Aristides Mendes"]


def test_gazetteer_names_organisations_and_countries() -> None:
    doc = rules_only()("The African Union and the United Nations sent envoys to Guinea-Bissau.")
    assert {(e.text, e.label_) for e in doc.ents} >= {
        ("African Union", "ORG"),
        ("United Nations", "ORG"),
        ("Guinea-Bissau", "LOC"),
    }


def test_a_rule_span_never_cuts_a_longer_model_entity() -> None:
    nlp = spacy.blank("en")
    doc = nlp("The Bank of Brazil raised rates.")
    model = [Span(doc, 1, 4, label="ORG")]
    rule = [Span(doc, 3, 4, label="LOC")]
    assert [(e.text, e.label_) for e in merge_entities(model, rule)] == [("Bank of Brazil", "ORG")]
    wider = [Span(doc, 1, 4, label="ORG")]
    assert [(e.text, e.label_) for e in merge_entities([Span(doc, 3, 4, label="PER")], wider)] == [
        ("Bank of Brazil", "ORG")
    ]


def test_names_headed_by_a_body_word_are_organisations() -> None:
    doc = rules_only()(
        "Officials at the Ministry of Water Resources and Meteorology met staff of Keio University "
        "and the Democratic Union on Monday."
    )
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "ORG"] == [
        ("Ministry of Water Resources and Meteorology", "ORG"),
        ("Keio University", "ORG"),
        ("Democratic Union", "ORG"),
    ]


def test_a_model_entity_run_through_a_title_keeps_the_body_that_opens_it() -> None:
    nlp = rules_only()
    doc = nlp.make_doc("UN Secretary-General Kofi Annan visited Kenya President Ruto Kamau's farm.")
    model = [Span(doc, 0, 6, label="ORG"), Span(doc, 7, 11, label="ORG")]
    assert [t.text for t in doc[0:6]][-2:] == ["Kofi", "Annan"] and doc[7:11].text == "Kenya President Ruto Kamau"
    doc.ents = model
    doc = nlp.get_pipe("newsgraph_titles")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("UN", "ORG"),
        ("Kofi Annan", "PER"),
        ("Kenya", "LOC"),
        ("Ruto Kamau", "PER"),
    ]


def _with_model_entities(text: str, entities: list[tuple[str, str]]):
    """A Doc as a model would leave it: the first occurrence of each text labelled, the rest not."""
    doc = spacy.blank("en")(text)
    spans = []
    for words, label in entities:
        start = text.index(words)
        spans.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = spans
    return doc


def test_a_name_labelled_once_is_the_same_thing_where_it_recurs() -> None:
    text = "Talks between Mercosur and Kenya opened. Kenya wants access, and Mercosur wants time."
    doc = _with_model_entities(text, [("Mercosur", "ORG"), ("Kenya", "LOC")])
    doc = rules_only().get_pipe("newsgraph_repeats")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Mercosur", "ORG"),
        ("Kenya", "LOC"),
        ("Kenya", "LOC"),
        ("Mercosur", "ORG"),
    ]


def test_a_persons_surname_alone_is_that_person_even_where_the_model_said_organisation() -> None:
    text = "Minister Ana Okonjo met bankers. Okonjo said rates would fall. Later Okonjo left."
    doc = _with_model_entities(text, [("Ana Okonjo", "PER")])
    second = text.index("Okonjo said")
    doc.ents = [*doc.ents, doc.char_span(second, second + len("Okonjo"), label="ORG")]
    doc = rules_only().get_pipe("newsgraph_repeats")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Ana Okonjo", "PER"), ("Okonjo", "PER"), ("Okonjo", "PER")]


def test_a_surname_a_gazetteer_knows_as_a_place_is_left_alone() -> None:
    text = "Senator Ruth Washington spoke. Washington is cold in winter."
    doc = _with_model_entities(text, [("Ruth Washington", "PER")])
    doc = rules_only().get_pipe("newsgraph_repeats")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Ruth Washington", "PER")]


def test_a_word_inside_a_longer_capitalised_name_is_not_relabelled() -> None:
    text = "Officials from Kenya arrived. The Kenya Wildlife Service said nothing."
    doc = _with_model_entities(text, [("Kenya", "LOC")])
    doc = rules_only().get_pipe("newsgraph_repeats")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Kenya", "LOC")]


def test_a_hyphenated_surname_cut_at_its_hyphen_is_made_whole() -> None:
    text = "Kwabena Asante-Mensah spoke first. Asante-Mensah said the bloc would wait."
    doc = _with_model_entities(text, [("Kwabena Asante-Mensah", "PER")])
    later = text.index("Mensah said")
    doc.ents = [*doc.ents, doc.char_span(later, later + len("Mensah"), label="PER")]
    doc = rules_only().get_pipe("newsgraph_titles")(doc)
    assert [e.text for e in doc.ents] == ["Kwabena Asante-Mensah", "Asante-Mensah"]


def test_an_entity_never_ends_on_a_hyphen() -> None:
    text = "The rapper Mo-B said the label would fold. Fans of the band Sky-Line waited."
    doc = _with_model_entities(text, [("Mo-", "PER"), ("Sky-", "ORG")])
    doc = rules_only().get_pipe("newsgraph_titles")(doc)
    assert [e.text for e in doc.ents] == ["Mo-B", "Sky-Line"]


def test_the_surname_of_a_hyphenated_name_is_the_whole_last_word() -> None:
    text = "Kwabena Asante-Mensah spoke first. Later Asante-Mensah left."
    doc = _with_model_entities(text, [("Kwabena Asante-Mensah", "PER")])
    doc = rules_only().get_pipe("newsgraph_repeats")(doc)
    assert [e.text for e in doc.ents] == ["Kwabena Asante-Mensah", "Asante-Mensah"]


def test_a_name_the_model_took_for_a_person_is_a_place_where_a_word_for_a_place_goes_with_it() -> None:
    text = (
        "Farmers in Ben Tre and Tra Vinh provinces bought water. Laos kept filling the Nong Kham reservoir. "
        "The river at the town of Stung Treng rose. Thailand buys the power generated at Nong Kham. Ana Costa met "
        "farmers."
    )
    people = ["Ben Tre", "Tra Vinh", "Nong Kham", "Stung Treng", "Nong Kham", "Ana Costa"]
    doc = spacy.blank("en")(text)
    spans, cursor = [], 0
    for name in people:
        start = text.index(name, cursor)
        spans.append(doc.char_span(start, start + len(name), label="PER"))
        cursor = start + len(name)
    doc.ents = spans
    doc = rules_only().get_pipe("newsgraph_places")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Ben Tre", "LOC"),
        ("Tra Vinh", "LOC"),
        ("Nong Kham", "LOC"),
        ("Stung Treng", "LOC"),
        ("Nong Kham", "LOC"),
        ("Ana Costa", "PER"),
    ]


def test_a_model_entity_run_on_into_the_full_stop_or_a_quotation_mark_ends_at_the_name() -> None:
    nlp = rules_only()
    doc = nlp.make_doc('Kenya signed a deal with Uganda. "Kampala" agreed.')
    assert [t.text for t in doc[5:7]] == ["Uganda", "."]
    doc.ents = [Span(doc, 5, 7, label="LOC"), Span(doc, 7, 10, label="LOC")]
    doc = nlp.get_pipe("newsgraph_gazetteer")(doc)
    assert ("Uganda", "LOC") in [(e.text, e.label_) for e in doc.ents]
    assert all(not e.text.endswith((".", '"')) and not e.text.startswith('"') for e in doc.ents)


def test_a_plural_possessive_inside_a_body_name_keeps_the_name_whole() -> None:
    doc = rules_only()("The Salmon Producers' Council welcomed the protocol.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Salmon Producers' Council", "ORG")]


def test_a_first_name_alone_beside_a_verb_of_saying_is_the_person_named_in_full_before() -> None:
    text = "The talks were chaired by Anucha Rattanakorn on Monday. The deal will hold, Anucha said."
    doc = _with_model_entities(text, [("Anucha Rattanakorn", "PER")])
    doc = rules_only().get_pipe("newsgraph_repeats")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Anucha Rattanakorn", "PER"), ("Anucha", "PER")]
    shared = "Ana Costa met Ana Reis on Monday. The deal will hold, Ana said."
    doc = _with_model_entities(shared, [("Ana Costa", "PER"), ("Ana Reis", "PER")])
    doc = rules_only().get_pipe("newsgraph_repeats")(doc)
    assert "Ana" not in [e.text for e in doc.ents]  # two people share it


def test_a_model_entity_run_back_into_a_conjunction_starts_at_the_name() -> None:
    nlp = rules_only()
    doc = nlp.make_doc("But Halvorsen refused. As Costa said, it was over.")
    doc[0].pos_, doc[4].pos_ = "CCONJ", "SCONJ"
    doc.ents = [Span(doc, 0, 2, label="PER"), Span(doc, 4, 6, label="PER")]
    doc = nlp.get_pipe("newsgraph_gazetteer")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Halvorsen", "PER"), ("Costa", "PER")]


def test_a_model_entity_run_on_into_a_possessive_ends_at_the_name() -> None:
    nlp = rules_only()
    doc = nlp.make_doc("The WFP's office agreed.")
    doc.ents = [Span(doc, 1, 3, label="ORG")]
    doc = nlp.get_pipe("newsgraph_gazetteer")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("WFP", "ORG")]


def test_a_plural_word_for_people_opening_a_sentence_is_no_name() -> None:
    nlp = rules_only()
    doc = nlp.make_doc("Negotiators met in Lima. Rosa Villanueva chaired.")
    doc[0].is_sent_start = True
    doc.ents = [Span(doc, 0, 1, label="PER"), Span(doc, 5, 7, label="PER")]
    doc = nlp.get_pipe("newsgraph_gazetteer")(doc)
    assert ("Negotiators", "PER") not in [(e.text, e.label_) for e in doc.ents]
    assert ("Rosa Villanueva", "PER") in [(e.text, e.label_) for e in doc.ents]


def test_a_shops_name_keeps_its_possessive() -> None:
    nlp = rules_only()
    doc = nlp.make_doc("Staff at Tonino's walked out.")
    doc.ents = [Span(doc, 2, 4, label="ORG")]
    doc = nlp.get_pipe("newsgraph_gazetteer")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Tonino's", "ORG")]


def test_a_plan_a_law_or_a_prize_the_model_took_for_a_person_is_misc() -> None:
    nlp = rules_only()
    doc = nlp.make_doc("Peru proposed a Humboldt Plan. Ana Law won the Condor Prize.")
    doc.ents = [Span(doc, 3, 5, label="PER"), Span(doc, 6, 8, label="PER"), Span(doc, 10, 12, label="PER")]
    doc = nlp.get_pipe("newsgraph_gazetteer")(doc)
    assert [(e.text, e.label_) for e in doc.ents if e.label_ != "LOC"] == [
        ("Humboldt Plan", "MISC"),
        ("Ana Law", "PER"),  # a surname, however much it looks like a law
        ("Condor Prize", "MISC"),
    ]


def test_a_participle_opening_a_sentence_is_no_part_of_the_name_after_it() -> None:
    nlp = rules_only()
    doc = nlp.make_doc("Reaching Geneva, she met the envoy.")
    doc[0].is_sent_start = True
    doc[0].pos_ = "VERB"
    doc.ents = [Span(doc, 0, 2, label="PER")]
    doc = nlp.get_pipe("newsgraph_gazetteer")(doc)
    assert [e.text for e in doc.ents] == ["Geneva"]  # which the gazetteer knows as a place


def test_an_adverb_opening_a_sentence_is_no_part_of_the_name_a_verb_of_saying_follows() -> None:
    nlp = rules_only()
    doc = nlp.make_doc("Earlier Rhodri Pryce said the levy was fair.")
    doc[0].is_sent_start = True
    doc[0].pos_ = "ADV"
    doc = nlp.get_pipe("newsgraph_titles")(doc)
    assert [e.text for e in doc.ents if e.label_ == "PER"] == ["Rhodri Pryce"]


def test_a_person_the_model_began_at_an_honorific_begins_at_the_name() -> None:
    nlp = rules_only()
    doc = nlp.make_doc("The plan hides tax rises, Mr Pryce said.")
    doc.ents = [Span(doc, 6, 8, label="PER")]
    doc = nlp.get_pipe("newsgraph_titles")(doc)
    assert [e.text for e in doc.ents if e.label_ == "PER"] == ["Pryce"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The vote will be held, Gen Varga said.", "Varga"),
        ("The vote will be held, Sen. Ortiz said.", "Ortiz"),
        ("The vote will be held, General Varga said.", "Varga"),
        ("The vote will be held, President Ruiz said.", "Ruiz"),
        ("The vote will be held, Dean Kiely said.", "Dean Kiely"),
        ("The vote will be held, Prince Harald said.", "Prince Harald"),
    ],
)
def test_a_person_the_model_began_at_a_one_word_title_begins_at_the_name(text: str, name: str) -> None:
    nlp = rules_only()
    doc = nlp.make_doc(text)
    said = next(t.i for t in doc if t.text == "said")
    doc.ents = [Span(doc, 6, said, label="PER")]
    doc = nlp.get_pipe("newsgraph_titles")(doc)
    assert [e.text for e in doc.ents if e.label_ == "PER"] == [name]


def test_a_clause_after_a_name_and_comma_is_no_apposition_that_makes_it_a_person() -> None:
    nlp = rules_only()
    doc = nlp.make_doc("Reaching Geneva, she met the deputy foreign minister at the hotel.")
    for i, pos in ((0, "VERB"), (3, "PRON"), (4, "VERB")):
        doc[i].pos_ = pos
    doc = nlp.get_pipe("newsgraph_titles")(doc)
    assert [e.text for e in doc.ents if e.label_ == "PER"] == []


def test_a_given_name_and_a_surname_are_a_person_but_not_half_a_hyphenated_name() -> None:
    nlp = rules_only()
    doc = nlp.make_doc("Imelda Grant was nominated.")
    doc[1].pos_ = "PROPN"
    doc.ents = [Span(doc, 0, 2, label="LOC")]  # the model's place
    doc = nlp.get_pipe("newsgraph_titles")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Imelda Grant", "PER")]
    doc = nlp.make_doc("Peru coach Juan-Carlos Oblitas has named his squad.")
    for token in doc:
        token.pos_ = "PROPN" if token.text in ("Peru", "Juan", "Carlos", "Oblitas") else "NOUN"
    doc = nlp.get_pipe("newsgraph_titles")(doc)
    assert [e.text for e in doc.ents] == ["Juan-Carlos Oblitas"]
    doc = nlp.make_doc("The concert was held at the Albert Hall.")
    doc[7].pos_ = "PROPN"
    doc = nlp.get_pipe("newsgraph_titles")(doc)
    assert [e.text for e in doc.ents if e.label_ == "PER"] == []


def test_a_body_whose_name_opens_with_a_word_that_is_also_a_given_name_is_no_person() -> None:
    doc = parse(load_pipeline(), "Oxfam and Christian Aid called for debt relief.")
    assert [e.text for e in doc.ents if e.label_ == "PER"] == []


def _ents(doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def test_a_name_with_a_particle_after_a_title_is_one_person_even_where_the_model_ran_on() -> None:
    nlp = rules_only()
    doc = nlp.make_doc("Syrian President Hamid al-Qassem met Crown Prince Faisal bin Rashed and Lina da Costa.")
    doc.ents = [Span(doc, 0, 7, label="LOC")]  # the model's "Syrian President Hamid al-Qassem met"
    doc = nlp.get_pipe("newsgraph_titles")(doc)
    people = [text for text, label in _ents(doc) if label == "PER"]
    assert people == ["Hamid al-Qassem", "Faisal bin Rashed"]
    doc = nlp.make_doc("Officials said al-Qassem would travel.")
    doc = nlp.get_pipe("newsgraph_titles")(doc)
    assert _ents(doc) == []


def test_a_title_before_a_given_name_makes_a_person_of_the_models_organisation() -> None:
    nlp = rules_only()
    doc = nlp.make_doc("Defence Secretary Harold Mbeki told reporters. General Motors Europe said it would not.")
    doc.ents = [Span(doc, 0, 4, label="ORG"), Span(doc, 7, 10, label="ORG")]
    doc = nlp.get_pipe("newsgraph_titles")(doc)
    assert _ents(doc) == [("Harold Mbeki", "PER"), ("General Motors Europe", "ORG")]


def test_a_known_company_that_opens_with_a_title_is_no_officer() -> None:
    nlp = rules_only()
    doc = nlp.make_doc("Fiat ended its pact with General Motors, and General Electric cut jobs.")
    doc.ents = [Span(doc, 5, 7, label="ORG"), Span(doc, 9, 11, label="ORG")]
    doc = nlp.get_pipe("newsgraph_titles")(doc)
    assert _ents(doc) == [("General Motors", "ORG"), ("General Electric", "ORG")]
    doc = nlp.make_doc("Fiat met General Pedro Alves.")
    doc = nlp.get_pipe("newsgraph_titles")(doc)
    assert _ents(doc) == [("Pedro Alves", "PER")]


def test_a_title_whole_before_a_name_leaves_no_body_behind() -> None:
    nlp = rules_only()
    doc = nlp.make_doc("Labour Minister Tariq al-Omari resigned. UN Secretary-General Ines Duarte spoke.")
    doc.ents = [Span(doc, 0, 6, label="ORG"), Span(doc, 8, 14, label="ORG")]
    doc = nlp.get_pipe("newsgraph_titles")(doc)
    assert _ents(doc) == [("Tariq al-Omari", "PER"), ("UN", "ORG"), ("Ines Duarte", "PER")]


def test_names_that_end_or_open_with_a_word_for_a_place_are_places() -> None:
    nlp = rules_only()
    text = "Water from the Kessa Dam reached the Gulf of Tarsa and the Bay of Lumen. Ann Lake wrote."
    doc = _with_model_entities(
        text, [("Kessa Dam", "PER"), ("Tarsa", "LOC"), ("Bay of Lumen", "ORG"), ("Ann Lake", "PER")]
    )
    doc = nlp.get_pipe("newsgraph_places")(doc)
    assert _ents(doc) == [
        ("Kessa Dam", "LOC"),
        ("Gulf of Tarsa", "LOC"),
        ("Bay of Lumen", "LOC"),
        ("Ann Lake", "PER"),
    ]


def test_a_known_town_after_in_or_near_is_a_place_but_not_after_to() -> None:
    nlp = rules_only()
    doc = nlp.make_doc("Troops massed near Kirkuk, Zorvan and Ramadi. The club lost to Wigan in Bolton.")
    for token in doc:
        token.pos_ = "PROPN" if token.text[:1].isupper() else "ADP"
    doc = nlp.get_pipe("newsgraph_places")(doc)
    assert _ents(doc) == [("Kirkuk", "LOC"), ("Ramadi", "LOC"), ("Bolton", "LOC")]


def test_a_numbered_military_unit_is_an_organisation() -> None:
    doc = rules_only()("Soldiers of the 82nd Airborne Division and the Marine Corps landed.")
    assert ("82nd Airborne Division", "ORG") in _ents(doc) and ("Marine Corps", "ORG") in _ents(doc)


def test_initials_in_brackets_after_a_body_name_it_and_its_later_mentions() -> None:
    text = "The Office of Coastal Licensing (OCL) fined the firm. OCL said the Lagoon Fund (LF) would pay."
    doc = _with_model_entities(text, [("Office of Coastal Licensing", "ORG"), ("Lagoon Fund", "ORG")])
    nlp = rules_only()
    for name in ("newsgraph_organisations", "newsgraph_repeats"):
        doc = nlp.get_pipe(name)(doc)
    assert [text for text, label in _ents(doc) if label == "ORG"] == [
        "Office of Coastal Licensing",
        "OCL",
        "OCL",
        "Lagoon Fund",
        "LF",
    ]


def test_a_bare_secretary_or_an_abbreviated_rank_is_no_part_of_the_name_or_the_body() -> None:
    nlp = rules_only()
    doc = nlp.make_doc("Secretary Marlow met Army Lt. Gen. Rosa Quintero.")
    doc.ents = [Span(doc, 0, 2, label="PER"), Span(doc, 3, 5, label="ORG"), Span(doc, 7, 9, label="PER")]
    doc = nlp.get_pipe("newsgraph_titles")(doc)
    assert _ents(doc) == [("Marlow", "PER"), ("Army", "ORG"), ("Rosa Quintero", "PER")]
    doc = nlp.make_doc("The Secretary-General spoke.")
    doc.ents = [Span(doc, 1, 4, label="PER")]
    doc = nlp.get_pipe("newsgraph_titles")(doc)
    assert _ents(doc) == [("Secretary-General", "PER")]  # a hyphenated title is not cut at its hyphen


def test_a_name_right_after_a_noun_for_a_kind_of_body_is_that_body() -> None:
    nlp = load_pipeline()
    labels = {}
    for text in (
        "Tomas Reyes, who runs the ticketing firm Cantora, said sales had doubled.",
        "The record label Tinta Roja signed two bands last year.",
        "The firm Ana Lopes founded in 1999 has grown fast.",
        "Accountancy firm Lopes & Ruiz urged him to act, and environmental group Rail 2030 agreed.",
        "Founder of the CGA consultancy Ana-Maria Ruiz agreed.",
    ):
        labels |= {e.text: e.label_ for e in nlp(text).ents}
    assert labels == {
        "Tomas Reyes": "PER",
        "Cantora": "ORG",
        "Tinta Roja": "ORG",
        "Ana Lopes": "PER",
        "Lopes & Ruiz": "ORG",
        "Rail 2030": "ORG",
        "Ana-Maria Ruiz": "PER",
    }


def test_a_name_the_model_called_a_person_before_a_role_and_a_name_is_their_employer() -> None:
    nlp = load_pipeline()
    doc = nlp('"Prices will rise," said Lima Insight analyst Rui Matos.')
    assert [(e.text, e.label_) for e in doc.ents] == [("Lima Insight", "ORG"), ("Rui Matos", "PER")]
    doc = nlp("George Ruiz spokesman Ana Soto said the talks would resume.")
    assert [(e.text, e.label_) for e in doc.ents] == [("George Ruiz", "PER"), ("Ana Soto", "PER")]


def test_a_company_is_the_capitalised_words_around_its_ending_and_a_person_before_of_keeps_his_name() -> None:
    nlp = rules_only()
    doc = nlp.make_doc("Fiat and Tata Motors will talk, said Ana Ruiz of Lima Securities.")
    doc.ents = [Span(doc, 8, 13, label="PER")]  # the model's "Ana Ruiz of Lima Securities"
    doc = nlp.get_pipe("newsgraph_organisations")(doc)
    assert _ents(doc) == [("Tata Motors", "ORG"), ("Ana Ruiz", "PER"), ("Lima Securities", "ORG")]
    doc = nlp.get_pipe("newsgraph_organisations")(nlp.make_doc("At the Andean Electronics Fair there was news."))
    assert _ents(doc) == [("Andean Electronics Fair", "ORG")]


def test_institutions_nationalities_and_bills_are_no_one_by_name() -> None:
    nlp = rules_only()
    doc = nlp.make_doc("Other Cabinet ministers said the Spaniard backed the Rail Link Bill, and Bill Ruiz agreed.")
    doc.ents = [Span(doc, 1, 2, label="PER"), Span(doc, 5, 6, label="PER"), Span(doc, 10, 11, label="PER")]
    doc = nlp.get_pipe("newsgraph_titles")(doc)
    assert [e for e in _ents(doc) if e[1] == "PER"] == []
    doc = nlp.make_doc("Bill said the Cabinet Office would reply.")
    doc.ents = [Span(doc, 0, 1, label="PER")]
    assert _ents(nlp.get_pipe("newsgraph_titles")(doc)) == [("Bill", "PER")]  # a given name alone stays
    doc = nlp.get_pipe("newsgraph_titles")(nlp.make_doc("Labour hopes to win a third term at the General Election."))
    assert _ents(doc) == []
