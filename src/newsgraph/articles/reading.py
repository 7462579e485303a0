"""From paths (files, folders, globs, `-` for standard input) to Articles, with every problem named.

`read_items` is the single road in: it expands the inputs, enforces the size limit, unpacks gzip,
refuses binary files, decodes text, picks a reader by content and extension, and yields either an
`Article` or an `InputError` for each thing it met. It never raises for a bad input, so one broken file
cannot stop a batch.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.articles.dates import date_in_name, normalise_date
from newsgraph.articles.decoding import NotText, binary_kind, decode
from newsgraph.articles.feeds import read_feed
from newsgraph.articles.formats import sniff_format
from newsgraph.articles.html import PARSER_DEPTH, extract_page, nesting_depth
from newsgraph.articles.identity import content_hash
from newsgraph.articles.plaintext import clean_plain_text
from newsgraph.articles.records import read_csv, read_json, read_jsonl
from newsgraph.articles.warc import GZIP_MAGIC, read_warc
from newsgraph.errors import InputError
from newsgraph.model import Article, Source

STDIN = "-"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read. `max_bytes` bounds each file (and each WARC record), after decompression."""

    max_bytes: int = DEFAULT_MAX_BYTES

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise ValueError(f"max_bytes must be positive, got {self.max_bytes}")


Reader = Callable[[str, bytes, ReadOptions], Iterator[Article | InputError]]


def read_items(
    paths: Iterable[str | os.PathLike[str]], options: ReadOptions | None = None
) -> Iterator[Article | InputError]:
    """Articles and input errors, in input order, for every file the paths name."""
    options = options or ReadOptions()
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item, options)


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str | InputError]:
    """Files named by `paths`: folders recursively (hidden entries skipped), globs expanded, `-` kept."""
    for raw in paths:
        path = os.fspath(raw)
        if path == STDIN:
            yield STDIN
        elif os.path.isdir(path):
            found = sorted(str(p) for p in Path(path).rglob("*") if _listable(p) and not _hidden(p, path))
            if not found:
                yield InputError(path, "folder holds no files")
            yield from found
        elif os.path.lexists(path):
            yield path
        elif glob.has_magic(path):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                yield InputError(path, "no file matches this pattern")
            yield from expand_paths(matches)
        else:
            yield InputError(path, "no such file or folder")


def read_file(path: str, options: ReadOptions) -> Iterator[Article | InputError]:
    """Every article in one file (or standard input); an unexpected failure becomes an InputError too."""
    try:
        yield from _read_file(path, options)
    except Exception as exc:  # a library failing on odd input must not end the batch
        yield InputError(path, f"unexpected error while reading ({type(exc).__name__}: {exc}); please report it")


def _read_file(path: str, options: ReadOptions) -> Iterator[Article | InputError]:
    if _is_warc_name(path):
        yield from _stream_warc(path, options)
        return
    try:
        data = _load(path, options)
    except InputError as error:
        yield error
        return
    if data.startswith(GZIP_MAGIC):
        head = _gunzip_head(data)
        if head.lstrip().startswith(b"WARC/"):
            yield from _read_warc(path, data, options)
            return
        try:
            data = _gunzip(path, data, options.max_bytes)
        except InputError as error:
            yield error
            return
    if not data.strip():
        yield InputError(path, "empty file")
        return
    kind = binary_kind(data)
    if kind:
        yield InputError(path, f"not a text file: looks like {kind}")
        return
    yield from _READERS[sniff_format(path, data[:8192])](path, data, options)


def html_to_article(path: str, html: str, url: str | None = None, where: str | None = None) -> Article | InputError:
    """One web page to an Article: trafilatura for the body and metadata, then dateline and furniture."""
    page = extract_page(html, url)
    if page is None:
        depth = nesting_depth(html)
        deep = f" (its elements nest {depth} deep, past the HTML parser's limit)" if depth > PARSER_DEPTH else ""
        return InputError(path, f"no article text found in the HTML page{deep}", where)
    cleaned = clean_plain_text(page.text, detect_title=False)
    if not cleaned.text:
        return InputError(path, "no article text left after removing page furniture", where)
    return Article(
        id=content_hash(cleaned.text),
        text=cleaned.text,
        source=Source(path=path, url=page.url, outlet=page.outlet, record=where),
        title=page.title,
        published=normalise_date(page.published) or date_in_name(path),
        authors=page.authors,
        dateline=cleaned.dateline,
    )


