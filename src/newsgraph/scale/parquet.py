"""Analyses as a Parquet dataset partitioned by publication date: what a cluster run writes instead of
funnelling every result through one SQLite file, and what `newsgraph load DIR.parquet` reads back.

Layout (hive partitioning, so pandas, DuckDB, Spark and `pyarrow.dataset` read each table as it is):

    DIR/newsgraph.json                                         marker: format, version, tables
    DIR/articles/published=2024-03-04/part-<token>.parquet     one row per article
    DIR/entities/published=2024-03-04/part-<token>.parquet     one row per entity
    DIR/quotes/published=2024-03-04/part-<token>.parquet       one row per quote
    DIR/events/published=2024-03-04/part-<token>.parquet       one row per event

Every chunk writes one file per table for each date it holds, all four even when a table has no rows,
so a part of the dataset is always complete and every file has the same explicit schema. Undated
articles go to `published=__HIVE_DEFAULT_PARTITION__`, the value pyarrow and Spark read back as null.
The date lives only in the directory name (a file column of the same name would be overridden by the
partition value); a `published` that is not a plain ISO date is percent-encoded, as pyarrow's hive
partitioning expects.

Tables are flat: nested objects become prefixed columns (`speaker_name`, `actor_country`, `trigger_start`),
offset pairs become lists of {start, end} structs. Each child row carries `article_id` and its ordinal
within the article (`entity`, `quote`, `event`), and each article row counts its children, so reading
back is exact, keeps order and needs no join, even when one chunk holds the same article id twice.

`read_analyses` yields partitions in date order (undated last); inside one, parts in natural order of
their token ("w2" before "w10"; a `DatasetWriter`'s chunks in the order written), and articles in the
order they were given to `write`.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import fields
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote as percent_encode
from urllib.parse import unquote as percent_decode

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.model import Analysis, Article, Dateline, Entity, Event, Participant, Quote, Source, Span, Speaker

FORMAT = "newsgraph-analyses"
VERSION = 1
MARKER = "newsgraph.json"
PARTITION = "published"
UNDATED = "__HIVE_DEFAULT_PARTITION__"
"""The partition of articles with no date: the hive default, which pyarrow and Spark read as null."""

_OFFSETS = pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64())]))
_STRINGS = pa.list_(pa.string())


def _span(prefix: str) -> list[pa.Field]:
    return [
        pa.field(f"{prefix}_text", pa.string()),
        pa.field(f"{prefix}_start", pa.int64()),
        pa.field(f"{prefix}_end", pa.int64()),
    ]


def _participant(prefix: str) -> list[pa.Field]:
    return [pa.field(f"{prefix}_{name}", pa.string()) for name in ("name", "entity", "country", "sector")]


# Every field is nullable except the ordinals and counts this module makes itself: pyarrow does not check
# nullability when it builds a table, so a None where the model expects a value still round-trips.
ARTICLES = pa.schema(
    [
        pa.field("article_id", pa.string()),
        pa.field("title", pa.string()),
        pa.field("source_path", pa.string()),
        pa.field("source_url", pa.string()),
        pa.field("source_outlet", pa.string()),
        pa.field("source_record", pa.string()),
        pa.field("authors", _STRINGS),
        pa.field("language", pa.string()),
        pa.field("dateline_place", pa.string()),
        pa.field("dateline_country", pa.string()),
        pa.field("entity_count", pa.int32(), nullable=False),
        pa.field("quote_count", pa.int32(), nullable=False),
        pa.field("event_count", pa.int32(), nullable=False),
        pa.field("text", pa.string()),
    ]
)
ENTITIES = pa.schema(
    [
        pa.field("article_id", pa.string()),
        pa.field("entity", pa.int32(), nullable=False),
        pa.field("entity_id", pa.string()),
        pa.field("name", pa.string()),
        pa.field("kind", pa.string()),
        pa.field("country", pa.string()),
        pa.field("sector", pa.string()),
        pa.field("roles", _STRINGS),
        pa.field("affiliations", _STRINGS),
        pa.field("aliases", _STRINGS),
        pa.field("mentions", _OFFSETS),
    ]
)
QUOTES = pa.schema(
    [
        pa.field("article_id", pa.string()),
        pa.field("quote", pa.int32(), nullable=False),
        pa.field("text", pa.string()),
        pa.field("start", pa.int64()),
        pa.field("end", pa.int64()),
        pa.field("parts", _OFFSETS),
        pa.field("kind", pa.string()),
        *_span("cue"),
        pa.field("speaker_name", pa.string()),
        pa.field("speaker_entity", pa.string()),
        pa.field("speaker_start", pa.int64()),
        pa.field("speaker_end", pa.int64()),
        pa.field("speaker_role", pa.string()),
        pa.field("speaker_affiliation", pa.string()),
        pa.field("speaker_country", pa.string()),
        pa.field("speaker_described", pa.bool_()),
        pa.field("confidence", pa.float64()),
    ]
)
EVENTS = pa.schema(
    [
        pa.field("article_id", pa.string()),
        pa.field("event", pa.int32(), nullable=False),
        *_participant("actor"),
        *_participant("recipient"),
        pa.field("type", pa.string()),
        pa.field("mode", pa.string()),
        pa.field("cameo", pa.string()),
        pa.field("goldstein", pa.float64()),
        pa.field("quad_class", pa.int32()),
        pa.field("status", pa.string()),
        pa.field("date", pa.string()),
        pa.field("confidence", pa.float64()),
        pa.field("clause", pa.int32()),
        pa.field("sentence_start", pa.int64()),
        pa.field("sentence_end", pa.int64()),
        *_span("trigger"),
        *_span("evidence"),
        pa.field("context", _STRINGS),
    ]
)
SCHEMAS: dict[str, pa.Schema] = {"articles": ARTICLES, "entities": ENTITIES, "quotes": QUOTES, "events": EVENTS}
"""The tables of a dataset: each is a folder of the same name under the dataset directory."""

# The children of an article: table, ordinal column, the article's count column.
_CHILDREN = (
    ("entities", "entity", "entity_count"),
    ("quotes", "quote", "quote_count"),
    ("events", "event", "event_count"),
)
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


class DatasetError(NewsgraphError):
    """A directory cannot be written or read as a newsgraph analyses dataset."""


class DatasetWriter:
    """Writes chunks of analyses into one dataset; each `write` is a chunk named `part-<token>-<n>`.

    A context manager, so a run closes it however it ends. One writer per token: refusing a token that
    already has files keeps a second run into the same directory from silently mixing with the first.
    """

    def __init__(self, directory: str | os.PathLike[str], token: str = "main") -> None:
        _check_token(token)
        self.directory = Path(directory)
        self.token = token
        self._chunks = 0
        self._closed = False
        _prepare(self.directory)
        taken = next(self.directory.glob(f"*/{PARTITION}=*/part-{token}-*.parquet"), None)
        if taken is not None:
            raise DatasetError(f"{self.directory}: token {token!r} already wrote {taken}; use another token")

    def write(self, analyses: Sequence[Analysis]) -> int:
        """Write one chunk; returns the number of articles written."""
        if self._closed:
            raise ValueError("write to a closed DatasetWriter")
        written = write_chunk(self.directory, analyses, f"{self.token}-{self._chunks}")
        self._chunks += 1
        return written

    def close(self) -> None:
        """Finish writing: every chunk is already complete on disk, so this only refuses later writes."""
        self._closed = True

    def __enter__(self) -> DatasetWriter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


def write_chunk(directory: str | os.PathLike[str], analyses: Sequence[Analysis], token: str) -> int:
    """Write `analyses` as `part-<token>.parquet` in every table and date partition they touch; returns
    the number of articles written.

    Stateless, so a Dask or process-pool worker can call it with a token unique to its chunk. Files appear
    whole (written under a hidden temporary name, then renamed), children before their articles file, so
    a reader never sees a part it cannot complete. Writing a token again replaces its files, which makes
    a retried task harmless.
    """
    _check_token(token)
    root = Path(directory)
    _prepare(root)
    partitions: dict[str, list[Analysis]] = {}
    for analysis in analyses:
        partitions.setdefault(_partition(analysis.article.published), []).append(analysis)
    name = f"part-{token}.parquet"
    for partition, chunk in partitions.items():
        rows = _rows(chunk)
        for table in ("entities", "quotes", "events", "articles"):
            folder = root / table / f"{PARTITION}={partition}"
            folder.mkdir(parents=True, exist_ok=True)
            _write_table(pa.Table.from_pylist(rows[table], schema=SCHEMAS[table]), folder / name)
    return len(analyses)


def read_analyses(directory: str | os.PathLike[str], errors: list[InputError] | None = None) -> Iterator[Analysis]:
    """The analyses of a dataset, one part file at a time, so memory holds one part and never the dataset.

    The directory is checked at once: a missing one, or one that is not a newsgraph dataset, raises
    `DatasetError`. A part that cannot be read (a corrupt, missing or foreign file) raises its
    `InputError`, unless an `errors` list is given: then the error is appended and reading goes on with
    the other parts, which is what a load of a large cluster run wants.
    """
    root = Path(directory)
    if not root.is_dir():
        raise DatasetError(f"{root}: no such directory")
    _check_marker(root)
    return _analyses(root, errors)


def is_dataset(directory: str | os.PathLike[str]) -> bool:
    """True when `directory` holds a newsgraph analyses dataset (of any version), so `load` can tell it
    from a folder of articles."""
    try:
        return _marker(Path(directory)).get("format") == FORMAT
    except (OSError, ValueError):
        return False


def _analyses(root: Path, errors: list[InputError] | None) -> Iterator[Analysis]:
    articles = root / "articles"
    for partition in _partitions(articles):
        for part in _parts(articles / partition.name):
            try:
                analyses = _read_part(root, partition.name, part)
            except InputError as error:
                if errors is None:
                    raise
                errors.append(error)
                continue
            yield from analyses


def _partitions(folder: Path) -> list[Path]:
    """The date partitions of a table in date order, undated last."""
    if not folder.is_dir():
        return []
    found = [entry for entry in folder.iterdir() if entry.is_dir() and entry.name.startswith(f"{PARTITION}=")]
    return sorted(found, key=lambda entry: (_published(entry.name) is None, _published(entry.name) or ""))


def _parts(folder: Path) -> list[str]:
    """The part files of one partition in natural order of their names, so chunk 10 follows chunk 9."""
    names = [entry.name for entry in folder.iterdir() if entry.name.startswith("part-") and entry.suffix == ".parquet"]
    return sorted(names, key=lambda name: [int(s) if s.isdigit() else s for s in re.split(r"(\d+)", name)])


def _read_part(root: Path, partition: str, part: str) -> list[Analysis]:
    """The analyses of one part: its articles file and the three child files of the same name."""
    paths = {table: root / table / partition / part for table in SCHEMAS}
    rows = {table: _read_table(path, SCHEMAS[table]) for table, path in paths.items()}
    published = _published(partition)
    analyses = [Analysis(_article(row, published)) for row in rows["articles"]]
    for table, ordinal, count in _CHILDREN:
        expected = sum(row[count] for row in rows["articles"])
        if len(rows[table]) != expected:
            raise InputError(str(paths[table]), f"{len(rows[table])} rows where its articles file counts {expected}")
        children = iter(rows[table])
        for analysis, article in zip(analyses, rows["articles"], strict=True):
            for index in range(article[count]):
                row = next(children)
                if row["article_id"] != analysis.article.id or row[ordinal] != index:
                    raise InputError(str(paths[table]), f"rows out of order at article {analysis.article.id}")
                getattr(analysis, table).append(_CHILD[table](row))
    return analyses


def _read_table(path: Path, schema: pa.Schema) -> list[dict[str, Any]]:
    try:
        with pq.ParquetFile(path) as file:
            table = file.read()
    except FileNotFoundError:
        raise InputError(str(path), "missing: every part has one file in each table") from None
    except (OSError, pa.ArrowException) as exc:
        raise InputError(str(path), f"unreadable Parquet file ({_first_line(exc)})") from None
    if not table.schema.equals(schema):
        raise InputError(str(path), f"columns differ from the newsgraph dataset schema (version {VERSION})")
    return table.to_pylist()


def _rows(analyses: Sequence[Analysis]) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table for analyses of one partition, in the order given."""
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in SCHEMAS}
    for analysis in analyses:
        article = analysis.article
        rows["articles"].append(
            {
                "article_id": article.id,
                "title": article.title,
                **_flat("source", article.source, Source),
                "authors": list(article.authors),
                "language": article.language,
                **_flat("dateline", article.dateline, Dateline),
                "entity_count": len(analysis.entities),
                "quote_count": len(analysis.quotes),
                "event_count": len(analysis.events),
                "text": article.text,
            }
        )
        key = {"article_id": article.id}
        rows["entities"].extend({**key, "entity": i, **_entity_row(e)} for i, e in enumerate(analysis.entities))
        rows["quotes"].extend({**key, "quote": i, **_quote_row(q)} for i, q in enumerate(analysis.quotes))
        rows["events"].extend({**key, "event": i, **_event_row(e)} for i, e in enumerate(analysis.events))
    return rows


