"""`newsgraph bench`'s own bookkeeping (its figures are measurements, not tests: docs/performance.md)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

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
