"""The event coder on sentences written for each pattern the events issue lists."""

from __future__ import annotations

import functools

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsgraph.events.coder import _no_return, _parties, _subject
from newsgraph.events.triggers import trigger_at
from newsgraph.model import Analysis, Article, Event
from newsgraph.pipeline import analyze

PUBLISHED = "2024-03-06"  # a Wednesday


@functools.cache
def analysed(text: str) -> Analysis:
    return analyze(Article(id="t", text=text, published=PUBLISHED))


def events(text: str) -> list[Event]:
    return analysed(text).events


def summary(event: Event) -> tuple:
    actor = event.actor.country or event.actor.name if event.actor else None
    recipient = event.recipient.country or event.recipient.name if event.recipient else None
    return (event.type, event.status, actor, recipient)


def test_a_meeting_between_two_ministers_is_consult_with_both_countries_and_the_day() -> None:
    text = "Brazilian Foreign Minister Ana Costa met Japanese Foreign Minister Kenji Sato in Tokyo on Monday."
    [event] = events(text)
    assert summary(event) == ("CONSULT", "asserted", "BRA", "JPN")
    assert (event.cameo, event.goldstein, event.quad_class) == ("040", 1.0, 1)
    assert event.date == "2024-03-04"
    assert event.trigger.text == "met"
    assert event.actor is not None and event.actor.name == "Ana Costa" and event.actor.sector == "GOV"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Ana Costa will meet Kenji Sato in Tokyo next week.", "future"),
        ("Ana Costa is expected to meet Kenji Sato in Tokyo.", "future"),
        ("Ana Costa could meet Kenji Sato in Tokyo if the dispute is settled.", "hypothetical"),
        ("Ana Costa did not meet Kenji Sato during her visit.", "negated"),
    ],
    ids=["will", "expected-to", "could-if", "did-not"],
)
def test_status_follows_the_words_around_the_trigger(text: str, status: str) -> None:
    consults = [e for e in events(text) if e.type == "CONSULT" and e.trigger.text.startswith("meet")]
    assert [e.status for e in consults] == [status]


def test_a_plan_without_a_day_has_no_date_and_a_past_event_the_publication_date() -> None:
    [plan] = [e for e in events("Ana Costa will meet Kenji Sato in Tokyo next week.") if e.type == "CONSULT"]
    assert plan.date is None
    [done] = events("Ana Costa accused Kenji Sato of breaking the agreement.")
    assert done.date == PUBLISHED


def test_a_refusal_to_meet_is_reject_and_the_refused_meeting_is_not_an_event() -> None:
    found = events("Guinea-Bissau refused to meet the West African mediator Ousmane Badji.")
    assert [summary(e) for e in found] == [("REJECT", "asserted", "GNB", "Ousmane Badji")]
    assert found[0].cameo == "125"


def test_an_appeal_to_resume_talks_is_a_request_and_the_talks_are_not_an_event() -> None:
    found = events("Portugal urged Guinea-Bissau to resume talks with its neighbours.")
    assert [(e.type, e.cameo, e.status) for e in found] == [("REQUEST", "108", "asserted")]
    assert summary(found[0])[2:] == ("PRT", "GNB")


def test_talks_between_two_countries_are_coded_in_both_directions() -> None:
    found = events("Talks between Peru and Chile opened in Lima on Monday.")
    assert sorted(summary(e)[2:] for e in found) == [("CHL", "PER"), ("PER", "CHL")]
    assert {e.type for e in found} == {"CONSULT"}


def test_two_actors_that_hold_talks_are_reciprocal_and_the_venue_is_not_a_party() -> None:
    found = events("The United States and China held talks in Geneva.")
    assert sorted(summary(e)[2:] for e in found) == [("CHN", "USA"), ("USA", "CHN")]
    assert len({e.clause for e in found}) == 1 and found[0].clause is not None


def test_two_subjects_the_parser_did_not_coordinate_are_still_both_parties() -> None:
    # parsed as two subjects of "signed", the "and" hung on the second
    found = events("Chile and Peru signed the protocol.")
    assert sorted(summary(e)[2:] for e in found) == [("CHL", "PER"), ("PER", "CHL")]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("About 300 fishermen blocked the entrance to the harbour in Arica on Tuesday.", "fishermen"),
        ("Several hundred government supporters gathered outside the parliament.", "government supporters"),
    ],
)
def test_a_head_count_is_not_part_of_a_groups_name(text: str, actor: str) -> None:
    [event] = events(text)
    assert event.actor is not None and event.actor.name == actor


def test_a_second_verb_of_the_speaker_hung_inside_what_was_said_has_the_speaker_as_actor() -> None:
    [event] = events(
        "Ana Costa, Brazil's trade minister, said exports had fallen to their lowest level since records began, "
        "and blamed the tariffs imposed by Argentina."
    )
    assert event.type == "ACCUSE" and event.actor is not None and event.actor.name == "Ana Costa"


def test_who_stands_for_the_person_named_before_it_when_the_parser_misses_the_relative_clause() -> None:
    [event] = events(
        "The delegation will be led by Kenji Sato, Japan's deputy foreign minister, who is expected to arrive in "
        "Seoul on Sunday."
    )
    assert event.status == "future"
    assert summary(event)[2:] == ("JPN", "KOR")


def test_a_body_owned_by_a_country_takes_that_countrys_code() -> None:
    # "Congress" alone is the United States' in the gazetteer
    [event] = events("The federation will ask Peru's Congress to hold a hearing on the quota.")
    assert event.recipient is not None and (event.recipient.name, event.recipient.country) == ("Congress", "PER")


def test_a_proposal_rejected_is_the_proposal_of_the_party_an_earlier_sentence_gave_it_to() -> None:
    text = (
        "The talks stumbled on Cambodia's proposal for an independent team to verify releases. "
        "Laos rejected the proposal on Tuesday night."
    )
    [event] = [e for e in events(text) if e.type == "REJECT"]
    assert summary(event)[2:] == ("LAO", "KHM")


def test_assets_frozen_are_their_owners_and_a_relative_clause_gives_its_antecedent_no_country() -> None:
    text = "ECOWAS, which froze the assets of 14 Bissau-Guinean officials, met on Monday."
    [event] = [e for e in events(text) if e.cameo == "163"]
    assert event.actor is not None and (event.actor.name, event.actor.country) == ("ECOWAS", None)
    assert event.recipient is not None and event.recipient.country == "GNB"


def test_the_one_urged_is_the_recipient_even_where_the_parser_reads_it_as_a_complement() -> None:
    text = (
        "Domingas Correia, whose Democratic Union coalition won the most seats, welcomed the sanctions but urged "
        "ECOWAS to “keep the pressure on”."
    )
    [request] = [e for e in events(text) if e.type == "REQUEST"]
    assert request.recipient is not None and request.recipient.name == "ECOWAS"


def test_a_reported_event_with_no_day_of_its_own_happened_on_the_day_its_paragraph_named() -> None:
    text = (
        "West African leaders on Monday imposed targeted sanctions on Guinea-Bissau. "
        "Guinea-Bissau rejected the decision within hours.\n\n"
        "Bissau later recalled its ambassador to Abuja."
    )
    by_trigger = {e.trigger.text: e for e in events(text)}
    assert str(by_trigger["rejected"].date) == "2024-03-04"  # the Monday before the Wednesday story
    assert str(by_trigger["recalled its ambassador"].date) == PUBLISHED  # a new paragraph names no day


def test_the_trigger_of_a_verb_and_its_event_noun_spans_both() -> None:
    held = [e for e in events("ECOWAS foreign ministers will hold an emergency video conference on Monday.")]
    assert [e.trigger.text for e in held] == ["hold an emergency video conference"]
    assert held[0].type == "CONSULT" and held[0].status == "future"


def test_a_passive_names_the_recipient_as_subject_and_the_actor_after_by() -> None:
    [event] = events("The opposition leader was arrested by police in Bissau on Tuesday.")
    assert event.type == "COERCE" and event.cameo == "173"
    assert event.actor is not None and event.actor.name.startswith("police")
    assert event.recipient is not None and event.recipient.name == "opposition leader"


def test_a_past_participle_before_its_clause_befell_the_clauses_subject() -> None:
    rebuked = events("Rebuked by the Peruvian president, Bolivia recalled its ambassador from Lima.")
    assert ("ACCUSE", "asserted", "PER", "BOL") in [summary(e) for e in rebuked]
    [convicted] = events("If convicted, the former minister could face ten years in prison.")
    assert convicted.actor is None and convicted.recipient is not None
    assert convicted.recipient.name == "former minister"
    # a thing it befell is no party, and "having" makes the participle the subject's own act
    assert events("Released last spring, it sold two million copies.") == []
    [criticised, _] = events("Having criticised Chile, Peru withdrew the bill.")
    assert summary(criticised)[3] == "CHL"


def test_an_agent_the_parser_hung_on_an_adverb_still_acts() -> None:
    [event] = events("Bolivia was opposed earlier by Brazil in the vote on the river treaty.")
    assert summary(event)[2:] == ("BRA", "BOL")


def test_capitals_stand_for_their_governments() -> None:
    [event] = events("Moscow accused Washington of interfering in the election.")
    assert summary(event) == ("ACCUSE", "asserted", "RUS", "USA")


def test_sanctions_imposed_on_a_country_are_one_event_not_two() -> None:
    [event] = events("West African leaders on Saturday imposed targeted sanctions on Guinea-Bissau.")
    assert (event.type, event.cameo, event.date) == ("COERCE", "163", "2024-03-02")
    assert event.recipient is not None and event.recipient.country == "GNB"
    assert event.trigger.text == "imposed targeted sanctions"


def test_collapsed_talks_are_negated() -> None:
    found = events("The talks between Peru and Chile collapsed on Wednesday.")
    assert found and {e.status for e in found} == {"negated"}


