"""`newsgraph train`: build the training data, train the shipped pipeline within a time budget, save it.

Training is seeded (the config's `[system] seed`), so the same corpora, config and budget give the
same model up to the point where the budget cuts it. Checkpoints are scored on GUM dev, which no
reported figure uses; the best one is what gets saved.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import spacy
from spacy.schemas import ConfigSchemaTraining
from spacy.tokens import Doc, DocBin
from spacy.training.initialize import init_nlp
from spacy.training.loop import create_evaluation_callback, create_train_batches, train_while_improving
from spacy.util import fix_random_seed, registry, resolve_dot_names
from thinc.api import Config

from newsgraph.nlp.compute import numpy_blas
from newsgraph.nlp.corpora import held_out, read_conllu, read_iob, read_re3d, read_uner, to_docs

CONFIG = Path(str(resources.files("newsgraph.nlp") / "training.cfg"))

TRAIN = "train"
DEV = "dev"
TESTS = ("test-ewt", "test-gum", "test-wikigold", "test-btc", "test-wnut17", "test-re3d")
RE3D_TEST_SHARE = 0.3


@dataclass
class TrainResult:
    model: Path
    steps: int
    epochs: int
    minutes: float
    dev_scores: dict[str, float]


def build_corpora(corpora: Path, out: Path, only: Iterable[str] | None = None) -> dict[str, int]:
    """Write train/dev/test DocBins from ../shared/corpora; returns the number of docs per split.

    train: EWT train (no entities), EWT dev with Universal NER labels, GUM train, wikigold (80 % of
    articles), Broad Twitter Corpus train, re3d (70 % of its blocks). dev: GUM dev. Tests: EWT test +
    UNER test, GUM test, the other 20 % of wikigold, BTC test, WNUT-17 test, the other 30 % of re3d
    (a larger share than wikigold's, because re3d is small and the nearest of them to news). `only`
    limits the splits written.
    """
    nlp = spacy.blank("en")
    ewt, gum = corpora / "ud_english_ewt", corpora / "ud_english_gum_ccby"
    uner = corpora / "uner_english_ewt"

    def ewt_with_uner(split: str) -> list:
        labels = read_uner(uner / f"en_ewt-ud-{split}.iob2")
        sentences = list(read_conllu(ewt / f"en_ewt-ud-{split}.conllu"))
        for sentence in sentences:
            sentence.ents = labels.get(sentence.sent_id or "")
        return sentences

    wikigold = list(read_iob(corpora / "wikigold" / "wikigold.conll.txt"))
    re3d = list(read_re3d(corpora / "re3d_open" / "re3d_open.iob2"))
    vocab = nlp.vocab
    splits: dict[str, Callable[[], Iterable[Doc]]] = {
        TRAIN: lambda: [
            *to_docs(vocab, read_conllu(ewt / "en_ewt-ud-train.conllu")),
            *to_docs(vocab, ewt_with_uner("dev")),
            *to_docs(vocab, read_conllu(gum / "en_gum-ccby-ud-train.conllu", gum_entities=True)),
            *(
                doc
                for i, article in enumerate(wikigold)
                if not held_out(f"wikigold-{i}")
                for doc in to_docs(vocab, article)
            ),
            *(
                doc
                for tweets in read_iob(corpora / "broad_twitter_corpus" / "train.iob2", social=True)
                for doc in to_docs(vocab, tweets)
            ),
            *(
                doc
                for i, block in enumerate(re3d)
                if not held_out(f"re3d-{i}", RE3D_TEST_SHARE)
                for doc in to_docs(vocab, block)
            ),
        ],
        DEV: lambda: to_docs(vocab, read_conllu(gum / "en_gum-ccby-ud-dev.conllu", gum_entities=True)),
        "test-ewt": lambda: to_docs(vocab, ewt_with_uner("test")),
        "test-gum": lambda: to_docs(vocab, read_conllu(gum / "en_gum-ccby-ud-test.conllu", gum_entities=True)),
        "test-wikigold": lambda: (
            doc for i, article in enumerate(wikigold) if held_out(f"wikigold-{i}") for doc in to_docs(vocab, article)
        ),
        "test-btc": lambda: (
            doc
            for tweets in read_iob(corpora / "broad_twitter_corpus" / "test.iob2", social=True)
            for doc in to_docs(vocab, tweets)
        ),
        "test-wnut17": lambda: (
            doc for part in read_iob(corpora / "wnut17" / "test.iob2", social=True) for doc in to_docs(vocab, part)
        ),
        "test-re3d": lambda: (
            doc
            for i, block in enumerate(re3d)
            if held_out(f"re3d-{i}", RE3D_TEST_SHARE)
            for doc in to_docs(vocab, block)
        ),
    }
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, make in splits.items():
        if only is None or name in only:
            docs = list(make())
            DocBin(docs=docs, store_user_data=False).to_disk(out / f"{name}.spacy")
            counts[name] = len(docs)
    return counts


NER_LEARN_RATE = 0.0005
NER_EVAL_FREQUENCY = 500


def ner_config(base: Path, config_path: Path = CONFIG) -> Config:
    """The config that trains only the entity recogniser of the pipeline in `base` further: every other
    component, the shared tok2vec included, is taken from `base` and frozen, so tags, lemmas and parses
    stay exactly as they were and the rules tuned on them keep working; checkpoints are scored by
    entity F1 alone. Why: the entity layer gained most from data fixed after the base model was
    trained (docs/accuracy.md, model card), while retraining everything moved the parse under the rules."""
    config = spacy.util.load_config(config_path)
    pipeline = list(config["nlp"]["pipeline"])
    for name in pipeline:
        config["components"][name] = {"source": str(base.resolve())}
    training = config["training"]
    training["frozen_components"] = [name for name in pipeline if name != "ner"]
    training["annotating_components"] = ["tok2vec"]  # a frozen shared tok2vec must still feed the listeners
    training["optimizer"]["learn_rate"] = NER_LEARN_RATE
    training["eval_frequency"] = NER_EVAL_FREQUENCY
    weights = training["score_weights"]
    for key, weight in weights.items():
        weights[key] = None if weight is None else 0.0
    weights["ents_f"] = 1.0
    return config


def train(
    data: Path,
    output: Path,
    minutes: float,
    config_path: Path | Config = CONFIG,
    log: Callable[[str], None] = print,
) -> TrainResult:
    """Train from the DocBins in `data` for at most `minutes`, saving the best checkpoint to `output`.
    `config_path` is a config file or a config already loaded (`ner_config`)."""
    paths = {"train": str(data / f"{TRAIN}.spacy"), "dev": str(data / f"{DEV}.spacy")}
    config = config_path.copy() if isinstance(config_path, Config) else spacy.util.load_config(config_path)
    config["paths"].update(paths)
    fix_random_seed(config["system"]["seed"])
    with numpy_blas():
        nlp = init_nlp(config)
    config = nlp.config.interpolate()
    settings = registry.resolve(config["training"], schema=ConfigSchemaTraining)
    train_corpus, dev_corpus = resolve_dot_names(config, [settings["train_corpus"], settings["dev_corpus"]])
    optimizer = settings["optimizer"]
    steps = train_while_improving(
        nlp,
        optimizer,
        create_train_batches(nlp, train_corpus, settings["batcher"], settings["max_epochs"]),
        create_evaluation_callback(nlp, dev_corpus, settings["score_weights"]),
        dropout=settings["dropout"],
        accumulate_gradient=settings["accumulate_gradient"],
        patience=settings["patience"],
        max_steps=settings["max_steps"],
        eval_frequency=settings["eval_frequency"],
        exclude=settings["frozen_components"],
        annotating_components=settings["annotating_components"],
        before_update=settings["before_update"],
    )
    started = time.monotonic()
    deadline = started + minutes * 60
    best: dict[str, float] = {}
    info: dict = {"step": 0, "epoch": 0}
    output.mkdir(parents=True, exist_ok=True)
    for _, info, is_best in steps:
        if is_best is not None:
            scores = {k: v for k, v in info["other_scores"].items() if isinstance(v, float)}
            log(
                f"step {info['step']:>6}  epoch {info['epoch']:>3}  score {info['score']:.3f}  "
                + "  ".join(f"{k} {scores[k]:.3f}" for k in ("pos_acc", "dep_uas", "dep_las", "ents_f") if k in scores)
            )
            if is_best:
                best = {"score": info["score"], **scores}
                with nlp.use_params(optimizer.averages):
                    _save(nlp, output, info, best)
        if time.monotonic() > deadline:
            log(f"time budget of {minutes:g} minutes reached at step {info['step']}")
            break
    if not best:
        _save(nlp, output, info, best)
    return TrainResult(output, info["step"], info["epoch"], (time.monotonic() - started) / 60, best)


def _save(nlp: spacy.Language, output: Path, info: dict, scores: dict[str, float]) -> None:
    """Write the pipeline to `output` atomically enough: a temporary folder, then a rename."""
    nlp.meta["name"] = "newsgraph_en"
    nlp.meta["version"] = "0.1.0"
    nlp.meta["description"] = "newsgraph's CPU pipeline trained from openly licensed corpora (see NOTICE)"
    nlp.meta["newsgraph_training"] = {"step": info["step"], "epoch": info["epoch"], "dev_scores": scores}
    staging = output.with_name(output.name + ".saving")
    if staging.exists():
        shutil.rmtree(staging)
    nlp.to_disk(staging)
    (staging / "training.json").write_text(json.dumps(nlp.meta["newsgraph_training"], indent=2))
    if output.exists():
        shutil.rmtree(output)
    staging.rename(output)
