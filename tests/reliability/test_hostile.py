"""Hostile inputs: each is refused by name or read safely, fast, and stores nothing it should not.

Every case here is counted in docs/reliability.md; the dashboard's `..` routes, script in article text and
CSV formula injection have their own tests in tests/web and tests/test_export.py.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import resource
import sqlite3
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.articles.reading import ReadOptions, read_items
from newsgraph.errors import InputError
from newsgraph.model import Article
from newsgraph.pipeline import analyze
from newsgraph.store import Store

from conftest import HARBOUR_STORY, page_html, warc_bytes
from span_checks import assert_offsets_consistent

MiB = 2**20


def read(path: Path, max_bytes: int = 20 * MiB) -> tuple[list[Article], list[InputError]]:
    items = list(read_items([path], ReadOptions(max_bytes=max_bytes)))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def zeros_gzip(size: int) -> bytes:
    """A gzip stream of `size` spaces: about a thousandth of its size on disk."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b" " * MiB
    return b"".join(packer.compress(block) for _ in range(size // MiB)) + packer.flush()


# -- compression bombs --------------------------------------------------------------------------------


def test_gzip_bomb_is_refused_at_the_limit_without_being_unpacked(tmp_path: Path) -> None:
    bomb = tmp_path / "page.html.gz"
    bomb.write_bytes(zeros_gzip(1024 * MiB))  # 1 GiB unpacked, about 1 MB on disk
    before, started = peak_rss_mib(), time.monotonic()
    articles, errors = read(bomb)
    assert articles == []
    assert errors[0].path == str(bomb) and "decompressed content is over the 20.0 MiB limit" in errors[0].reason
    assert time.monotonic() - started < 5
    assert peak_rss_mib() - before < 100


def test_warc_record_bomb_is_refused_and_the_other_records_are_read(tmp_path: Path) -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    headers = [("Content-Type", "text/html; charset=utf-8")]
    pages = [
        ("https://ledger.example/port", page_html("Customs deal", HARBOUR_STORY).encode()),
        ("https://ledger.example/bomb", b"<html><body><p>" + b" " * (64 * MiB) + b"</p></body></html>"),
        ("https://ledger.example/port-2", page_html("Customs deal, day two", HARBOUR_STORY + " More.").encode()),
    ]
    for url, payload in pages:
        http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http))
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(out.getvalue())
    assert crawl.stat().st_size < 2 * MiB
    articles, errors = read(crawl, max_bytes=4 * MiB)
    assert [a.source.url for a in articles] == ["https://ledger.example/port", "https://ledger.example/port-2"]
    assert len(errors) == 1 and "over the 4.0 MiB limit" in errors[0].reason and "bomb" in (errors[0].record or "")


def test_a_warc_gzipped_whole_is_read_like_one_gzipped_record_by_record(tmp_path: Path) -> None:
    pages = [
        (f"https://ledger.example/{i}", page_html(f"Story {i}", HARBOUR_STORY + f" Update {i}.")) for i in range(3)
    ]
    (tmp_path / "whole.warc.gz").write_bytes(gzip.compress(warc_bytes(pages, gzip_records=False)))
    articles, errors = read(tmp_path / "whole.warc.gz")
    assert errors == [] and len(articles) == 3


# -- XML ----------------------------------------------------------------------------------------------

LAUGHS = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 12))
FEED = (
    '<?xml version="1.0"?><!DOCTYPE rss [{dtd}]><rss version="2.0"><channel><title>Harbour Wire</title>'
    "<item><title>Customs deal</title><description>{body}</description></item></channel></rss>"
)


@pytest.mark.parametrize(
    ("name", "dtd", "body"),
    [
        ("billion-laughs.xml", '<!ENTITY l0 "ha">' + LAUGHS, "&l11;"),
        ("local-file.xml", '<!ENTITY leak SYSTEM "file:///etc/passwd">', "&leak;"),
        ("remote.xml", '<!ENTITY remote SYSTEM "http://127.0.0.1:9/x">', "&remote;"),
        ("parameter.xml", '<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;', "text"),
    ],
)
def test_feeds_that_declare_entities_are_refused_before_parsing(tmp_path: Path, name: str, dtd: str, body: str) -> None:
    feed = tmp_path / name
    feed.write_text(FEED.format(dtd=dtd, body=body))
    started = time.monotonic()
    articles, errors = read(feed)
    assert articles == [] and len(errors) == 1
    assert "declares XML entities" in errors[0].reason and errors[0].path == str(feed)
    assert time.monotonic() - started < 1
    assert "root:" not in str(errors[0])


def test_a_plain_feed_is_still_read(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED.format(dtd="", body=HARBOUR_STORY).replace("<!DOCTYPE rss []>", ""))
    articles, errors = read(feed)
    assert errors == [] and articles[0].text.startswith("Port officials in Valparaíso")


# -- HTML ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [300, 5_000, 200_000])
def test_deeply_nested_html_still_gives_its_text(tmp_path: Path, depth: int) -> None:
    body = "".join(f"<p>{p}</p>" for p in HARBOUR_STORY.split("\n\n"))
    page = tmp_path / "deep.html"
    page.write_text(f"<html><head><title>Customs deal</title></head><body>{'<div>' * depth}{body}{'</div>' * depth}")
    started = time.monotonic()
    articles, errors = read(page)
    assert errors == [] and "Marta Ibáñez" in articles[0].text
    assert time.monotonic() - started < 10


