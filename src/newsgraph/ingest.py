"""The ingest batch: read every input, analyse what is new, store it, and account for everything.

`ingest` is a generator of `IngestEvent`s so that callers (the CLI's progress bar, tests, a future
service) see each outcome as it happens while this module stays free of any presentation. Re-running
the same inputs adds nothing: an article already stored (same id or same normalised text) is not
analysed again, only its source is remembered.

Reading and storing happen here, in one process; analysis goes to a runner (`newsgraph.scale`) in
chunks, and each chunk's results are stored in one transaction. Inputs are read lazily, so memory
stays flat however many articles there are: only the chunks in flight are held.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from newsgraph.articles.identity import content_hash
from newsgraph.articles.reading import ReadOptions, read_file
from newsgraph.errors import InputError
from newsgraph.model import Analysis, Article
from newsgraph.scale.runners import Runner, SerialRunner
from newsgraph.scale.tasks import CHUNK_SIZE, Settings, analyses
from newsgraph.store import Store
from newsgraph.store.database import Outcome

EventKind = Literal["file", "added", "duplicate", "stored", "conflict", "error"]


@dataclass
class IngestEvent:
    """One thing that happened: a file started, an article added or skipped, an input failed."""

    kind: EventKind
    path: str
    article_id: str | None = None
    message: str | None = None
    error: InputError | None = None


@dataclass
class IngestCounts:
    read: int = 0
    added: int = 0
    duplicates: int = 0
    already_stored: int = 0
    errors: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(vars(self))


def ingest(
    inputs: Iterable[str | InputError],
    store: Store,
    run_id: int,
    counts: IngestCounts,
    options: ReadOptions | None = None,
    settings: Settings | None = None,
    runner: Runner | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[IngestEvent]:
    """Ingest files into `store` under the already-started run `run_id`, updating `counts` as it goes.

    `inputs` are files as `expand_paths` lists them (the caller expands once, so it can show progress);
    `settings` the model and actor dictionary to analyse with; `runner` where the analysis runs (serially
    in this process when None).
    """
    batch = _Batch(store, run_id, counts, options or ReadOptions())
    for chunk in analyses(runner or SerialRunner(), batch.new_articles(inputs), settings or Settings(), chunk_size):
        yield from batch.reported()
        yield from batch.record(chunk)
        store.record_progress(run_id, counts.as_dict())
    yield from batch.reported()


def load(
    analyses: Iterable[Analysis],
    store: Store,
    run_id: int,
    counts: IngestCounts,
    problems: list[InputError] | None = None,
    chunk_size: int = 256,
) -> Iterator[IngestEvent]:
    """Store analyses made elsewhere (a Parquet dataset from a cluster run) under run `run_id`, a chunk
    per transaction, with the same outcomes and counts as `ingest`: loading twice adds nothing.

    `problems` is the list the reader appends damaged inputs to; each is recorded as the run's error.
    """
    batch = _Batch(store, run_id, counts, ReadOptions())
    problems = problems if problems is not None else []
    stream = iter(analyses)
    while chunk := list(itertools.islice(stream, chunk_size)):
        counts.read += len(chunk)
        yield from batch.record([(analysis.article, analysis) for analysis in chunk])
        yield from batch.failures(problems)
        store.record_progress(run_id, counts.as_dict())
    yield from batch.failures(problems)


class _Batch:
    """The ingest's bookkeeping: what reading decided, waiting to be reported in order, and the copies
    of an article that is still being analysed, to be recorded once it is stored."""

    def __init__(self, store: Store, run_id: int, counts: IngestCounts, options: ReadOptions) -> None:
        self.store = store
        self.run_id = run_id
        self.counts = counts
        self.options = options
        self.events: deque[IngestEvent] = deque()
        self.in_flight: dict[str, list[Article]] = {}

    def new_articles(self, inputs: Iterable[str | InputError]) -> Iterator[Article]:
        """The articles to analyse: neither stored yet nor a copy of one in flight. Everything else read
        is settled here and queued as an event."""
        for item in inputs:
            if isinstance(item, InputError):
                self.events.append(self._failed(item))
                continue
            self.events.append(IngestEvent("file", item))
            for read in read_file(item, self.options):
                if isinstance(read, InputError):
                    self.events.append(self._failed(read))
                    continue
                self.counts.read += 1
                digest = content_hash(read.text)
                if digest in self.in_flight:
                    self.in_flight[digest].append(read)
                    continue
                known = self.store.add_if_known(read, self.run_id)
                if known is None:
                    self.in_flight[digest] = []
                    yield read
                else:
                    self.events.append(self._outcome(read, *known))

    def failures(self, problems: list[InputError]) -> Iterator[IngestEvent]:
        """Record and report the problems a reader has met since last asked, emptying the list."""
        while problems:
            yield self._failed(problems.pop(0))

    def reported(self) -> Iterator[IngestEvent]:
        while self.events:
            yield self.events.popleft()

    def record(self, chunk: list[tuple[Article, Analysis | InputError]]) -> Iterator[IngestEvent]:
        """Store a chunk's analyses in one transaction, then report each article and its waiting copies."""
        done = [result for _, result in chunk if isinstance(result, Analysis)]
        outcomes = iter(self.store.add_analyses(done, self.run_id))
        for article, result in chunk:
            copies = self.in_flight.pop(content_hash(article.text), [])
            if isinstance(result, InputError):
                yield self._failed(result)
                for copy in copies:
                    reason = f"{result.reason} (same text as {_where(article)}, not analysed again)"
                    yield self._failed(InputError(copy.source.path or "-", reason, copy.source.record))
                continue
            yield self._outcome(article, *next(outcomes))
            for copy in copies:
                known = self.store.add_if_known(copy, self.run_id)
                if known is not None:
                    yield self._outcome(copy, *known)

    def _outcome(self, read: Article, outcome: Outcome, article_id: str) -> IngestEvent:
        where = _where(read)
        if outcome == "conflict":
            return self._failed(
                InputError(
                    read.source.path or "-",
                    f"id {read.id!r} is already stored with a different text; the stored article is kept",
                    read.source.record,
                )
            )
        if outcome == "added":
            self.counts.added += 1
            return IngestEvent("added", where, article_id)
        first = self.store.first_source_in_run(article_id, self.run_id)
        if first is not None and first != where:
            self.counts.duplicates += 1
            return IngestEvent("duplicate", where, article_id, f"same text as {first}")
        self.counts.already_stored += 1
        return IngestEvent("stored", where, article_id, "already stored")

    def _failed(self, error: InputError) -> IngestEvent:
        self.counts.errors += 1
        self.store.record_error(self.run_id, error)
        return IngestEvent("error", error.path, message=str(error), error=error)


def _where(article: Article) -> str:
    source = article.source
    return f"{source.path} ({source.record})" if source.record else str(source.path)
