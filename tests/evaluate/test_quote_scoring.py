"""The quote scorer on small articles written for these tests, one behaviour of the README's metrics each."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.errors import InputError
from newsgraph.evaluate.quote_predictions import prediction_record
from newsgraph.evaluate.quotes import (
    QUOTED_ROW,
    SPEECH_ROW,
    format_quote_scores,
    read_quote_records,
    score_quotes,
)
from newsgraph.pipeline import analyze

BRIDGE = (
    "The city will reopen the Elm Street bridge in March, officials said on Monday. "
    "“We will have traffic moving again before the spring floods,” said Mayor Ana Ruiz. "
    "Engineers believe the repairs will cost less than first feared. "
    "Ruiz added that the contractor had been fined for the delay."
)
SPLIT = (
    "Residents of the Harbour estate have refused to leave. "
    "“We are not going anywhere,” said Tom Okafor, who chairs the tenants’ association, "
    "“until every family has a flat to go to.” The council did not respond."
)
FERRY = "Ferry crossings to the island were cancelled after the storm, the operator said on Friday."


def span(text: str, fragment: str, occurrence: int = 0) -> dict[str, Any]:
    """The span of the `occurrence`-th copy of `fragment` in `text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(fragment, start + 1)
    return {"start": start, "end": start + len(fragment), "text": fragment}


def quote(
    text: str,
    content: str | list[str],
    speaker: str | None = None,
    *,
    cue: str | None = "said",
    kind: str = "indirect",
    mentions: list[str] | None = None,
    speaker_at: int = 0,
) -> dict[str, Any]:
    """One quote record; `content` as a list gives a split quote's parts in text order.

    `speaker_at` picks which copy of the speaker's words is meant ("Ruiz" in "Mayor Ana Ruiz" or later).
    """
    parts = [span(text, c) for c in ([content] if isinstance(content, str) else content)]
    envelope = {"start": parts[0]["start"], "end": parts[-1]["end"]}
    envelope["text"] = text[envelope["start"] : envelope["end"]]
    who = span(text, speaker, speaker_at) if speaker else None
    result = {
        "quote": envelope,
        "quote_parts": parts,
        "speaker": who,
        "speaker_parts": [who] if who else [],
        "cue": span(text, cue) if cue else None,
        "type": kind,
    }
    if mentions is not None:
        result["speaker_entity_mentions"] = [[m["start"], m["end"]] for m in (span(text, x) for x in mentions)]
    return result


def record(record_id: str, text: str, quotes: list[dict[str, Any]], outlet: str = "ledger") -> dict[str, Any]:
    return {"id": record_id, "outlet": outlet, "text": text, "quotes": quotes}


def bridge_gold() -> dict[str, Any]:
    return record(
        "bridge",
        BRIDGE,
        [
            quote(BRIDGE, "The city will reopen the Elm Street bridge in March", "officials"),
            quote(
                BRIDGE,
                "“We will have traffic moving again before the spring floods,”",
                "Mayor Ana Ruiz",
                kind="direct",
            ),
            quote(BRIDGE, "the repairs will cost less than first feared", "Engineers", cue="believe"),
            quote(BRIDGE, "that the contractor had been fined for the delay", "Ruiz", cue="added", speaker_at=1),
        ],
    )


def test_gold_against_itself_scores_one_everywhere() -> None:
    gold = bridge_gold()
    scores = score_quotes([gold], [gold])
    for counts in (scores.exact, scores.overlap, scores.prop, scores.end2end):
        assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0)
    assert scores.speaker_acc.value == scores.speaker_exact_acc.value == 1.0
    assert scores.matched == scores.gold == scores.predicted == 4


def test_exact_match_ignores_quotation_marks_and_edge_punctuation() -> None:
    gold = bridge_gold()
    bare = quote(BRIDGE, "We will have traffic moving again before the spring floods", "Mayor Ana Ruiz", kind="direct")
    shorter = quote(BRIDGE, "We will have traffic moving again", "Mayor Ana Ruiz", kind="direct")
    scores = score_quotes([gold], [record("bridge", BRIDGE, [bare])])
    assert (scores.exact.tp, scores.exact.fp, scores.exact.fn) == (1, 0, 3)
    assert scores.overlap.tp == 1
    scores = score_quotes([gold], [record("bridge", BRIDGE, [shorter])])
    assert (scores.exact.tp, scores.exact.fp) == (0, 1)
    assert scores.overlap.tp == 1  # 33 of the gold's 58 characters: Jaccard 0.57


def test_overlap_needs_a_jaccard_of_one_half() -> None:
    text = "Ticket prices will rise next year, the rail operator said."
    gold = record("rail", text, [quote(text, "Ticket prices will rise next year", "the rail operator")])
    # The gold quote has 33 characters; a prefix of 17 shares 17 of them (0.515), one of 16 only 0.485.
    above = quote(text, "Ticket prices wil", "the rail operator")
    below = quote(text, "Ticket prices wi", "the rail operator")
    assert score_quotes([gold], [record("rail", text, [above])]).overlap.tp == 1
    scores = score_quotes([gold], [record("rail", text, [below])])
    assert (scores.overlap.tp, scores.overlap.fp, scores.overlap.fn) == (0, 1, 1)
    assert scores.prop.precision == 1.0 and 0 < scores.prop.recall < 0.5


def test_matching_is_one_to_one() -> None:
    gold = bridge_gold()
    twice = quote(BRIDGE, "“We will have traffic moving again before the spring floods,”", "Mayor Ana Ruiz")
    scores = score_quotes([gold], [record("bridge", BRIDGE, [twice, twice])])
    assert (scores.overlap.tp, scores.overlap.fp, scores.overlap.fn) == (1, 1, 3)
    assert (scores.exact.tp, scores.exact.fp) == (1, 1)
    assert scores.overlap.precision == 0.5


def test_split_quote_is_scored_on_its_parts_not_the_interrupting_cue() -> None:
    parts = ["“We are not going anywhere,”", "“until every family has a flat to go to.”"]
    gold = record("estate", SPLIT, [quote(SPLIT, parts, "Tom Okafor", kind="direct")])
    both_parts = quote(SPLIT, parts, "Tom Okafor", kind="direct")
    whole_envelope = quote(SPLIT, "“We are not going anywhere,” said Tom Okafor", "Tom Okafor", kind="mixed")
    whole_envelope["quote"] = gold["quotes"][0]["quote"]
    whole_envelope["quote_parts"] = [gold["quotes"][0]["quote"]]

    scores = score_quotes([gold], [record("estate", SPLIT, [both_parts])])
    assert scores.overlap.tp == scores.exact.tp == 1
    assert scores.prop.precision == scores.prop.recall == 1.0

    # One span over the whole envelope: still the same quote, but the cue and speaker characters in it
    # are not quote characters.
    scores = score_quotes([gold], [record("estate", SPLIT, [whole_envelope])])
    assert (scores.overlap.tp, scores.exact.tp) == (1, 0)
    assert scores.prop.recall == 1.0 and scores.prop.precision < 0.6

    first_part_only = quote(SPLIT, parts[0], "Tom Okafor", kind="direct")
    assert score_quotes([gold], [record("estate", SPLIT, [first_part_only])]).overlap.tp == 0


def speaker_scores(predicted_quote: dict[str, Any], gold_speaker: str | None = "Mayor Ana Ruiz") -> tuple:
    content = "“We will have traffic moving again before the spring floods,”"
    gold = record("bridge", BRIDGE, [quote(BRIDGE, content, gold_speaker, kind="direct")])
    scores = score_quotes([gold], [record("bridge", BRIDGE, [predicted_quote])])
    assert scores.matched == 1
    return scores.speaker_acc.value, scores.speaker_exact_acc.value, scores.end2end.tp


def test_speaker_is_right_when_its_span_overlaps_the_gold_speaker() -> None:
    content = "“We will have traffic moving again before the spring floods,”"
    assert speaker_scores(quote(BRIDGE, content, "Mayor Ana Ruiz")) == (1.0, 1.0, 1)
    assert speaker_scores(quote(BRIDGE, content, "Ana Ruiz")) == (1.0, 0.0, 1)
    assert speaker_scores(quote(BRIDGE, content, "officials")) == (0.0, 0.0, 0)
    assert speaker_scores(quote(BRIDGE, content, None)) == (0.0, 0.0, 0)


def test_speaker_is_right_when_one_of_its_entity_mentions_is_the_gold_speaker() -> None:
    content = "that the contractor had been fined for the delay"
    gold = record("bridge", BRIDGE, [quote(BRIDGE, content, "Ruiz", cue="added", speaker_at=1)])

    def judged(mentions: list[str] | None) -> tuple[float, float]:
        # The system named the mayor at her first mention rather than at the gold "Ruiz".
        predicted = quote(BRIDGE, content, "Mayor Ana Ruiz", cue="added", mentions=mentions)
        scores = score_quotes([gold], [record("bridge", BRIDGE, [predicted])])
        return scores.speaker_acc.value, scores.speaker_exact_acc.value

    assert judged(None) == (0.0, 0.0)
    assert judged([]) == (0.0, 0.0)
    assert judged(["Mayor Ana Ruiz", "Ruiz added"]) == (1.0, 0.0)


def test_no_speaker_on_either_side_is_right() -> None:
    text = "Ferry crossings to the island were cancelled after the storm, it was reported on Friday."
    gold = record("ferry", text, [quote(text, "Ferry crossings to the island were cancelled", None, cue="reported")])
    silent = quote(text, "Ferry crossings to the island were cancelled", None, cue=None)
    scores = score_quotes([gold], [record("ferry", text, [silent])])
    assert (scores.speaker_acc.value, scores.speaker_exact_acc.value, scores.end2end.f1) == (1.0, 1.0, 1.0)
    invented = quote(text, "Ferry crossings to the island were cancelled", "Ferry", cue=None)
    assert score_quotes([gold], [record("ferry", text, [invented])]).speaker_acc.value == 0.0


def test_breakdown_by_type_uses_gold_type_for_recall_and_predicted_type_for_precision() -> None:
    gold = bridge_gold()
    direct = quote(
        BRIDGE, "“We will have traffic moving again before the spring floods,”", "Mayor Ana Ruiz", kind="direct"
    )
    # The system found the gold indirect quote but called it direct.
    misread = quote(BRIDGE, "that the contractor had been fined for the delay", "Ruiz", kind="direct", speaker_at=1)
    scores = score_quotes([gold], [record("bridge", BRIDGE, [direct, misread])])
    indirect, as_direct = scores.by_type["indirect"], scores.by_type["direct"]
    assert (indirect.gold, indirect.overlap.tp, indirect.overlap.fn) == (3, 1, 2)
    assert (indirect.predicted, indirect.overlap.pred_tp, indirect.overlap.precision) == (0, 0, 0.0)
    assert (as_direct.gold, as_direct.predicted, as_direct.overlap.pred_tp, as_direct.overlap.fp) == (1, 2, 2, 0)
    assert as_direct.overlap.precision == as_direct.overlap.recall == 1.0
    assert scores.by_type["mixed"].gold == 0


def test_prediction_without_a_type_gets_one_from_its_quotation_marks() -> None:
    gold = bridge_gold()
    untyped = quote(BRIDGE, "“We will have traffic moving again before the spring floods,”", "Mayor Ana Ruiz")
    del untyped["type"]
    scores = score_quotes([gold], [record("bridge", BRIDGE, [untyped])])
    assert scores.by_type["direct"].overlap.pred_tp == 1


def test_speech_cue_row_leaves_out_predictions_of_beliefs_but_keeps_spurious_ones() -> None:
    gold = bridge_gold()  # cues: said, said, believe, added
    belief = quote(BRIDGE, "the repairs will cost less than first feared", "Engineers", cue="believe")
    said = quote(BRIDGE, "The city will reopen the Elm Street bridge in March", "officials")
    spurious = quote(BRIDGE, "Engineers believe", None)
    scores = score_quotes([gold], [record("bridge", BRIDGE, [belief, said, spurious])])
    speech = scores.by_type[SPEECH_ROW]
    assert (speech.gold, speech.overlap.tp, speech.overlap.fn) == (3, 1, 2)
    # The belief is neither right nor wrong here; the quote matched to nothing still counts against.
    assert (speech.predicted, speech.overlap.pred_tp, speech.overlap.fp) == (2, 1, 1)
    assert scores.overlap.precision == 2 / 3


def test_speech_cues_look_past_auxiliaries() -> None:
    text = "Officials have also said the bridge is safe, and the mayor did not say when it would open."
    gold = record(
        "aux",
        text,
        [
            quote(text, "the bridge is safe", "Officials", cue="have also said"),
            quote(text, "when it would open", "the mayor", cue="did not say"),
        ],
    )
    assert score_quotes([gold], [gold]).by_type[SPEECH_ROW].gold == 2


def test_breakdown_by_outlet_and_by_another_record_field() -> None:
    bridge = bridge_gold() | {"outlet": "ledger", "section": "city"}
    ferry = record(
        "ferry", FERRY, [quote(FERRY, "Ferry crossings to the island were cancelled after the storm", "the operator")]
    )
    ferry |= {"outlet": "courier", "section": "transport"}
    scores = score_quotes([bridge, ferry], [bridge])
    assert list(scores.by_record) == ["courier", "ledger"]
    assert scores.by_record["ledger"].overlap.f1 == 1.0
    assert (scores.by_record["courier"].overlap.recall, scores.by_record["courier"].gold) == (0.0, 1)
    assert scores.overlap.recall == 4 / 5
    by_section = score_quotes([bridge, ferry], [bridge], by="section")
    assert by_section.record_field == "section"
    assert set(by_section.by_record) == {"city", "transport"}
    assert "section=transport" in format_quote_scores(by_section)


def test_gold_record_without_prediction_counts_all_its_quotes_missed() -> None:
    gold = bridge_gold()
    stray = record("elsewhere", FERRY, [quote(FERRY, "Ferry crossings to the island were cancelled", "the operator")])
    scores = score_quotes([gold], [stray])
    assert (scores.overlap.tp, scores.overlap.fp, scores.overlap.fn) == (0, 0, 4)
    assert scores.end2end.recall == scores.prop.recall == 0.0
    assert scores.unscored_records == 1


def test_duplicate_ids_are_refused() -> None:
    gold = bridge_gold()
    with pytest.raises(ValueError, match="bridge"):
        score_quotes([gold, gold], [])
    with pytest.raises(ValueError, match="bridge"):
        score_quotes([gold], [gold, gold])


def test_table_has_a_row_per_type_quoted_and_speech_subsets_and_outlet() -> None:
    gold = bridge_gold()
    table = format_quote_scores(score_quotes([gold], [gold]))
    labels = [line.split()[0] for line in table.splitlines()[1:]]
    assert labels == ["overall", "direct", "mixed", "indirect", QUOTED_ROW, SPEECH_ROW, "outlet=ledger"]
    assert "ovl F1" in table.splitlines()[0]
    mixed = table.splitlines()[3].split()
    assert mixed[6] == "-"  # no matched pair to judge a speaker on


def test_reading_records_names_the_bad_line(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(bridge_gold()) + "\n\n", encoding="utf-8")
    assert [r["id"] for r in read_quote_records(good)] == ["bridge"]

    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(bridge_gold()) + "\n" + '{"id": "ferry", "quotes": [\n', encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_quote_records(bad)
    assert error.value.path == str(bad)
    assert "line 2" in str(error.value)

    no_quotes = tmp_path / "no_quotes.jsonl"
    no_quotes.write_text('{"id": "ferry"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        read_quote_records(no_quotes)

    with pytest.raises(InputError, match="cannot read"):
        read_quote_records(tmp_path / "missing.jsonl")


def test_a_speaker_resolved_from_who_is_mentioned_by_the_pronoun() -> None:
    text = "The plan was opposed by a local architect who said the bridge would never be safe."
    analysis = analyze(text)
    [quote] = prediction_record(analysis)["quotes"]
    assert quote["speaker"] == {"start": text.index(" who ") + 1, "end": text.index(" who ") + 4, "text": "who"}
    [said] = analysis.quotes
    assert said.speaker is not None and said.speaker.name.endswith("architect")


def test_direct_and_mixed_row_counts_both_kinds_on_each_side() -> None:
    gold = bridge_gold()
    direct = quote(
        BRIDGE, "“We will have traffic moving again before the spring floods,”", "Mayor Ana Ruiz", kind="direct"
    )
    # The gold indirect quote found and called mixed counts against precision here, not recall.
    misread = quote(BRIDGE, "that the contractor had been fined for the delay", "Ruiz", kind="mixed", speaker_at=1)
    quoted = score_quotes([gold], [record("bridge", BRIDGE, [direct, misread])]).by_type[QUOTED_ROW]
    assert (quoted.gold, quoted.overlap.tp, quoted.overlap.fn) == (1, 1, 0)
    assert (quoted.predicted, quoted.overlap.pred_tp) == (2, 2)
