"""Scoring the language layer on the held-out test splits built from ../shared/corpora.

NER is scored as exact token spans per type (PER, ORG, LOC; a plugged-in model's PERSON, GPE and FAC
are mapped onto those), micro-averaged over the three types. Tokens a corpus leaves unannotated
(Twitter @mentions, treebank sentences without entity labels) are not scored. Tagging and parsing
use spaCy's scorer (UPOS accuracy, UAS, LAS, lemma accuracy) over the gold tokenisation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example

TYPES = ("PER", "ORG", "LOC")
LABEL_MAP = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_entities(pairs: Iterable[tuple[Doc, Doc]]) -> dict[str, PRF]:
    """Per-type and overall ("ALL") span scores for (predicted, reference) docs on the same tokens."""
    scores = {label: PRF() for label in (*TYPES, "ALL")}
    for predicted, reference in pairs:
        missing = {token.i for token in reference if token.ent_iob == 0}
        if len(missing) == len(reference):
            continue
        gold = Counter((e.start, e.end, LABEL_MAP[e.label_]) for e in reference.ents if e.label_ in LABEL_MAP)
        guess = Counter(
            (e.start, e.end, LABEL_MAP[e.label_])
            for e in predicted.ents
            if e.label_ in LABEL_MAP and not missing.intersection(range(e.start, e.end))
        )
        for label in TYPES:
            g = Counter({k: v for k, v in gold.items() if k[2] == label})
            p = Counter({k: v for k, v in guess.items() if k[2] == label})
            tp = sum((g & p).values())
            for key in (label, "ALL"):
                scores[key].tp += tp
                scores[key].fp += sum(p.values()) - tp
                scores[key].fn += sum(g.values()) - tp
    return scores


def predict(nlp: Language, references: list[Doc], batch_size: int = 64) -> list[Doc]:
    """Run `nlp` over the reference tokenisation (so spans compare token for token)."""
    inputs = [
        Doc(nlp.vocab, words=[t.text for t in ref], spaces=[bool(t.whitespace_) for t in ref]) for ref in references
    ]
    return list(nlp.pipe(inputs, batch_size=batch_size))


def score_syntax(nlp: Language, references: list[Doc]) -> dict[str, float]:
    """UPOS, lemma, UAS and LAS of `nlp` on treebank docs, via spaCy's scorer."""
    # The scorer reads labels through the pipeline's vocab, so the references must live in it too.
    treebank = [Doc(nlp.vocab).from_bytes(ref.to_bytes()) for ref in references if ref.has_annotation("DEP")]
    examples = [
        Example(predicted, reference) for predicted, reference in zip(predict(nlp, treebank), treebank, strict=True)
    ]
    scores = Scorer(nlp).score(examples)
    return {key: float(scores.get(key) or 0.0) for key in ("pos_acc", "lemma_acc", "dep_uas", "dep_las")}
