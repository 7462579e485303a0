"""`newsgraph bench`: what each stage costs on one core, how the whole pipeline scales with workers, how
much memory a worker holds, and how fast the dashboard's story page is on a large store.

Every figure times the product's own code path: the stages are timed inside `analyze_many` as the
runners call it, and the whole pipeline is `ingest` itself, from the input file to the store, on each
runner in turn. Run it on an otherwise idle machine; the figures go to docs/performance.md.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import multiprocessing
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TypeVar

import psutil

from newsgraph.articles.reading import expand_paths
from newsgraph.ingest import IngestCounts, ingest
from newsgraph.model import Analysis, Article
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.pipeline import analyze_many, read
from newsgraph.scale.runners import DaskRunner, ProcessRunner, Runner, SerialRunner
from newsgraph.scale.tasks import CHUNK_SIZE, Settings, chunks, prepare_worker
from newsgraph.store import Store
from newsgraph.stories import update_stories

Timed = TypeVar("Timed")


@dataclass
class Rate:
    """Seconds a stage took over a number of articles and words."""

    stage: str
    seconds: float
    articles: int
    words: int
    note: str = ""

    def line(self) -> str:
        return (
            f"{self.stage:<22} {self.articles / self.seconds:9,.1f} articles/s {self.words / self.seconds:10,.0f}"
            f" words/s  ({self.seconds:.1f} s){'  ' + self.note if self.note else ''}"
        )


@dataclass
class PipelineRun:
    """One whole-pipeline run (`ingest` into a scratch store) on one runner, with its memory peaks."""

    runner: str
    workers: int
    rate: Rate
    startup: float
    parent_rss: int = 0
    worker_rss: list[int] = field(default_factory=list)

    def line(self, serial_seconds: float) -> str:
        memory = f"parent {_mib(self.parent_rss)}"
        if self.worker_rss:
            memory += f", peak RSS per worker {_mib(max(self.worker_rss))}"
        return (
            f"{self.rate.line()}  x{serial_seconds / self.rate.seconds:.2f}  (+{self.startup:.1f} s to start)  {memory}"
        )


def sample_articles(corpus: Path, limit: int) -> tuple[list[Article], float]:
    """The first `limit` articles of the corpus, and the seconds reading them took."""
    started = time.perf_counter()
    articles = list(itertools.islice(read(corpus, errors=[]), limit))
    return articles, time.perf_counter() - started


def count_words(articles: list[Article], model: str | None = None) -> int:
    """Words as the language layer sees them: tokens that are neither punctuation nor space."""
    tokenizer = load_pipeline(model).tokenizer
    return sum(
        sum(1 for token in doc if not (token.is_punct or token.is_space))
        for doc in tokenizer.pipe(article.text for article in articles)
    )


def stage_times(articles: list[Article], model: str | None = None) -> tuple[dict[str, float], list[Analysis]]:
    """Seconds per analysis stage on one core, chunk by chunk as a runner's worker runs them."""
    load_pipeline(model)("Warm the pipeline up before timing it.")
    times: dict[str, float] = {}
    done: list[Analysis] = []
    for chunk in chunks(articles):
        done.extend(r for r in analyze_many(chunk.articles, model=model, times=times) if isinstance(r, Analysis))
    return times, done


def store_and_story_times(analyses: list[Analysis]) -> tuple[float, float]:
    """Seconds to store the analyses in a scratch database a chunk per transaction, as `ingest` does,
    and to build their stories from nothing."""
    with tempfile.TemporaryDirectory() as scratch, Store(Path(scratch) / "bench.db") as store:
        started = time.perf_counter()
        for number in range(0, len(analyses), CHUNK_SIZE):
            store.add_analyses(analyses[number : number + CHUNK_SIZE])
        stored = time.perf_counter()
        update_stories(store)
        return stored - started, time.perf_counter() - stored


def pipeline_run(
    label: str, make: Callable[[], Runner], inputs: Path, articles: int, model: str | None = None
) -> PipelineRun:
    """`ingest` of `inputs` into a scratch store on the runner `make` builds, timed from the first read
    to the last commit, with the memory of this process and its workers sampled throughout. Starting the
    workers and preparing each (the model and the analysis's tables, `prepare_worker`) is timed apart: it
    is paid once per run, not per article."""
    settings = Settings(model)
    with tempfile.TemporaryDirectory() as scratch, Store(Path(scratch) / "run.db") as store, _memory() as peaks:
        run_id = store.start_run("bench", [str(inputs)])
        counts = IngestCounts()
        started = time.perf_counter()
        with make() as runner:
            runner.start()
            ready = time.perf_counter()
            workers = runner.workers
            for _ in ingest(list(expand_paths([inputs])), store, run_id, counts, settings=settings, runner=runner):
                pass
            seconds = time.perf_counter() - ready
    if counts.read != articles or counts.errors:
        raise RuntimeError(f"{label}: read {counts.read} articles with {counts.errors} errors, expected {articles}")
    parent = peaks.pop(os.getpid(), 0)
    rate = Rate(label, seconds, articles, 0)
    return PipelineRun(label, workers, rate, ready - started, parent, sorted(peaks.values()))


