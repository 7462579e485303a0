"""Merging event and quote mentions across articles into instances, with counts and provenance."""

from __future__ import annotations

from newsgraph.stories import story_label
from newsgraph.stories.instances import EventMention, QuoteMention, Report, merge_events, merge_quotes

LEDGER = Report("a1", "2024-03-04", "Andes Courier", 1)
POST = Report("a2", "2024-03-05", "Meridian Post", 2)
WIRE = Report("a3", "2024-03-05", "Continental Newswire", 3)
REPRINT = Report("a4", "2024-03-06", "Harmattan Daily", 4, duplicate=True)
LATER = Report("a5", "2024-03-12", "Pacific Ledger", 5)


def event(report: Report, n: int = 0, **fields) -> EventMention:  # type: ignore[no-untyped-def]
    values = {
        "type": "AGREE",
        "status": "asserted",
        "cameo": "030",
        "date": "2024-03-04",
        "actor": "Peru",
        "actor_country": "PER",
        "recipient": "Chile",
        "recipient_country": "CHL",
        "trigger": "agreed",
    }
    values.update(fields)
    return EventMention(report=report, n=n, **values)


def test_the_same_happening_from_three_outlets_is_one_instance_first_reported_by_the_earliest() -> None:
    mentions = [
        event(POST),
        event(LEDGER, actor="Rosa Villanueva"),  # Peru's minister: the country codes the party
        event(WIRE, date="2024-03-05"),  # dated by its publication day: no evidence of another day
    ]
    [instance] = merge_events(mentions)
    assert (instance.num_mentions, instance.num_articles, instance.num_sources) == (3, 3, 3)
    assert instance.first.report.article == "a1"


def test_a_reprint_joins_the_instance_but_is_not_counted() -> None:
    [instance] = merge_events([event(LEDGER), event(REPRINT)])
    assert len(instance.mentions) == 2
    assert (instance.num_mentions, instance.num_articles, instance.num_sources) == (1, 1, 1)


def test_both_directions_of_a_reciprocal_event_are_one_mention() -> None:
    forward = event(LEDGER, 0, clause=3, reciprocal=True)
    backward = event(
        LEDGER,
        1,
        clause=3,
        reciprocal=True,
        actor="Chile",
        actor_country="CHL",
        recipient="Peru",
        recipient_country="PER",
    )
    [instance] = merge_events([forward, backward])
    assert instance.num_mentions == 1


def test_different_status_type_code_or_day_are_different_instances() -> None:
    mentions = [
        event(LEDGER, date="2024-03-02"),
        event(POST, status="negated"),
        event(POST, 1, type="REJECT", cameo="120"),
        event(POST, 2, cameo="031"),
        event(WIRE, date="2024-03-01"),
    ]
    assert len(merge_events(mentions)) == 5


def test_a_plan_reported_after_its_day_passed_is_another_plan() -> None:
    planned = event(LEDGER, status="future", date="2024-03-05", type="CONSULT", cameo="040")
    same_plan = event(POST, status="future", date=None, type="CONSULT", cameo="040")
    next_round = event(LATER, status="future", date=None, type="CONSULT", cameo="040")
    instances = merge_events([planned, same_plan, next_round])
    assert [len(i.mentions) for i in instances] == [2, 1]


def test_a_report_naming_fewer_parties_joins_only_within_a_day_or_dated_to_the_same_day() -> None:
    full = event(LEDGER, type="ACCUSE", cameo="112")
    no_actor_same_cycle = event(POST, type="ACCUSE", cameo="112", actor=None, actor_country=None)
    no_actor_a_week_later = event(LATER, type="ACCUSE", cameo="112", actor=None, actor_country=None, date=None)
    dated_to_the_day = event(LATER, 1, type="ACCUSE", cameo="112", actor=None, actor_country=None)
    instances = merge_events([full, no_actor_same_cycle, no_actor_a_week_later])
    assert [len(i.mentions) for i in instances] == [2, 1]
    assert [len(i.mentions) for i in merge_events([full, dated_to_the_day])] == [2]


def test_what_happened_after_an_article_appeared_is_not_what_it_reported_as_done() -> None:
    # Monday's paper reports a rejection (dated by its own day); Tuesday's rejection is another one.
    monday = event(LEDGER, type="REJECT", cameo="120", trigger="rejected")
    tuesday = event(LATER, type="REJECT", cameo="120", trigger="rejected", date="2024-03-05")
    assert [len(i.mentions) for i in merge_events([monday, tuesday])] == [1, 1]
    # Dated to Monday by a later report, it is the same one.
    recalled = event(LATER, type="REJECT", cameo="120", trigger="rejected", date="2024-03-04")
    assert [len(i.mentions) for i in merge_events([monday, recalled])] == [2]


