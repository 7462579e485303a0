"""Event rules from reading a seeded sample of events in unseen news (docs/accuracy.md, "Events in unseen
news"): questions, clashes of words, a disaster's dead, guesses that read like demands, travellers,
titles, participles that describe, purposes, and what "should be" so. Every sentence here is ours."""

from __future__ import annotations

import functools

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.events.coder import _object_controller, _parties
from newsgraph.events.disasters import disaster_report
from newsgraph.events.nonevents import _adjectival, _modifier, _other_sense, _signed_otherwise
from newsgraph.events.triggers import Trigger, lexicon, trigger_at
from newsgraph.model import Article, Event
from newsgraph.pipeline import analyze


@functools.cache
def events(text: str) -> list[Event]:
    return analyze(Article(id="t", text=text, published="2024-03-06")).events


def kinds(text: str) -> list[tuple[str, str]]:
    return [(e.type, e.status) for e in events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Did the army attack the village?",
        "Will Chile sanction Peru next year?",
        'Ruiz asked: "Will the government ban the march?"',
        "Has Peru expelled the Chilean ambassador?",
    ],
    ids=["did", "will", "quoted", "has"],
)
def test_what_a_yes_no_question_asks_is_hypothetical(text: str) -> None:
    found = events(text)
    assert found and {e.status for e in found} == {"hypothetical"}
    assert all(e.evidence is not None and e.evidence.text == "?" for e in found)


def test_a_why_question_takes_the_event_as_given_and_a_statement_stays_asserted() -> None:
    assert kinds("Why did the army attack the village?") == [("ASSAULT", "asserted")]
    assert kinds("The army attacked the village. Was it a mistake?") == [("ASSAULT", "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "Mr Lopez and the campaigner Ana Ruiz clashed in a radio debate on Friday.",
        "Both party leaders clashed in parliament on Wednesday.",
        "The senator has often clashed with her own party over farm subsidies.",
        "The long clash between the mining company and the ministry ended in court.",
    ],
    ids=["named-people", "leaders", "over-an-issue", "firm-and-government"],
)
def test_people_and_bodies_clash_in_words(text: str) -> None:
    found = events(text)
    assert found and {(e.type, e.cameo) for e in found} == {("ACCUSE", "111")}


@pytest.mark.parametrize(
    "text",
    [
        "Police clashed with protesters outside the parliament.",
        "Rebels clashed with troops near the town on Sunday.",
        "India and Pakistan clashed along the border.",
    ],
    ids=["police", "rebels-troops", "countries"],
)
def test_forces_crowds_and_countries_clash_by_force(text: str) -> None:
    assert events(text) and {e.type for e in events(text)} == {"ASSAULT"}


def test_in_a_disaster_report_a_killing_with_no_killer_is_no_attack() -> None:
    text = (
        "The earthquake off the coast sent a tsunami across the bay on Sunday. At least 9,000 people were "
        "killed on the islands, officials said. Rebels killed two aid workers near the port, police said. "
        "Three soldiers were killed in an ambush on Monday."
    )
    assert disaster_report(text)
    assert [
        (e.type, e.actor.name if e.actor else None, e.recipient.name if e.recipient else None) for e in events(text)
    ] == [
        ("ASSAULT", "Rebels", "aid workers"),
        ("ASSAULT", None, "soldiers"),
    ]


def test_outside_a_disaster_report_the_same_killing_is_an_attack() -> None:
    text = (
        "The government faced a tsunami of complaints. Forty people were killed in the capital on Monday, police said."
    )
    assert not disaster_report(text)
    assert kinds(text) == [("ASSAULT", "asserted")]


def test_a_tidal_wave_kills_no_one_by_attack() -> None:
    assert events("Fishermen recalled the tidal wave that killed 9,000 people along the coast.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The coach said Garcia and Ruiz must be wondering how the season went so wrong.",
        "The mayor said it should be up to each school to decide.",
    ],
    ids=["must-be-wondering", "it-should-be"],
)
def test_a_guess_or_how_things_should_be_is_no_demand(text: str) -> None:
    assert [e for e in events(text) if e.type == "REQUEST"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Ruiz said the minister should resign.",
        "Ruiz said it should be delayed until June.",
    ],
    ids=["should-resign", "it-should-be-delayed"],
)
def test_what_someone_must_do_or_have_done_to_it_is_still_a_demand(text: str) -> None:
    assert [e.type for e in events(text)] == ["REQUEST"]


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of children have arrived in Spain this year, officials said.",
        "Hundreds of migrants arrived in Italy by boat last week.",
    ],
    ids=["children", "thousands-of-migrants"],
)
def test_unnamed_travellers_arriving_make_no_visit(text: str) -> None:
    assert [e for e in events(text) if e.type == "CONSULT"] == []


def test_an_official_arriving_still_visits() -> None:
    assert [
        (e.type, e.actor.country if e.actor else None, e.recipient.country if e.recipient else None)
        for e in events("The Chilean president arrived in Lima on Monday.")
    ] == [("CONSULT", "CHL", "PER")]