def _entity_row(entity: Entity) -> dict[str, Any]:
    return {
        "entity_id": entity.id,
        "name": entity.name,
        "kind": entity.kind,
        "country": entity.country,
        "sector": entity.sector,
        "roles": list(entity.roles),
        "affiliations": list(entity.affiliations),
        "aliases": list(entity.aliases),
        "mentions": _offsets(entity.mentions),
    }


def _quote_row(quote: Quote) -> dict[str, Any]:
    return {
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "parts": _offsets(quote.parts),
        "kind": quote.kind,
        **_flat("cue", quote.cue, Span),
        **_flat("speaker", quote.speaker, Speaker),
        "confidence": quote.confidence,
    }


def _event_row(event: Event) -> dict[str, Any]:
    return {
        **_flat("actor", event.actor, Participant),
        **_flat("recipient", event.recipient, Participant),
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "status": event.status,
        "date": event.date,
        "confidence": event.confidence,
        "clause": event.clause,
        "sentence_start": event.sentence[0],
        "sentence_end": event.sentence[1],
        **_flat("trigger", event.trigger, Span),
        **_flat("evidence", event.evidence, Span),
        "context": list(event.context),
    }


def _article(row: dict[str, Any], published: str | None) -> Article:
    return Article(
        id=row["article_id"],
        text=row["text"],
        source=Source(**_unflat(row, "source", Source)),
        title=row["title"],
        published=published,
        authors=row["authors"],
        language=row["language"],
        dateline=_nested(row, "dateline", Dateline),
    )