def test_a_denied_agreement_is_negated() -> None:
    found = events("The minister denied reports that Laos had agreed to compensate farmers.")
    agreements = [e for e in found if e.type == "AGREE"]
    assert agreements and {e.status for e in agreements} == {"negated"}


def test_offsets_of_sentence_and_trigger_index_the_text() -> None:
    text = "Peru and Chile signed a trade protocol in Lima on Thursday. Chile later rejected the quota offer."
    for event in events(text):
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        start, end = event.sentence
        assert text[start:end].strip() and start <= event.trigger.start < event.trigger.end <= end


def test_the_word_that_decides_the_status_is_given_as_evidence() -> None:
    text = "Ana Costa did not meet Kenji Sato during her visit."
    [meeting] = [e for e in events(text) if e.type == "CONSULT"]
    assert meeting.evidence is not None and text[meeting.evidence.start : meeting.evidence.end] == "not"
    [plain] = events("Ana Costa accused Kenji Sato of breaking the agreement.")
    assert plain.evidence is None


def test_what_someone_says_another_must_do_is_a_request_and_not_the_act_itself() -> None:
    text = "The Peruvian foreign minister said on Monday that the Bolivian government must settle the dispute."
    assert [summary(e) for e in events(text)] == [("REQUEST", "asserted", "PER", "BOL")]


@pytest.mark.parametrize(
    "text",
    [
        "Ms Costa said the reform must not mean higher fees for students.",
        "Ms Costa said the new port should remain open to Bolivian trucks.",
        "Ms Costa said prices should fall next year.",
        "Ms Costa said the Chilean negotiators must have known about the fees.",
        'Ms Ruiz told members: "We must all stand together in the months to come."',
    ],
    ids=["mean", "remain", "a-thing-subject", "must-have-known", "we-must"],
)
def test_what_must_be_so_or_what_things_must_do_is_no_request(text: str) -> None:
    assert [e for e in events(text) if e.type == "REQUEST"] == []


def test_what_is_alleged_of_someone_is_no_accusation_but_what_the_us_must_do_is_a_request() -> None:
    alleged = events("Mr Ortega was alleged to have met the rebels in Bolivia.")
    assert "ACCUSE" not in {e.type for e in alleged}
    [request] = events("The European Union said the US should back Peru's entry into the trade body.")
    assert request.type == "REQUEST" and request.recipient is not None and request.recipient.country == "USA"


def test_an_office_named_by_its_title_alone_is_a_party() -> None:
    [request] = events("Mr Howard urged the chancellor to resign.")
    assert request.type == "REQUEST"
    assert request.recipient is not None and (request.recipient.name, request.recipient.sector) == ("chancellor", "GOV")


@pytest.mark.parametrize(
    "text",
    [
        "Mr Ortega is expected to attack Ms Costa's plans for the port on Monday.",
        "Mr Ortega also attacked the government over the fisheries dispute.",
        "The fee has been attacked by the opposition as too little, too late.",
    ],
    ids=["attack-plans", "attack-over", "attacked-as"],
)
def test_an_attack_in_words_is_a_criticism(text: str) -> None:
    found = [e for e in events(text) if e.trigger.text.startswith("attack")]
    assert [(e.type, e.cameo) for e in found] == [("ACCUSE", "111")]


def test_critics_attack_in_words() -> None:
    [attack] = events("Ms Costa's latest play has been attacked by critics in Lima.")
    assert (attack.type, attack.cameo) == ("ACCUSE", "111")


def test_an_attack_by_force_stays_an_assault() -> None:
    [attack] = events("Rebels attacked the town of Bunia on Monday.")
    assert (attack.type, attack.cameo) == ("ASSAULT", "190")


def test_a_demand_made_while_protesting_is_part_of_the_protest() -> None:
    found = events("Thousands of farmers marched on the capital demanding lower fuel prices.")
    assert [e.type for e in found] == ["PROTEST"]


def test_a_planned_meeting_that_did_not_take_place_is_negated() -> None:
    text = "A meeting with the prime minister had been scheduled for Tuesday, but it did not take place."
    meetings = [e for e in events(text) if e.type == "CONSULT"]
    assert meetings and {e.status for e in meetings} == {"negated"}
    assert meetings[0].evidence is not None and meetings[0].evidence.text == "not"


def test_a_sentence_opening_with_a_name_and_its_apposition_has_that_name_as_actor() -> None:
    from newsgraph.pipeline import analyze

    text = "Chile's economy minister, Tomás Echeverría, travelled to Lima for the signing ceremony."
    [event] = [e for e in analyze(text).events if e.trigger.text == "travelled"]
    assert event.actor is not None and event.actor.country == "CHL"
    assert event.recipient is not None and event.recipient.country == "PER"


@pytest.mark.parametrize(
    ("text", "cameo", "actor", "recipient"),
    [
        ("A court in Nairobi jailed two Ugandan smugglers for five years on Tuesday.", "173", "KEN", "UGA"),
        ("Parliament in Kyiv ratified the fisheries accord with Georgia on Monday.", "057", "UKR", "GEO"),
        ("Gunmen kidnapped three Italian engineers near the Nigerian border on Monday.", "181", None, "ITA"),
        ("Egypt invited Sudan to a new round of talks on the dam.", "036", "EGY", "SDN"),
    ],
    ids=["jail", "ratify", "kidnap", "invite"],
)
def test_legal_violent_and_cooperative_verbs_of_the_cameo_codebook(
    text: str, cameo: str, actor: str | None, recipient: str | None
) -> None:
    [event] = [e for e in events(text) if e.cameo == cameo]
    assert event.status == "asserted"
    assert (event.actor.country if event.actor else None) == actor
    assert (event.recipient.country if event.recipient else None) == recipient


def test_an_agreement_ratified_is_one_event_with_the_party_it_is_with() -> None:
    text = "Ukraine's parliament ratified the grain agreement with Moldova on Tuesday."
    assert [
        (e.cameo, e.actor.country if e.actor else None, e.recipient.country if e.recipient else None)
        for e in events(text)
    ] == [("057", "UKR", "MDA")]


def test_the_subject_of_order_or_lodge_is_the_actor_of_the_event_noun() -> None:
    [event] = [e for e in events("Brazil ordered an investigation into the deaths of two Bolivian miners.")]
    assert (event.cameo, event.actor.country if event.actor else None) == ("090", "BRA")


def test_supplying_weapons_is_military_aid() -> None:
    [event] = [e for e in events("Norway will supply weapons to Estonia next year.") if e.cameo == "072"]
    assert summary(event) == ("AID", "future", "NOR", "EST")


def test_postponed_talks_and_renewed_ties_are_coded_for_both_sides() -> None:
    postponed = [summary(e)[2:] for e in events("Peru and Chile have postponed their fisheries talks until March.")]
    renewed = [summary(e)[2:] for e in events("Old rivals Peru and Bolivia renewed diplomatic ties on Monday.")]
    assert postponed == [("PER", "CHL"), ("CHL", "PER")] and renewed == [("PER", "BOL"), ("BOL", "PER")]


def test_a_group_of_officials_is_a_party_with_its_sector() -> None:
    [event] = events("Opposition lawmakers met the electoral commission in Accra on Friday.")
    assert event.type == "CONSULT" and event.actor is not None
    assert (event.actor.name, event.actor.sector) == ("Opposition lawmakers", "GOV")


def test_a_nationality_before_an_event_noun_is_its_actor_but_a_city_is_not() -> None:
    [strike] = events("Turkish air strikes hit villages near Qamishli on Tuesday.")
    assert (strike.cameo, summary(strike)[2]) == ("195", "TUR")
    assert all(e.actor is None for e in events("The Doha talks opened on Tuesday with Sudan's army."))


def test_what_a_party_receives_from_another_is_the_givers_act() -> None:
    [aid] = events("Afghan refugees received food aid from the Pakistani government on Monday.")
    assert summary(aid) == ("AID", "asserted", "PAK", "AFG")


def test_engaging_someone_in_a_fight_makes_both_parties() -> None:
    [fight] = events("Malian soldiers engaged Burkinabe militants in a firefight near the border.")
    assert (summary(fight)[2], summary(fight)[3]) == ("MLI", "BFA")
    assert fight.type == "ASSAULT"


def test_a_compound_event_noun_has_its_own_code() -> None:
    [hunger] = events("Jailed miners in Oruro began a hunger strike on Sunday.")
    assert hunger.cameo == "142"


def test_a_protest_with_no_target_is_aimed_at_the_country_where_it_is_held() -> None:
    [protest] = events("Farmers protested in Nairobi on Monday over unpaid subsidies.")
    assert summary(protest) == ("PROTEST", "asserted", "Farmers", "KEN")
    [against] = events("Students protested against Serbia's government in Budapest on Friday.")
    assert summary(against)[3] == "SRB"


def test_they_after_coordinated_names_is_each_of_them() -> None:
    found = events("Ghana and Togo said on Monday they would sign a border agreement next week.")
    assert {(summary(e)[2], summary(e)[3]) for e in found} == {("GHA", "TGO"), ("TGO", "GHA")}
    assert {e.status for e in found} == {"future"}


def test_a_measure_on_the_actors_own_city_keeps_the_event_without_a_recipient() -> None:
    [curfew] = events("Tanzania imposed a night curfew on Dar es Salaam on Tuesday.")
    assert (curfew.cameo, summary(curfew)[2], curfew.recipient) == ("1723", "TZA", None)


def test_emergencies_and_strikes_are_declared_lifted_and_called_off() -> None:
    [lifted] = events("Ethiopia's government lifted the state of emergency in Amhara on Monday.")
    assert (lifted.cameo, lifted.type, summary(lifted)[2]) == ("0814", "RETREAT", "ETH")
    [declared] = events("Peru declared a state of emergency in Puno on Friday.")
    assert (declared.cameo, declared.type) == ("1724", "COERCE")
    [off] = events("Nigeria's labour congress called off the strike against the government on Sunday.")
    assert off.cameo == "082" and off.type == "CONCEDE"


