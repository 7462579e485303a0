"""Loading pipelines: the shipped model, any plugged-in spaCy pipeline, and the rule layer on top."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
import spacy

from newsgraph.nlp.pipeline import SHIPPED_MODEL, ModelError, load_pipeline
from newsgraph.nlp.rules import GAZETTEER, RULE_COMPONENTS, TITLES
from newsgraph.pipeline import analyze

SENTENCE = (
    "Brazilian Foreign Minister Ana Costa met officials from ECOWAS in Abuja on Monday. "
    "Costa said she expected an agreement."
)


@pytest.fixture(scope="module")
def plugged_in(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A small rule-based spaCy pipeline, built here, with its own labels (PERSON, GPE) and no parser."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([{"label": "GPE", "pattern": "Abuja"}, {"label": "PERSON", "pattern": "Costa"}])
    path = tmp_path_factory.mktemp("plugin") / "tiny_pipeline"
    nlp.to_disk(path)
    return str(path)


def test_a_plugged_in_pipeline_gets_the_rule_layer_on_top(plugged_in: str) -> None:
    nlp = load_pipeline(plugged_in)
    assert tuple(nlp.pipe_names[-len(RULE_COMPONENTS) :]) == RULE_COMPONENTS
    doc = nlp(SENTENCE)
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Ana Costa"] == "PER"  # the title rule, over the plug-in's own "Costa"
    assert labels["ECOWAS"] == "ORG"  # the gazetteer
    assert labels["Abuja"] in ("GPE", "LOC")


def test_analyze_with_a_plugged_in_model_resolves_entities(plugged_in: str) -> None:
    analysis = analyze(SENTENCE, model=plugged_in)
    people = [e for e in analysis.entities if e.kind == "person"]
    assert [(p.name, p.country, p.roles) for p in people] == [("Ana Costa", "BRA", ["Foreign Minister"])]
    assert [SENTENCE[s:e] for s, e in people[0].mentions] == ["Ana Costa", "Costa", "she"]


def test_rules_can_be_left_off(plugged_in: str) -> None:
    assert GAZETTEER not in load_pipeline(plugged_in, rules=False).pipe_names


def test_a_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="cannot load the spaCy pipeline"):
        load_pipeline(str(tmp_path / "no-such-model"))
    with pytest.raises(ModelError, match="cannot load"):
        load_pipeline("en_core_web_nonexistent")


@pytest.mark.skipif(not (SHIPPED_MODEL / "config.cfg").is_file(), reason="no shipped model in this checkout")
def test_the_shipped_model_tags_parses_and_finds_entities() -> None:
    nlp = load_pipeline()
    assert {"morphologizer", "parser", "ner", GAZETTEER, TITLES} <= set(nlp.pipe_names)
    problems = nlp.analyze_pipes()["problems"]
    assert all(not missing for missing in problems.values()), problems
    doc = nlp(SENTENCE)
    assert [t.pos_ for t in doc[3:6]] == ["PROPN", "PROPN", "VERB"]
    assert doc[5].lemma_ == "meet" and doc[5].head == doc[5]
    assert {"Ana Costa", "ECOWAS", "Abuja"} <= {e.text for e in doc.ents}


@pytest.mark.skipif(not (SHIPPED_MODEL / "config.cfg").is_file(), reason="no shipped model in this checkout")
def test_the_shipped_model_declares_the_spacy_it_is_installed_with() -> None:
    """spaCy warns on every load when a pipeline's declared spaCy range leaves out the installed one;
    the shipped model must cover the versions pyproject.toml allows."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        nlp = spacy.load(SHIPPED_MODEL)
    assert "parser" in nlp.pipe_names
