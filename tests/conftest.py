"""Shared fixtures: realistic article text written for these tests, and files built from it."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.model import Event, Participant, Span

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    """Sizes of the reliability tests (tests/reliability): short by default, long on demand."""
    group = parser.getgroup("newsgraph reliability")
    group.addoption("--fuzz", type=int, default=60, metavar="N", help="generated inputs per fuzz test (long: 10000)")
    group.addoption("--kills", type=int, default=3, metavar="N", help="SIGKILLs of one ingest run (long: 25)")


HARBOUR_STORY = (
    "Port officials in Valparaíso said on Tuesday that a new customs agreement with Peru would cut "
    "inspection times for refrigerated containers by half.\n\n"
    "“This is the most practical thing we have done for exporters in a decade,” said Marta Ibáñez, "
    "the port authority's director of operations.\n\n"
    "Fruit growers, who ship most of their cherries through the port, had complained for years that "
    "trucks waited up to three days at the gates during the harvest peak.\n\n"
    "The agreement still needs the approval of both countries' congresses, which is expected before the "
    "end of the year."
)

FLOOD_STORY = (
    "Heavy rain in northern Mozambique has displaced more than 12,000 people, the country's disaster "
    "agency said on Sunday, as rivers broke their banks for the second time this month.\n\n"
    "Aid workers said roads to several districts were cut and that helicopters would be needed to reach "
    "villages on the Lúrio river.\n\n"
    "“We are racing the next storm,” a spokeswoman for the agency told reporters in Pemba."
)


def page_html(title: str, body: str, *, date: str = "2024-03-05", site: str = "Coastal Ledger") -> str:
    """A news page with the boilerplate real pages carry: navigation, cookie banner, ads, related links."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
<meta name="author" content="Tomás Reyes">
<meta property="article:published_time" content="{date}T08:15:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<div class="ad">Advertisement</div>
<article><h1>{title}</h1><p class="byline">By Tomás Reyes</p>
{paragraphs}
</article>
<aside><h3>Related stories</h3><ul><li><a href="/a">Copper prices climb again</a></li>
<li><a href="/b">Lithium plant opens in the north</a></li></ul></aside>
<footer><p>© 2024 {site}. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>"""


def warc_bytes(pages: list[tuple[str, str]], *, gzip_records: bool = True) -> bytes:
    """A WARC file with one HTML response record per (url, html) pair."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip_records)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
        writer.write_record(record)
    return out.getvalue()


@pytest.fixture
def news_folder(tmp_path: Path) -> Path:
    """A small folder in several formats, all good."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "harbour.html").write_text(page_html("Customs deal to halve port waits", HARBOUR_STORY))
    (folder / "floods.txt").write_text("Floods displace thousands in Mozambique\n\nPEMBA, Mozambique — " + FLOOD_STORY)
    records = [
        {"id": "wire-17", "title": "Harbour deal", "published": "20240305", "outlet": "Wire", "text": HARBOUR_STORY},
        {"id": "wire-18", "title": "Floods", "date": "2024-03-04T10:00:00Z", "source": "Wire", "text": FLOOD_STORY},
    ]
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    with gzip.open(folder / "archive.html.gz", "wt", encoding="utf-8") as handle:
        handle.write(page_html("Mozambique floods: aid flights begin", FLOOD_STORY.replace("Sunday", "Monday")))
    return folder


def coded_event(
    text: str,
    sentence: str,
    trigger: str,
    kind: str,
    status: str,
    actor: tuple[str, str | None, str | None] | None = None,
    recipient: tuple[str, str | None, str | None] | None = None,
    **fields,
) -> Event:
    """An event coded from `sentence` of `text`: participants as (name, country, sector), offsets located."""
    start = text.index(sentence)
    at = text.index(trigger, start)
    return Event(
        Participant(actor[0], country=actor[1], sector=actor[2]) if actor else None,
        Participant(recipient[0], country=recipient[1], sector=recipient[2]) if recipient else None,
        kind,
        status,
        (start, start + len(sentence)),
        Span(trigger, at, at + len(trigger)),
        **fields,
    )