def test_html_nested_past_the_parser_in_tags_it_cannot_drop_is_named(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<ul><li>" * 2000 + HARBOUR_STORY + "</li></ul>" * 2000)  # 2 + 4,000 levels
    articles, errors = read(page)
    assert articles == [] and "nest 4002 deep" in errors[0].reason


# -- size ---------------------------------------------------------------------------------------------


def test_a_500_mb_file_is_refused_by_name_in_the_report_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-harbour.txt").write_text("Customs deal to halve port waits\n\n" + HARBOUR_STORY)
    huge = folder / "b-dump.txt"
    with open(huge, "wb") as handle:  # sparse: 500 MB long, nothing written
        handle.truncate(500 * 10**6)
    db = tmp_path / "n.db"
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "newsgraph", "ingest", str(folder), "--db", str(db), "--workers", "1", "--no-stories"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert f"error: {huge}: file is 476.8 MiB, over the 20.0 MiB limit (raise it with --max-size)" in done.stderr
    assert "1 added" in done.stderr and "1 errors" in done.stderr
    assert time.monotonic() - started < 60
    with Store(db, readonly=True) as store:
        run = store.runs()[-1]
        assert (run.articles_added, run.errors) == (1, 1)
        assert [e.path for e in store.run_errors(run.id)] == [str(huge)]


# -- characters ---------------------------------------------------------------------------------------


def test_stray_nul_bytes_are_dropped_from_text(tmp_path: Path) -> None:
    text = "Customs deal to halve port waits\n\n" + HARBOUR_STORY.replace("Tuesday", "Tues\x00day")
    (tmp_path / "nul.txt").write_bytes(text.encode())
    articles, errors = read(tmp_path / "nul.txt")
    assert errors == [] and "on Tuesday" in articles[0].text and "\x00" not in articles[0].text


def test_a_file_of_mostly_nul_bytes_is_binary(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01" * 5000 + HARBOUR_STORY.encode())
    articles, errors = read(tmp_path / "blob.txt")
    assert articles == [] and "NUL bytes" in errors[0].reason


def test_nul_characters_in_a_record_survive_analysis_and_the_store(tmp_path: Path) -> None:
    record = tmp_path / "wire.jsonl"
    text = HARBOUR_STORY.replace("Tuesday", "Tues\u0000day")
    record.write_text(json.dumps({"id": "wire-1", "text": text}) + "\n")
    articles, errors = read(record)
    assert errors == [] and articles[0].text == text  # records keep their text exactly
    analysis = analyze(articles[0])
    assert_offsets_consistent(analysis)
    with Store(tmp_path / "n.db") as store:
        store.add_analysis(analysis)
        assert store.article("wire-1")["text"] == text
        assert [q.text for q in store.quotes(search="practical")] == [
            q.text for q in analysis.quotes if "practical" in q.text
        ]


def test_utf8_with_windows_1252_bytes_pasted_in_is_read(tmp_path: Path) -> None:
    data = "Señal de alerta en Bogotá\n\n".encode() + b"\x93We cannot pay these rents,\x94 said one owner. "
    (tmp_path / "mixed.txt").write_bytes(data + HARBOUR_STORY.encode())
    articles, errors = read(tmp_path / "mixed.txt")
    assert errors == []
    assert articles[0].title == "Señal de alerta en Bogotá"
    assert articles[0].text.startswith("“We cannot pay these rents,” said one owner.")
    assert "Marta Ibáñez" in articles[0].text


CONTROL_CHARACTERS = {
    "right-to-left override": "\u202e",
    "right-to-left isolate": "\u2067",
    "zero-width space": "\u200b",
    "zero-width joiner": "\u200d",
    "byte-order mark": "\ufeff",
}


def story_with(char: str) -> str:
    return (
        "Peru and Chile ended their fisheries talks in Lima on Monday.\n\n"
        f"“We will not sign anything that{char} hurts our fishermen,” said Ana{char} Costa, Peru's foreign "
        "minister.\n\nChile's delegation left without comment."
    )


@pytest.mark.parametrize("char", CONTROL_CHARACTERS.values(), ids=CONTROL_CHARACTERS.keys())
def test_directional_and_zero_width_characters_in_quotes_and_names_change_nothing(char: str, tmp_path: Path) -> None:
    """The text keeps the character; the quote, its speaker and role come out as from the clean text."""
    clean, hostile = analyze(story_with("")), analyze(story_with(char))
    assert_offsets_consistent(hostile)
    assert [q.text.replace(char, "") for q in hostile.quotes] == [q.text for q in clean.quotes]
    assert any(char in q.text for q in hostile.quotes)
    speakers = [(q.speaker.name.replace(char, ""), q.speaker.role) for q in hostile.quotes if q.speaker]
    assert speakers == [(q.speaker.name, q.speaker.role) for q in clean.quotes if q.speaker]
    assert ("Ana Costa", "foreign minister") in speakers
    with Store(tmp_path / "n.db") as store:
        store.add_analysis(hostile)
        [stored] = store.quotes(search="fishermen")
        assert stored.text == hostile.quotes[0].text


def test_database_is_never_written_by_a_refused_input(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "bomb.html.gz").write_bytes(zeros_gzip(64 * MiB))
    (bad / "laughs.xml").write_text(FEED.format(dtd='<!ENTITY l0 "ha">' + LAUGHS, body="&l11;"))
    subprocess.run(
        [sys.executable, "-m", "newsgraph", "ingest", str(bad), "--db", str(db), "--workers", "1", "--no-stories"],
        capture_output=True,
        timeout=120,
    )
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM run_errors").fetchone()[0] == 2
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert os.path.getsize(db) < 2 * MiB
