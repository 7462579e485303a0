"""Sports reports: the words of a game are no political events, and a ban or a charge still is."""

from __future__ import annotations

from newsgraph.events.sport import sports_report
from newsgraph.model import Article
from newsgraph.pipeline import analyze

MATCH_REPORT = (
    "Top seed Ana Costa beat Kenji Sato 6-4 7-5 in the final of the Lima tennis tournament on Sunday. "
    "Costa will meet the champion of the Santiago tournament in the next round, and her coach said the "
    "clash with Chile's best player would decide the season. In the football match at the national "
    "stadium, Peru beat Chile 2-1 with a late strike from their captain, after Chile had conceded an early "
    "penalty. Lima Rovers travel to Cusco next week, and their coach, who has scored often since arriving at "
    "the club, wants the players to work on their "
    "defence. The league's governing body "
    "banned the Chilean goalkeeper for six matches after he attacked the referee."
)
POLITICS = (
    "Peru's foreign minister met her Chilean counterpart in Lima on Monday to discuss the fisheries "
    "dispute, which has strained ties between the two countries since Chile rejected a quota proposal. "
    "Fishermen in Arica staged a protest against any concession."
)


def test_a_match_report_is_a_sports_report_and_a_political_story_is_not() -> None:
    assert sports_report(MATCH_REPORT)
    assert not sports_report(POLITICS)


def test_in_a_sports_report_the_games_words_are_no_events_and_a_ban_still_is() -> None:
    events = analyze(Article(id="match", text=MATCH_REPORT, published="2024-03-04")).events
    assert {e.type for e in events} == {"COERCE"}
    assert [e.trigger.text for e in events] == ["banned"]


def test_a_political_story_keeps_its_meeting() -> None:
    events = analyze(Article(id="talks", text=POLITICS, published="2024-03-06")).events
    assert "CONSULT" in {e.type for e in events}


def test_a_report_told_in_penalties_injuries_and_shots_is_a_sports_report() -> None:
    text = (
        "Lima Rovers came from behind to claim victory over Cusco on Saturday. Their captain, back from "
        "injury, scored a penalty just before half-time, and the winger hit the post with a late shot. "
        "Cusco's goalkeeper blocked a shot in the second half. "
        "The defeat leaves Cusco four points off the title race. The visitors' boss said his player "
        "should not have handled the ball, and Cusco's coaches will travel to Arequipa next week."
    )
    assert sports_report(text)
    events = analyze(Article(id="derby", text=text, published="2024-03-04")).events
    assert [e for e in events if e.type in ("CONSULT", "PROTEST")] == []


def test_in_a_sports_report_an_offer_to_act_and_a_call_for_an_inquiry_are_still_events() -> None:
    text = (
        "Lima Rovers beat Cusco 2-1 in the league match on Saturday, with a late penalty from their captain. "
        "Rovers have asked for an inquiry into the referee's decisions, and the Peruvian Coaches Association has "
        "offered to act as a mediator. Cusco were offered a new deal for their striker after the final."
    )
    assert sports_report(text)
    events = analyze(Article(id="row", text=text, published="2024-03-04")).events
    assert sorted(e.trigger.text for e in events) == ["asked", "offered"]


def test_in_a_sports_report_a_player_released_down_the_wing_is_a_pass() -> None:
    text = (
        "Lima United beat Callao 3-1 in the league on Saturday. Torres scored twice before half-time, and "
        "the captain Luis Torres then released Diego Ruiz down the left for the third goal."
    )
    assert analyze(Article(id="pass", text=text, published="2024-03-04")).events == []


def test_in_a_sports_report_a_training_session_with_a_club_is_no_meeting() -> None:
    text = (
        "Peru beat Chile 24-10 in the rugby sevens final on Saturday after two early tries. The Peru squad "
        "had a three-day training session with the Lima Lions last week before the tournament."
    )
    assert sports_report(text)
    assert [e.type for e in analyze(Article(id="s", text=text, published="2024-03-04")).events] == []
