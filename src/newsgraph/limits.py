"""Bounds on what one article may cost the batch: a size above which it is not analysed, and a time after
which its analysis is abandoned. One pathological input (a 5 MB "article" that is a data dump, text that
sends a rule into a slow corner) is then one named error, not a stuck worker or a run that never ends.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

MAX_TEXT_CHARS = 300_000
"""Longer texts are not analysed: about 50,000 words, ten times the longest news article of the BBC
corpus, and far past what any story needs; spaCy itself refuses texts over 1,000,000 characters."""

TIME_LIMIT = 60.0
"""Seconds an article may take (about a thousand times the usual 50 ms) before it is given up."""


class AnalysisTimeout(Exception):
    """An analysis ran past its time limit."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `AnalysisTimeout` in the block once `seconds` have passed.

    The alarm is a signal, which only a process's main thread receives: it bounds the serial runner and
    the process pool's workers. In other threads (a Dask worker runs tasks in a thread) the block runs
    unbounded; the size limit still applies there.
    """
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def alarm(signum: int, frame: object) -> None:
        raise AnalysisTimeout(f"analysis took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