def test_protesting_that_something_is_so_is_a_complaint_not_a_demonstration() -> None:
    [complaint] = events("The fishing unions protested that the quota had been set without them.")
    assert (complaint.type, complaint.cameo) == ("ACCUSE", "114")
    [march] = events("Farmers protested against the new tariffs in Lima on Monday.")
    assert (march.type, march.cameo) == ("PROTEST", "140")


def test_warning_what_a_course_of_action_would_bring_is_no_threat() -> None:
    assert events("The union warned that closing the mine would have dire consequences for the town.") == []
    [threat] = events("The union warned that closing the mine would force it to strike.")
    assert threat.type == "THREATEN"


def test_signing_a_person_to_a_studio_is_hiring_not_an_agreement() -> None:
    assert events("The producer signed Ana Ruiz to her studio in 2010.") == []
    assert {e.type for e in events("Chile and Peru signed a fisheries agreement in Lima on Monday.")} == {"SUPPORT"}


def test_someone_signed_to_a_label_or_a_club_is_taken_on_not_in_an_agreement() -> None:
    assert events("Signed to a small label in Leeds, the band released two singles.") == []
    assert events("Signed to Chelsea at sixteen, he has never played for England.") == []
    assert events("The singer was signed to a major label last year.") == []
    [treaty, _] = events("The treaty was signed by Peru and Chile in Lima to end the dispute.")
    assert treaty.type == "SUPPORT"


def parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_signature_that_only_describes_or_transfers_is_no_signing() -> None:
    """Parses written out, as the shipped model gives them on news text: "signed photographs", "signed
    over his stake", against "signed a deal"."""
    described = parsed(["signed", "photographs"], [1, 1], ["amod", "ROOT"], ["VERB", "NOUN"])
    assert _signed_otherwise(described[0], None)
    words = ["He", "signed", "over", "his", "stake"]
    handed = parsed(
        words,
        [1, 1, 1, 4, 1],
        ["nsubj", "ROOT", "compound:prt", "nmod:poss", "obj"],
        ["PRON", "VERB", "ADP", "PRON", "NOUN"],
    )
    assert _signed_otherwise(handed[1], handed[4])
    deal = parsed(
        ["He", "signed", "a", "deal"], [1, 1, 3, 1], ["nsubj", "ROOT", "det", "obj"], ["PRON", "VERB", "DET", "NOUN"]
    )
    assert not _signed_otherwise(deal[1], deal[3])


def test_what_a_product_lets_its_customers_do_is_no_concession() -> None:
    assert events("The bank will allow customers to open accounts online from March.") == []
    assert events("Our scanners allow us to check every parcel within seconds.") == []
    [pledge] = events("The Greens said they would allow renters to buy their flats at a discount.")
    assert (pledge.type, pledge.status, pledge.actor.name if pledge.actor else None) == ("CONCEDE", "future", "Greens")


def test_in_a_sports_report_what_a_side_allows_or_threatens_in_play_is_no_event() -> None:
    text = (
        "Garcia beat Lopez 7-5 6-3 in the final of the tournament on Sunday. Lopez made two errors, allowing "
        "Garcia to break serve. Lopez seldom threatened after that. The federation will not allow fans from "
        "Peru to attend the final."
    )
    assert [(e.type, e.recipient.name if e.recipient else None) for e in events(text)] == [("REJECT", "fans from Peru")]


def test_in_a_sports_report_contracts_and_sponsorships_are_the_games_business() -> None:
    text = (
        "Garcia beat Lopez 7-5 6-3 in the final of the tournament on Sunday. The striker has a contract with "
        "the club until May and is close to agreeing an extension. The club agreed a sponsorship deal with a "
        "bank last week. Lopez agreed to pay the fine imposed after the hearing."
    )
    assert [(e.type, e.actor.name if e.actor else None) for e in events(text)] == [("AGREE", "Lopez")]


@pytest.mark.parametrize(
    "text",
    [
        "Peru's new Fisheries Act bans trawling within five miles of the coast.",
        "The Safe Harbours For Turtles Act bans nets within five miles of the coast.",
    ],
    ids=["act", "act-at-the-end-of-a-long-name"],
)
def test_a_standing_law_named_by_its_title_only_says_what_is_banned(text: str) -> None:
    assert events(text) == []


def test_a_bank_by_its_name_still_acts() -> None:
    [event] = events("The Bank of England allows banks to borrow overnight.")
    assert (event.type, event.actor.name if event.actor else None) == ("CONCEDE", "Bank of England")


@pytest.mark.parametrize(
    ("text", "kept_from"),
    [
        ("Ruiz said the envoys had been stopped from flying to Lima.", ("CONSULT", "stopped")),
        ("The agency was barred from sending aid to the rebels.", ("AID", "barred")),
    ],
    ids=["stopped-from", "barred-from"],
)
def test_an_act_a_party_was_kept_from_did_not_happen(text: str, kept_from: tuple[str, str]) -> None:
    kind, verb = kept_from
    [act] = [e for e in events(text) if e.type == kind]
    assert act.status == "negated" and act.evidence is not None and act.evidence.text == verb


