"""`newsgraph train`'s data conversion and a short training run, on a few sentences of our own."""

from __future__ import annotations

import json
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from newsgraph.nlp.corpora import Sentence, held_out, iob_spans, re3d_names, read_conllu, read_re3d, to_docs
from newsgraph.nlp.training import CONFIG, DEV, TRAIN, ner_config, train

# Two sentences in CoNLL-U, written for this test; the second carries a GUM-style entity layer.
CONLLU = """\
# sent_id = t-1
1\tMinisters\tminister\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_
2\tmet\tmeet\tVERB\tVBD\tTense=Past\t0\troot\t_\t_
3\tin\tin\tADP\tIN\t_\t4\tcase\t_\t_
4\tLisbon\tLisbon\tPROPN\tNNP\tNumber=Sing\t2\tobl\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# sent_id = t-2
1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\tEntity=(1-organization
2\tRoyal\tRoyal\tPROPN\tNNP\t_\t3\tcompound\t_\t_
3\tNavy\tNavy\tPROPN\tNNP\t_\t4\tnsubj\t_\tEntity=1)
4\tsailed\tsail\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

"""


def test_conllu_sentences_keep_the_analysis_and_the_named_entities(tmp_path: Path) -> None:
    path = tmp_path / "tiny.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    first, second = read_conllu(path, gum_entities=True)
    assert first.sent_id == "t-1"
    assert first.heads == [1, 1, 3, 1, 1]
    assert first.deps[1] == "ROOT"
    assert first.spaces[3] is False
    assert first.ents == []
    # The leading determiner is not part of the name.
    assert second.ents == [(1, 3, "ORG")]


def test_one_word_mentions_and_nested_mentions_of_gums_entity_layer(tmp_path: Path) -> None:
    # Written for this test in GUM's notation: a one-word mention opens and closes in one bracket,
    # inside a longer mention that closes later with its number alone.
    rows = [
        ("Critics", "critic", "NOUN", "3", "nsubj", "Entity=(7-person-new-cf1-1-coref"),
        ("of", "of", "ADP", "3", "case", "_"),
        ("Lindgren", "Lindgren", "PROPN", "1", "nmod", "Entity=(8-person-giv:act-cf2-1-coref-Rosa_Lindgren)7)"),
        ("praised", "praise", "VERB", "0", "root", "_"),
        ("NASA", "NASA", "PROPN", "4", "obj", "Entity=(9-organization-new-cf3-1)"),
    ]
    lines = ["# sent_id = g-1"] + [
        f"{i}\t{w}\t{lemma}\t{pos}\t_\t_\t{head}\t{dep}\t_\t{misc}"
        for i, (w, lemma, pos, head, dep, misc) in enumerate(rows, start=1)
    ]
    path = tmp_path / "gum.conllu"
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    [sentence] = read_conllu(path, gum_entities=True)
    assert sentence.ents == [(2, 3, "PER"), (4, 5, "ORG")]


def test_iob_spans_read_iob1_and_iob2_and_drop_unknown_labels() -> None:
    assert iob_spans(["B-PER", "I-PER", "O", "B-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC")]
    assert iob_spans(["I-ORG", "I-ORG", "I-LOC"]) == [(0, 2, "ORG"), (2, 3, "LOC")]
    assert iob_spans(["B-DATE", "I-DATE", "B-PER"]) == [(2, 3, "PER")]


def _mentions(text: str, spans: list[tuple[int, int, str]]) -> tuple[list[str], list[str]]:
    """re3d_names over the words of `text` (split at spaces, as re3d is tokenised), as readable strings."""
    words = text.split(" ")
    kept, missing = re3d_names(words, spans)
    return [f"{' '.join(words[a:b])}/{label}" for a, b, label in kept], [words[i] for i in sorted(missing)]


def test_re3d_mentions_become_names_and_descriptions_are_outside_them() -> None:
    text = "Foreign Secretary Lena Varga told the Kurdish fighters in northern Syria that we would help"
    spans = [(0, 4, "PER"), (5, 8, "ORG"), (9, 11, "LOC"), (12, 13, "ORG")]
    names, unknown = _mentions(text, spans)
    assert names == ["Lena Varga/PER", "Syria/LOC"]
    assert unknown == ["Kurdish"]  # a nationality, MISC elsewhere; titles, articles and "we" are outside


