"""Reading subjects where the shipped parser is known to misplace them, on parses built as it made them."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.nlp.syntax import coordinated_outer, is_passive, sentences, subject


def parsed(rows: list[tuple[str, str, str, int]], morphs: dict[int, str] | None = None) -> Doc:
    """A Doc from (word, POS, dependency, head index) rows."""
    nlp = spacy.blank("en")
    words, pos, deps, heads = zip(*rows, strict=True)
    doc = Doc(nlp.vocab, words=list(words), pos=list(pos), deps=list(deps), heads=list(heads))
    for i, morph in (morphs or {}).items():
        doc[i].set_morph(morph)
    return doc


def test_a_subject_coordinated_with_a_fronted_place() -> None:
    doc = parsed(
        [
            ("In", "ADP", "case", 1),
            ("Arica", "PROPN", "obl", 5),
            (",", "PUNCT", "punct", 1),
            ("fishing", "NOUN", "compound", 4),
            ("unions", "NOUN", "conj", 1),
            ("said", "VERB", "ROOT", 5),
            ("no", "INTJ", "obj", 5),
        ]
    )
    assert subject(doc[5]).text == "unions"


def test_a_name_read_as_an_oblique_or_hung_off_a_quotation() -> None:
    oblique = parsed(
        [
            ("Dr.", "PROPN", "nmod", 2),
            ("Keiko", "PROPN", "compound", 2),
            ("Mori", "PROPN", "obl", 3),
            ("said", "VERB", "ROOT", 3),
        ]
    )
    assert subject(oblique[3]).text == "Mori"
    quotation = parsed(
        [
            ("Doors", "NOUN", "obl", 4),
            ("open", "ADJ", "amod", 0),
            (",", "PUNCT", "punct", 0),
            ("Ines", "PROPN", "appos", 0),
            ("said", "VERB", "ROOT", 4),
        ]
    )
    assert subject(quotation[4]).text == "Ines"


def test_a_name_taken_for_the_subject_of_the_participle_describing_it() -> None:
    doc = parsed(
        [
            ("Julia", "PROPN", "nsubj", 1),
            ("leading", "VERB", "csubj", 3),
            ("talks", "NOUN", "obj", 1),
            ("said", "VERB", "ROOT", 3),
        ],
        {1: "VerbForm=Ger"},
    )
    assert subject(doc[3]).text == "Julia"


def test_a_verb_coordinated_with_the_name_it_should_have_as_subject() -> None:
    doc = parsed([("Badji", "PROPN", "ROOT", 0), (",", "PUNCT", "punct", 2), ("travelled", "VERB", "conj", 0)])
    assert subject(doc[2]).text == "Badji"


def test_a_group_opening_the_sentence_read_as_an_oblique_is_the_subject_but_a_time_is_not() -> None:
    group = parsed(
        [
            ("Fishing", "NOUN", "compound", 1),
            ("unions", "NOUN", "obl", 5),
            ("in", "ADP", "case", 3),
            ("Arica", "PROPN", "nmod", 1),
            ("have", "AUX", "aux", 5),
            ("accused", "VERB", "ROOT", 5),
            ("Santiago", "PROPN", "obj", 5),
        ]
    )
    assert subject(group[5]).text == "unions"
    time = parsed([("Last", "ADJ", "amod", 1), ("week", "NOUN", "obl", 2), ("ended", "VERB", "ROOT", 2)])
    assert subject(time[2]) is None


def test_a_conjunct_in_the_tense_of_the_reporting_verb_belongs_with_it() -> None:
    rows = [
        ("Costa", "PROPN", "nsubj", 1),
        ("said", "VERB", "ROOT", 1),
        ("exports", "NOUN", "nsubj", 4),
        ("had", "AUX", "aux", 4),
        ("fallen", "VERB", "ccomp", 1),
        ("and", "CCONJ", "cc", 6),
        ("blamed", "VERB", "conj", 4),
        ("tariffs", "NOUN", "obj", 6),
    ]
    doc = parsed(rows, {1: "VerbForm=Fin|Tense=Past", 4: "VerbForm=Part|Tense=Past", 6: "VerbForm=Fin|Tense=Past"})
    assert coordinated_outer(doc[6]).text == "said"
    same = parsed(rows, {1: "VerbForm=Fin|Tense=Past", 4: "VerbForm=Fin|Tense=Past", 6: "VerbForm=Fin|Tense=Past"})
    assert coordinated_outer(same[6]) is None  # "said exports fell and recovered": one reported clause


def test_a_verb_with_no_subject_anywhere_has_none() -> None:
    doc = parsed([("Stop", "VERB", "ROOT", 0), ("now", "ADV", "advmod", 0)])
    assert subject(doc[0]) is None


def test_paragraph_breaks_are_not_counted_as_sentences() -> None:
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["One", ".", "\n\n", "Two", "."], sent_starts=[True, False, True, True, False])
    assert [s.text for s in sentences(doc)] == ["One .", "Two ."]


def test_a_title_before_the_verb_read_as_a_clause_of_it() -> None:
    doc = parsed(
        [
            ("Sok", "PROPN", "nmod", 3),
            (",", "PUNCT", "punct", 0),
            ("water", "NOUN", "compound", 3),
            ("minister", "NOUN", "ccomp", 5),
            (",", "PUNCT", "punct", 3),
            ("said", "VERB", "ROOT", 5),
        ]
    )
    assert subject(doc[5]).text == "minister"


def test_a_name_hung_off_a_title_read_as_a_clause_even_tagged_an_adjective() -> None:
    # "Rendell, a party veteran, said he was tired": the title a clause of "said", the name its vocative.
    rows = [
        ("Rendell", "PROPN", "vocative", 4),
        (",", "PUNCT", "punct", 0),
        ("a", "DET", "det", 4),
        ("party", "NOUN", "compound", 4),
        ("veteran", "ADJ", "ccomp", 6),
        (",", "PUNCT", "punct", 4),
        ("said", "VERB", "ROOT", 6),
        ("he", "PRON", "nsubj", 9),
        ("was", "AUX", "cop", 9),
        ("tired", "ADJ", "ccomp", 6),
        (".", "PUNCT", "punct", 6),
    ]
    doc = parsed(rows)
    assert subject(doc[6]).text == "Rendell"
    as_compound = {"Rendell": "compound"}
    doc = parsed([(w, "NOUN" if w == "veteran" else p, as_compound.get(w, d), h) for w, p, d, h in rows])
    assert subject(doc[6]).text == "veteran", "a name inside the title ('a Clinton surrogate') is no subject"


def test_a_participle_after_get_is_passive_like_one_after_be() -> None:
    for auxiliary, lemma in (("got", "get"), ("were", "be"), ("have", "have")):
        rows = [("Two", "NUM", "nummod", 1), ("activists", "NOUN", "nsubj", 3), (auxiliary, "AUX", "aux", 3)]
        rows += [("arrested", "VERB", "ROOT", 3), ("rivals", "NOUN", "obj", 3)]
        doc = parsed(rows, {3: "Tense=Past|VerbForm=Part"})
        doc[2].lemma_ = lemma
        assert is_passive(doc[3]) is (lemma != "have")