def test_attacking_taxes_is_criticism() -> None:
    [event] = events("Ruiz attacked the new fuel taxes in a speech on Monday.")
    assert (event.type, event.cameo) == ("ACCUSE", "111")


def test_what_a_thing_meets_with_is_how_it_was_received() -> None:
    assert events("The new opera met with a cold reception in Lima.") == []
    [meeting] = events("The minister met with union leaders in Lima on Monday.")
    assert meeting.type == "CONSULT"


def test_a_company_suspending_its_own_business_is_no_sanction() -> None:
    assert events("The airline has suspended its night flights to Caracas.") == []
    assert events("The mining firm suspended production at its Arequipa plant.") == []
    [cut] = events("Argentina suspended gas exports to Chile in May.")
    assert (cut.type, cut.actor.country if cut.actor else None) == ("SANCTION", "ARG")


def test_a_person_recognised_by_sight_is_no_diplomatic_recognition() -> None:
    assert events("Few shoppers in the market recognised the Green leader Ana Ruiz.") == []
    [leader] = events("Chile recognised Ana Ruiz as the country's interim president.")
    assert leader.type == "SUPPORT"


def test_a_verb_in_a_title_is_no_event() -> None:
    assert events("Critics loved the comedy Meet the Neighbours, and now Meet the Neighbours Again opens in May.") == []
    assert events("Meet The Neighbours knocked the thriller off the top of the chart.") == []
    [meeting] = events("Ruiz will meet the Chilean foreign minister in Lima on Monday.")
    assert (meeting.type, meeting.status) == ("CONSULT", "future")


def test_a_participle_after_an_adverb_of_degree_describes() -> None:
    """Also on parses written out as the shipped model gives them: "an emotionally charged ballad", and
    "has angrily rejected claims" with the verb taken for a modifier of its object, still an act."""
    assert events("Coaching has grown much more physically demanding over the years.") == []
    [rejection] = events("Peru has angrily rejected the Chilean proposal.")
    assert rejection.type == "REJECT"
    vocab = spacy.blank("en").vocab
    participle = "Tense=Past|VerbForm=Part"
    described = Doc(
        vocab,
        words=["an", "emotionally", "charged", "ballad"],
        heads=[3, 2, 3, 3],
        deps=["det", "advmod", "amod", "ROOT"],
        pos=["DET", "ADV", "VERB", "NOUN"],
        morphs=["", "", participle, "Number=Plur"],
    )
    assert _adjectival(described, Trigger(2, (2,), lexicon()[("charge", "verb")]))
    acted = Doc(
        vocab,
        words=["Okafor", "has", "angrily", "rejected", "claims"],
        heads=[3, 3, 3, 4, 4],
        deps=["nsubj", "aux", "advmod", "amod", "ROOT"],
        pos=["PROPN", "AUX", "ADV", "VERB", "NOUN"],
        morphs=["", "", "", participle, "Number=Plur"],
    )
    assert not _adjectival(acted, Trigger(3, (3,), lexicon()[("reject", "verb")]))


def test_allowing_as_the_purpose_of_an_act_is_no_concession() -> None:
    assert events("The ministry launched a new fund to allow rural schools to hire more teachers.") == []
    [open_choice] = events("The cabinet is divided over whether to allow foreign trawlers into the bay.")
    assert (open_choice.type, open_choice.status) == ("CONCEDE", "hypothetical")
    assert "CONCEDE" in {e.type for e in events("The union backed plans to allow nurses to strike.")}


@pytest.mark.parametrize(
    "text",
    [
        "Ruiz said the verdict should persuade everyone to back the reforms.",
        "Lima said the findings should be seen as a warning.",
        "Okafor said the voters should be the judges of that.",
    ],
    ids=["thing-acts", "seen-as", "a-role"],
)
def test_what_should_be_so_asks_no_one(text: str) -> None:
    assert events(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Okafor said the ministry should publish the report.",
        "Ruiz said the law should be rewritten.",
        "Ruiz said the government should be careful.",
        "Lima said the application must be treated on its merits.",
    ],
    ids=["party-acts", "passive", "party-adjective", "treated"],
)
def test_what_a_party_should_do_is_still_a_demand(text: str) -> None:
    assert [(e.type, e.cameo) for e in events(text)] == [("REQUEST", "100")]


def test_being_fired_with_no_weapon_or_attacker_named_is_a_dismissal() -> None:
    """The parse the shipped model gives "... a week before being fired" in running text, written out; a
    passive with "by" names an attacker ("a shell said to have been fired by the militia")."""
    words = ["She", "worked", "before", "being", "fired"]
    vocab = spacy.blank("en").vocab
    fired = lexicon()[("fire", "verb")]
    morphs = ["", "Tense=Past|VerbForm=Fin", "", "VerbForm=Ger", "Tense=Past|VerbForm=Part"]
    dismissed = Doc(
        vocab,
        words=words,
        heads=[1, 1, 4, 4, 1],
        deps=["nsubj", "ROOT", "mark", "aux", "advcl"],
        pos=["PRON", "VERB", "SCONJ", "AUX", "VERB"],
        lemmas=["she", "work", "before", "be", "fire"],
        morphs=morphs,
    )
    assert _other_sense(dismissed, Trigger(4, (4,), fired))
    words = ["it", "was", "fired", "by", "rebels"]
    attack = Doc(
        vocab,
        words=words,
        heads=[2, 2, 2, 4, 2],
        deps=["nsubj:pass", "aux", "ROOT", "case", "obl"],
        pos=["PRON", "AUX", "VERB", "ADP", "NOUN"],
        lemmas=["it", "be", "fire", "by", "rebel"],
        morphs=["", "Tense=Past|VerbForm=Fin", "Tense=Past|VerbForm=Part", "", "Number=Plur"],
    )
    assert not _other_sense(attack, Trigger(2, (2,), fired))