def test_re3d_mentions_are_cut_at_commas_and_offices_are_not_people() -> None:
    text = "Tomas Berg , Minister for Trade , flew from Porto , Portugal with the UN Commissioner for Refugees"
    spans = [(0, 7, "PER"), (9, 12, "LOC"), (13, 18, "PER")]
    names, unknown = _mentions(text, spans)
    assert names == ["Tomas Berg/PER", "Porto/LOC", "Portugal/LOC"]
    assert unknown == ["UN", "Refugees"]  # may be names; "Minister", "for", "Trade", "Commissioner" are not


def test_re3d_keeps_linked_names_and_drops_possessives() -> None:
    text = "the Bank of Lisbon praised Omar al-Rashid and Prime Minister Okafor’s plan"
    spans = [(0, 4, "ORG"), (5, 7, "PER"), (8, 11, "PER")]
    names, unknown = _mentions(text, spans)
    assert names == ["Bank of Lisbon/ORG", "Omar al-Rashid/PER"]
    assert unknown == ["Okafor’s"]


def test_re3d_is_read_in_blocks_of_sentences(tmp_path: Path) -> None:
    path = tmp_path / "re3d.iob2"
    sentence = "General\tB-PER\nAda\tI-PER\nObi\tI-PER\nspoke\tO\n.\tO\n"
    path.write_text("\n".join([sentence] * 30), encoding="utf-8")
    blocks = list(read_re3d(path))
    assert [len(block) for block in blocks] == [25, 5]
    assert blocks[1][0].ents == [(1, 3, "PER")] and blocks[1][0].missing_ner == set()


def test_the_split_of_a_corpus_without_one_is_stable() -> None:
    keys = [f"wikigold-{i}" for i in range(500)]
    assert [held_out(k) for k in keys] == [held_out(k) for k in keys]
    assert 50 < sum(held_out(k) for k in keys) < 150


def test_sentences_without_entity_annotation_are_missing_not_outside() -> None:
    vocab = spacy.blank("en").vocab
    unlabelled = Sentence(words=["Rui", "Tanaka", "spoke"], spaces=[True, True, False])
    labelled = Sentence(words=["Ana", "Costa", "left"], spaces=[True, True, False], ents=[(0, 2, "PER")])
    (doc,) = to_docs(vocab, [unlabelled, labelled])
    assert [t.ent_iob_ for t in doc] == ["", "", "", "B", "I", "O"]


def _tiny_training(tmp_path: Path) -> tuple[Path, Path]:
    """Training data from the two sentences above, and a config that can learn from so few."""
    conllu = tmp_path / "tiny.conllu"
    conllu.write_text(CONLLU, encoding="utf-8")
    vocab = spacy.blank("en").vocab
    docs = list(to_docs(vocab, read_conllu(conllu, gum_entities=True), per_doc=1))
    data = tmp_path / "data"
    data.mkdir()
    for name in (TRAIN, DEV):
        DocBin(docs=docs, store_user_data=False).to_disk(data / f"{name}.spacy")
    # The shipped config merges dependency labels seen fewer than 30 times; these sentences have few.
    config = tmp_path / "training.cfg"
    config.write_text(CONFIG.read_text().replace("min_action_freq = 30", "min_action_freq = 1"))
    return data, config


def test_training_within_its_budget_saves_a_loadable_pipeline(tmp_path: Path) -> None:
    data, config = _tiny_training(tmp_path)
    lines: list[str] = []

    result = train(data, tmp_path / "model", minutes=0.05, config_path=config, log=lines.append)

    assert any(line.startswith("time budget") for line in lines)
    nlp = spacy.load(result.model)
    assert {"tok2vec", "parser", "ner"} <= set(nlp.pipe_names)
    saved = json.loads((result.model / "training.json").read_text())
    assert {"dep_las", "ents_f"} <= set(saved["dev_scores"])
    assert not (tmp_path / "model.saving").exists()


def test_training_the_entity_recogniser_alone_leaves_the_rest_of_the_pipeline_as_it_was(tmp_path: Path) -> None:
    data, config = _tiny_training(tmp_path)
    base = train(data, tmp_path / "base", minutes=0.05, config_path=config, log=lambda line: None).model

    tuned_config = ner_config(base, config)
    tuned = train(data, tmp_path / "tuned", minutes=0.05, config_path=tuned_config, log=lambda line: None)
    assert tuned_config["paths"]["train"] is None  # the caller's config is not filled in behind its back

    text = "Ministers met the Royal Navy in Lisbon."
    before, after = spacy.load(base)(text), spacy.load(tuned.model)(text)
    assert [(t.pos_, t.lemma_, t.dep_, t.head.i) for t in after] == [
        (t.pos_, t.lemma_, t.dep_, t.head.i) for t in before
    ]
    saved = json.loads((tuned.model / "training.json").read_text())
    assert "ents_f" in saved["dev_scores"]
