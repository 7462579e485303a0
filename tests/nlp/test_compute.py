"""Where the model's arithmetic runs: numpy's BLAS for matrix products, one BLAS thread per worker."""

from __future__ import annotations

import numpy
from thinc.api import NumpyOps, Ops, get_current_ops, set_current_ops
from threadpoolctl import threadpool_info

from newsgraph.nlp.compute import numpy_blas, one_blas_thread
from newsgraph.nlp.pipeline import load_pipeline


def _blas_threads() -> list[int]:
    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


def test_the_shipped_model_multiplies_with_numpys_blas() -> None:
    nlp = load_pipeline()
    for name in ("tok2vec", "parser", "ner"):
        ops = nlp.get_pipe(name).model.ops
        assert isinstance(ops, NumpyOps) and not ops.use_blis, name


def test_numpys_blas_gives_thincs_products() -> None:
    ours, thincs = NumpyOps(use_blis=False), NumpyOps()
    rng = numpy.random.default_rng(0)
    x = rng.random((40, 96), dtype="float32")
    y = rng.random((128, 96), dtype="float32")
    numpy.testing.assert_allclose(ours.gemm(x, y, trans2=True), thincs.gemm(x, y, trans2=True), rtol=1e-5)
    out = numpy.empty((96, 96), dtype="float32")
    assert ours.gemm(x, x, out=out, trans1=True) is out
    numpy.testing.assert_allclose(out, thincs.gemm(x, x, trans1=True), rtol=1e-5)


def test_the_ops_before_the_block_come_back_after_it() -> None:
    before = get_current_ops()
    with numpy_blas():
        inside = get_current_ops()
        assert isinstance(inside, NumpyOps) and not inside.use_blis
    assert get_current_ops() is before


def test_a_backend_the_user_chose_is_left_alone() -> None:
    before = get_current_ops()
    chosen = Ops()  # stands for a GPU or other backend a user set before loading
    set_current_ops(chosen)
    try:
        with numpy_blas():
            assert get_current_ops() is chosen
    finally:
        set_current_ops(before)


def test_blas_runs_one_thread_inside_the_block_only() -> None:
    numpy.ones((2, 2)) @ numpy.ones((2, 2))  # numpy's BLAS is loaded
    before = _blas_threads()
    with one_blas_thread():
        assert set(_blas_threads()) == {1}
    assert _blas_threads() == before