def test_a_release_that_frees_no_one_is_no_event() -> None:
    assert events("Like every track Ana Lobo has released as a single, it borrows from older hits.") == []
    [freed] = events("Police released the two reporters without charge.")
    assert (freed.type, freed.cameo) == ("RETREAT", "084")


def test_supporting_a_format_is_compatibility_not_support() -> None:
    assert events("Nexo and Vantor, two games firms, would both support its new disc format.") == []
    [backing] = events("Peru said it would support the resolution.")
    assert (backing.type, backing.status) == ("SUPPORT", "future")


def test_wanting_a_thing_or_place_to_be_something_asks_nothing() -> None:
    assert events("Ruiz wanted Lima to be a hub for the region's trade.") == []
    [request] = events("Chile wants Peru to withdraw the fees.")
    assert (request.type, request.recipient.country if request.recipient else None) == ("REQUEST", "PER")


def test_called_before_a_name_names_it() -> None:
    assert events("The group is known as a movement called Voice for Change.") == []
    [call] = events("Peru called for calm on Monday.")
    assert call.type == "REQUEST"


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Chile has the right to impose sanctions on Peru.", "CHL", "PER"),
        ("The deal gives Peru the chance to meet Chilean leaders.", "PER", "CHL"),
    ],
    ids=["has-the-right", "given-the-chance"],
)
def test_what_a_party_may_do_is_hypothetical_and_its_own(text: str, actor: str, recipient: str) -> None:
    [event] = events(text)
    parties = (event.actor.country if event.actor else None, event.recipient.country if event.recipient else None)
    assert (event.status, parties) == ("hypothetical", (actor, recipient))


@pytest.mark.parametrize(
    "text",
    [
        "Ruiz said he had clashed with ministers about how judges are chosen.",
        "Ruiz has publicly attacked the finance minister.",
        "Okafor said she attacks the opposition leader politically, not personally.",
    ],
    ids=["clashed-about-how", "publicly", "politically"],
)
def test_an_attack_or_clash_in_words_is_criticism(text: str) -> None:
    assert [(e.type, e.cameo) for e in events(text)] == [("ACCUSE", "111")]


def test_goods_withdrawn_from_shops_and_scenes_shot_are_no_events() -> None:
    assert events("The maker says Calmex has been withdrawn from sale in Chile.") == []
    assert events("Scenes of the series were shot in Lima last year.") == []
    assert [e.type for e in events("Chile withdrew its ambassador from Lima.")] == ["RETREAT"]
    assert [e.type for e in events("Soldiers shot two protesters in Lima.")] == ["ASSAULT"]


def test_a_company_inviting_buyers_is_no_invitation_between_parties() -> None:
    assert events("Vantor Motors invited car buyers to test its new model for a weekend.") == []
    [invitation] = events("Peru invited Chile to send observers.")
    assert (invitation.type, invitation.cameo) == ("AGREE", "036")


def test_beating_someone_to_a_prize_is_a_contest() -> None:
    text = "Ortega made up for losing out last year by beating her to the poetry prize with her second book."
    assert events(text) == []
    assert [e.type for e in events("Police beat the protesters with batons.")] == ["ASSAULT"]


def test_freeing_up_money_and_charging_fees_are_no_release_or_charge() -> None:
    text = (
        "Gordon Ruiz is Peru's finance minister. He plans to cut 9,000 civil service jobs to free up cash for nurses."
    )
    assert events(text) == []
    assert events("The Greens would let universities charge higher fees.") == []
    assert [e.type for e in events("Rebels freed two hostages on Monday.")] == ["RETREAT"]


def test_a_bill_returned_to_a_chamber_is_no_visit() -> None:
    assert events("The Housing Bill was returned to the Senate for a second reading.") == []
    [back] = events("Ruiz returned to Lima on Monday.")
    assert back.type == "CONSULT"


def test_backing_up_is_no_support_and_attacking_the_press_is_in_words() -> None:
    assert events("I scored twice against Chile and now I must back it up on Sunday.") == []
    assert [e.type for e in events("The union backed the strike.")] == ["SUPPORT"]
    [attack] = events("Pop singer Ana Lobo has attacked US gossip magazines, questioning their honesty.")
    assert (attack.type, attack.cameo) == ("ACCUSE", "111")


