"""Structured records (JSON Lines, JSON, CSV/TSV) to articles.

Records are already-clean data, so their text is used exactly as given: offsets in newsgraph's output
index into the caller's own `text` field, and their `id` is kept so results join back to the input.
A dateline opening the text is reported in `dateline` but, unlike other formats, left in the text.
A broken line or record is reported with its line number and the rest of the file still loads.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from typing import Any

from newsgraph.articles.dateline import find_dateline
from newsgraph.articles.dates import normalise_date
from newsgraph.articles.identity import content_hash
from newsgraph.errors import InputError
from newsgraph.model import Article, Source

TEXT_FIELDS = ("text", "content", "body")
_TITLE_FIELDS = ("title", "headline")
_DATE_FIELDS = ("published", "date", "published_at", "publish_date")
_OUTLET_FIELDS = ("outlet", "source", "site", "publisher")
_URL_FIELDS = ("url", "link")
_CONTAINER_KEYS = ("articles", "records", "items", "data")


def read_jsonl(path: str, text: str) -> Iterator[Article | InputError]:
    """One article per non-blank line; a line that is not a JSON object is reported and skipped."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(path, f"broken JSON: {exc.msg} at column {exc.colno}", where)
            continue
        yield record_to_article(record, path, where)


def read_json(path: str, text: str) -> Iterator[Article | InputError]:
    """A JSON array of records, an object holding one under `articles`/`records`/`items`/`data`, or one record."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(path, f"broken JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
        return
    if isinstance(data, dict) and not any(key in data for key in TEXT_FIELDS):
        data = next((data[key] for key in _CONTAINER_KEYS if isinstance(data.get(key), list)), data)
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records, start=1):
        yield record_to_article(record, path, f"record {index}")


def read_csv(path: str, text: str) -> Iterator[Article | InputError]:
    """A header row naming the fields, then one article per row; TSV is recognised by its tabs."""
    csv.field_size_limit(2**31 - 1)
    sample = text[:65536]
    dialect: type[csv.Dialect] | csv.Dialect
    try:
        dialect = csv.Sniffer().sniff(sample.split("\n", 1)[0], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    if not any(field in columns for field in TEXT_FIELDS):
        found = ", ".join(reader.fieldnames or []) or "none"
        yield InputError(path, f"no text column (expected one of {', '.join(TEXT_FIELDS)}; found: {found})")
        return
    try:
        for row in reader:
            record = {key.strip().lower(): value for key, value in row.items() if key is not None}
            yield record_to_article(record, path, f"line {reader.line_num}")
    except csv.Error as exc:
        yield InputError(path, f"broken CSV: {exc}", f"line {reader.line_num}")


def record_to_article(record: Any, path: str, where: str) -> Article | InputError:
    """One record to an Article, or an InputError saying what the record lacks."""
    if not isinstance(record, Mapping):
        return InputError(path, f"expected a JSON object, found {type(record).__name__}", where)
    text = _first(record, TEXT_FIELDS)
    if text is None:
        return InputError(path, f"no text field (expected one of {', '.join(TEXT_FIELDS)})", where)
    if not isinstance(text, str):
        return InputError(path, f"text field is {type(text).__name__}, not a string", where)
    if not text.strip():
        return InputError(path, "empty text", where)
    outlet = _first(record, _OUTLET_FIELDS)
    if isinstance(outlet, Mapping):
        outlet = outlet.get("outlet") or outlet.get("name")
    return Article(
        id=_record_id(record.get("id")) or content_hash(text),
        text=text,
        source=Source(
            path=path,
            url=_text_or_none(_first(record, _URL_FIELDS)),
            outlet=_text_or_none(outlet),
            record=where,
        ),
        title=_text_or_none(_first(record, _TITLE_FIELDS)),
        published=normalise_date(_first(record, _DATE_FIELDS)),
        authors=_authors(record.get("authors", record.get("author"))),
        dateline=find_dateline(text)[0],
    )


def _first(record: Mapping[str, Any], fields: tuple[str, ...]) -> Any:
    for field in fields:
        if record.get(field) not in (None, ""):
            return record[field]
    return None


def _record_id(value: Any) -> str | None:
    """The input's own id exactly as given (a number as its digits), so results join back to it; None
    when it is missing, empty or not a single value."""
    if value is None or value == "" or isinstance(value, (bool, list, dict)):
        return None
    return str(value)


def _authors(value: Any) -> list[str]:
    """Authors given as a list (of names, or of objects with a `name`) or one string ("A and B; C")."""
    if isinstance(value, str):
        return [a.strip() for a in value.replace(" and ", ";").split(";") if a.strip()]
    if not isinstance(value, list):
        return []
    names = (item.get("name") if isinstance(item, Mapping) else item for item in value)
    return [text for text in map(_text_or_none, names) if text]


def _text_or_none(value: Any) -> str | None:
    """A field's value as one line of text; None when it is missing, empty or not a single value
    (a list or object where a name or a title should be)."""
    if value is None or isinstance(value, (bool, list, dict)):
        return None
    text = " ".join(str(value).split())
    return text or None
