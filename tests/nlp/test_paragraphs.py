"""Paragraph-at-a-time parsing: the text and offsets are the article's, and no paragraph break is a word."""

from __future__ import annotations

import pytest

from newsgraph.nlp.paragraphs import paragraphs, parse, parse_many
from newsgraph.nlp.pipeline import load_pipeline

ARTICLE = (
    "DAKAR – West African leaders met in Abuja on Saturday.\n\n"
    "Badji, Senegal's foreign minister, travelled to Bissau as mediator for the bloc. \n \n"
    "\u201cWe came to listen,\u201d Badji told reporters.\r\n"
    "The talks ended without a deal."
)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize("text", [ARTICLE, "", "\n\nStarts with a break", "Ends with one\n", "One line only."])
def test_the_pieces_join_back_into_the_text(text: str) -> None:
    assert "".join(paragraphs(text)) == text


def test_a_blank_line_or_a_line_ending_a_sentence_ends_a_paragraph_but_a_wrap_does_not() -> None:
    text = "Talks opened in\nLima on Monday. Both sides met.\nChile left early.\n\nPeru stayed"
    assert paragraphs(text) == [
        "Talks opened in\nLima on Monday. Both sides met.",
        "\n",
        "Chile left early.",
        "\n\n",
        "Peru stayed",
    ]


def test_the_doc_keeps_the_text_and_every_offset(nlp) -> None:
    doc = parse(nlp, ARTICLE)
    assert doc.text == ARTICLE
    assert all(ARTICLE[t.idx : t.idx + len(t.text)] == t.text for t in doc)


def test_a_paragraph_break_is_never_part_of_a_sentences_parse(nlp) -> None:
    doc = parse(nlp, ARTICLE)
    breaks = [t for t in doc if t.is_space and "\n" in t.text]
    assert breaks
    for token in breaks:
        assert token.sent.text.strip() == ""
        assert not [child for child in token.children if not child.is_space]
    travelled = next(t for t in doc if t.text == "travelled")
    assert not travelled.head.is_space
    assert travelled.sent.start == next(t.i for t in doc if t.text == "Badji")


def test_the_rule_layer_runs_over_the_joined_doc(nlp) -> None:
    doc = parse(nlp, ARTICLE)
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Abuja") == "LOC"
    assert labels.get("Senegal") == "LOC"


def test_many_texts_come_back_in_order(nlp) -> None:
    texts = [ARTICLE, "Peru and Chile met in Lima.", "A second paragraph.\n\nAnd a third one."]
    assert [doc.text for doc in parse_many(nlp, texts, batch_size=2)] == texts


SPACED = "When the union held\u00a0rallies across the north, police in  Kano arrested\u00a0two organisers."


def test_a_stray_space_inside_a_paragraph_is_no_word_of_the_parse(nlp) -> None:
    doc = parse(nlp, SPACED)
    assert doc.text == SPACED
    spaces = [t for t in doc if t.is_space]
    assert len(spaces) == 3
    for token in spaces:
        assert token.pos_ == "SPACE"
        assert not list(token.children)
        assert token.head.i == token.i - 1
    held = next(t for t in doc if t.text == "held")
    assert next(t for t in doc if t.text == "rallies").head == held
    assert next(t for t in doc if t.text == "organisers").head.text == "arrested"


def test_a_stray_space_inside_a_name_stays_inside_the_entity(nlp) -> None:
    text = "Talks resumed in New\u00a0York on Monday."
    doc = parse(nlp, text)
    assert [e.text for e in doc.ents if e.label_ == "LOC"] == ["New\u00a0York"]