@pytest.mark.parametrize(
    "text",
    [
        "Ruiz fired up his campaign at the party's headquarters.",
        "Party workers left the rally fired up by Ruiz's closing speech.",
        "Lima's mayor marched up to the minister, shouting that the plan was a disgrace.",
    ],
    ids=["fired-up", "fired-up-participle", "marched-up-to"],
)
def test_up_or_down_after_a_verb_makes_another_verb(text: str) -> None:
    assert events(text) == []


def test_a_phrasal_verb_that_keeps_the_event_and_up_to_a_number_stay_events() -> None:
    [beating] = events("Soldiers beat up two detainees.")
    assert beating.type == "ASSAULT"
    [permission] = events("Peru will allow up to 3,000 refugees to return home.")
    assert (permission.type, permission.status) == ("CONCEDE", "future")


@pytest.mark.parametrize(
    "text",
    [
        "The attorney general warned the prime minister that the bombing campaign could be illegal.",
        "Okafor warned the cabinet that an invasion would be unlawful.",
    ],
    ids=["could-be-illegal", "would-be-unlawful"],
)
def test_a_warning_that_something_would_be_so_is_a_judgement_not_a_threat(text: str) -> None:
    assert events(text) == []
    [threat] = events("Chile warned Peru that it would impose sanctions if the fees stayed.")
    assert threat.type == "THREATEN"


def test_a_fate_something_is_threatened_with_by_no_one_is_a_danger() -> None:
    assert events("Alitalia is threatened with bankruptcy.") == []
    [threat] = events("Peru threatened Chile with sanctions.")
    assert (threat.type, threat.actor.country if threat.actor else None) == ("THREATEN", "PER")


def test_handling_hunting_winning_a_race_and_a_market_rally_are_no_events() -> None:
    assert events("The tax will help the government deal with Peru's huge public debt.") == []
    assert [e.type for e in events("Peru signed a deal with Chile on Monday.")] == ["SUPPORT"]
    assert events("Visitors pay to shoot deer on the estate each autumn.") == []
    assert [e.type for e in events("Soldiers shot two protesters in Lima.")] == ["ASSAULT"]
    assert events("Lopes stormed to gold in the relay in Oslo.") == []
    assert [e.type for e in events("Rebels stormed the parliament in Lima.")] == ["ASSAULT"]
    assert events("It rallied briefly on Monday as oil prices eased.") == []
    assert [e.type for e in events("Thousands of farmers rallied in Lima against the tax.")] == ["PROTEST"]


def test_returning_to_court_pursuing_a_thing_and_asking_questions_are_no_events() -> None:
    assert events("The miner will return to court in Delaware next month.") == []
    assert [e.type for e in events("The president will return to Chile next week.")] == ["CONSULT"]
    assert events("The government is prosecuting the campaign with more vigour.") == []
    assert [e.type for e in events("Peru will prosecute the two Chilean fishermen.")] == ["COERCE"]
    assert [e.type for e in events("Peruvian officers will arrest and prosecute the smugglers.")] == [
        "COERCE",
        "COERCE",
    ]
    assert events("These are the questions Lopes will be asking of the team this year.") == []
    assert events("The firm set up a division to create and distribute films.") == []


def test_studies_attractions_and_prices_are_no_investigations_appeals_or_charges() -> None:
    assert events("Farmers gave evidence to a senate inquiry into the effects of the drought in Peru.") == []
    assert [e.type for e in events("Police launched an inquiry into the minister's spending.")] == ["ACCUSE"]
    assert events("The council should investigate extending the railway to Cusco.") == []
    assert [e.type for e in events("Police will investigate the two Chilean fishermen.")] == ["ACCUSE"]
    assert events("The channel wants to appeal to younger viewers with shorter shows.") == []
    assert [e.type for e in events("Peru appealed to Chile for calm.")] == ["REQUEST"]
    assert events("The regulator is looking at the tariffs the two firms charge rival operators.") == []
    assert [e.type for e in events("Police charged the man with theft.")] == ["COERCE"]


@pytest.mark.parametrize(
    "text",
    [
        "Peru's foreign minister is to visit Chile and Bolivia next week.",
        "The heads of the two rival exchanges are to meet in Paris amid talk of a merger.",
    ],
)
def test_what_a_party_is_to_do_is_future(text: str) -> None:
    assert {status for _, status in kinds(text)} == {"future"}


@pytest.mark.parametrize(
    "text",
    [
        "There is no suggestion that Bolivia opposes the treaty in principle.",
        "There was no sign that the rebels had attacked the convoy near Goma.",
    ],
)
def test_what_there_is_no_sign_of_is_negated(text: str) -> None:
    assert [status for _, status in kinds(text)] == ["negated"]
    assert [status for _, status in kinds(text.replace("no ", "some ", 1))] == ["asserted"]


def test_crowds_gathered_for_a_show_protest_nothing_but_leaders_gathered_for_a_summit_meet() -> None:
    assert events("Thousands of gadget fans have gathered in Lima for the yearly electronics fair.") == []
    assert events("Hundreds of people gathered in the square to watch the cup final.") == []
    assert [e.type for e in events("Protesters gathered outside the Peruvian embassy in Santiago.")] == ["PROTEST"]
    assert [e.type for e in events("West African leaders gathered in Abuja for a summit on the crisis.")] == ["CONSULT"]


