"""The ingest batch: read every input, analyse what is new, store it, and account for everything.

`ingest` is a generator of `IngestEvent`s so that callers (the CLI's progress bar, tests, a future
service) see each outcome as it happens while this module stays free of any presentation. Re-running
the same inputs adds nothing: an article already stored (same id or same normalised text) is not
analysed again, only its source is remembered.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from newsgraph.articles.identity import content_hash
from newsgraph.articles.reading import ReadOptions, read_file
from newsgraph.errors import InputError
from newsgraph.events.actors import ActorDictionary
from newsgraph.pipeline import analyze_or_error
from newsgraph.store import Store

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
    model: str | None = None,
    actors: ActorDictionary | None = None,
) -> Iterator[IngestEvent]:
    """Ingest files into `store` under the already-started run `run_id`, updating `counts` as it goes.

    `inputs` are files as `expand_paths` lists them (the caller expands once, so it can show progress);
    `model` is the spaCy pipeline to analyse with (None: the shipped one); `actors` a user actor dictionary.
    """
    options = options or ReadOptions()
    first_source: dict[str, str] = {}
    for item in inputs:
        if isinstance(item, InputError):
            yield _failed(store, run_id, counts, item)
            continue
        yield IngestEvent("file", item)
        for read in read_file(item, options):
            if isinstance(read, InputError):
                yield _failed(store, run_id, counts, read)
                continue
            counts.read += 1
            digest = content_hash(read.text)
            where = f"{read.source.path} ({read.source.record})" if read.source.record else str(read.source.path)
            known = store.add_if_known(read, run_id)
            if known is None:
                analysis = analyze_or_error(read, model, actors)
                if isinstance(analysis, InputError):
                    yield _failed(store, run_id, counts, analysis)
                    continue
                known = store.add_analysis(analysis, run_id)
            outcome, article_id = known
            if outcome == "conflict":
                yield _failed(
                    store,
                    run_id,
                    counts,
                    InputError(
                        read.source.path or "-",
                        f"id {read.id!r} is already stored with a different text; the stored article is kept",
                        read.source.record,
                    ),
                )
            elif outcome == "added":
                counts.added += 1
                first_source.setdefault(digest, where)
                yield IngestEvent("added", where, article_id)
            elif digest in first_source:
                counts.duplicates += 1
                yield IngestEvent("duplicate", where, article_id, f"same text as {first_source[digest]}")
            else:
                counts.already_stored += 1
                first_source[digest] = where
                yield IngestEvent("stored", where, article_id, "already stored")


def _failed(store: Store, run_id: int, counts: IngestCounts, error: InputError) -> IngestEvent:
    counts.errors += 1
    store.record_error(run_id, error)
    return IngestEvent("error", error.path, message=str(error), error=error)
