"""Loading the language layer: the shipped model (or any spaCy pipeline) with newsgraph's rules on top.

The statistical model comes from `newsgraph train` and ships inside the package (`nlp/model/`), so
nothing is downloaded. `--model NAME_OR_PATH` swaps in any installed spaCy pipeline, e.g. a larger
or transformer model a user has; the rule components are added on top of whichever model is used.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

from newsgraph.errors import NewsgraphError
from newsgraph.nlp.compute import numpy_blas
from newsgraph.nlp.glued_quotes import split_glued_quotes
from newsgraph.nlp.invisible import ignore_invisible_characters
from newsgraph.nlp.rules import add_rule_components

SHIPPED_MODEL = Path(str(resources.files("newsgraph.nlp") / "model"))


class ModelError(NewsgraphError):
    """The requested spaCy pipeline cannot be loaded."""


@functools.cache
def load_pipeline(model: str | None = None, rules: bool = True) -> Language:
    """The spaCy pipeline newsgraph analyses text with, loaded once per process and model.

    `model` is an installed pipeline's name or a folder; None means the shipped model. With `rules`,
    newsgraph's gazetteer and title rules are added on top of the statistical entity recogniser.
    """
    source = model or SHIPPED_MODEL
    if model is None and not (SHIPPED_MODEL / "config.cfg").is_file():
        raise ModelError(f"{SHIPPED_MODEL}: the shipped model is missing; train one with `newsgraph train`")
    try:
        with numpy_blas():
            nlp = spacy.load(source)
    except (OSError, ValueError) as exc:
        raise ModelError(
            f"cannot load the spaCy pipeline {str(source)!r}: {exc}. Give an installed pipeline's name or a "
            "folder written by `nlp.to_disk`, or leave --model out to use the shipped model"
        ) from None
    ignore_invisible_characters(nlp)
    split_glued_quotes(nlp)
    if rules:
        add_rule_components(nlp)
    return nlp