def test_demonstrations_riots_and_a_state_of_siege_are_coded() -> None:
    [demo] = events("Thousands joined demonstrations against the Egyptian government in Cairo on Friday.")
    assert (demo.type, summary(demo)[3]) == ("PROTEST", "EGY")
    [siege] = events("Bolivia's government declared a state of siege in La Paz on Sunday.")
    assert (siege.cameo, summary(siege)[2]) == ("1724", "BOL")


def test_a_conference_that_gathers_is_no_demonstration_but_protesters_who_gather_are() -> None:
    assert events("The union said its annual congress would not gather in Lisbon next year.") == []
    [demo] = [
        e
        for e in events("Hundreds of students gathered outside parliament in Nairobi on Monday.")
        if e.type == "PROTEST"
    ]
    assert summary(demo)[3] == "KEN"
    assert events("Hundreds of students gathered in Nairobi on Monday.") == []  # no sign of a protest


def test_a_bodys_thing_stands_for_the_body_but_not_its_rivals_nor_a_countrys_court() -> None:
    text = "The Greens attacked Labour's record on housing. Campaigners criticised the Kremlin's handling of it."
    assert [e.recipient.name for e in events(text) if e.type == "ACCUSE" and e.recipient] == ["Labour", "Kremlin"]
    text = "Labour's rivals criticised the Greens. Britain's highest court freed the men."
    assert [e.actor.name for e in events(text) if e.actor] == ["Labour's rivals", "Britain's highest court"]


def test_the_subject_of_a_progressive_acts_it_is_not_acted_on() -> None:
    [request] = [e for e in events("Kenya is asking Uganda to reopen the border crossing.") if e.type == "REQUEST"]
    assert summary(request)[2:] == ("KEN", "UGA")


def test_a_passive_hung_on_another_verb_still_has_its_agent_as_actor() -> None:
    text = "The fishermen detained in March for crossing the maritime border were freed on Friday by Chile."
    [release] = [e for e in events(text) if e.cameo and e.cameo.startswith("084")]
    assert release.actor is not None and release.actor.country == "CHL"


def test_an_event_noun_described_by_a_participle_passes_its_plan_on() -> None:
    [hosting] = [e for e in events("The talks, hosted by Norway, are scheduled to open on Monday.") if e.cameo == "043"]
    assert (hosting.status, hosting.actor and hosting.actor.country, hosting.recipient) == ("future", "NOR", None)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Ana Costa arrived in Lima on Tuesday, a day after a planned visit to Quito.", "future"),
        ("Ahead of proposed talks between Peru and Chile, fishermen in Arica waited.", "hypothetical"),
        ("Officials said the options included asking Chile to reopen the port.", "hypothetical"),
    ],
)
def test_planned_proposed_and_optional_events_did_not_happen(text: str, status: str) -> None:
    kinds = {"future": "CONSULT", "hypothetical": ("CONSULT", "REQUEST")}
    found = [e for e in events(text) if e.type in kinds[status] and e.trigger.text not in ("arrived", "discussed")]
    assert found and {e.status for e in found} == {status}


def test_reaching_a_consensus_is_an_agreement() -> None:
    found = events("Peru and Chile reached a consensus on fishing quotas on Thursday.")
    assert {summary(e) for e in found} >= {("AGREE", "asserted", "PER", "CHL"), ("AGREE", "asserted", "CHL", "PER")}


def test_a_demand_the_actor_reiterates_is_its_own() -> None:
    [demand] = events("The European Union reiterated its demand that Russia withdraw its troops.")
    assert demand.type == "REQUEST" and demand.actor is not None and demand.actor.name == "European Union"
    assert demand.recipient is not None and demand.recipient.country == "RUS"


def test_they_who_say_what_they_will_do_are_the_speakers() -> None:
    [boycott] = events("Bolivian farm leaders said they would boycott the talks with Peru.")
    assert boycott.actor is not None and boycott.actor.country == "BOL"


def test_a_party_named_before_an_event_noun_is_its_actor() -> None:
    [crackdown] = events("Ten students were hurt in a police crackdown in Dhaka on Monday.")
    assert crackdown.type in ("COERCE", "ASSAULT") and crackdown.actor is not None and crackdown.actor.sector == "GOV"


def test_a_demand_a_protest_is_made_for_is_part_of_the_protest() -> None:
    found = events("French farmers blockaded the motorway to demand lower diesel prices.")
    assert [e.type for e in found] == ["PROTEST"]


def test_a_group_named_in_an_apposition_is_the_party() -> None:
    text = "The rebel group, the Justice and Equality Movement, accused Sudan of bombing its camps."
    [accusation] = [e for e in events(text) if e.type == "ACCUSE"]
    assert accusation.actor is not None and accusation.actor.name == "Justice and Equality Movement"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenyan peacekeepers arrived in Mogadishu on Monday.", ("AID", "074")),
        ("Russian troops arrived in Belarus on Friday for joint exercises.", ("MOBILIZE", "154")),
        ("Kenya will deploy peacekeepers to Somalia next month.", ("AID", "074")),
        ("The Israeli army chief arrived in Washington on Monday.", ("CONSULT", "042")),
    ],
)
def test_troops_that_arrive_are_deployed_an_officer_visits(text: str, expected: tuple[str, str]) -> None:
    [event] = events(text)
    assert (event.type, event.cameo) == expected


def test_an_unqualified_government_is_the_story_countrys() -> None:
    text = (
        "Guinea-Bissau postponed its election again on Monday. Officials in Bissau said the vote needed "
        "more time, and Guinea-Bissau's electoral commission agreed.\n\n"
        "The government has accused the opposition of inviting sanctions. Guinea-Bissau denies it."
    )
    [accusation] = [e for e in events(text) if e.type == "ACCUSE"]
    assert accusation.actor is not None and accusation.actor.country == "GNB"


def test_a_name_and_its_apposition_are_one_party_not_two() -> None:
    found = events("Portugal, Guinea-Bissau's former colonial power, urged both sides to keep talking.")
    assert [e.actor.country for e in found if e.actor] == ["PRT"]


def test_a_reaction_to_an_act_reported_before_is_aimed_at_whoever_did_it() -> None:
    text = (
        "Laos began releasing extra water from the Nong Kham dam on Monday. "
        "Vietnam welcomed the release on Tuesday, and Cambodia rejected the decision as too little."
    )
    reactions = {e.actor.country: e for e in events(text) if e.type in ("SUPPORT", "REJECT") and e.actor}
    assert reactions["VNM"].recipient is not None and reactions["VNM"].recipient.country == "LAO"
    assert reactions["KHM"].recipient is not None and reactions["KHM"].recipient.country == "LAO"


def test_a_reaction_names_no_one_when_nothing_was_reported_before() -> None:
    [rejection] = events("Cambodia rejected the decision as too little.")
    assert rejection.type == "REJECT" and rejection.recipient is None


def test_a_number_of_people_is_those_people() -> None:
    [march] = events("Thousands of Kenyan farmers marched on Nairobi on Tuesday.")
    assert march.actor is not None and (march.actor.name, march.actor.sector) == ("Kenyan farmers", "CVL")


def test_about_to_is_a_plan() -> None:
    [ties] = events("Peru is about to restore diplomatic relations with Chile.")
    assert summary(ties) == ("SUPPORT", "future", "PER", "CHL")


def test_every_noun_in_a_list_a_government_announced_is_its_act() -> None:
    text = "The Chilean government announced travel bans, asset freezes and sanctions against Bolivian officials."
    sanctions = [e for e in events(text) if e.trigger.text == "sanctions"]
    assert sanctions and all(e.actor is not None and e.actor.country == "CHL" for e in sanctions)


def test_a_weapon_fired_is_no_party_where_it_came_from_is() -> None:
    [attack] = events("Rockets were fired from Lebanon into northern Israel overnight.")
    assert summary(attack) == ("ASSAULT", "asserted", "LBN", "ISR")


def test_a_demand_reported_by_any_form_of_a_verb_of_saying_is_a_request() -> None:
    found = events("The Peruvian foreign minister repeated that Bolivia must return the two boats.")
    assert [summary(e) for e in found] == [("REQUEST", "asserted", "PER", "BOL")]


def test_a_postponed_visit_did_not_happen_even_when_the_parser_loses_its_subject() -> None:
    found = events("Ana Costa met Kenji Sato in Tokyo, after a planned visit to Hanoi last week was postponed.")
    [visit] = [e for e in found if e.trigger.text == "visit"]
    assert visit.status == "negated" and visit.evidence is not None and visit.evidence.text == "postponed"
    assert visit.actor is not None and visit.actor.name == "Ana Costa"  # nobody else is named as the visitor


@pytest.mark.parametrize(
    ("text", "visitor"),
    [
        ("On a visit to Kenya, the French president praised the new port at Mombasa.", "French president"),
        ("The prime minister, on a three-day visit to India, signed a trade deal in Delhi.", "prime minister"),
        ("Protesters marched in Lima during the visit to Peru of the Chinese premier.", None),
    ],
    ids=["opening-phrase", "aside", "visit-of"],
)
def test_a_visit_nobody_is_named_making_is_the_clause_subjects(text: str, visitor: str | None) -> None:
    visits = [e for e in events(text) if e.trigger.text == "visit"]
    assert visits and {e.actor.name if e.actor else None for e in visits} == {visitor}


