"""One writing command per store at a time, and a second one that says why it waits.

SQLite already serialises single transactions, but two batches writing one store at once would
interleave their chunks, both analyse the same new articles, and a long transaction of one (the story
layer's) could outlast the other's busy timeout and end it with "database is locked". So each command that
writes a store (`ingest`, `load`, `stories --update`, `demo`) first takes an exclusive lock on a file
beside it, `NAME.db-lock`. A second writer finds it taken, prints who holds it, and waits its turn;
readers (the dashboard, `newsgraph quotes` and the other listing commands) never take it and are never
held up.

The lock is an advisory POSIX record lock (`lockf`), which the kernel drops when its holder exits in any
way (SIGKILL included), so a killed batch never leaves a store locked; unlike `flock`, it is not
inherited by the worker processes a batch forks, so they cannot keep it alive after their parent dies.
On systems without `fcntl` the lock is skipped and SQLite's own busy timeout is the only guard.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from newsgraph.errors import StoreError

try:
    import fcntl
except ImportError:  # Windows has no fcntl
    fcntl = None  # type: ignore[assignment]


def lock_path(db: str | os.PathLike[str]) -> Path:
    """The lock file of the store at `db`, named like SQLite's own -wal and -shm files."""
    return Path(f"{os.fspath(db)}-lock")


@contextmanager
def writing(db: str | os.PathLike[str], command: str, on_wait: Callable[[str], None]) -> Iterator[None]:
    """Hold the store's writer lock for the block; if another command holds it, call `on_wait` with a
    one-line reason, then block until it is released."""
    if fcntl is None:
        yield
        return
    path = lock_path(db)
    try:
        handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 (closed by the with below)
    except OSError as exc:
        raise StoreError(f"{os.fspath(db)}: cannot create its lock file {path} ({exc.strerror or exc})") from None
    with handle:
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EAGAIN):
                raise
            on_wait(f"waiting: {os.fspath(db)} is being written by {_holder(handle)}; this run starts when it ends")
            fcntl.lockf(handle, fcntl.LOCK_EX)
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(json.dumps({"command": command, "pid": os.getpid(), "since": _now()}))
            handle.flush()
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            handle.flush()
            fcntl.lockf(handle, fcntl.LOCK_UN)


def _holder(handle: TextIO) -> str:
    """Who holds the lock, from what the holder wrote into the file (it may be mid-write: then vaguer)."""
    try:
        handle.seek(0)
        info = json.loads(handle.read())
        return f"`newsgraph {info['command']}` (pid {info['pid']}, since {info['since']})"
    except (ValueError, KeyError, TypeError):
        return "another newsgraph command"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