def _entity(row: dict[str, Any]) -> Entity:
    return Entity(
        id=row["entity_id"],
        name=row["name"],
        kind=row["kind"],
        country=row["country"],
        sector=row["sector"],
        roles=row["roles"],
        affiliations=row["affiliations"],
        aliases=row["aliases"],
        mentions=_pairs(row["mentions"]),
    )


def _quote(row: dict[str, Any]) -> Quote:
    return Quote(
        text=row["text"],
        start=row["start"],
        end=row["end"],
        parts=_pairs(row["parts"]),
        kind=row["kind"],
        cue=_nested(row, "cue", Span),
        speaker=_nested(row, "speaker", Speaker),
        confidence=row["confidence"],
    )


def _event(row: dict[str, Any]) -> Event:
    return Event(
        actor=_nested(row, "actor", Participant),
        recipient=_nested(row, "recipient", Participant),
        type=row["type"],
        status=row["status"],
        sentence=(row["sentence_start"], row["sentence_end"]),
        trigger=Span(**_unflat(row, "trigger", Span)),
        mode=row["mode"],
        context=row["context"],
        cameo=row["cameo"],
        goldstein=row["goldstein"],
        quad_class=row["quad_class"],
        date=row["date"],
        confidence=row["confidence"],
        evidence=_nested(row, "evidence", Span),
        clause=row["clause"],
    )