def _load(path: str, options: ReadOptions) -> bytes:
    limit = options.max_bytes
    if path == STDIN:
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise InputError(path, f"standard input is over the {_mb(limit)} limit (raise it with --max-size)")
        return data
    try:
        size = os.path.getsize(path)
        if size > limit:
            raise InputError(path, f"file is {_mb(size)}, over the {_mb(limit)} limit (raise it with --max-size)")
        with open(path, "rb") as handle:
            return handle.read()
    except IsADirectoryError:
        raise InputError(path, "is a folder, not a file") from None
    except PermissionError:
        raise InputError(path, "permission denied: the file cannot be read") from None
    except FileNotFoundError:
        raise InputError(path, "no such file (it may have been removed, or be a broken link)") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror or exc}") from None


def _stream_warc(path: str, options: ReadOptions) -> Iterator[Article | InputError]:
    """Archives can be gigabytes: stream them from disk; the size limit applies per record instead."""
    try:
        with open(path, "rb") as handle:
            yield from read_warc(path, handle, options.max_bytes, html_to_article)
    except OSError as exc:
        yield InputError(path, f"cannot be read: {exc.strerror or exc}")


def _gunzip_head(data: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:65536], 8192)
    except zlib.error:
        return b""


def _gunzip(path: str, data: bytes, limit: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            out = handle.read(limit + 1)
    except (EOFError, OSError, zlib.error) as exc:
        raise InputError(path, f"truncated or corrupt gzip file ({exc})") from None
    if len(out) > limit:
        raise InputError(path, f"decompressed content is over the {_mb(limit)} limit (raise it with --max-size)")
    return out


def _read_text(path: str, data: bytes, options: ReadOptions) -> Iterator[Article | InputError]:
    text = _decoded(path, data)
    if isinstance(text, InputError):
        yield text
        return
    if path.lower().endswith((".md", ".markdown")):
        text = "\n".join(line.lstrip("#").strip() if line.startswith("#") else line for line in text.splitlines())
    cleaned = clean_plain_text(text)
    if not cleaned.text:
        yield InputError(path, "no article text left after removing page furniture")
        return
    yield Article(
        id=content_hash(cleaned.text),
        text=cleaned.text,
        source=Source(path=path),
        title=cleaned.title,
        published=date_in_name(path),
        dateline=cleaned.dateline,
    )


def _read_html(path: str, data: bytes, options: ReadOptions) -> Iterator[Article | InputError]:
    html = _decoded(path, data)
    yield html if isinstance(html, InputError) else html_to_article(path, html)


def _read_feed(path: str, data: bytes, options: ReadOptions) -> Iterator[Article | InputError]:
    return read_feed(path, data)


def _read_warc(path: str, data: bytes, options: ReadOptions) -> Iterator[Article | InputError]:
    return read_warc(path, io.BytesIO(data), options.max_bytes, html_to_article)


def _records(parse: Callable[[str, str], Iterator[Article | InputError]]) -> Reader:
    def reader(path: str, data: bytes, options: ReadOptions) -> Iterator[Article | InputError]:
        text = _decoded(path, data)
        if isinstance(text, InputError):
            yield text
        else:
            yield from parse(path, text)

    return reader


def _decoded(path: str, data: bytes) -> str | InputError:
    try:
        return decode(data)[0]
    except NotText as exc:
        return InputError(path, str(exc))


_READERS: dict[str, Reader] = {
    "text": _read_text,
    "html": _read_html,
    "feed": _read_feed,
    "warc": _read_warc,
    "jsonl": _records(read_jsonl),
    "json": _records(read_json),
    "csv": _records(read_csv),
}


def _is_warc_name(path: str) -> bool:
    return path.lower().endswith((".warc", ".warc.gz"))


def _listable(path: Path) -> bool:
    """Files, and broken links too, so that a dangling link in a folder is reported rather than ignored."""
    return path.is_file() or (path.is_symlink() and not path.exists())


def _hidden(path: Path, root: str) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"