def test_an_aside_between_commas_is_not_part_of_the_participants_name() -> None:
    [signing] = [
        e
        for e in events("The prime minister, on a three-day visit to India, signed a trade deal.")
        if e.trigger.text.startswith("signed")
    ]
    assert signing.actor is not None and (signing.actor.name, signing.actor.country) == ("prime minister", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("West African heads of state will hold a summit in Abuja on Saturday.", ("CONSULT", "future")),
        ("Cambodia pressed for a binding commitment on the dam's releases.", ("REQUEST", "asserted")),
    ],
)
def test_meetings_held_and_demands_pressed_for(text: str, expected: tuple[str, str]) -> None:
    [event] = events(text)
    assert (event.type, event.status) == expected and event.actor is not None


def test_we_and_i_in_a_quote_are_its_speaker_and_the_body_they_speak_for() -> None:
    text = (
        "Peru's foreign ministry spokesman, Luis Aranda, spoke to reporters in Lima on Monday. "
        '"We will not sign a deal that hurts our fishermen," Aranda said. '
        '"I met the Chilean ambassador twice this week," he added.'
    )
    found = {e.type: e for e in events(text)}
    # "We will not sign": a refusal, Peru's
    assert found["REJECT"].actor is not None and found["REJECT"].actor.country == "PER"
    assert found["REJECT"].status == "asserted"
    assert found["CONSULT"].actor is not None and found["CONSULT"].actor.name == "Luis Aranda"


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("The Peruvian president met business leaders in Seoul on Monday.", "BUS"),
        ("Labour Minister Ana Ruiz met union leaders in Lima on Monday.", "CVL"),
        ("The army met rebel leaders in Goma on Monday.", "REB"),
        ("The president met three executives of the mining firm in Lima.", "BUS"),
    ],
)
def test_leaders_take_the_sector_of_what_they_lead(text: str, sector: str) -> None:
    [meeting] = [e for e in events(text) if e.type == "CONSULT"]
    assert meeting.recipient is not None and meeting.recipient.sector == sector


def test_signing_a_statement_is_no_agreement() -> None:
    text = "Peru's finance minister signed a statement on the accuracy of the budget figures."
    assert [e for e in events(text) if e.type == "COOPERATE" or e.cameo == "057"] == []


def test_we_is_not_another_states_body_of_the_same_name() -> None:
    text = (
        "A spokesperson for Chile's Ministry of Foreign Affairs, Jorge Paz, said relations remained good. "
        "Foreign Minister Ana Ruiz spoke to reporters in Lima. "
        '"We asked Chile for time, and we were answered with fees," Ruiz said.'
    )
    [request] = [e for e in events(text) if e.type == "REQUEST"]
    assert request.actor is not None and request.actor.country != "CHL"


def test_us_the_country_is_not_we() -> None:
    [rejection] = events("The US on Monday rejected a call from Chile to change the fisheries rules.")
    assert rejection.actor is not None and rejection.actor.country == "USA"


@pytest.mark.parametrize(
    "text",
    [
        "The moment Peru lifts the fees, Chile will resume talks.",
        "Once Lima publishes a credible quota, Chile will meet Peru again.",
    ],
)
def test_a_plan_that_waits_on_a_condition_is_hypothetical(text: str) -> None:
    [meeting, *_] = [e for e in events(text) if e.type == "CONSULT"]
    assert meeting.status == "hypothetical"


def test_being_back_is_no_backing() -> None:
    assert events("Chile will be back at the table next year, its minister said.") == []


def test_which_hung_on_a_person_stands_for_the_body_named_before_it() -> None:
    # "the mediator for the Alliance of Coastal States (ACS), which froze the assets": parsed with the
    # relative clause on "mediator", as the shipped parser sometimes does; "which" is never a person.
    words = ["the", "mediator", "for", "the", "Alliance", "of", "Coastal", "States", "(", "ACS", ")", ",", "which"]
    words += ["froze", "the", "assets", "."]
    heads = [1, 1, 4, 4, 1, 7, 7, 4, 9, 4, 9, 13, 13, 1, 15, 13, 1]
    deps = ["det", "ROOT", "case", "det", "nmod", "case", "compound", "nmod", "punct", "appos", "punct", "punct"]
    deps += ["nsubj", "acl:relcl", "det", "obj", "punct"]
    pos = ["DET", "NOUN", "ADP", "DET", "PROPN", "ADP", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "PUNCT"]
    pos += ["PRON", "VERB", "DET", "NOUN", "PUNCT"]
    lemmas = [w.lower() for w in words]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    doc.ents = [Span(doc, 4, 8, label="ORG"), Span(doc, 9, 10, label="ORG")]
    assert _subject(doc[13]).text == "Alliance"
    who = Doc(doc.vocab, words=[*words[:12], "who", *words[13:]], heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert _subject(who[13]).text == "mediator", "'who' stays with the person the parser hung it on"


def test_wanting_a_party_to_act_is_a_request_to_it_and_not_that_partys_act() -> None:
    found = events("Chile also wants Peru to withdraw the inspection fees on salmon.")
    assert [(e.type, e.trigger.text) for e in found] == [("REQUEST", "wants")]
    assert summary(found[0])[2:] == ("CHL", "PER")
    assert events("Chile wants a better deal on the jack mackerel quota.") == []
    assert events("Laos has never wanted its neighbours to suffer.") == []


def test_a_to_infinitive_after_an_object_is_the_objects_act() -> None:
    allowed = events("Chile allowed the Peruvian delegation to withdraw from Arica.")
    [withdrawal] = [e for e in allowed if e.type == "RETREAT"]
    assert withdrawal.actor is not None and withdrawal.actor.name == "Peruvian delegation"
    # a purpose clause stays the subject's: Peru protests, not the ambassador it summoned
    summoned = events("Peru summoned the Chilean ambassador to protest against the fees.")
    [protest] = [e for e in summoned if e.type == "PROTEST"]
    assert protest.actor is not None and protest.actor.country == "PER"


@pytest.mark.parametrize(
    "text",
    [
        "A senior official at the ministry, who asked not to be named, said the talks would resume in April.",
        "The Ministry of Production declined to comment on the Chilean offer.",
    ],
    ids=["asked-not-to-be-named", "declined-to-comment"],
)
def test_the_formulas_that_describe_a_source_are_no_request_or_refusal(text: str) -> None:
    assert [e for e in events(text) if e.type in ("REQUEST", "REJECT")] == []


def test_a_refusal_to_meet_is_still_a_refusal_next_to_the_source_formulas() -> None:
    [refusal] = events("Chile declined to meet the Peruvian delegation.")
    assert (refusal.type, refusal.cameo) == ("REJECT", "125")


@pytest.mark.parametrize(
    "text",
    ["Laos said it was meeting its commitments under the treaty.", "The dam must meet Peru's export contracts."],
)
def test_meeting_a_thing_is_fulfilling_it_not_a_meeting(text: str) -> None:
    assert [e for e in events(text) if e.type == "CONSULT"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean ministry released a statement on the quota talks on Monday.",
        "Opposition leaders in Bissau seized on the report to attack the government.",
        "The Peruvian ministry has provided strong leadership on the fisheries file.",
        "The Chilean ambassador said Peru bore part of the blame for the failed talks.",
        "Chile's ministry refused to say whether the boats had been seized.",
        "Brazil refused to rule out a bid for the Peruvian port operator.",
    ],
    ids=["release-statement", "seize-on", "provide-leadership", "share-responsibility", "say", "rule-out"],
)
def test_verbs_of_events_with_objects_that_make_them_no_event(text: str) -> None:
    assert [
        (e.trigger.text, e.type) for e in events(text) if e.type in ("RETREAT", "COERCE", "AID", "COOPERATE", "REJECT")
    ] == []


def test_aid_provided_to_a_party_is_aid() -> None:
    found = events("The United Nations will provide food aid to refugees in northern Peru.")
    assert [(e.type, e.status) for e in found] == [("AID", "future")]


def test_congratulations_offered_are_praise_not_an_offer() -> None:
    [event] = events("Peru's president offered his congratulations to the Chilean negotiators.")
    assert (event.type, event.cameo) == ("SUPPORT", "051")


@pytest.mark.parametrize(
    "text",
    [
        "Asked whether the talks had failed, Chile's foreign minister said they had not.",
        "The pollsters asked voters in Lima about the fisheries dispute.",
    ],
    ids=["asked-whether", "asked-about"],
)
def test_a_question_is_no_request(text: str) -> None:
    assert [e for e in events(text) if e.type == "REQUEST"] == []


def test_asking_a_party_for_something_is_a_request() -> None:
    [event] = events("Laos asked the Mekong River Commission for more time.")
    assert (event.type, event.actor.country if event.actor else None) == ("REQUEST", "LAO")


def test_an_attack_on_a_partys_plans_is_criticism() -> None:
    [event] = events("Chile's opposition leader launched an attack on the government's fisheries plans.")
    assert (event.type, event.cameo) == ("ACCUSE", "111")
    [assault] = events("Rebels attacked an army base near Goma on Sunday.")
    assert assault.type == "ASSAULT"


def test_a_complaint_from_a_party_is_that_partys() -> None:
    [event] = events("The regulator will examine a complaint from Chile about the Peruvian fees.")
    assert event.type == "ACCUSE" and event.actor is not None and event.actor.country == "CHL"


@pytest.mark.parametrize(
    "text",
    [
        "When Ana Costa arrived in power she promised cheaper food.",
        "Emergency aid from Japan arrived in Lima on Monday.",
        "Peru sued the Chilean firm to return 40 million dollars.",
        "The Lima bus company returned to profit last year after two bad years.",
        "Ana Ruiz will return next week.",
    ],
    ids=["arrived-in-power", "aid-arrived", "return-money", "return-to-profit", "return-nowhere"],
)
def test_no_visit_without_a_visitor_going_to_a_place_or_party(text: str) -> None:
    assert [e for e in events(text) if e.cameo == "042"] == []


