"""User verb dictionaries in PETRARCH's `.verbs` layout, and discard phrases, given with --actors."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.events.actors import load_actors
from newsgraph.events.verbs import load_verbs
from newsgraph.model import Article
from newsgraph.pipeline import analyze

# Written for these tests in the layout PETRARCH's verb dictionaries use; the codes are CAMEO's.
VERBS = """<!-- a small verbs dictionary for the tests -->
&RESTRICTIONS
+ECONOMIC_SANCTIONS
+EMBARGO

--- BOYCOTT  [191] ---
BOYCOTT   # a comment
- SAID *  [172]
- * &RESTRICTIONS  [163]
- FAILED_TO_*  [---]

--- SALUTE  [051] ---
SALUTE {SALUTED}
+HAIL

--- MEET  [---] ---
MEET {MET}
- * SECRETLY  [036]

--- REBUKE  [9Z9] ---
REBUKE

--- DONATE  [070] ---
DONATE
- * &CURRENCY  [0791]

&CURRENCY
+DOLLARS
+PESOS

--- SHUN  [9Z8] ---
SHUN

--- CLASH  [190] ---
CLASH
- * BORDER  [193]
"""


@pytest.fixture
def verbs_file(tmp_path: Path) -> Path:
    path = tmp_path / "ours.verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    return path


def _codes(text: str, *paths: Path) -> list[tuple[str, str | None]]:
    analysis = analyze(Article(id="t", text=text), actors=load_actors(paths))
    return [(event.trigger.text, event.cameo) for event in analysis.events]


def test_the_dictionary_reads_forms_synonyms_codes_and_patterns(verbs_file: Path) -> None:
    verbs = load_verbs(str(verbs_file), VERBS)
    assert verbs.entries[("BOYCOTT",)].code == "191"
    assert [p.code for p in verbs.entries[("BOYCOTT",)].patterns] == ["172", "163"], "[---] patterns code nothing"
    assert verbs.entries[("SALUTED",)].code == verbs.entries[("HAIL",)].code == "051"
    assert verbs.entries[("MEET",)].code is None
    assert verbs.entries[("REBUKE",)].code == "9Z9", "a code of the user's own is kept as given"


def test_a_verb_codes_to_its_longest_matching_pattern_else_its_own_code(verbs_file: Path) -> None:
    assert ("boycotted", "191") in _codes("Peru boycotted the fisheries summit in Chile.", verbs_file)
    said = "The ministry said on Monday that Peru would boycott the talks with Chile."
    assert ("boycott", "172") in _codes(said, verbs_file), "'SAID *': said anywhere before the verb"
    synset = "Peru boycotted the embargo that Chile imposed on Bolivia."
    assert ("boycotted", "163") in _codes(synset, verbs_file), "'* &RESTRICTIONS': a member after the verb"
    assert ("hailed", "051") in _codes("Chile hailed Peru for the rescue of its fishermen.", verbs_file)


def test_without_a_code_from_the_dictionary_our_lexicon_still_codes_the_verb(verbs_file: Path) -> None:
    assert _codes("Peru met Chile in Lima on Monday.", verbs_file)[0][1] == "040", "MEET [---]: our 040"
    assert ("met", "036") in _codes("Peru met Chile secretly in Lima on Monday.", verbs_file)


def test_discard_phrases_stop_a_sentence_or_a_whole_story(verbs_file: Path, tmp_path: Path) -> None:
    discards = tmp_path / "ours.discards.txt"
    discards.write_text("# phrases\nFRIENDLY MATCH\n+WORLD CUP   # story level\n", encoding="utf-8")
    text = "Peru met Chile in Lima on Monday. Peru met Bolivia before a friendly match in La Paz."
    assert [trigger for trigger, _ in _codes(text, verbs_file, discards)] == ["met"]
    assert len(_codes(text, verbs_file)) == 2
    assert _codes(text + " Both teams are preparing for the World Cup.", verbs_file, discards) == []


def test_files_are_told_apart_by_name_or_by_their_verb_blocks(tmp_path: Path) -> None:
    unnamed = tmp_path / "patterns.txt"
    unnamed.write_text(VERBS, encoding="utf-8")
    assert load_actors([unnamed]).verbs.entries[("BOYCOTT",)].code == "191"
    stray = tmp_path / "broken.verbs.txt"
    stray.write_text("<!-- a comment\nover two lines -->\n- SAID *  [172]\n--- BOYCOTT [191] ---\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.verbs\.txt.*line 3.*outside any verb block"):
        load_actors([stray])
    empty = tmp_path / "empty.verbs.txt"
    empty.write_text("# nothing here\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a PETRARCH verbs file"):
        load_actors([empty])


def test_codes_of_the_users_own_are_carried_and_typed_by_what_they_refine(verbs_file: Path) -> None:
    def events(text: str) -> list[tuple[str, str | None, str]]:
        analysis = analyze(Article(id="t", text=text), actors=load_actors([verbs_file]))
        return [(event.trigger.text, event.cameo, event.type) for event in analysis.events]

    # the verb's own code in the dictionary (DONATE [070]) types a pattern's code that CAMEO lacks
    assert ("donate", "0791", "AID") in events("Peru will donate a million dollars to Chile.")
    assert ("donate", "070", "AID") in events("Peru will donate fishing boats to Chile.")
    # with no CAMEO code in the block, our lexicon's entry for the verb gives the type
    assert events("Chile rebuked Peru over the fishing quotas.") == [("rebuked", "9Z9", "ACCUSE")]
    # a code nothing can type makes no event, rather than one of a guessed type
    assert events("Chile will shun Peru at the summit.") == []


def test_a_code_a_pattern_gives_in_context_stands_and_the_verbs_own_code_is_refined(verbs_file: Path) -> None:
    # CLASH [190] with "* BORDER [193]": the pattern's code is the user's reading of this context
    assert _codes("Peru clashed with Chile over the border on Monday.", verbs_file) == [("clashed", "193")]
    # the block's own code is refined as our lexicon's is: a clash over quotas is one of words
    assert _codes("Peru clashed with Chile over the fishing quotas.", verbs_file) == [("clashed", "111")]
