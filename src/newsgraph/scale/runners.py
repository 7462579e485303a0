"""Runners: one task applied to a stream of work items, serially, on a local process pool, or on Dask.

All three have one method, `map(task, items)`, which yields `(item, result)` in the order the items came,
whatever order the workers finish in, so output is identical whichever runner is used. At most a few
items per worker are in flight at once: a stream of any length runs in bounded memory. A task that dies
with its worker (killed, out of memory, a crash in native code) yields a `TaskFailed` in place of its
result; the run goes on.

Tasks must be top-level functions and items plain data, since both cross to other processes by pickle.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from newsgraph.errors import NewsgraphError

Item = TypeVar("Item")
Result = TypeVar("Result")


class RunnerError(NewsgraphError):
    """A runner cannot start: no Dask scheduler at the address given, or Dask is not installed."""


@dataclass(frozen=True)
class TaskFailed:
    """A task that raised or whose worker died; `reason` says which, for the error the caller records."""

    reason: str


class Runner(Protocol):
    """What `ingest` and `analyze` need of a runner."""

    workers: int

    def map(self, task: Callable[[Item], Result], items: Iterable[Item]) -> Iterator[tuple[Item, Result | TaskFailed]]:
        """`task(item)` for every item, yielded in the items' order."""
        ...

    def start(self) -> None:
        """Start every worker and run the initializer there now, rather than on the first task."""
        ...

    def close(self) -> None: ...


class SerialRunner:
    """Every task in this process, one after another (`--workers 1`)."""

    workers = 1

    def __init__(self, initializer: Callable[..., None] | None = None, initargs: tuple = ()) -> None:
        self._initializer = initializer
        self._initargs = initargs

    def start(self) -> None:
        if self._initializer is not None:
            self._initializer(*self._initargs)

    def map(self, task: Callable[[Item], Result], items: Iterable[Item]) -> Iterator[tuple[Item, Result | TaskFailed]]:
        for item in items:
            yield item, task(item)

    def close(self) -> None:
        pass

    def __enter__(self) -> SerialRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ProcessRunner:
    """A local pool of `workers` processes (`--workers N`).

    Workers are forked where the platform allows, so a language model the parent has loaded is shared
    copy-on-write rather than loaded again; `initializer` runs once in each worker (to load it where it is
    not shared). A worker that dies breaks the whole pool in `concurrent.futures`: the pool is then
    started again, the task that was running is reported failed and the others are sent again.
    """

    def __init__(self, workers: int, initializer: Callable[..., None] | None = None, initargs: tuple = ()) -> None:
        if workers < 1:
            raise ValueError("a process pool needs at least one worker")
        self.workers = workers
        self._initializer = initializer
        self._initargs = initargs
        methods = multiprocessing.get_all_start_methods()
        self._context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self._pool: ProcessPoolExecutor | None = None

    def map(self, task: Callable[[Item], Result], items: Iterable[Item]) -> Iterator[tuple[Item, Result | TaskFailed]]:
        pending: deque[tuple[Item, Future[Result]]] = deque()
        for item in items:
            pending.append((item, self._submit(task, item)))
            while len(pending) >= 2 * self.workers:
                yield self._next(task, pending)
        while pending:
            yield self._next(task, pending)

    def start(self) -> None:
        for future in [self._submit(_nothing, None) for _ in range(self.workers)]:
            future.result()

    def _submit(self, task: Callable[[Item], Result], item: Item) -> Future[Result]:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=self._context,
                initializer=_start_worker,
                initargs=(os.getpid(), self._initializer, self._initargs),
            )
        return self._pool.submit(task, item)

    def _next(
        self, task: Callable[[Item], Result], pending: deque[tuple[Item, Future[Result]]]
    ) -> tuple[Item, Result | TaskFailed]:
        item, future = pending.popleft()
        try:
            return item, future.result()
        except BrokenProcessPool:
            return item, self._retry(task, item, pending)
        except Exception as exc:  # the task itself raised: report it as this item's failure
            return item, TaskFailed(f"{type(exc).__name__}: {exc}")

    def _retry(
        self, task: Callable[[Item], Result], item: Item, pending: deque[tuple[Item, Future[Result]]]
    ) -> Result | TaskFailed:
        """A worker died, which fails every task in flight. Run `item` again alone in a fresh pool, so a
        task that only shared the pool with the culprit is not blamed, then send the others again."""
        waiting = [other for other, _ in pending]
        pending.clear()
        self._discard_pool()
        try:
            result: Result | TaskFailed = self._submit(task, item).result()
        except BrokenProcessPool:
            self._discard_pool()
            result = TaskFailed("its worker process died (killed, out of memory or crashed)")
        except Exception as exc:  # the task itself raised this time
            result = TaskFailed(f"{type(exc).__name__}: {exc}")
        pending.extend((other, self._submit(task, other)) for other in waiting)
        return result

    def _discard_pool(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> ProcessRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_LOCAL_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}