@pytest.mark.parametrize(
    "text",
    ["Officials in Lima were talking up the sol on Monday.", "Ana Ruiz said she would talk about the new film."],
    ids=["talk-up", "talk-about"],
)
def test_talking_with_nobody_named_is_no_meeting(text: str) -> None:
    assert [e for e in events(text) if e.type == "CONSULT"] == []


def test_a_warning_about_a_thing_is_a_forecast_and_one_about_a_party_a_threat() -> None:
    assert [
        e for e in events("The central bank warned that growth could slow sharply this year.") if e.type == "THREATEN"
    ] == []
    found = events("The Chilean fishing unions warned that they would extend the blockade of Arica.")
    assert [e.type for e in found if e.type == "THREATEN"] == ["THREATEN"]


def test_officials_who_gather_meet() -> None:
    [event] = events("West African leaders gathered in Abuja on Saturday for the emergency summit.")
    assert (event.type, event.cameo) == ("CONSULT", "040")


def test_what_a_country_has_is_not_the_country() -> None:
    assert events("Peru's huge natural resources can support years of growth.") == []


def test_demand_in_a_market_is_no_demand_on_a_party() -> None:
    assert events("Chinese demand for fishmeal was forecast to climb by 9 percent next year.") == []
    [event] = events("Peru repeated its demand that Chile withdraw the fees.")
    assert event.type == "REQUEST" and summary(event)[2:] == ("PER", "CHL")


def test_meeting_a_minister_named_by_a_possessive_and_coordination_is_a_meeting() -> None:
    found = events("The envoy met Laos's energy and mines minister in Vientiane on Friday.")
    assert "LAO" in {summary(e)[3] for e in found if e.type == "CONSULT"}


def test_flying_home_is_no_visit_and_flying_abroad_is() -> None:
    home = "Senegal's foreign minister, Ousmane Badji, flew back to Dakar on Tuesday."
    abroad = "Senegal's foreign minister, Ousmane Badji, flew to Bissau on Tuesday."
    assert [e for e in events(home) if e.type == "CONSULT"] == []
    assert [summary(e)[2:] for e in events(abroad) if e.type == "CONSULT"] == [("SEN", "GNB")]


def test_a_warning_is_aimed_at_those_it_says_will_suffer_and_holds_the_act_it_threatens() -> None:
    found = events("The interior minister warned that organisers of unauthorised protests would be arrested.")
    assert [(e.type, e.recipient.name if e.recipient else None) for e in found] == [
        ("THREATEN", "organisers of unauthorised protests")
    ]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("We call on our brothers in ECOWAS to return to the path of dialogue.", "ECOWAS"),
        ("The Ministry of the Interior on Thursday banned an opposition march planned for Saturday.", "opposition"),
        ("Vietnam called on all upstream countries to share water data in real time.", "all upstream countries"),
    ],
    ids=["members-of-a-body", "compound-party", "countries"],
)
def test_the_party_behind_people_and_things_is_the_recipient(text: str, recipient: str) -> None:
    [event] = events(text)
    assert event.recipient is not None and event.recipient.name == recipient


def test_a_warning_that_an_event_could_happen_is_a_forecast() -> None:
    text = "The interior minister warned that a bombing like the one in Madrid could happen in Lima too."
    assert [e for e in events(text) if e.type == "THREATEN"] == []


def test_an_event_noun_that_only_names_a_line_or_venue_is_no_event() -> None:
    text = "Britain has welcomed the decision by Peru and Chile to open a road across the ceasefire line in the valley."
    assert [e.trigger.text for e in events(text)] == ["welcomed"]


def test_a_plan_is_not_dated_by_the_day_it_was_reported() -> None:
    text = (
        "Chile's economy minister will travel to Lima for the closing session, an embassy official confirmed on Monday."
    )
    [trip] = [e for e in events(text) if e.cameo == "042"]
    assert trip.status == "future" and trip.date is None
    # a statement is dated by the verb that reports it
    [support] = events("Vietnam's deputy foreign minister said on Monday that Hanoi fully supports Peru's proposal.")
    assert support.date == "2024-03-04"


def test_a_verb_and_object_trigger_in_the_passive_keeps_its_code_and_aims_at_its_target() -> None:
    [sanctions] = events("New sanctions were imposed on Guinea-Bissau by ECOWAS on Saturday.")
    assert (sanctions.type, sanctions.cameo, sanctions.status) == ("COERCE", "163", "asserted")
    assert sanctions.recipient is not None and sanctions.recipient.country == "GNB"
    assert sanctions.actor is not None and sanctions.actor.name == "ECOWAS"
    # a visit that was called off did not happen; calling it off is no act of its own
    [visit] = events("A planned visit to Santiago by Peru's president was cancelled.")
    assert summary(visit) == ("CONSULT", "negated", "PER", "CHL")


def test_a_bodys_members_are_the_body_not_the_country_where_they_met() -> None:
    [met] = events("UN inspectors in Lima met Peruvian officials on Monday.")
    assert met.actor is not None and (met.actor.country, met.actor.sector) == (None, "IGO")
    assert met.recipient is not None and met.recipient.country == "PER"
    # what a body did or made is no party of its own
    assert all(e.recipient is None or "move" not in e.recipient.name for e in events("Lima welcomed the EU's move."))


@pytest.mark.parametrize(
    "text",
    ["Peru and Chile reached no agreement on the quota.", "No sanctions were imposed on Guinea-Bissau."],
    ids=["active", "passive"],
)
def test_no_before_the_object_of_a_trigger_denies_the_event(text: str) -> None:
    assert {e.status for e in events(text)} == {"negated"}


def test_a_name_set_off_by_commas_before_the_auxiliaries_is_the_subject() -> None:
    text = (
        "The strike has raised doubts over whether Peru's trade minister, Lucia Quispe, will still travel to "
        "Santiago on Friday for the talks."
    )
    [trip] = [e for e in events(text) if e.cameo == "042"]
    assert trip.actor is not None and trip.actor.name == "Lucia Quispe"
    assert trip.recipient is not None and trip.recipient.country == "CHL"


def test_aid_being_prepared_for_a_country_is_the_preparers_planned_aid() -> None:
    text = (
        "The World Health Organization said it was preparing medical assistance for Peru's flooded "
        "provinces, and would open an appeal in Geneva on Friday."
    )
    [aid] = [e for e in events(text) if e.type == "AID"]
    assert (aid.status, aid.date) == ("future", None)  # Friday is the appeal's day
    assert aid.actor is not None and aid.actor.sector == "IGO"
    assert aid.recipient is not None and aid.recipient.country == "PER"


def test_an_event_noun_offered_gives_way_to_the_party_it_is_for() -> None:
    [offer] = events("Japan offered assistance to Cambodia.")
    assert offer.recipient is not None and offer.recipient.name == "Cambodia"


def test_a_capitalised_event_noun_inside_a_programme_name_is_no_event() -> None:
    assert [e.type for e in events("The minister announced the New Deal in parliament.")] == []


