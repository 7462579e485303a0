"""The runners: a process pool and a local Dask cluster give exactly the serial output, a worker that
dies costs only its own article, and a stream is never read far ahead of what has been analysed."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import newsgraph
from newsgraph.cli import cli
from newsgraph.errors import InputError
from newsgraph.ingest import IngestCounts, ingest
from newsgraph.model import Analysis, Article, Source, to_json
from newsgraph.pipeline import read
from newsgraph.scale import tasks
from newsgraph.scale.runners import DaskRunner, ProcessRunner, SerialRunner, TaskFailed
from newsgraph.scale.tasks import Settings, analyses
from newsgraph.store import Store

SAMPLE = Path(newsgraph.__file__).parent / "data" / "sample"
SAMPLE_INPUTS = [SAMPLE / "text", SAMPLE / "html", SAMPLE / "records", SAMPLE / "feeds"]


@pytest.fixture(scope="module")
def sample_articles() -> list[Article]:
    return list(read(SAMPLE_INPUTS))


def contract(runner, articles: list[Article]) -> list[dict]:  # type: ignore[no-untyped-def]
    """Every article's analysis as contract JSON, in chunks of 3 so that several are in flight."""
    results = [result for chunk in analyses(runner, articles, Settings(), size=3) for _, result in chunk]
    assert all(isinstance(result, Analysis) for result in results)
    return [to_json(result) for result in results]  # type: ignore[arg-type]


def test_process_pool_and_dask_give_exactly_the_serial_output(sample_articles: list[Article]) -> None:
    serial = contract(SerialRunner(), sample_articles)
    assert len(serial) == 16 and sum(len(a["events"]) for a in serial) > 100
    with ProcessRunner(2) as pool:
        assert contract(pool, sample_articles) == serial
    with DaskRunner(local_workers=2) as dask:
        assert dask.workers == 2
        assert contract(dask, sample_articles) == serial


def test_a_local_dask_worker_keeps_glibcs_own_memory_thresholds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dask's default MALLOC_TRIM_THRESHOLD_ made every large array of the model a fresh mapping and a
    worker a fifth slower than the same process without it; newsgraph's local cluster leaves it out."""
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    with DaskRunner(local_workers=1) as dask:
        settings = [value for _, value in dask.map(os.getenv, ["MALLOC_TRIM_THRESHOLD_", "OMP_NUM_THREADS"])]
    assert settings == [None, "1"]  # Dask's other worker settings stay


def test_a_workers_warm_up_article_reaches_every_stage() -> None:
    """`prepare_worker` analyses WARM_UP so that a worker reads its lexicons and gazetteers before its
    first chunk; an edit that left a stage with nothing to do would leave that stage's tables cold."""
    tasks.prepare_worker(Settings())
    (analysis,) = tasks.analyze_many([tasks.WARM_UP])
    assert isinstance(analysis, Analysis)
    assert {"person", "place"} <= {entity.kind for entity in analysis.entities}
    assert any(quote.kind == "direct" for quote in analysis.quotes)
    assert any(quote.kind == "indirect" for quote in analysis.quotes)
    assert {"asserted", "future"} <= {event.status for event in analysis.events}


def double_or_die(item: int) -> int:
    """A task whose worker process dies outright on item 3, as a segfault or the OOM killer would do."""
    if item == 3:
        os._exit(9)
    return item * 2


def test_a_dead_worker_fails_only_its_own_task_and_the_pool_goes_on() -> None:
    with ProcessRunner(2) as pool:
        results = dict(pool.map(double_or_die, range(8)))
    assert isinstance(results.pop(3), TaskFailed)
    assert results == {i: i * 2 for i in range(8) if i != 3}


def test_an_article_that_kills_its_worker_is_the_only_error(sample_articles: list[Article], monkeypatch) -> None:
    real = tasks.analyze_many

    def crashing(articles: list[Article], **options: object) -> list:
        if any("Mekong" in (article.title or "") for article in articles):
            os._exit(9)
        return real(articles, **options)

    monkeypatch.setattr(tasks, "analyze_many", crashing)  # forked workers inherit the patch
    with ProcessRunner(2) as pool:
        results = [pair for chunk in analyses(pool, sample_articles, Settings(), size=4) for pair in chunk]
    assert [article for article, _ in results] == sample_articles
    failed = {a.title for a, result in results if isinstance(result, InputError)}
    assert failed == {a.title for a in sample_articles if "Mekong" in (a.title or "")} != set()
    assert all("worker process died" in str(r) for _, r in results if isinstance(r, InputError))
    assert sum(isinstance(r, Analysis) for _, r in results) == 16 - len(failed)


def generated_articles(count: int, produced: list[int]) -> Iterator[Article]:
    """Short articles made on demand, counting how many have been handed out."""
    for number in range(count):
        produced[0] += 1
        text = (
            f"The harbour board of district {number} delayed its vote on dredging after {number % 7 + 2} members "
            f"asked for an environmental study. Officials said the vote would be held within {number % 4 + 1} weeks."
        )
        yield Article(id=f"gen-{number}", text=text, source=Source(path="generated"))


