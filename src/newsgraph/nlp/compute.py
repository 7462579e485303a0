"""Where the language model's arithmetic runs on a CPU: numpy's BLAS, one thread per worker.

thinc's CPU backend multiplies matrices with the BLIS library bundled in the `blis` wheel. On the
development machine (an AMD EPYC with AVX-512) that build ran a float32 product of the model's shapes
three times slower than numpy's own BLAS (OpenBLAS in the numpy wheel; Accelerate on a Mac), and the
products are most of the model's time: parsing BBC articles went from about 47 to 29 ms an article,
with every tag, lemma, head, label and entity unchanged (docs/performance.md). thinc offers the switch
itself (`NumpyOps(use_blis=False)` delegates `gemm` to numpy), so this module only decides when to use it.

numpy's BLAS starts a thread per core. A runner already gives each core a worker of its own, and a
BLAS that also spread over the cores would have the workers fight for them, so the model runs with
one BLAS thread (`one_blas_thread`) whichever runner calls it.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator

from thinc.api import NumpyOps, get_current_ops, set_current_ops
from threadpoolctl import ThreadpoolController


@contextlib.contextmanager
def numpy_blas() -> Iterator[None]:
    """Models built inside the block multiply with numpy's BLAS (a model keeps the ops it was built
    with). Only plain CPU ops are swapped: a user who chose a GPU or other backend keeps it."""
    current = get_current_ops()
    if type(current) is not NumpyOps or not current.use_blis:
        yield
        return
    set_current_ops(NumpyOps(use_blis=False))
    try:
        yield
    finally:
        set_current_ops(current)


@functools.cache
def _controller() -> ThreadpoolController:
    """The BLAS and OpenMP libraries loaded in this process, found once (finding them walks them all)."""
    return ThreadpoolController()


def one_blas_thread() -> contextlib.AbstractContextManager:
    """A block in which BLAS uses one thread; the previous setting comes back after it."""
    return _controller().limit(limits=1, user_api="blas")