@pytest.mark.parametrize(
    "text",
    [
        "The company released a new version of its mapping software on Monday.",
        "The airline fired 100 staff after the strike.",
        "Engineers must demonstrate that the new dam is safe.",
        "Mr Quispe hosted a radio show in Lima for ten years.",
        "The Lima Symphony Orchestra cancelled its concerts in Chile.",
        "The Chilean team wound up in fifth place.",
        "Ms Ruiz told her readers she had been fired on 3 May.",
        "Reuters gathers information from some 4,000 sources.",
        "Exports rose, according to data released by the Chilean trade ministry.",
        "Two start-up firms in Lima are also offering cheaper handsets.",
        "I lost money too, but thank God the bank refunded it.",
        "Singer Ana Ruiz beat Carlos Vives to the best album award on Sunday.",
        "Petroperu beat profit forecasts, posting a 40% rise in yearly earnings.",
        "The ballot papers are sent out in May and returned to Lima City Council in June.",
        "Some analysts expect the Quipu 2 console to be released in Peru by December.",
        "The monthly updates which the firm releases for newly found bugs are essential.",
        "The paintings were withdrawn by Sotheby's because no bid reached the reserve.",
        "Chile's salmon farmers have been hit by declining demand in Asia.",
        "Ms Ruiz said Bolivia offers twice the port capacity of Peru.",
        "Lima's two mobile operators kept customers by offering them a cheaper tariff.",
        "The minister said the savings will allow more nurses for rural clinics.",
        "Mr Ortega spoke in Lima on Monday. Some will criticise his talk, but his record speaks for itself.",
        "Ms Costa conceded that her plan had not worked.",
        "Ms Ruiz, an analyst at BBVA, agreed that the export figures were stronger than expected.",
        "Ms Costa said she agreed with Mr Ortega's views on the fisheries.",
        "The awards recognise independent film-making in Peru.",
        "Mr Ortega said he recognised the song as one of his own.",
        "The company failed to meet the earnings projections of Wall Street analysts.",
        "Ms Costa said the vote offered Peru a rare opportunity.",
        "Ms Costa said she agreed with Mr Ortega.",
        "The Quipu Films studio will distribute Ms Ruiz's films in Chile.",
        "Peru and Chile took most of the prizes at the Lima film awards.",
        "Ms Costa held her monthly press conference with Mr Ortega in Lima.",
        "The elections in Bolivia are threatened by a campaign of violence.",
        "Petroperu blamed dearer diesel for its lower profits.",
        "Ms Ruiz said Quipu can supply enough handsets for the holiday season.",
        "The Chilean singer Ana Ruiz was recognised for her finest season yet.",
        "Mr Ortega discussed the challenges facing small farmers.",
        "Five million Peruvians have signed up for mobile internet access.",
        "Laws in Peru do not outlaw such attacks.",
    ],
    ids=[
        "release-product",
        "fire-staff",
        "demonstrate-that",
        "host-show",
        "cancel-concerts",
        "wind-up",
        "fired-on-a-day",
        "gather-information",
        "figures-released",
        "offer-goods",
        "thank-god",
        "beat-a-rival",
        "beat-forecasts",
        "return-a-thing",
        "release-named-product",
        "release-relative-clause",
        "withdraw-goods",
        "declining-demand",
        "offer-nothing-to-anyone",
        "offer-a-price",
        "allow-thing-subject",
        "a-talk-given",
        "concede-that",
        "agree-that",
        "agree-with-views",
        "recognise-an-art",
        "recognise-as",
        "meet-projections",
        "a-thing-offers",
        "agree-with-someone",
        "distribute-films",
        "share-honours",
        "press-conference",
        "threatened-by-a-thing",
        "blame-circumstances",
        "supply-goods-for-sale",
        "recognised-for-a-career",
        "discuss-alone",
        "sign-up-for-a-service",
        "laws-outlaw",
    ],
)
def test_a_verb_in_a_sense_that_is_no_event(text: str) -> None:
    assert events(text) == []


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Peru released the two Chilean fishermen on Monday.", "084"),
        ("Laos started releasing extra water from the reservoir.", None),
        ("Troops fired on protesters in Bissau.", "190"),
        ("Thailand hosted the talks between Laos and Cambodia.", "043"),
        ("Peru cancelled the debt owed by Bolivia.", "081"),
        ("Bolivia's president offered Brazil access to the country's gas fields.", "030"),
        ("Japan offered emergency aid to Haiti on Monday.", "033"),  # intent to give aid
        ("Police beat the protesters with batons in Lima.", "182"),
        ("Soldiers beat up detainees in the camp.", "182"),
        ("Peru withdrew its ambassador from Santiago on Friday.", "087"),
        ("Bolivia declined the invitation to the summit in Lima.", None),
        ("Bolivia declined to attend the summit in Lima.", "120"),
        ("The court allowed the appeal by the Chilean fishermen.", "080"),
        ("Peru recognised Kosovo in February 2008.", "054"),
        ("Sweden recognised the new government in Bissau on Monday.", "054"),
        ("Ms Costa agreed to meet the Chilean delegation in Arica.", None),
        ("Peru's foreign minister met her Chilean counterpart in Lima.", "040"),
        ("Peru agreed with Chile on new fishing quotas.", "030"),
        ("Peru and Chile share intelligence on drug smuggling.", "064"),
        ("Peru distributed food to the flood victims in Puno.", "073"),
        ("Farmers in Puno threatened to block the highway unless the government cut fuel prices.", None),
        ("The parliament passed a law recognising the victories of the opposition in the local elections.", "054"),
        ("Petroperu blamed Chile for the fall in profits.", "112"),
        ("Peru supplied arms to the rebels in Bolivia.", None),
        ("Peru signed up to the Kyoto protocol in 2002.", "057"),
        ("The cabinet discussed the fees on Monday.", "040"),
    ],
    ids=[
        "release-people",
        "release-water",
        "fire-on",
        "host-talks",
        "cancel-debt",
        "offer-a-state",
        "offer-aid",
        "beat-protesters",
        "beat-up",
        "withdraw-ambassador",
        "decline-invitation",
        "decline-to",
        "court-allows",
        "recognise-a-state",
        "recognise-a-government",
        "agree-to-act",
        "meet-a-counterpart",
        "agree-on-terms",
        "share-intelligence",
        "distribute-food",
        "people-threaten",
        "recognise-victories",
        "blame-a-party",
        "supply-arms",
        "sign-up-to-a-treaty",
        "a-cabinet-discusses",
    ],
)
def test_the_same_verbs_in_the_sense_that_is_an_event(text: str, cameo: str | None) -> None:
    found = events(text)
    assert found and (cameo is None or cameo in {e.cameo for e in found})


def test_blocking_a_partys_application_is_a_veto_aimed_at_the_party() -> None:
    [veto] = events("The United States blocked Peru's application to join the trade body.")
    assert (veto.type, veto.cameo) == ("REJECT", "129")
    assert veto.recipient is not None and veto.recipient.country == "PER"
    [road] = events("Fishermen blocked the road to the port of Ilo.")
    assert road.cameo == "144"


def test_rejecting_a_partys_demand_for_something_is_aimed_at_the_party() -> None:
    [rejection] = events("Laos rejected Cambodia's demand for compensation.")
    assert rejection.recipient is not None and rejection.recipient.country == "KHM"


def test_a_name_the_parser_split_from_its_honorific_is_the_participant() -> None:
    [expulsion] = events("Mr Ferrante was expelled from the union over his remarks.")
    assert expulsion.recipient is not None and expulsion.recipient.name.endswith("Ferrante")


def test_a_clause_of_time_takes_the_status_of_the_plan_it_hangs_on() -> None:
    text = "A decision could come in June, when the fisheries ministers of Peru and Chile meet in Santiago."
    assert {e.status for e in events(text) if e.type == "CONSULT"} == {"hypothetical"}
    done = "The fees were lifted when the ministers of Peru and Chile met in Santiago."
    assert {e.status for e in events(done) if e.type == "CONSULT"} == {"asserted"}


def test_an_event_whose_own_time_names_no_day_has_no_date() -> None:
    text = (
        "The envoy met Peru's foreign minister in Lima on Monday, after a planned visit to Santiago last "
        "week was postponed."
    )
    by_trigger = {e.trigger.text: e for e in events(text)}
    assert by_trigger["met"].date == "2024-03-04"
    assert by_trigger["visit"].date is None
    [suspension] = events("The government suspended Peru's parliament in December.")
    assert suspension.date is None


@pytest.mark.parametrize(
    "text",
    [
        "Chile's opposition leader attacked the minister for failing to mention the fishermen.",
        "The senator launched an attack on the cost of Peru's fishing permits.",
    ],
    ids=["attacked-for", "attack-on-a-cost"],
)
def test_attacking_someone_for_what_they_did_is_criticism(text: str) -> None:
    assert [(e.type, e.cameo) for e in events(text)] == [("ACCUSE", "111")]


@pytest.mark.parametrize(
    "text",
    [
        "Villanueva will meet her golden rule on spending, her adviser said.",
        "The Chilean senator signed a parliamentary motion on the quota.",
    ],
    ids=["meet-a-rule", "sign-a-motion"],
)
def test_no_event_where_the_object_names_no_exchange(text: str) -> None:
    assert events(text) == []


def test_a_participle_describing_a_noun_is_no_trigger_unless_the_parser_gave_it_a_subject() -> None:
    words = ["the", "recognised", "government", "of", "Cyprus"]
    heads, deps = [2, 2, 2, 4, 2], ["det", "amod", "ROOT", "case", "nmod"]
    pos = ["DET", "VERB", "NOUN", "ADP", "PROPN"]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=["the", "recognise", "government", "of", "Cyprus"],
    )
    assert trigger_at(doc[1]) is None
    # "forces have [tortured] refugees", mislabelled amod but with its own subject and auxiliary
    words = ["forces", "have", "tortured", "refugees"]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[2, 2, 3, 3],
        deps=["nsubj", "aux", "amod", "ROOT"],
        pos=["NOUN", "AUX", "VERB", "NOUN"],
        lemmas=["force", "have", "torture", "refugee"],
    )
    assert trigger_at(doc[2]) is not None


def test_a_return_is_a_visit_only_with_where_to() -> None:
    words = ["his", "return", "to", "Lima", "and", "her", "return"]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 1, 3, 1, 6, 6, 1],
        deps=["nmod:poss", "ROOT", "case", "nmod", "cc", "nmod:poss", "conj"],
        pos=["PRON", "NOUN", "ADP", "PROPN", "CCONJ", "PRON", "NOUN"],
        lemmas=["his", "return", "to", "Lima", "and", "her", "return"],
    )
    assert (_no_return(doc[1]), _no_return(doc[6])) == (False, True)


def test_a_meeting_held_to_discuss_something_is_one_meeting_and_one_to_meet_someone_a_second() -> None:
    held = events("Peru's foreign minister met Chilean President Rosa Vidal on Monday to discuss the fishing quota.")
    assert [(e.trigger.text, summary(e)) for e in held] == [("met", ("CONSULT", "asserted", "PER", "CHL"))]
    trip = events("The Peruvian foreign minister flew to Santiago on Monday to meet President Rosa Vidal.")
    assert [e.cameo for e in trip] == ["042", "040"]
    assert trip[1].recipient is not None and trip[1].recipient.name == "Rosa Vidal"


def test_a_day_the_parser_took_for_the_subject_leaves_the_noun_before_it_the_actor() -> None:
    # "Ukrainian lawmakers Tuesday endorsed the pact", parsed with the day as subject of a clause
    # describing "lawmakers"
    words = ["Ukrainian", "lawmakers", "Tuesday", "endorsed", "the", "pact"]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 1, 3, 1, 5, 3],
        deps=["amod", "ROOT", "nsubj", "acl", "det", "obj"],
        pos=["ADJ", "NOUN", "PROPN", "VERB", "DET", "NOUN"],
        lemmas=["ukrainian", "lawmaker", "Tuesday", "endorse", "the", "pact"],
    )
    subject = _subject(doc[3])
    assert subject is not None and subject.i == 1


def test_what_is_fired_is_the_weapon_and_the_one_it_is_fired_at_the_recipient() -> None:
    [shot] = events("Kenyan police fired tear gas at Somali protesters outside the embassy.")
    assert summary(shot) == ("ASSAULT", "asserted", "KEN", "SOM")
    [launched] = events("Georgian rebels launched missiles at a Russian army base.")
    assert (launched.cameo, summary(launched)[2:]) == ("195", ("GEO", "RUS"))
    assert events("Iran launched a rocket into space on Monday.") == []