def test_someone_who_killed_himself_attacked_no_one() -> None:
    assert events("Tomas Vega later killed himself in prison.") == []
    assert [e.type for e in events("Tomas Vega killed two guards in the prison.")] == ["ASSAULT"]


def test_talks_cut_off_are_halted_not_held() -> None:
    assert [(e.type, e.cameo) for e in events("Bolivia has cut off talks with Chile over the gas sale.")] == [
        ("SANCTION", "164")
    ]
    assert events("The storm cut off power to the town.") == []


def test_a_verb_joined_to_a_passive_with_nothing_of_its_own_is_passive_too() -> None:
    found = events("The Cusco coach Ana Quispe has been fined 500 soles and banned from the touchline for a month.")
    assert [(e.type, e.actor, e.recipient.name if e.recipient else None) for e in found] == [
        ("COERCE", None, "Ana Quispe")
    ]
    demanded = events("Ms Quispe said the report should have been published, and demanded an inquiry into the matter.")
    assert [(e.type, e.actor.name if e.actor else None) for e in demanded] == [("REQUEST", "Quispe")]


def test_a_bill_named_in_capitals_is_a_measure_not_a_person_called_bill() -> None:
    assert events("Doctors fear the Assisted Care Bill would allow clinics to end lives in secret.") == []
    assert [e.type for e in events("Peru's government will allow Chilean boats to fish.")] == ["CONCEDE"]


def test_a_likely_act_is_hypothetical_a_way_attacked_is_criticism_and_a_console_supports_no_one() -> None:
    assert kinds("The Commission for the Andes is likely to demand a ban on mining in Peru.") == [
        ("REQUEST", "hypothetical")
    ]
    assert kinds("Lord Ruiz also attacked the way the dam deal was put to the voters.") == [("ACCUSE", "asserted")]
    assert events("The Zeta console from Sony also supports wireless multiplayer gaming.") == []


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str], lemmas: list[str], past: int) -> Doc:
    """A sentence as the parser reads it, built by hand so that the test does not hang on a model."""
    morphs = ["Tense=Past|VerbForm=Part" if i == past else "" for i in range(len(words))]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, morphs=morphs)


@pytest.mark.parametrize(
    ("noun", "head", "event"),
    [("rally", "car", False), ("aid", "workers", False), ("strike", "action", True), ("aid", "package", True)],
)
def test_an_event_word_that_only_says_which_thing_is_no_event(noun: str, head: str, event: bool) -> None:
    # "They showed a rally car", with "rally" read as a verb in a compound as the tagger may read it
    doc = _parsed(
        ["They", "showed", "a", noun, head],
        [1, 1, 4, 4, 1],
        ["nsubj", "ROOT", "det", "compound", "obj"],
        ["PRON", "VERB", "DET", "VERB" if noun == "rally" else "NOUN", "NOUN"],
        ["they", "show", "a", noun, head.removesuffix("s")],
        past=-1,
    )
    trigger = trigger_at(doc[3])
    assert trigger is not None
    assert _modifier(doc, trigger, {}) is not event


def test_a_participle_after_a_comma_describes_the_name_before_it_or_else_the_subject() -> None:
    # "Vera Lind appealed for the release of Tomas Rivera, kidnapped in Lima": he was kidnapped
    doc = _parsed(
        ["Lind", "appealed", "for", "the", "release", "of", "Tomas", "Rivera", ",", "kidnapped", "in", "Lima"],
        [1, 1, 4, 4, 1, 6, 4, 6, 9, 1, 11, 9],
        ["nsubj", "ROOT", "case", "det", "obl", "case", "nmod", "flat", "punct", "conj", "case", "obl"],
        ["PROPN", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "PROPN", "PUNCT", "VERB", "ADP", "PROPN"],
        ["Lind", "appeal", "for", "the", "release", "of", "Tomas", "Rivera", ",", "kidnap", "in", "Lima"],
        past=9,
    )
    for token in doc[6:8]:
        token.ent_type_ = "PER"
    trigger = trigger_at(doc[9])
    assert trigger is not None
    actors, recipients = _parties(doc[9], trigger)
    assert actors == [] and [t.text for t in recipients] == ["Tomas"]
    # "Vaz is standing trial, accused of fraud": no one named before the comma, so the subject was accused
    doc = _parsed(
        ["Vaz", "is", "standing", "trial", ",", "accused", "of", "fraud"],
        [2, 2, 2, 2, 5, 2, 7, 5],
        ["nsubj", "aux", "ROOT", "obj", "punct", "conj", "case", "obl"],
        ["PROPN", "AUX", "VERB", "NOUN", "PUNCT", "VERB", "ADP", "NOUN"],
        ["Vaz", "be", "stand", "trial", ",", "accuse", "of", "fraud"],
        past=5,
    )
    trigger = trigger_at(doc[5])
    assert trigger is not None
    actors, recipients = _parties(doc[5], trigger)
    assert actors == [] and [t.text for t in recipients] == ["Vaz"]