_CHILD = {"entities": _entity, "quotes": _quote, "events": _event}


def _flat(prefix: str, value: Any, kind: type) -> dict[str, Any]:
    """A nested dataclass as `prefix_field` columns, all null when the value is None."""
    return {f"{prefix}_{f.name}": None if value is None else getattr(value, f.name) for f in fields(kind)}


def _unflat(row: dict[str, Any], prefix: str, kind: type) -> dict[str, Any]:
    return {f.name: row[f"{prefix}_{f.name}"] for f in fields(kind)}


def _nested(row: dict[str, Any], prefix: str, kind: type) -> Any:
    """The optional object stored flat under `prefix`; None when its first field, which the model
    requires (a dateline's place, a speaker's name, a span's text), is null."""
    values = _unflat(row, prefix, kind)
    return None if values[fields(kind)[0].name] is None else kind(**values)


def _offsets(pairs: Sequence[tuple[int, int]]) -> list[dict[str, int]]:
    return [{"start": start, "end": end} for start, end in pairs]


def _pairs(offsets: list[dict[str, int]]) -> list[tuple[int, int]]:
    return [(offset["start"], offset["end"]) for offset in offsets]


def _partition(published: str | None) -> str:
    """The directory value for a publication date, percent-encoded as pyarrow's hive partitioning reads it."""
    return UNDATED if published is None else percent_encode(published, safe="")