"""Dask settings for the local clusters newsgraph starts. Analysis is CPU-bound Python: none of the
worker's own sampling (a stack profiler every 10 ms, an event-loop tick every 20 ms) should take the
GIL. And glibc keeps its own memory thresholds: Dask sets `MALLOC_TRIM_THRESHOLD_` in its workers, which
also fixes the size above which every allocation is a fresh mapping, so each of the model's large
temporary arrays faulted its pages in again, and a worker parsed an article about a fifth slower than
the same process without it (32.6 against 26.7 ms over 100 BBC articles). A value the user exported
still wins."""


class DaskRunner:
    """Tasks on a Dask distributed cluster: an existing one at `address` (`--dask tcp://host:8786`), or a
    local cluster of `local_workers` single-threaded worker processes started here (`--dask-local N`).

    Dask moves the tasks and results, retries a task whose worker died on another worker, and reports a
    task as failed after its own retry limit. `initializer` runs once in each worker when the runner
    starts (newsgraph's loads the model and the tables the analysis reads). Everything a task needs must
    be importable on the workers: install newsgraph there too.
    """

    def __init__(
        self,
        address: str | None = None,
        local_workers: int | None = None,
        initializer: Callable[..., None] | None = None,
        initargs: tuple = (),
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise RunnerError("Dask is not installed: pip install 'dask[distributed]'") from None
        self._cluster: Any = None
        if address:
            try:
                self._client = Client(address, timeout="20s")
            except (OSError, TimeoutError) as exc:
                raise RunnerError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        else:
            import dask

            # Analysis is CPU-bound Python: one single-threaded process per core.
            with dask.config.set(_LOCAL_WORKERS):
                self._cluster = LocalCluster(
                    n_workers=local_workers or os.cpu_count() or 1,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
            self._client = Client(self._cluster)
        self.workers = max(1, len(self._client.scheduler_info().get("workers", {})))
        self._initializer = initializer
        self._initargs = initargs

    def start(self) -> None:
        if self._initializer is not None:
            self._client.run(self._initializer, *self._initargs)

    def map(self, task: Callable[[Item], Result], items: Iterable[Item]) -> Iterator[tuple[Item, Result | TaskFailed]]:
        pending: deque[tuple[Item, Any]] = deque()
        for item in items:
            pending.append((item, self._client.submit(task, item, pure=False)))
            while len(pending) >= 2 * self.workers:
                yield _dask_result(*pending.popleft())
        while pending:
            yield _dask_result(*pending.popleft())

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> DaskRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _dask_result(item: Item, future: Any) -> tuple[Item, Any]:
    try:
        return item, future.result()
    except Exception as exc:  # KilledWorker after Dask's retries, or the task itself raised
        return item, TaskFailed(f"{type(exc).__name__}: {exc}")
    finally:
        future.release()


def _start_worker(parent: int, initializer: Callable[..., None] | None, initargs: tuple) -> None:
    """A pool worker's first steps: watch for its parent's death, then run the caller's initializer.

    A pool's workers wait on a pipe the parent writes; a parent killed outright (SIGKILL, the OOM killer)
    never closes it, and forked workers would wait forever. The watch ends the worker within a second.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="newsgraph-parent-watch", daemon=True).start()
    if initializer is not None:
        initializer(*initargs)


def _nothing(_: object) -> None:
    """A task that only makes sure its worker has started."""


def make_runner(
    workers: int | None = None,
    dask: str | None = None,
    dask_local: int | None = None,
    initializer: Callable[..., None] | None = None,
    initargs: tuple = (),
) -> SerialRunner | ProcessRunner | DaskRunner:
    """The runner the command-line flags ask for: Dask when given, else a pool of `workers` processes
    (one per core when None), else serial for one worker."""
    if dask or dask_local:
        return DaskRunner(dask, dask_local, initializer, initargs)
    count = workers if workers is not None else os.cpu_count() or 1
    return ProcessRunner(count, initializer, initargs) if count > 1 else SerialRunner(initializer, initargs)