def test_weapons_received_from_a_party_are_that_party_supplying_them() -> None:
    [supplied] = events("Syrian rebels have received weapons from Qatar, officials said.")
    assert summary(supplied) == ("AID", "asserted", "QAT", "SYR")
    [conceded] = events("The Chilean government accepted demands from Peruvian fishermen on Monday.")
    assert (conceded.type, summary(conceded)[2]) == ("CONCEDE", "CHL")


def test_who_claims_responsibility_for_an_attack_carried_it_out_and_who_denies_it_did_not() -> None:
    [claimed] = events("Boko Haram claimed responsibility for an attack on a Nigerian army base.")
    assert summary(claimed) == ("ASSAULT", "asserted", "NGA", "NGA")
    assert claimed.actor is not None and claimed.actor.name == "Boko Haram"
    [denied] = events("Boko Haram denied responsibility for an attack on a Nigerian army base.")
    assert denied.actor is None


def test_troops_of_an_international_body_are_coded_to_that_body() -> None:
    [withdrawal] = events("UN troops withdrew from the Malian town of Kidal on Sunday.")
    assert withdrawal.actor is not None and withdrawal.actor.sector == "IGO"


def test_a_crash_or_a_flood_that_kills_is_no_party_and_an_attack_one_is_killed_in_is_its_actor() -> None:
    assert events("Forty passengers were killed by the Aeroflot crash near Kazan.") == []
    [strike] = events("Three Syrian farmers were killed in a Turkish air strike on Friday.")
    assert summary(strike) == ("ASSAULT", "asserted", "TUR", "SYR")


def test_his_visit_is_the_visit_of_the_man_his_stands_for_not_of_the_clause_subject() -> None:
    text = (
        "Peru's government refused to meet the Chilean envoy Tomás Rivas during his visit to Lima on Tuesday, "
        "officials said."
    )
    [visit] = [e for e in events(text) if e.cameo == "042"]
    assert visit.actor is not None and visit.actor.name == "Tomás Rivas"


def test_the_owner_of_an_arrest_is_the_one_arrested_unless_an_of_phrase_names_him() -> None:
    text = "Luis Ortega, a Peruvian union leader, was freed on Monday. His arrest in Tacna had angered Chile."
    [arrest] = [e for e in events(text) if e.trigger.text == "arrest"]
    assert arrest.actor is None and arrest.recipient is not None and arrest.recipient.name == "Luis Ortega"
    [detention] = [e for e in events("Chile's arrest of two Peruvian fishermen angered Lima.") if e.cameo == "173"]
    assert summary(detention)[2:] == ("CHL", "PER")


def test_broad_appeal_is_popularity_not_a_request() -> None:
    assert events("Ana Costa's broad appeal among young voters worries the Peruvian government.") == []
    assert events("The Peruvian president hopes the tour will broaden Ana Costa's appeal.") == []
    [appeal] = events("The World Food Programme launched an appeal for 48 million dollars on Wednesday.")
    assert appeal.type == "REQUEST"


def test_a_visit_that_names_no_destination_is_one_named_before() -> None:
    assert [e.cameo for e in events("Ana Costa met Kenji Sato in Tokyo on Monday during her visit.")] == ["040"]


def test_an_act_aimed_at_a_list_of_countries_is_aimed_at_each() -> None:
    welcomed = events("Peru welcomed the return of full trade ties with Chile, Bolivia and Ecuador.")
    assert sorted(summary(e)[3] for e in welcomed if e.type == "SUPPORT") == ["BOL", "CHL", "ECU"]
    # a list that is not all parties stays one recipient
    [mixed] = [
        e for e in events("Peru welcomed the resumption of ties with Chile and the tuna fleets.") if e.type == "SUPPORT"
    ]
    assert summary(mixed)[3] == "CHL"


def test_a_refusal_or_threat_named_by_a_noun_governs_the_act_it_names() -> None:
    [refusal] = events("Peru's refusal to meet the Chilean envoy angered Santiago.")
    assert (refusal.type, refusal.cameo, refusal.status) == ("REJECT", "125", "asserted")
    assert summary(refusal)[2:] == ("PER", "CHL")
    [threat] = events("Russia's threat to cut gas supplies to Ukraine alarmed the European Union.")
    assert (threat.type, threat.status) == ("THREATEN", "asserted")
    assert summary(threat)[2:] == ("RUS", "UKR")
    [rejection] = events("Iran's rejection of the European offer ended the week.")
    assert summary(rejection)[:3] == ("REJECT", "asserted", "IRN")


def test_a_threat_or_refusal_noun_that_names_no_one_making_it_or_nothing_refused_is_no_new_event() -> None:
    assert events("The threat of terrorism to Britain remains high, the minister said.") == []
    text = "Guinea-Bissau refused to meet the mediator. Correia said the government's refusal showed fear."
    assert [e.trigger.text for e in events(text)] == ["refused"]


def test_a_thing_cut_off_from_a_country_leaves_the_country_the_one_threatened() -> None:
    [threat] = events("Russia threatened to cut gas supplies to Ukraine.")
    assert summary(threat) == ("THREATEN", "asserted", "RUS", "UKR")


def test_a_country_a_group_is_for_or_against_is_not_its_own() -> None:
    [attack] = events("Pro-Moscow separatists attacked a Ukrainian army post.")
    assert attack.actor is not None and attack.actor.country is None and attack.actor.sector == "REB"
    assert summary(attack)[3] == "UKR"


@pytest.mark.parametrize(
    "text",
    [
        "Twenty people were killed or wounded in the raids.",
        "The hardest-hit towns are Tumbes, Piura and Sullana, with at least 40 people killed.",
        "There were ten Chilean soldiers killed in Peru today.",
    ],
    ids=["coordinated-participle", "with-absolute", "reduced-relative"],
)
def test_people_a_participle_says_were_harmed_are_the_recipients_not_the_actors(text: str) -> None:
    found = events(text)
    assert found and all(e.type == "ASSAULT" and e.actor is None and e.recipient is not None for e in found)


def test_unnamed_people_are_parties_to_harm_but_not_to_other_acts() -> None:
    [shooting] = events("A man was shot outside the radio studio on Friday.")
    assert summary(shooting) == ("ASSAULT", "asserted", None, "man")
    assert events("The new law will allow people to copy their own CDs.") == []


def test_deaths_a_disaster_caused_are_no_attack() -> None:
    assert events("Twenty people were killed in the storm.") == []
    text = "Around 1,000 people were killed and thousands left homeless after an earthquake off the coast sent waves."
    assert events(text) == []
    [bombing] = events("A reporter was killed in a car bomb explosion in Kabul.")
    assert summary(bombing) == ("ASSAULT", "asserted", None, "reporter")


def test_sources_the_parser_made_the_subject_of_involved_are_not_negotiators() -> None:
    text = (
        "Talks on the annex collapsed late on Wednesday before a deal could be signed, according to three "
        "people involved in the negotiations."
    )
    assert all(e.actor is None or e.actor.name != "people" for e in events(text))


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Peru said it would not send food aid to Bolivia.", "121"),
        ("Chile will not meet the Peruvian envoy this week.", "125"),
    ],
    ids=["would-not-give", "will-not-meet"],
)
def test_what_a_party_will_not_do_is_a_refusal(text: str, cameo: str) -> None:
    [refusal] = events(text)
    assert (refusal.type, refusal.status, refusal.cameo) == ("REJECT", "asserted", cameo)


def test_what_did_not_happen_stays_negated_and_a_refusal_takes_the_code_of_what_it_refuses() -> None:
    [meeting] = events("Chile did not meet the Peruvian envoy.")
    assert (meeting.type, meeting.status) == ("CONSULT", "negated")
    [refusal] = events("Bolivia refused to release the two Chilean soldiers.")
    assert (refusal.type, refusal.cameo, summary(refusal)[3]) == ("REJECT", "124", "CHL")


def test_with_and_a_present_participle_names_who_acts() -> None:
    [gift] = events("The album costs 9 euros, with Sony donating a further 2 euros to the charity.")
    assert gift.type == "AID" and gift.actor is not None and gift.actor.name == "Sony"


@pytest.mark.parametrize(
    "text",
    [
        "The leaders of France, Germany and Italy met in Rome on Monday.",
        "The foreign ministers of Russia, China and India met in Moscow on Friday.",
    ],
    ids=["of-list", "list-split-by-the-parser"],
)
def test_a_group_of_several_countries_people_is_one_party_per_country(text: str) -> None:
    pairs = {summary(e)[2:] for e in events(text) if e.type == "CONSULT"}
    countries = {country for pair in pairs for country in pair}
    assert len(countries) == 3 and len(pairs) == 6


def test_condemning_an_act_is_aimed_at_who_did_it_and_the_act_is_coded_too() -> None:
    found = {e.type: e for e in events("Bolivia condemned an attack by Chilean soldiers on a border post.")}
    assert summary(found["ACCUSE"]) == ("ACCUSE", "asserted", "BOL", "CHL")
    assert summary(found["ASSAULT"])[2] == "CHL"
    found = {e.type: e for e in events("Germany condemned Russia's attack on Ukraine.")}
    assert summary(found["ACCUSE"])[2:] == ("DEU", "RUS")
    assert summary(found["ASSAULT"])[2:] == ("RUS", "UKR")


def test_who_backs_a_group_is_not_who_it_is_and_a_nationality_heading_a_place_is_its_own() -> None:
    [attack] = events("Iran-backed militias attacked a US base in Syria.")
    assert attack.actor is not None and attack.actor.country is None
    [withdrawal] = events("Hundreds of UN troops withdrew from the Lebanese to the Israeli part of the border zone.")
    assert summary(withdrawal)[3] == "LBN"


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Peruvian troops remained on alert along the border on Monday.", "152"),
        ("Chile has strengthened its forces on the border after the clashes.", "154"),
    ],
    ids=["alert", "reinforced"],
)
def test_raising_alert_or_strengthening_forces_is_mobilisation(text: str, cameo: str) -> None:
    [mobilised] = events(text)
    assert (mobilised.type, mobilised.cameo) == ("MOBILIZE", cameo)


