"""The Parquet dataset a cluster run writes: exact round trips of real analyses, date partitions that
pandas/pyarrow read as they are, one schema in every file, and bad parts reported without stopping a load."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

import newsgraph
from newsgraph.errors import InputError
from newsgraph.model import Analysis, Source
from newsgraph.pipeline import analyze, read
from newsgraph.scale import parquet
from newsgraph.scale.parquet import (
    SCHEMAS,
    DatasetError,
    DatasetWriter,
    is_dataset,
    read_analyses,
    write_chunk,
)

SAMPLE = Path(newsgraph.__file__).parent / "data" / "sample"
WEATHER_BRIEF = "Light rain is forecast for the coast on Thursday, with temperatures near 18 degrees."


@pytest.fixture(scope="module")
def analyses() -> list[Analysis]:
    """The 16 articles of the sample corpus (text, HTML, JSON lines and a feed), analysed for real."""
    articles = list(read([SAMPLE / "text", SAMPLE / "html", SAMPLE / "records", SAMPLE / "feeds"]))
    assert len(articles) == 16
    return [analyze(article) for article in articles]


@pytest.fixture(scope="module")
def brief() -> Analysis:
    """An undated article with neither quotes nor events, so its chunk leaves those tables empty."""
    analysis = analyze(WEATHER_BRIEF)
    assert analysis.article.published is None
    assert not analysis.quotes
    assert not analysis.events
    return analysis


def by_date(analyses: list[Analysis]) -> list[Analysis]:
    """The documented read order: partitions by date, undated last; inside one, the order written."""
    return sorted(analyses, key=lambda a: (a.article.published is None, a.article.published or ""))


def part_files(root: Path) -> list[Path]:
    return sorted(root.glob("*/published=*/*.parquet"))


def test_two_tokens_round_trip_exactly_in_date_order(tmp_path: Path, analyses: list[Analysis]) -> None:
    root = tmp_path / "run.parquet"
    first, second = analyses[:9], analyses[9:]
    assert write_chunk(root, first, "w0") == 9
    with DatasetWriter(root, token="w1") as writer:
        assert writer.write(second) == 7

    back = list(read_analyses(root))

    assert back == by_date(first + second)
    # Provenance the JSON contract leaves out survives too: the record inside a JSON lines file or feed.
    assert {a.article.source.record for a in back} >= {"line 1", "line 2", "entry 1", "entry 2"}
    assert [a.article.published for a in back] == sorted(a.article.published for a in analyses)
    assert not list(root.rglob(".*")), "no temporary files are left behind"


def test_each_table_is_partitioned_by_publication_date(
    tmp_path: Path, analyses: list[Analysis], brief: Analysis
) -> None:
    root = tmp_path / "run.parquet"
    write_chunk(root, [*analyses, brief], "w0")

    dates = {a.article.published for a in analyses}
    assert len(dates) == 16
    expected = {f"published={day}" for day in dates} | {"published=__HIVE_DEFAULT_PARTITION__"}
    for table in ("articles", "entities", "quotes", "events"):
        assert {folder.name for folder in (root / table).iterdir()} == expected
        assert all((folder / "part-w0.parquet").is_file() for folder in (root / table).iterdir())


def test_pyarrow_reads_the_events_table_with_hive_partitioning(tmp_path: Path, analyses: list[Analysis]) -> None:
    root = tmp_path / "run.parquet"
    write_chunk(root, analyses[:8], "a")
    write_chunk(root, analyses[8:], "b")

    events = ds.dataset(root / "events", partitioning="hive").to_table()

    assert events.num_rows == sum(len(a.events) for a in analyses) > 0
    per_day = Counter(events.column("published").to_pylist())
    assert per_day == Counter({a.article.published: len(a.events) for a in analyses})
    lima = next(a for a in analyses if a.article.published == "2024-03-04")
    rows = ds.dataset(root / "events", partitioning="hive").to_table(filter=ds.field("published") == "2024-03-04")
    assert rows.column("cameo").to_pylist() == [event.cameo for event in lima.events]
    assert rows.column("actor_country").to_pylist() == [e.actor.country if e.actor else None for e in lima.events]
    assert rows.column("event").to_pylist() == list(range(len(lima.events)))
    assert set(rows.column("article_id").to_pylist()) == {lima.article.id}


def test_every_file_has_the_schema_even_when_a_chunk_has_no_quotes_or_events(
    tmp_path: Path, analyses: list[Analysis], brief: Analysis
) -> None:
    root = tmp_path / "run.parquet"
    write_chunk(root, [brief], "empty")
    write_chunk(root, analyses[:3], "full")

    files = part_files(root)
    assert len(files) == 4 * 4
    for path in files:
        table = path.parent.parent.name
        assert pq.read_schema(path).equals(SCHEMAS[table]), path
    undated = root / "quotes" / "published=__HIVE_DEFAULT_PARTITION__" / "part-empty.parquet"
    assert pq.read_table(undated).num_rows == 0
    quotes = ds.dataset(root / "quotes", partitioning="hive").to_table()
    assert quotes.num_rows == sum(len(a.quotes) for a in analyses[:3])
    assert quotes.column("published").null_count == 0, "no quote row comes from the undated brief"

    assert list(read_analyses(root)) == [*by_date(analyses[:3]), brief]


def test_a_corrupt_part_is_reported_by_name_and_the_rest_still_loads(tmp_path: Path, analyses: list[Analysis]) -> None:
    root = tmp_path / "run.parquet"
    write_chunk(root, analyses, "w0")
    victim = next(a for a in analyses if a.article.published == "2024-04-17")
    broken = root / "events" / "published=2024-04-17" / "part-w0.parquet"
    data = broken.read_bytes()
    broken.write_bytes(data[: len(data) // 2])

    errors: list[InputError] = []
    back = list(read_analyses(root, errors))

    assert back == by_date([a for a in analyses if a is not victim])
    assert len(errors) == 1
    assert errors[0].path == str(broken)
    assert str(broken) in str(errors[0])
    with pytest.raises(InputError, match="published=2024-04-17"):
        list(read_analyses(root))


def test_a_part_with_a_missing_table_file_is_reported(tmp_path: Path, analyses: list[Analysis]) -> None:
    root = tmp_path / "run.parquet"
    write_chunk(root, analyses[:4], "w0")
    missing = root / "entities" / f"published={analyses[0].article.published}" / "part-w0.parquet"
    missing.unlink()

    errors: list[InputError] = []
    back = list(read_analyses(root, errors))

    assert [e.path for e in errors] == [str(missing)]
    assert len(back) == 3


def test_folders_that_are_not_datasets_are_refused_by_name(tmp_path: Path, analyses: list[Analysis]) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "todo.txt").write_text("call the desk", encoding="utf-8")
    with pytest.raises(DatasetError, match=f"{notes}: not a newsgraph dataset"):
        read_analyses(notes)
    with pytest.raises(DatasetError, match=str(notes)):
        write_chunk(notes, analyses[:1], "w0")
    assert [p.name for p in notes.iterdir()] == ["todo.txt"], "nothing was written into the foreign folder"

    missing = tmp_path / "nowhere.parquet"
    with pytest.raises(DatasetError, match=f"{missing}: no such directory"):
        read_analyses(missing)

    foreign = tmp_path / "other.parquet"
    foreign.mkdir()
    (foreign / "newsgraph.json").write_text('{"format": "something-else"}', encoding="utf-8")
    with pytest.raises(DatasetError, match="something-else"):
        read_analyses(foreign)

    assert not is_dataset(notes)
    assert not is_dataset(missing)
    assert not is_dataset(foreign)
    ours = tmp_path / "ours.parquet"
    with DatasetWriter(ours):
        pass
    assert is_dataset(ours)
    assert list(read_analyses(ours)) == []


def test_chunks_keep_the_order_written_past_ten(tmp_path: Path, analyses: list[Analysis]) -> None:
    template = analyses[0]
    copies = [
        dataclasses.replace(template, article=dataclasses.replace(template.article, id=f"copy-{n}")) for n in range(12)
    ]
    root = tmp_path / "run.parquet"
    with DatasetWriter(root, token="w0") as writer:
        for copy in copies:
            writer.write([copy])

    assert [a.article.id for a in read_analyses(root)] == [f"copy-{n}" for n in range(12)]


def test_the_same_article_twice_in_one_chunk_keeps_each_its_own_analysis(
    tmp_path: Path, analyses: list[Analysis]
) -> None:
    """A reprint read from two files has one id; each copy comes back with its own source and children."""
    original = analyses[1]
    reprint = dataclasses.replace(
        original,
        article=dataclasses.replace(original.article, source=Source(path="reprint.txt", outlet="Coastal Ledger")),
        quotes=original.quotes[:2],
        events=[],
    )
    root = tmp_path / "run.parquet"
    write_chunk(root, [original, reprint], "w0")

    assert list(read_analyses(root)) == [original, reprint]


def test_published_values_that_are_not_plain_dates_survive(tmp_path: Path, analyses: list[Analysis]) -> None:
    odd = dataclasses.replace(analyses[0], article=dataclasses.replace(analyses[0].article, published="5/3/2024 am"))
    root = tmp_path / "run.parquet"
    write_chunk(root, [odd], "w0")

    assert list(read_analyses(root)) == [odd]
    articles = ds.dataset(root / "articles", partitioning="hive").to_table()
    assert articles.column("published").to_pylist() == ["5/3/2024 am"]


def test_a_failed_write_leaves_no_visible_or_temporary_file(
    tmp_path: Path, analyses: list[Analysis], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "run.parquet"
    real_write = pq.write_table

    def disk_full(table: object, where: str, **kwargs: object) -> None:
        if "/events/" in str(where):
            Path(where).write_bytes(b"PAR1 half a file")
            raise OSError(28, "No space left on device")
        real_write(table, where, **kwargs)

    monkeypatch.setattr(parquet.pq, "write_table", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_chunk(root, analyses[:1], "w0")

    assert [p.relative_to(root).parts[0] for p in part_files(root)] == ["entities", "quotes"]
    assert not list(root.rglob(".*.tmp"))
    assert list(read_analyses(root)) == [], "without its articles file the half-written part is not read"


def test_a_writer_refuses_a_token_that_already_wrote_and_writes_after_close(
    tmp_path: Path, analyses: list[Analysis]
) -> None:
    root = tmp_path / "run.parquet"
    with DatasetWriter(root, token="w0") as writer:
        writer.write(analyses[:2])
    with pytest.raises(ValueError, match="closed"):
        writer.write(analyses[2:4])
    with pytest.raises(DatasetError, match="'w0' already wrote"):
        DatasetWriter(root, token="w0")
    with pytest.raises(ValueError, match="token"):
        DatasetWriter(root, token="../w1")
    with DatasetWriter(root, token="w1") as writer:
        writer.write(analyses[2:4])
    assert list(read_analyses(root)) == by_date(analyses[:4])