@pytest.mark.parametrize(
    "text",
    [
        "Friends and relatives gathered at the cathedral in Cusco on Saturday.",
        "Each Friday crowds of people gather in the plaza to tape a greeting for a radio show.",
    ],
)
def test_people_who_gather_with_no_sign_of_protest_do_not_demonstrate(text: str) -> None:
    assert events(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Several hundred opposition supporters gathered outside the Peruvian embassy on Saturday.",
        "Hundreds of farmers gathered in Lima on Monday, waving banners.",
        "Thousands of people gathered in the main square of Lima to demand the release of the students.",
    ],
)
def test_people_who_gather_outside_waving_banners_or_to_demand_demonstrate(text: str) -> None:
    assert "PROTEST" in [e.type for e in events(text)]


def test_officials_who_gather_meet() -> None:
    assert [e.type for e in events("West African leaders gathered in Abuja on Monday.")] == ["CONSULT"]


def test_talks_one_takes_part_in_have_that_verbs_status_and_its_subject() -> None:
    found = events(
        "The Peruvian foreign minister is due to participate in negotiations with the Chilean government on Friday."
    )
    assert [(e.type, e.status, e.actor.name if e.actor else None) for e in found] == [
        ("CONSULT", "future", "Peruvian foreign minister")
    ]
    [joined] = events("Ana Ruiz is to join the Chilean president in a visit to Lima on Thursday.")
    assert (joined.status, joined.actor.name if joined.actor else None) == ("future", "Ana Ruiz")


@pytest.mark.parametrize(
    "text",
    [
        "The Lima bank said it would not charge anything for the service and would waive fees for a year.",
        "From May the Lima firm is charging its customers for each new version of the program.",
        "Although initially free, the Lima firm has not ruled out charging users who want updates.",
    ],
)
def test_a_price_charged_and_something_free_are_no_coercion_or_release(text: str) -> None:
    assert [e.type for e in events(text) if e.type in ("COERCE", "RETREAT")] == []


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors in Lima charged the former minister with fraud.",
        "Police charged two men for their role in the riots in Lima.",
        "US prosecutors have charged nine suppliers with helping a retailer in Lima hide $80m of losses.",
    ],
)
def test_a_legal_charge_is_still_coercion(text: str) -> None:
    assert "COERCE" in [e.type for e in events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Her party says it met most of the pledges it made in 2020.",
        "The carmaker plans to deploy a fleet of 5,000 demonstration vans in Peru and Chile.",
        "The league has sanctioned its use from next season.",
        "The Greens provided fierce opposition to the mining law in Congress.",
        "After the audit, the ministry suspended its scheme to close rural clinics.",
        "Ms Ruiz spoke before Sunday's Andean Cup clash between the two Lima sides.",
        "Officials said both cyclists had not provided urine samples at the meetings in Lima and Quito.",
    ],
)
def test_promises_met_test_cars_deployed_a_use_sanctioned_and_a_cup_clash_are_no_events(text: str) -> None:
    assert events(text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Peru will deploy 500 troops to the border.", "MOBILIZE"),
        ("The UN sanctioned Peru over the border raid.", "COERCE"),
        ("Ana Ruiz met the Chilean envoy in Lima.", "CONSULT"),
    ],
)
def test_troops_deployed_a_country_sanctioned_and_an_envoy_met_still_are(text: str, kind: str) -> None:
    assert [e.type for e in events(text)] == [kind]


def test_talks_a_party_hopes_for_have_not_happened() -> None:
    assert kinds("The striker is hoping for talks with the Lima club's owner Martin Vaz.") == [
        ("CONSULT", "hypothetical")
    ]


@pytest.mark.parametrize(
    "text",
    [
        'Mr Vaz asked: "Would it not be odd if the smokers became the outlaws?"',
        "Ms Ruiz wants to know which official signed off the prisoner's early release.",
    ],
)
def test_a_question_put_after_a_colon_and_leave_signed_off_are_no_request_or_pact(text: str) -> None:
    assert [e.type for e in events(text) if e.type in ("REQUEST", "SUPPORT")] == []


@pytest.mark.parametrize(
    "text",
    ['"When I was 16 I recognised myself in her," Ana Ruiz said.', "But Vaz has always protested his innocence."],
)
def test_seeing_oneself_in_someone_and_protesting_innocence_are_no_events(text: str) -> None:
    assert [e.type for e in events(text) if e.type in ("SUPPORT", "PROTEST")] == []


def test_protesting_outside_a_ministry_still_is_a_protest() -> None:
    assert [e.type for e in events("Farmers protested outside the ministry in Lima.")] == ["PROTEST"]