def test_a_stream_is_analysed_in_bounded_chunks_not_read_ahead() -> None:
    produced = [0]
    consumed = 0
    with ProcessRunner(2) as pool:
        for chunk in analyses(pool, generated_articles(200, produced), Settings(), size=5):
            consumed += len(chunk)
            # At most two chunks per worker in flight, plus the one being cut.
            assert produced[0] - consumed <= 2 * 2 * 5 + 5
    assert consumed == 200


def test_ingest_reads_its_input_lazily(tmp_path: Path, monkeypatch) -> None:
    import newsgraph.ingest as ingest_module

    produced = [0]
    monkeypatch.setattr(ingest_module, "read_file", lambda path, options: generated_articles(120, produced))
    counts = IngestCounts()
    with Store(tmp_path / "g.db") as store:
        run_id = store.start_run("ingest", ["generated"])
        stored = 0
        for event in ingest(["generated"], store, run_id, counts, chunk_size=8):
            if event.kind == "added":
                stored += 1
                assert produced[0] - stored <= 8
        assert stored == counts.added == 120 and store.counts()["articles"] == 120


def test_analyze_to_parquet_then_load_stores_what_ingest_stores(tmp_path: Path) -> None:
    runner = CliRunner()
    inputs = [str(path) for path in SAMPLE_INPUTS]
    dataset = tmp_path / "sample.parquet"
    written = runner.invoke(cli, ["analyze", *inputs, "--out", str(dataset), "--workers", "2"])
    assert written.exit_code == 0, written.output
    assert "16 articles written" in written.stderr
    assert (dataset / "events").is_dir() and len(list((dataset / "events").glob("published=*"))) >= 10
    loaded = runner.invoke(cli, ["load", str(dataset), "--db", str(tmp_path / "loaded.db")])
    assert loaded.exit_code == 0, loaded.output
    again = runner.invoke(cli, ["load", str(dataset), "--db", str(tmp_path / "loaded.db")])
    assert "0 added" in again.stderr and "16 already stored" in again.stderr
    ingested = runner.invoke(cli, ["ingest", *inputs, "--db", str(tmp_path / "ingested.db"), "--workers", "1"])
    assert ingested.exit_code == 0, ingested.output
    tables = ("articles", "article_sources", "entities", "quotes", "events", "stories", "event_instances")
    with Store(tmp_path / "loaded.db") as loaded_store, Store(tmp_path / "ingested.db") as ingested_store:
        for table in tables:
            query = f"SELECT * FROM {table} ORDER BY 1, 2"
            assert _rows(loaded_store, query, table) == _rows(ingested_store, query, table), table


def _rows(store: Store, query: str, table: str) -> list[tuple]:
    """The table's rows without the columns that differ between any two runs (run ids, times)."""
    cursor = store.conn.execute(query)
    names = [column[0] for column in cursor.description]
    keep = [i for i, name in enumerate(names) if name not in ("run_id", "added", "created", "updated")]
    return [tuple(row[i] for i in keep) for row in cursor.fetchall()]


def test_a_damaged_dataset_file_is_reported_and_the_rest_loads(tmp_path: Path) -> None:
    runner = CliRunner()
    dataset = tmp_path / "sample.parquet"
    runner.invoke(cli, ["analyze", str(SAMPLE / "text"), "--out", str(dataset), "--workers", "1"])
    damaged = sorted((dataset / "events").glob("published=*/*.parquet"))[0]
    damaged.write_bytes(damaged.read_bytes()[:100])
    lost = pq.read_metadata(dataset / "articles" / damaged.parent.name / damaged.name).num_rows
    result = runner.invoke(cli, ["load", str(dataset), "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 1
    assert f"error: {damaged}" in result.stderr
    total = len(list(read(SAMPLE / "text")))
    assert f"{total - lost} added" in result.stderr and lost >= 1
    with Store(tmp_path / "n.db") as store:
        assert store.counts()["articles"] == total - lost
        assert any(str(damaged) in error.path for error in store.run_errors(1))


def test_cli_runs_on_a_local_dask_cluster_with_the_serial_output(tmp_path: Path) -> None:
    runner = CliRunner()
    folder = str(SAMPLE / "text")
    serial = runner.invoke(cli, ["analyze", folder, "--workers", "1"])
    dask = runner.invoke(cli, ["analyze", folder, "--dask-local", "2"])
    assert dask.exit_code == 0, dask.output
    assert [json.loads(line) for line in dask.stdout.splitlines()] == [
        json.loads(line) for line in serial.stdout.splitlines()
    ]


def test_an_unreachable_scheduler_is_one_clear_error() -> None:
    result = CliRunner().invoke(cli, ["analyze", str(SAMPLE / "text"), "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
