"""Bounds on what one article may cost the batch: a size above which it is not analysed, and a time after
which its analysis is abandoned. One pathological input (a 5 MB "article" that is a data dump, text that
sends a rule into a slow corner) is then one named error, not a stuck worker or a run that never ends.
"""

from __future__ import annotations

import ctypes
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

    In a process's main thread (the serial runner, the process pool's workers) a `SIGALRM` timer raises
    it, which also cuts a sleep or a wait short. A signal reaches only the main thread, so in any other
    thread (a Dask worker runs its tasks in threads) a watchdog timer asks the interpreter to raise it in
    the block's thread instead: that takes effect at the next Python instruction, so it stops a slow
    rule or a loop, though not one long call into compiled code until that call returns.
    """
    if not seconds:
        yield
    elif threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _watchdog(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def alarm(signum: int, frame: object) -> None:
        raise AnalysisTimeout(f"analysis took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _Timeout(AnalysisTimeout):
    """What the watchdog raises: an exception class without arguments, as the interpreter requires."""

    def __init__(self) -> None:
        super().__init__("analysis ran past its time limit")


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    guard = threading.Lock()
    state = {"done": False}

    def expire() -> None:
        with guard:
            if not state["done"]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(_Timeout))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    except _Timeout:
        raise AnalysisTimeout(f"analysis took longer than {seconds:g} s") from None
    finally:
        with guard:
            state["done"] = True
        timer.cancel()
