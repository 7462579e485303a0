"""The work a runner sends out: chunks of articles, analysed on a worker, with the results coming back as
plain data (the contract's JSON, or the count a worker wrote to a Parquet dataset).

`analyses` and `write_dataset` are the parent's side: they cut a stream of articles into chunks, hand
them to a runner, and put the results back in input order. A chunk whose worker died is sent again one
article at a time, so one article that kills its worker costs only itself.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.events.actors import ActorDictionary
from newsgraph.limits import TIME_LIMIT
from newsgraph.model import Analysis, Article, from_json, to_json
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.pipeline import analyze_many
from newsgraph.scale.parquet import write_chunk
from newsgraph.scale.runners import Runner, TaskFailed

CHUNK_SIZE = 32
"""Articles per task: enough for spaCy's batching and to amortise sending, small enough to keep a few
chunks per worker in flight without holding much."""


@dataclass(frozen=True)
class Settings:
    """What every worker needs to analyse an article as the serial run would."""

    model: str | None = None
    actors: ActorDictionary | None = None
    time_limit: float | None = TIME_LIMIT


@dataclass
class Chunk:
    """Articles sent together; `part` names the chunk's files in a dataset ("000042", "000042-3")."""

    part: str
    articles: list[Article]


@dataclass
class Written:
    """What a worker wrote to the dataset: how many articles, and the ones it could not analyse."""

    articles: int = 0
    errors: list[InputError] = field(default_factory=list)


WARM_UP = Article(
    id="warm-up",
    text=(
        "LIMA, March 3 - Brazil's foreign minister, Ana Costa, met President Luis Ortega of Peru on Monday. "
        '"We will sign the trade agreement in April," Costa told reporters, adding that both governments '
        "had rejected new tariffs.\n\nHundreds of farmers protested in Cusco, police said."
    ),
)
"""A short report of our own that reaches every stage: a dateline, people with titles, places, a
quotation, a reported clause and events."""


def prepare_worker(settings: Settings) -> None:
    """A worker's initializer: the language model and every table the analysis reads, loaded before the
    first chunk.

    The stages read their lexicons, gazetteers and the town table when first asked, which made a fresh
    worker's first chunk about half a second slower than the rest; analysing `WARM_UP` pays that at
    start-up, which a run reports apart from its throughput."""
    load_pipeline(settings.model)
    analyze_many([WARM_UP], model=settings.model, actors=settings.actors, time_limit=None)


def analyze_chunk(chunk: Chunk, settings: Settings) -> list[dict | InputError]:
    """On a worker: the chunk's analyses as contract JSON (plain data for the trip back), errors as is."""
    results = analyze_many(chunk.articles, model=settings.model, actors=settings.actors, time_limit=settings.time_limit)
    return [to_json(result) if isinstance(result, Analysis) else result for result in results]


def analyze_chunk_to_dataset(chunk: Chunk, settings: Settings, directory: str) -> Written:
    """On a worker: analyse the chunk and write it to the Parquet dataset, so results never funnel
    through the parent. The directory must be one every worker can reach (a shared filesystem)."""
    results = analyze_many(chunk.articles, model=settings.model, actors=settings.actors, time_limit=settings.time_limit)
    done = [result for result in results if isinstance(result, Analysis)]
    write_chunk(directory, done, chunk.part)
    return Written(len(done), [result for result in results if isinstance(result, InputError)])


def chunks(articles: Iterable[Article], size: int = CHUNK_SIZE) -> Iterator[Chunk]:
    """The stream cut into numbered chunks, lazily: only one chunk is held here at a time."""
    iterator = iter(articles)
    for number in itertools.count():
        batch = list(itertools.islice(iterator, size))
        if not batch:
            return
        yield Chunk(f"{number:06d}", batch)


def analyses(
    runner: Runner, articles: Iterable[Article], settings: Settings, size: int = CHUNK_SIZE
) -> Iterator[list[tuple[Article, Analysis | InputError]]]:
    """Each chunk's articles with their analyses (or errors), chunk by chunk in input order."""
    task = functools.partial(analyze_chunk, settings=settings)
    for chunk, result in runner.map(task, chunks(articles, size)):
        if not isinstance(result, TaskFailed):
            yield [(a, _analysis(a, r)) for a, r in zip(chunk.articles, result, strict=True)]
            continue
        done: list[tuple[Article, Analysis | InputError]] = []
        for single, retried in _one_by_one(runner, task, chunk):
            article = single.articles[0]
            failed = isinstance(retried, TaskFailed)
            done.append((article, _died(article, retried) if failed else _analysis(article, retried[0])))
        yield done


def write_dataset(
    runner: Runner, articles: Iterable[Article], settings: Settings, directory: str | os.PathLike[str]
) -> Iterator[Written]:
    """Analyse the stream into the Parquet dataset at `directory`, one `Written` per chunk in input order."""
    task = functools.partial(analyze_chunk_to_dataset, settings=settings, directory=str(Path(directory)))
    for chunk, result in runner.map(task, chunks(articles)):
        if not isinstance(result, TaskFailed):
            yield result
            continue
        written = Written()
        for single, retried in _one_by_one(runner, task, chunk):
            if isinstance(retried, TaskFailed):
                written.errors.append(_died(single.articles[0], retried))
            else:
                written.articles += retried.articles
                written.errors.extend(retried.errors)
        yield written


def _one_by_one(runner: Runner, task: Callable, chunk: Chunk) -> Iterator[tuple[Chunk, object]]:
    singles = (Chunk(f"{chunk.part}-{n}", [article]) for n, article in enumerate(chunk.articles))
    yield from runner.map(task, singles)


def _analysis(article: Article, result: dict | InputError) -> Analysis | InputError:
    """The analysis rebuilt from its JSON around the article as read here: the contract leaves out where
    in its file an article was (`Source.record`), which the store keeps."""
    return result if isinstance(result, InputError) else dataclasses.replace(from_json(result), article=article)


def _died(article: Article, failure: TaskFailed) -> InputError:
    reason = f"analysis failed: {failure.reason}; please report it"
    return InputError(article.source.path or "-", reason, article.source.record)
