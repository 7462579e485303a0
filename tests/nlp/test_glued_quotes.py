"""Quotation marks glued to the words around them, as scraped web copy has them: split into tokens of their
own by the shipped pipeline's tokenizer, so that the quote stage finds the cue and the marks. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.pipeline import analyze


def words(text: str) -> list[str]:
    return [t.text for t in load_pipeline().make_doc(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ruiz said,“Look here.”", ["Ruiz", "said", ",", "“", "Look", "here", ".", "”"]),
        ('Ruiz said:"Look here."', ["Ruiz", "said", ":", '"', "Look", "here", ".", '"']),
        ("It was“fair”enough.", ["It", "was", "“", "fair", "”", "enough", "."]),
        ("my plan—“Go!”—is done", ["my", "plan", "—", "“", "Go", "!", "”", "—", "is", "done"]),
    ],
    ids=["comma", "colon", "between-words", "dashes"],
)
def test_a_glued_double_quotation_mark_is_a_token_of_its_own(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    "text",
    ["O’Malley’s aides said it’s over.", 'The screen is 5"4 wide.', "See www.example.org for more."],
    ids=["apostrophes", "inch-mark", "web-address"],
)
def test_apostrophes_and_marks_inside_words_are_left_alone(text: str) -> None:
    tokens = words(text)
    assert "’" not in tokens and '"' not in tokens
    assert "".join(t for t in tokens if t not in (".",)) == text.replace(" ", "").rstrip(".")


def test_a_quote_glued_to_its_cue_is_found_with_its_speaker() -> None:
    [quote] = analyze("Ruiz said,“Look, the port stays open. The ferry runs again on Monday.”").quotes
    assert quote.kind == "direct"
    assert quote.text.startswith("Look, the port stays open.")
    assert quote.speaker is not None and quote.speaker.name == "Ruiz"