def _published(directory_name: str) -> str | None:
    value = directory_name.partition("=")[2]
    return None if value == UNDATED else percent_decode(value)


def _write_table(table: pa.Table, path: Path) -> None:
    """Write `table` to `path` under a hidden temporary name first, which pyarrow's dataset discovery and
    this reader both skip, so no half-written file is ever visible."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        pq.write_table(table, temporary)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _prepare(root: Path) -> None:
    """Make `root` a dataset to write into: create it with its marker, or check that it already is one.

    A folder that holds anything else is refused, so a mistyped path never scatters tables among a
    user's files. The marker goes in before any table, so a folder with tables always has one, and a
    worker that finds another worker's marker or tables just checks the marker.
    """
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatasetError(f"{root}: cannot create the dataset directory ({exc.strerror})") from None
    if not (root / MARKER).exists() and all(entry.name.startswith(".") for entry in root.iterdir()):
        marker = {"format": FORMAT, "version": VERSION, "partitioning": "hive", "tables": list(SCHEMAS)}
        handle, temporary = tempfile.mkstemp(prefix=f".{MARKER}.", suffix=".tmp", dir=root)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(marker, out, indent=2)
        os.replace(temporary, root / MARKER)
    _check_marker(root)


def _marker(root: Path) -> dict[str, Any]:
    marker = json.loads((root / MARKER).read_text(encoding="utf-8"))
    if not isinstance(marker, dict):
        raise ValueError(f"{MARKER} is not a JSON object")
    return marker


def _check_marker(root: Path) -> None:
    try:
        marker = _marker(root)
    except FileNotFoundError:
        raise DatasetError(f"{root}: not a newsgraph dataset (no {MARKER})") from None
    except (OSError, ValueError) as exc:
        raise DatasetError(f"{root}: unreadable {MARKER} ({_first_line(exc)})") from None
    if marker.get("format") != FORMAT:
        raise DatasetError(f"{root}: not a newsgraph dataset ({MARKER} says format {marker.get('format')!r})")
    if marker.get("version") != VERSION:
        raise DatasetError(f"{root}: dataset version {marker.get('version')!r}; this newsgraph reads version {VERSION}")


def _check_token(token: str) -> None:
    if not _TOKEN.fullmatch(token):
        raise ValueError(f"token {token!r} must be letters, digits, '_', '.' or '-', starting with a letter or digit")


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
