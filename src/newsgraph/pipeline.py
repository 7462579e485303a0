"""The per-article pipeline: one article in, one Analysis out, as a pure function of the input.

This is the function the CLI, the store, the evaluation harnesses and the scale-out runners all call.
The language layer (spaCy, `nlp/`), the entity resolver (`entities/`), the quote stage (`quotes/`) and
the event coder (`events/`) run here.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from spacy.tokens import Doc

from newsgraph import limits
from newsgraph.articles.dateline import find_dateline
from newsgraph.articles.identity import content_hash
from newsgraph.articles.reading import ReadOptions, read_items
from newsgraph.entities import find_entities
from newsgraph.errors import InputError
from newsgraph.events import find_events
from newsgraph.events.actors import ActorDictionary
from newsgraph.limits import MAX_TEXT_CHARS, TIME_LIMIT
from newsgraph.model import Analysis, Article
from newsgraph.nlp.paragraphs import parse, parse_many
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.quotes import find_quotes


def read(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    options: ReadOptions | None = None,
    errors: list[InputError] | None = None,
) -> Iterator[Article]:
    """Clean articles from files, folders, globs or `-` (standard input).

    A bad input raises its `InputError`, unless an `errors` list is given: then problems are appended to
    it and reading goes on, which is what a batch wants.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for item in read_items(paths, options):
        if isinstance(item, Article):
            yield item
        elif errors is None:
            raise item
        else:
            errors.append(item)


def analyze(
    text_or_article: str | Article, *, model: str | None = None, actors: ActorDictionary | None = None
) -> Analysis:
    """The Analysis of one article. A plain string is analysed exactly as given (offsets index into it).

    `model` names an installed spaCy pipeline or a folder to use instead of the shipped model; `actors` is
    a user actor dictionary (`newsgraph.events.actors.load_actors`) the event coder consults first.
    """
    if isinstance(text_or_article, str):
        if not text_or_article.strip():
            raise ValueError("cannot analyze an empty text")
        article = Article(id=content_hash(text_or_article), text=text_or_article)
    else:
        article = text_or_article
    return _analysis(article, parse(load_pipeline(model), _blank_dateline(article.text)), actors)


def analyze_many(
    articles: Sequence[Article],
    *,
    model: str | None = None,
    actors: ActorDictionary | None = None,
    times: dict[str, float] | None = None,
    time_limit: float | None = TIME_LIMIT,
    max_chars: int = MAX_TEXT_CHARS,
) -> list[Analysis | InputError]:
    """The analyses of a batch of articles, in order, with a failure on one article as its InputError.

    The language layer runs over the whole batch with `nlp.pipe`, which is a fifth faster than one call
    per article; this is what the batch commands and the scale-out runners call, one chunk at a time.
    A text over `max_chars` is not analysed; the batch gets `time_limit` seconds per article, and if it
    runs over, each article is analysed again alone within `time_limit`, so only the slow one is lost
    (see `limits.py`). With `times`, the seconds spent in each stage (language, entities, quotes, events)
    are added to it: `newsgraph bench` times exactly this path.
    """
    results: list[Analysis | InputError | None] = [_too_long(a, max_chars) for a in articles]
    todo = [article for article, result in zip(articles, results, strict=True) if result is None]
    try:
        with limits.time_limit(time_limit * len(todo) if time_limit else None):
            done = _batch(todo, model, actors, times)
    except limits.AnalysisTimeout:
        done = [_alone(article, model, actors, time_limit) for article in todo]
    finished = iter(done)
    return [result if result is not None else next(finished) for result in results]


def _batch(
    articles: list[Article], model: str | None, actors: ActorDictionary | None, times: dict[str, float] | None
) -> list[Analysis | InputError]:
    nlp = load_pipeline(model)
    started = time.perf_counter()
    try:
        docs = list(parse_many(nlp, (_blank_dateline(article.text) for article in articles)))
    except limits.AnalysisTimeout:
        raise
    except Exception:  # one text the language layer cannot take: find it, keep the others
        return [analyze_or_error(article, model, actors) for article in articles]
    if times is not None:
        times["language"] = times.get("language", 0.0) + time.perf_counter() - started
    results: list[Analysis | InputError] = []
    for article, doc in zip(articles, docs, strict=True):
        try:
            results.append(_analysis(article, doc, actors, times))
        except limits.AnalysisTimeout:
            raise
        except Exception as exc:  # one article the stages cannot handle must not end a batch
            results.append(_failure(article, exc))
    return results


def _alone(
    article: Article, model: str | None, actors: ActorDictionary | None, seconds: float | None
) -> Analysis | InputError:
    try:
        with limits.time_limit(seconds):
            return analyze_or_error(article, model, actors)
    except limits.AnalysisTimeout as exc:
        return InputError(article.source.path or "-", f"{exc}; skipped", article.source.record)


def _too_long(article: Article, max_chars: int) -> InputError | None:
    if len(article.text) <= max_chars:
        return None
    reason = f"text is {len(article.text):,} characters, over the {max_chars:,} an article may have; not analysed"
    return InputError(article.source.path or "-", reason, article.source.record)


def _analysis(
    article: Article, doc: Doc, actors: ActorDictionary | None, times: dict[str, float] | None = None
) -> Analysis:
    published = _as_date(article.published)
    clock = [time.perf_counter()]
    entities = find_entities(doc, published, article.dateline.country if article.dateline else None)
    clock.append(time.perf_counter())
    quotes = find_quotes(doc, entities)
    clock.append(time.perf_counter())
    events = find_events(doc, entities, published, actors, quotes)
    clock.append(time.perf_counter())
    if times is not None:
        for stage, start, end in zip(("entities", "quotes", "events"), clock, clock[1:], strict=False):
            times[stage] = times.get(stage, 0.0) + end - start
    return Analysis(article=article, entities=entities.entities, quotes=quotes, events=events)


def _blank_dateline(text: str) -> str:
    """The text with a leading dateline ("LIMA (Newswire) —") turned into spaces and a full stop.

    Records keep their text exactly as given, dateline included; parsed as prose, the place and agency
    become the subject of the first sentence ("LIMA ... held talks"). Blanking keeps every offset; the
    full stop ends the blank as a sentence of its own, since a bare run of spaces is itself parsed as a
    subject, with the real one hanging off it.
    """
    _, rest = find_dateline(text)
    prefix = len(text) - len(rest)
    return " " * (prefix - 2) + ". " + rest if prefix >= 2 else text


def _as_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def analyze_or_error(
    article: Article, model: str | None = None, actors: ActorDictionary | None = None
) -> Analysis | InputError:
    """`analyze`, with a failure on this one article turned into an InputError naming it, for batches."""
    try:
        return analyze(article, model=model, actors=actors)
    except limits.AnalysisTimeout:
        raise
    except Exception as exc:  # one article the analysis cannot handle must not end a batch
        return _failure(article, exc)


def _failure(article: Article, exc: Exception) -> InputError:
    reason = f"analysis failed ({type(exc).__name__}: {exc}); please report it"
    return InputError(article.source.path or "-", reason, article.source.record)
