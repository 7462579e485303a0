"""Property tests: every reader and `analyze` survive any input, and what they return is consistent.

For each reader, Hypothesis builds inputs shaped like that format (so the reader's own code runs, not
only the front door's refusal) and, separately, arbitrary bytes under every file name the readers know.
The properties:

- no exception escapes, and the reader's catch-all ("unexpected error ... please report it") never fires:
  a problem is always a named `InputError`;
- every article has an id and non-blank text, and reading the same bytes again gives the same ids;
- every offset `analyze` returns lies inside `text`, and `text[start:end]` is the span's own text.

The number of generated inputs per test is `--fuzz N` (tests/conftest.py): a short run in CI, and
`pytest tests/reliability --fuzz 10000` for the long mode (figures in docs/reliability.md).
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.articles.formats import sniff_format
from newsgraph.articles.reading import ReadOptions, read_file
from newsgraph.errors import InputError
from newsgraph.model import Article
from newsgraph.pipeline import analyze

from conftest import warc_bytes
from span_checks import assert_offsets_consistent

pytestmark = pytest.mark.fuzz

# Pieces of news prose we wrote for these tests, with the marks and characters that trip up readers and
# the quote and event stages: quotation marks of every style, cues, datelines, directional and
# zero-width characters, NUL, lone surrogate-free oddities.
FRAGMENTS = [
    "The foreign minister of Peru met her Chilean counterpart in Lima on Monday. ",
    "“We will not sign anything that hurts our fishermen,” she said. ",
    '"Talks collapsed," a senior official told reporters, "and nobody knows when they resume." ',
    "Ana Costa, a senior fellow at the Institute for Strategic Studies, said the deal was fragile. ",
    "According to the ministry, Brazil rejected the offer and urged Argentina to resume talks. ",
    "« Nous restons ouverts », a déclaré le porte-parole. ",
    "He added: ‘It is not over.’ ",
    "LIMA — ",
    "BANGKOK (Harbour Wire) - ",
    "Moscow said it would impose sanctions next week if Washington refused to meet. ",
    "\n\n",
    "\n",
    '"',
    "“",
    "”",
    "'",
    "\u202e",  # right-to-left override
    "\u202c",  # pop directional formatting
    "\u200b",  # zero-width space
    "\u200d",  # zero-width joiner
    "\u2066",  # left-to-right isolate
    "\ufeff",  # byte-order mark inside the text
    "\x00",
    "\r\n",
    "\t",
    "مرحبا بكم في الأخبار ",
    "שלום ",
    "東京 ",
    "☃ ",
    "𝔑𝔢𝔴𝔰 ",
]

news_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=25).map("".join)
"""Text mixing our news fragments with arbitrary Unicode."""

words = st.text(st.characters(codec="utf-8"), max_size=40)


def fuzz_settings(request: pytest.FixtureRequest):
    """Hypothesis settings for this run: `--fuzz` examples, no deadline (a slow parse is not a failure
    here), no example database in the work tree, and a fixed seed in CI so a green build stays green."""
    return settings(
        max_examples=request.config.getoption("--fuzz"),
        deadline=None,
        database=None,
        derandomize=os.environ.get("CI") == "true",
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


def read_bytes(name: str, data: bytes) -> list[Article | InputError]:
    """Everything `read_file` yields for `data` saved as a file called `name`."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return list(read_file(str(path), ReadOptions(max_bytes=2**20)))


def check_read(name: str, data: bytes) -> list[Article]:
    """The reader properties; returns the articles for format-specific checks."""
    first = read_bytes(name, data)
    unexpected = [str(item) for item in first if isinstance(item, InputError) and "please report it" in item.reason]
    assert not unexpected, unexpected
    for item in first:
        if isinstance(item, InputError):
            assert item.reason and "\n" not in str(item)
        else:
            assert item.id and item.text.strip()
    again = read_bytes(name, data)
    assert [_identity(item) for item in again] == [_identity(item) for item in first]
    return [item for item in first if isinstance(item, Article)]


def _identity(item: Article | InputError) -> str | tuple[str | None, str]:
    return item.id if isinstance(item, Article) else (item.record, item.reason)


# -- format-shaped inputs -----------------------------------------------------------------------------

html_tags = st.sampled_from(["p", "div", "article", "span", "b", "script", "style", "table", "td", "h1", "li"])


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """A page with random nesting, attributes, entities, comments and text."""
    parts = ["<!DOCTYPE html><html><head><title>", _escape(draw(news_text)), "</title></head><body>"]
    depth = 0
    for _ in range(draw(st.integers(0, 30))):
        choice = draw(st.integers(0, 5))
        if choice == 0:
            parts.append(f"<{draw(html_tags)} class='{_escape(draw(words))}' onclick=\"{_escape(draw(words))}\">")
            depth += 1
        elif choice == 1 and depth:
            parts.append(f"</{draw(html_tags)}>")
            depth -= 1
        elif choice == 2:
            parts.append(
                draw(st.sampled_from(["&amp;", "&#8220;", "&nbsp;", "&bogus;", "&#x0;", "<!-- c -->", "<br>"]))
            )
        else:
            parts.append(draw(news_text))
    if draw(st.booleans()):
        parts.append("</body></html>")
    return "".join(parts)