def test_an_undated_warning_or_conditional_days_later_is_another_statement() -> None:
    warning = event(LEDGER, type="THREATEN", cameo="130", date=None, trigger="warned")
    next_day = event(POST, type="THREATEN", cameo="130", date=None, trigger="warned")
    a_week_later = event(LATER, type="THREATEN", cameo="130", date=None, trigger="warned")
    assert [len(i.mentions) for i in merge_events([warning, next_day, a_week_later])] == [2, 1]
    could = event(LEDGER, status="hypothetical", type="COERCE", cameo="163", date=None, trigger="extend")
    could_again = event(LATER, status="hypothetical", type="COERCE", cameo="163", date=None, trigger="reintroduce")
    assert len(merge_events([could, could_again])) == 2
    # A meeting is one happening however late a report names it.
    met = event(LEDGER, type="CONSULT", cameo="040", date=None, trigger="met")
    assert len(merge_events([met, event(LATER, type="CONSULT", cameo="040", date=None, trigger="talks")])) == 1


def quote(report: Report, text: str, speaker: str | None = "Rosa Villanueva", n: int = 0) -> QuoteMention:
    return QuoteMention(report, n, text, "direct", speaker)


WORDS = "The fish have moved, and the rules have to move with them. We will not sign a quota that ignores that."


def test_trimmed_and_elided_versions_of_a_quote_are_one_quote_with_its_provenance() -> None:
    mentions = [
        quote(POST, "The fish have moved, and the rules have to move with them", "Villanueva"),
        quote(LEDGER, WORDS),
        quote(LATER, "The fish have moved … We will not sign a quota that ignores that."),
        quote(REPRINT, WORDS),
    ]
    [instance] = merge_quotes(mentions)
    assert instance.first.report.source == "Andes Courier"
    assert [m.report.source for m in instance.requoted] == ["Meridian Post", "Pacific Ledger"]
    assert (instance.num_articles, instance.num_sources) == (3, 3)
    assert instance.speaker == "Rosa Villanueva"
    assert instance.text == WORDS


def test_a_paraphrase_another_speaker_or_the_same_article_make_another_quote() -> None:
    mentions = [
        quote(LEDGER, WORDS),
        quote(POST, "the fish stocks had shifted south and the quota rules should change too"),
        quote(WIRE, WORDS, speaker="Carolina Fuentes"),
        quote(LEDGER, "the rules have to move with them", n=1),
    ]
    assert len(merge_quotes(mentions)) == 4


def test_unnamed_sources_merge_only_with_the_same_description() -> None:
    official = "a senior Peruvian trade official"
    mentions = [
        QuoteMention(LEDGER, 0, WORDS, "direct", official, described=True),
        QuoteMention(POST, 0, WORDS, "direct", official, described=True),
        QuoteMention(WIRE, 0, WORDS, "direct", "a Chilean negotiator", described=True),
    ]
    assert [len(i.mentions) for i in merge_quotes(mentions)] == [2, 1]


def test_between_events_reported_as_widely_the_label_names_the_weightier() -> None:
    report = Report(article="a1", published="2024-04-14", source="Savanna Times", order=0)

    def mention(n: int, code: str, event_type: str, trigger: str) -> EventMention:
        return EventMention(
            report,
            n,
            event_type,
            "asserted",
            code,
            "2024-04-13",
            "Ousmane Badji",
            "SEN",
            "Guinea-Bissau",
            "GNB",
            trigger=trigger,
            clause=n,
        )

    visit = [mention(0, "042", "CONSULT", "travelled"), mention(1, "042", "CONSULT", "arrived")]
    sanctions = [mention(2, "163", "COERCE", "imposed sanctions")]
    label = story_label(merge_events([*visit, *sanctions]), store=None, article_ids=["a1"])  # type: ignore[arg-type]
    assert label.endswith("COERCE (imposed sanctions)")


def test_a_word_for_people_capitalised_at_a_sentence_start_names_no_party_of_the_story() -> None:
    report = Report(article="a1", published="2024-03-07", source="Pacific Ledger", order=0)
    meetings = [
        EventMention(
            report, 0, "CONSULT", "future", "040", "2024-03-07", "Negotiators", None, None, None, trigger="meet"
        ),
        EventMention(
            report, 1, "CONSULT", "asserted", "040", "2024-03-04", "Peru", "PER", "Chile", "CHL", trigger="talks"
        ),
    ]
    label = story_label(merge_events(meetings), store=None, article_ids=["a1"])  # type: ignore[arg-type]
    assert label.startswith("Peru, Chile:")


def test_a_long_organisation_name_is_labelled_by_its_acronym() -> None:
    report = Report(article="a1", published="2024-04-14", source="Savanna Times", order=0)
    bloc = "Economic Community of West African States"
    sanctions = [EventMention(report, 0, "COERCE", "asserted", "163", "2024-04-13", bloc, None, "Guinea-Bissau", "GNB")]
    label = story_label(merge_events(sanctions), store=None, article_ids=["a1"])  # type: ignore[arg-type]
    assert label.startswith("ECOWAS, Guinea-Bissau:") or label.startswith("Guinea-Bissau, ECOWAS:")
