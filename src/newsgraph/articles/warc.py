"""Web archives (WARC, WARC.gz) via warcio: every HTML response record becomes an article.

Archives are streamed record by record, so a crawl of any size can be read; the size limit applies to
each record. A truncated archive yields the records before the damage, then one error naming the file.
A gzipped archive is decompressed here as one stream, whether it was compressed record by record (the
WARC standard) or whole with `gzip` afterwards, which warcio alone refuses.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from newsgraph.articles.decoding import NotText, decode
from newsgraph.errors import InputError
from newsgraph.model import Article

GZIP_MAGIC = b"\x1f\x8b"
HtmlReader = Callable[[str, str, str | None, str], Article | InputError]


def read_warc(
    path: str, stream: BinaryIO, max_bytes: int, html_to_article: HtmlReader
) -> Iterator[Article | InputError]:
    """Articles from the archive's HTML responses; `html_to_article(path, html, url, where)` does the page."""
    seen = 0
    try:
        if _starts_gzipped(stream):
            stream = _Gunzipped(stream)  # type: ignore[assignment]
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if "html" not in content_type.lower():
                continue
            seen += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"record {seen} {url}" if url else f"record {seen}"
            payload = record.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                yield InputError(path, f"response is over the {max_bytes / 2**20:.1f} MiB limit", where)
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:
                # the record promised more bytes than the file holds: the archive was cut here
                yield InputError(path, f"truncated or corrupt WARC: record {seen} ends early", where)
                return
            charset = content_type.lower().partition("charset=")[2].split(";")[0].strip() or None
            try:
                html, _ = decode(payload, charset)
            except NotText as exc:
                yield InputError(path, str(exc), where)
                continue
            yield html_to_article(path, html, url, where)
    except Exception as exc:  # warcio raises several unrelated types on damaged input
        yield InputError(path, f"truncated or corrupt WARC after {seen} HTML records ({type(exc).__name__}: {exc})")
        return
    if seen == 0:
        yield InputError(path, "WARC holds no HTML response records")


class _Gunzipped:
    """A gzip stream decompressed as it is read, member after member.

    Unlike `gzip.GzipFile`, a read returns what it could decompress, and a file cut short ends like a
    shorter file instead of raising and losing the last block: the records before the damage are
    still read, and the cut record is reported as truncated.
    """

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)

    def read(self, size: int = 65536) -> bytes:
        while True:
            if self.inflate.eof:
                rest = self.inflate.unused_data
                if not rest and not (rest := self.raw.read(65536)):
                    return b""
                self.inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
            else:
                rest = self.inflate.unconsumed_tail or self.raw.read(65536)
                if not rest:
                    return b""
            out = self.inflate.decompress(rest, max(size, 1))
            if out:
                return out


def _starts_gzipped(stream: BinaryIO) -> bool:
    """Whether a seekable stream opens with the gzip magic number, leaving its position unchanged."""
    position = stream.tell()
    head = stream.read(2)
    stream.seek(position)
    return head == GZIP_MAGIC