@st.composite
def feeds(draw: st.DrawFn) -> str:
    """An RSS 2.0 or Atom feed whose fields hold random text, escaped or raw."""
    atom = draw(st.booleans())
    entries = []
    for index in range(draw(st.integers(0, 4))):
        body = draw(news_text)
        body = f"<![CDATA[{body}]]>" if draw(st.booleans()) else _escape(body)
        title = _escape(draw(words))
        if atom:
            entries.append(
                f"<entry><id>urn:x:{index}</id><title>{title}</title><updated>{draw(words)}</updated>"
                f"<content type='html'>{body}</content></entry>"
            )
        else:
            entries.append(
                f"<item><title>{title}</title><pubDate>{_escape(draw(words))}</pubDate>"
                f"<description>{body}</description></item>"
            )
    if atom:
        return (
            f"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>F</title>{''.join(entries)}</feed>"
        )
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>F</title>{''.join(entries)}</channel></rss>"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | news_text,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(words, children, max_size=3),
    max_leaves=8,
)
record_fields = st.sampled_from(["id", "text", "content", "title", "published", "date", "outlet", "url", "authors"])
records = st.dictionaries(record_fields, json_values | news_text, max_size=6)


@st.composite
def jsonl_files(draw: st.DrawFn) -> str:
    lines = draw(st.lists(records.map(json.dumps) | words, min_size=1, max_size=6))
    return "\n".join([json.dumps(draw(records)), *lines])


@st.composite
def csv_files(draw: st.DrawFn) -> str:
    columns = draw(st.lists(record_fields | words, min_size=1, max_size=5))
    separator = draw(st.sampled_from([",", "\t", ";"]))
    rows = [separator.join(columns)]
    for _ in range(draw(st.integers(0, 5))):
        cells = [draw(news_text) for _ in columns]
        rows.append(separator.join(f'"{c}"' if draw(st.booleans()) else c for c in cells))
    return "\n".join(rows)


@st.composite
def warc_files(draw: st.DrawFn) -> bytes:
    """A WARC of random pages, sometimes cut short or with a byte changed."""
    pages = [(f"https://example.org/{i}", draw(html_pages())) for i in range(draw(st.integers(1, 3)))]
    data = warc_bytes(pages, gzip_records=draw(st.booleans()))
    # The record ids and dates differ between runs, so the length does: draw a place, then fit it.
    cut, damage, byte = draw(st.integers(0, 2**20)) % len(data), draw(st.integers(0, 2)), draw(st.integers(0, 255))
    if damage == 1:
        return data[: max(cut, 1)]
    if damage == 2:
        return data[:cut] + bytes([byte]) + data[cut + 1 :]
    return data


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- the reader tests ---------------------------------------------------------------------------------

SHAPED = {
    "text": (st.text().map(str.encode), "story.txt"),
    "html": (html_pages().map(str.encode), "page.html"),
    "feed": (feeds().map(str.encode), "feed.xml"),
    "jsonl": (jsonl_files().map(str.encode), "wire.jsonl"),
    "json": (st.lists(records, max_size=4).map(json.dumps).map(str.encode), "wire.json"),
    "csv": (csv_files().map(str.encode), "wire.csv"),
    "warc": (warc_files(), "crawl.warc"),
}


@pytest.mark.parametrize("kind", sorted(SHAPED))
def test_every_reader_survives_inputs_shaped_like_its_format(kind: str, request: pytest.FixtureRequest) -> None:
    strategy, name = SHAPED[kind]

    @fuzz_settings(request)
    @given(data=strategy, packed=st.booleans())
    def check(data: bytes, packed: bool) -> None:
        # Text is whatever is left; a damaged WARC may no longer look like one; CSV is trusted to its
        # extension only while its content looks like nothing else (a header "<P" reads as HTML).
        if kind not in ("text", "warc", "csv") and data.strip():
            assert sniff_format(name, data[:8192]) == kind
        check_read(name + ".gz" if packed else name, gzip.compress(data) if packed else data)

    check()


NAMES = [
    "story.txt",
    "page.html",
    "feed.xml",
    "feed.rss",
    "wire.jsonl",
    "wire.json",
    "wire.csv",
    "crawl.warc",
    "crawl.warc.gz",
    "page.html.gz",
    "noextension",
]


def test_any_bytes_under_any_name_is_an_article_or_a_named_error_then_an_analysis(
    request: pytest.FixtureRequest,
) -> None:
    """From bytes to analysis, the road every file takes: whatever the readers make of arbitrary bytes is
    analysed with offsets inside its text."""

    @fuzz_settings(request)
    @given(name=st.sampled_from(NAMES), data=st.binary(max_size=4096) | news_text.map(str.encode))
    def check(name: str, data: bytes) -> None:
        for article in check_read(name, data)[:3]:
            assert_offsets_consistent(analyze(article))

    check()


# -- analyze ------------------------------------------------------------------------------------------


def test_analyze_returns_offsets_inside_the_text_for_any_string(request: pytest.FixtureRequest) -> None:
    @fuzz_settings(request)
    @given(text=news_text.filter(str.strip))
    def check(text: str) -> None:
        analysis = analyze(text)
        assert analysis.article.text == text
        assert_offsets_consistent(analysis)
        assert analyze(text).article.id == analysis.article.id

    check()