def test_stones_thrown_at_police_are_a_violent_protest_aimed_at_the_police() -> None:
    [riot] = events("Students threw stones at police during the protest.")
    assert (riot.type, riot.cameo) == ("PROTEST", "145")
    assert riot.recipient is not None and riot.recipient.name == "police"


def test_damage_done_by_protesters_is_a_riot() -> None:
    [riot] = events("Protesters set fire to the Danish embassy in Damascus.")
    assert (riot.type, riot.cameo, summary(riot)[3]) == ("PROTEST", "145", "DNK")


@pytest.mark.parametrize(
    ("text", "cameo", "recipient"),
    [
        ("Peru has agreed to ease the sanctions on Chile.", "035", "CHL"),
        ("Chile agreed to send food aid to Bolivia.", "033", "BOL"),
    ],
    ids=["yield", "aid"],
)
def test_an_agreement_to_act_takes_the_intent_code_of_the_act(text: str, cameo: str, recipient: str) -> None:
    [agreed] = events(text)
    assert (agreed.type, agreed.cameo, summary(agreed)[3]) == ("AGREE", cameo, recipient)


def test_assurances_received_from_a_party_are_its_pledge() -> None:
    [assurance] = events("Bolivian farmers received assurances from the Peruvian government.")
    assert summary(assurance) == ("AGREE", "asserted", "PER", "BOL")


def test_a_named_party_that_says_another_did_violence_accuses_it() -> None:
    found = events("Peru claimed that Chilean troops had detained two fishermen.")
    assert sorted(summary(e) for e in found) == [
        ("ACCUSE", "asserted", "PER", "CHL"),
        ("COERCE", "asserted", "CHL", "fishermen"),
    ]
    # a source reporting is no party accusing, and what the speaker's own side did is no accusation
    assert [e.type for e in events("Rebels attacked a convoy near the border, police said.")] == ["ASSAULT"]
    assert all(e.type != "ACCUSE" for e in events("Peru said its troops had detained two Chilean fishermen."))


def test_a_reduced_relative_the_parser_made_the_main_verb_says_who_underwent_it() -> None:
    text = "The activists detained during the protest were freed on Monday."
    assert [summary(e) for e in events(text)] == [
        ("COERCE", "asserted", None, "activists"),
        ("RETREAT", "asserted", None, "activists"),
    ]


@pytest.mark.parametrize(
    ("text", "kind", "cameo"),
    [
        ("Ethiopia broke diplomatic relations with Eritrea on Monday.", "SANCTION", "161"),
        ("Rebels ambushed an army convoy in northern Mali.", "ASSAULT", "190"),
        ("Hundreds of protesters stormed the parliament building in Bishkek.", "PROTEST", "145"),
    ],
    ids=["break-relations", "ambush", "protesters-storm"],
)
def test_cameo_categories_with_their_everyday_verbs(text: str, kind: str, cameo: str) -> None:
    assert (kind, cameo) in {(e.type, e.cameo) for e in events(text)}


def test_storming_is_an_attack_only_on_someone() -> None:
    assert events("The band stormed the charts with their new single.") == []
    assert events("The minister stormed out of the meeting.") == []


def test_a_hostile_act_held_out_unless_another_acts_is_an_ultimatum_to_that_one() -> None:
    text = (
        "Nigeria announced that it will withdraw its peacekeepers from Chad unless President Deby agrees to "
        "a ceasefire."
    )
    [ultimatum] = [e for e in events(text) if e.actor is not None and e.actor.country == "NGA"]
    assert (ultimatum.type, ultimatum.cameo, ultimatum.status) == ("THREATEN", "139", "asserted")
    assert ultimatum.recipient is not None and ultimatum.recipient.name == "Deby"
    [sanction] = events("Peru will impose sanctions on Chile unless the fees are withdrawn.")
    assert summary(sanction) == ("THREATEN", "asserted", "PER", "CHL")


def test_an_armed_group_is_a_rebel_party_and_what_is_seized_from_someone_is_seized_from_them() -> None:
    [kidnap] = events("An armed group kidnapped three aid workers.")
    assert kidnap.actor is not None and kidnap.actor.sector == "REB"
    [seizure] = events("Peruvian police confiscated weapons from the rebels.")
    assert summary(seizure) == ("COERCE", "asserted", "PER", "rebels")


def test_inspectors_sent_and_probes_opened_are_investigations() -> None:
    [inspection] = events("The IAEA has sent inspectors to a reactor site in northern Iran.")
    assert (inspection.cameo, summary(inspection)[3]) == ("090", "IRN")
    [probe] = events("Police opened a probe into the deaths of two Chilean fishermen.")
    assert probe.cameo == "090"


@pytest.mark.parametrize(
    ("text", "kind", "cameo"),
    [
        ("Peru called for talks with Chile.", "REQUEST", "108"),
        ("Bolivia pressed for sanctions against Chile.", "REQUEST", "100"),
        ("Peru agreed to talks with Chile next week.", "AGREE", "036"),
    ],
    ids=["call-for-talks", "press-for-sanctions", "agree-to-talks"],
)
def test_an_act_asked_for_or_agreed_to_is_not_coded_and_its_party_is_the_one_asked_about(
    text: str, kind: str, cameo: str
) -> None:
    [event] = events(text)
    assert (event.type, event.cameo, summary(event)[3]) == (kind, cameo, "CHL")


def test_recognising_that_something_is_so_is_no_recognition_and_people_freed_were_released() -> None:
    assert events("The government must also recognise that farmers have real concerns.") == []
    [release] = events("Lima has written to two of the Peruvian students freed from prison in Bolivia.")
    assert summary(release) == ("RETREAT", "asserted", None, "PER")


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean miner Codelco warned that its output may fall this year.",
        "The central bank governor warned against reading too much into a single poll.",
    ],
    ids=["forecast", "advice"],
)
def test_a_warning_that_holds_out_nothing_hostile_is_no_threat(text: str) -> None:
    assert events(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Farmers' unions warned that they would block the border crossing if the deal was signed.",
        "The government warned that protesters would face arrest.",
        "Chile warned Peru of serious consequences if it sent troops to the border.",
    ],
    ids=["own-next-move", "consequence", "warned-of"],
)
def test_a_warning_that_holds_out_something_hostile_is_a_threat(text: str) -> None:
    assert [e.type for e in events(text)] == ["THREATEN"]


@pytest.mark.parametrize(
    "text",
    [
        "When Ibarra held\u00a0rallies all over the south she was cheered by crowds of supporters.",
        "The opposition leader Rosa Ibarra held\u00a0rallies in three cities as\u00a0police detained\u00a0her aides.",
    ],
)
def test_a_no_break_space_between_a_verb_and_its_object_is_no_party(text: str) -> None:
    found = events(text)
    assert [e.type for e in found if e.trigger.text == "rallies"] == ["PROTEST"]
    assert all(p is None or p.name.strip() for e in found for p in (e.actor, e.recipient))


def test_a_participle_hung_on_an_event_noun_with_no_agent_has_no_parties() -> None:
    # "attacks in which insurgents captured police stations", parsed with "captured" describing
    # "attacks" and "insurgents" a modifier of the noun: no subject, no "by" agent
    words = ["attacks", "in", "which", "insurgents", "captured", "police", "stations"]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[0, 3, 3, 0, 0, 6, 4],
        deps=["ROOT", "case", "det", "nmod", "acl", "compound", "obj"],
        pos=["NOUN", "ADP", "PRON", "NOUN", "VERB", "NOUN", "NOUN"],
        lemmas=["attack", "in", "which", "insurgent", "capture", "police", "station"],
        morphs=["", "", "", "", "Tense=Past|VerbForm=Part", "", ""],
    )
    trigger = trigger_at(doc[4])
    assert trigger is not None and trigger_at(doc[0]) is not None
    assert _parties(doc[4], trigger) == ([], [])


def test_a_source_named_after_according_to_is_not_what_a_later_they_stands_for() -> None:
    found = events("According to Bloomberg, they will seize 12,000 hectares of the Ruiz family's ranch in Piura.")
    assert all(e.actor is None or e.actor.name != "Bloomberg" for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "Ecuador's chief prosecutor Ana Ruiz sued the bank, accusing it of hiding losses.",
        "The Boston regulator Tom Hale fined the firm and accused it of misleading buyers.",
    ],
)
def test_it_after_a_body_named_by_a_common_noun_is_that_body_not_an_earlier_place(text: str) -> None:
    [accusation] = [e for e in events(text) if e.cameo == "112"]
    assert accusation.recipient is not None and accusation.recipient.sector == "BUS"


def test_it_still_stands_for_the_country_named_before_it() -> None:
    [support] = events("Hungary said it will support the resolution.")
    assert support.actor is not None and support.actor.country == "HUN"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The supporters' trust Fans United is firmly opposed to a sale of the club to Ana Ruiz.", "Fans United"),
        ('The bishop said: "I am opposed to any detention without trial."', "bishop"),
        ("The plan was opposed by the farmers' union.", "union"),
    ],
    ids=["a-body", "the-speaker", "a-true-passive"],
)
def test_one_who_is_opposed_to_something_opposes_it(text: str, actor: str) -> None:
    [opposition] = events(text)
    assert opposition.type == "REJECT" and opposition.actor is not None and actor in opposition.actor.name


def test_backing_won_from_a_party_is_that_partys_support_for_the_winner() -> None:
    [support] = events("Peru's plan won backing from Chile.")
    assert support.type == "SUPPORT"
    assert support.actor is not None and support.actor.country == "CHL"
    assert support.recipient is not None and support.recipient.country == "PER"