@pytest.mark.parametrize(
    "text",
    [
        "Linux threatens Microsoft's grip on office computers.",
        "Calls from two strangers caused Ana Ruiz to feel threatened at home.",
    ],
    ids=["a-grip", "feeling"],
)
def test_what_is_threatened_must_be_a_party_or_a_place(text: str) -> None:
    assert [e.type for e in events(text) if e.type == "THREATEN"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Rebels threatened the provincial capital on Tuesday.",
        "The federation has threatened its marathon champion Grace Wanjiru with a suspension.",
        "Farmers in the valley threatened yesterday to block the highway.",
    ],
    ids=["a-capital", "a-named-champion", "to-act"],
)
def test_a_threat_to_a_place_a_named_person_or_to_act_still_is_one(text: str) -> None:
    assert [e.type for e in events(text)][:1] == ["THREATEN"]


@pytest.mark.parametrize(
    "text",
    [
        "Liberty said the powers breached the UN Convention against Torture since they allowed detentions.",
        "Tata Steel said sales were strong, allowing it to raise its prices again.",
        "Analysts at Barclays think this could allow a modest revision of Japan's growth.",
        "The Liberal Democrats believe Mr Clarke should allow phone records as evidence in trials.",
    ],
    ids=["a-thing-allowed", "a-consequence", "this-allows", "records"],
)
def test_allowing_a_thing_or_a_consequence_grants_nothing_to_a_party(text: str) -> None:
    assert [e.type for e in events(text) if e.type == "CONCEDE"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Chile will allow foreign airlines to fly domestic routes from May.",
        "Peru said it will allow the return of UN inspectors to the mine.",
        "Mr Vaz was allowed to step down instead of being dismissed.",
        "Election officials refuse to allow candidates from Hamas to stand.",
    ],
    ids=["airlines", "the-return-of-inspectors", "a-person", "candidates-from-a-party"],
)
def test_allowing_a_party_is_still_a_concession(text: str) -> None:
    assert [e.type for e in events(text) if e.type in ("CONCEDE", "REJECT")]


def test_companies_joining_forces_send_no_troops() -> None:
    # "Acer and Fujitsu are joining forces to share software": the infinitive is the companies' act
    words = ["Acer", "and", "Fujitsu", "are", "joining", "forces", "to", "share", "software"]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[4, 2, 0, 4, 4, 4, 7, 4, 7],
        deps=["nsubj", "cc", "conj", "aux", "ROOT", "obj", "mark", "xcomp", "obj"],
        pos=["PROPN", "CCONJ", "PROPN", "AUX", "VERB", "NOUN", "PART", "VERB", "NOUN"],
        lemmas=["Acer", "and", "Fujitsu", "be", "join", "force", "to", "share", "software"],
    )
    assert _object_controller(doc[7]) is None
    sent = Doc(
        doc.vocab,
        words=["Kenya", "sent", "forces", "to", "patrol", "the", "border"],
        heads=[1, 1, 1, 4, 1, 6, 4],
        deps=["nsubj", "ROOT", "obj", "mark", "xcomp", "det", "obj"],
        pos=["PROPN", "VERB", "NOUN", "PART", "VERB", "DET", "NOUN"],
        lemmas=["Kenya", "send", "force", "to", "patrol", "the", "border"],
    )
    assert _object_controller(sent[4]) == sent[2]


@pytest.mark.parametrize(
    "text",
    [
        "The new poll results fly in the face of the latest numbers from Chile.",
        "In the war he was a pilot, flying cargo planes to Egypt.",
        "A jet like this could fly to Perth from Paris without a stop.",
    ],
    ids=["an-idiom", "flying-something", "a-thing-flies"],
)
def test_flying_in_the_face_flying_a_plane_and_a_plane_flying_are_no_visits(text: str) -> None:
    assert [e.type for e in events(text)] == []


def test_a_minister_flying_to_a_city_still_visits() -> None:
    assert [(e.type, e.recipient.country) for e in events("The Chilean foreign minister flew to Lima on Monday.")] == [
        ("CONSULT", "PER")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Before politics she spent years at Channel 4 hosting the Friday Night Countdown.",
        "Voters abroad were unable to visit the campaign website of President Ana Costa.",
    ],
    ids=["a-show", "a-website"],
)
def test_hosting_a_show_and_visiting_a_website_are_no_meetings(text: str) -> None:
    assert [e.type for e in events(text)] == []


def test_a_city_hosting_a_named_forum_still_hosts_a_meeting() -> None:
    assert [e.type for e in events("The Brazilian city of Recife will host the rival World Water Forum.")] == [
        "CONSULT"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Greens said they would not raise taxes but agreed household bills would rise more slowly under"
        " their plans.",
        "The Welsh councils' group, which provided ITV Wales with the numbers, warned of cuts.",
    ],
    ids=["agreeing-on-a-forecast", "providing-numbers"],
)
def test_agreeing_what_will_happen_and_providing_figures_are_no_agreement_or_aid(text: str) -> None:
    assert [e.type for e in events(text) if e.type in ("AGREE", "AID")] == []


def test_a_party_given_goods_with_the_verb_is_the_recipient_and_parties_agreeing_to_meet_agree() -> None:
    [aid] = events("The UN provided Haiti with food and tents.")
    assert aid.type == "AID" and aid.recipient is not None and aid.recipient.country == "HTI"
    assert "AGREE" in [e.type for e in events("Peru and Chile agreed they would meet again in May.")]