def pipeline_runs(
    runs: dict[str, Callable[[], Runner]],
    inputs: Path,
    articles: list[Article],
    model: str | None = None,
    rounds: int = 1,
) -> tuple[list[list[PipelineRun]], int]:
    """Every runner's `pipeline_run`, `rounds` times over, and the corpus's words: one list per round,
    in the order of `runs` (serial first).

    A speed-up is only fair against the serial run of the same round: a shared machine's speed drifts
    by a tenth and more over minutes, so one round against another compares the machine, not the
    runners. Each run is made in a process of its own (`_apart`), and the words are counted after all
    rounds, because whatever analyses the articles in this process warms the tokenizer's and the
    stages' caches with the very articles to analyse, and a process pool forks its workers from here: a
    warm worker spent about 5 % less CPU an article than a cold one, which flattered the pool against
    serial and against Dask's freshly started workers."""
    timed = [
        [_apart(pipeline_run, label, make, inputs, len(articles), model) for label, make in runs.items()]
        for _ in range(rounds)
    ]
    words = count_words(articles, model)
    return [
        [dataclasses.replace(run, rate=dataclasses.replace(run.rate, words=words)) for run in one] for one in timed
    ], words


def speedups(rounds: list[list[PipelineRun]]) -> dict[str, list[float]]:
    """Each parallel runner's speed-up over the serial run of the same round (serial is each round's
    first run), round by round."""
    found: dict[str, list[float]] = {}
    for serial, *others in rounds:
        for run in others:
            found.setdefault(run.runner, []).append(serial.rate.seconds / run.rate.seconds)
    return found


def runners(workers: int, model: str | None = None) -> dict[str, Callable[[], Runner]]:
    """The runners compared: serial, the local process pool and a local Dask cluster of `workers`."""
    settings = Settings(model)
    return {
        "serial (1 core)": lambda: SerialRunner(prepare_worker, (settings,)),
        f"process pool ({workers})": lambda: ProcessRunner(workers, prepare_worker, (settings,)),
        f"dask local ({workers})": lambda: DaskRunner(None, workers, prepare_worker, (settings,)),
    }


def as_records(articles: list[Article], folder: Path) -> Path:
    """The articles as one JSON Lines file for `ingest` to read, whatever format the corpus came in:
    records keep their text exactly, so every runner analyses what the stages were timed on."""
    path = folder / "bench.jsonl"
    with path.open("w", encoding="utf-8") as target:
        for article in articles:
            record = {"id": article.id, "title": article.title, "text": article.text, "published": article.published}
            record |= {"url": article.source.url, "outlet": article.source.outlet}
            target.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def story_page_times(events: int) -> tuple[float, float, int, int]:
    """The dashboard's story page (briefing built and rendered) on the largest story of a synthetic store
    of about `events` events: the first time, the median of five more, the events and the story's size."""
    from newsgraph.report import build_briefing, to_html
    from newsgraph.synthetic import build_store

    per_article = 20
    stories = max(1, events // (100 * per_article))
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "synthetic.db"
        stored = build_store(path, stories=stories, articles_per_story=100, events_per_article=per_article)
        with Store(path, readonly=True) as store:
            story, articles = store.conn.execute("SELECT id, articles FROM stories ORDER BY articles DESC").fetchone()
            times = []
            for _ in range(6):
                started = time.perf_counter()
                briefing = build_briefing(store, story)
                if briefing is None:
                    raise RuntimeError(f"story {story} of the synthetic store has no briefing")
                to_html(briefing, article_links=True)
                times.append(time.perf_counter() - started)
    return times[0], statistics.median(times[1:]), stored, articles


def _apart(function: Callable[..., Timed], *args: object) -> Timed:
    """`function(*args)` in a child process forked from this one, so that what it loads and warms dies
    with it. Where the platform cannot fork, it runs here."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return function(*args)
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_send_result, args=(sending, function, args))
    child.start()
    sending.close()
    try:
        outcome = receiving.recv()
    except EOFError:  # it died before sending anything
        outcome = None
    child.join()
    if outcome is None:
        raise RuntimeError(f"the bench's child process died (exit code {child.exitcode})")
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome


def _send_result(sending: Connection, function: Callable[..., object], args: tuple) -> None:
    try:
        sending.send(function(*args))
    except Exception as exc:  # handed to the parent, which raises it
        sending.send(RuntimeError(f"{type(exc).__name__}: {exc}"))
    finally:
        sending.close()


@contextmanager
def _memory(interval: float = 0.1) -> Iterator[dict[int, int]]:
    """Peak resident memory of this process and of each process started under it since, sampled every
    `interval` s. A process an earlier run left behind (multiprocessing's resource tracker) is no worker
    of this one."""
    peaks: dict[int, int] = {}
    stop = threading.Event()
    me = psutil.Process()
    earlier = {process.pid for process in me.children(recursive=True)}

    def sample() -> None:
        while not stop.is_set():
            for process in [me, *me.children(recursive=True)]:
                if process.pid in earlier:
                    continue
                try:
                    rss = process.memory_info().rss
                except psutil.Error:  # it ended between listing and reading
                    continue
                peaks[process.pid] = max(peaks.get(process.pid, 0), rss)
            stop.wait(interval)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield peaks
    finally:
        stop.set()
        thread.join()


def _mib(size: int) -> str:
    return f"{size / 2**20:,.0f} MiB"
