"""`newsgraph bench`'s own bookkeeping (its figures are measurements, not tests: docs/performance.md)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import pytest

from newsgraph.scale import bench

SLEEPER = [sys.executable, "-c", "import time; time.sleep(30)"]


def test_worker_memory_is_sampled_only_for_processes_started_during_the_run() -> None:
    """A process an earlier run left behind (multiprocessing's resource tracker) is no worker of this one."""
    left_behind = subprocess.Popen(SLEEPER)
    try:
        with bench._memory(interval=0.02) as peaks:
            worker = subprocess.Popen(SLEEPER)
            time.sleep(0.5)
            worker.kill()
            worker.wait()
    finally:
        left_behind.kill()
        left_behind.wait()
    assert worker.pid in peaks and os.getpid() in peaks
    assert left_behind.pid not in peaks


def _run(runner: str, seconds: float) -> bench.PipelineRun:
    return bench.PipelineRun(runner, 1, bench.Rate(runner, seconds, 100, 0), startup=0.0)


def test_each_speed_up_is_against_the_serial_run_of_its_own_round() -> None:
    """A machine that slowed down between rounds slows serial and parallel alike; comparing across
    rounds would credit the runner with the machine's drift."""
    rounds = [
        [_run("serial", 30.0), _run("pool", 16.0), _run("dask", 15.0)],
        [_run("serial", 36.0), _run("pool", 20.0), _run("dask", 18.0)],
    ]
    assert bench.speedups(rounds) == {"pool": [30.0 / 16.0, 36.0 / 20.0], "dask": [2.0, 2.0]}


_LOADED: list[str] = []


def _load_and_count(name: str) -> int:
    _LOADED.append(name)
    return len(_LOADED)


def test_a_run_apart_leaves_nothing_behind_in_this_process() -> None:
    """What a timed run loads and warms must not reach the next run's workers, which fork from here."""
    assert bench._apart(_load_and_count, "model") == 1
    assert bench._apart(_load_and_count, "model") == 1
    assert _LOADED == []


def _fail(path: str) -> None:
    raise FileNotFoundError(f"{path}: no such corpus")


def test_a_run_apart_that_fails_raises_here_with_its_reason() -> None:
    with pytest.raises(RuntimeError, match=re.escape("FileNotFoundError: missing.jsonl: no such corpus")):
        bench._apart(_fail, "missing.jsonl")
