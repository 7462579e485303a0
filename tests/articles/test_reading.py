"""Reading every format, and naming every bad input without stopping the batch."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from newsgraph.articles.reading import ReadOptions, read_items
from newsgraph.errors import InputError
from newsgraph.model import Article

from conftest import FLOOD_STORY, HARBOUR_STORY, page_html, warc_bytes


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


def test_folder_of_mixed_formats_reads_every_article(news_folder: Path) -> None:
    articles, errors = split(read_items([news_folder]))
    assert errors == []
    assert len(articles) == 5
    by_path = {Path(a.source.path).name: a for a in articles if a.source.record is None}
    assert "Marta Ibáñez" in by_path["harbour.html"].text
    assert "Accept all" not in by_path["harbour.html"].text
    assert by_path["harbour.html"].published == "2024-03-05"
    assert by_path["harbour.html"].source.outlet == "Coastal Ledger"
    assert by_path["floods.txt"].title == "Floods displace thousands in Mozambique"
    assert by_path["floods.txt"].dateline is not None
    assert by_path["floods.txt"].dateline.country == "MOZ"
    assert by_path["floods.txt"].text.startswith("Heavy rain")
    assert "aid flights begin" in by_path["archive.html.gz"].title


def test_jsonl_records_keep_their_id_and_exact_text(news_folder: Path) -> None:
    articles, _ = split(read_items([news_folder / "wire.jsonl"]))
    assert [a.id for a in articles] == ["wire-17", "wire-18"]
    assert articles[0].text == HARBOUR_STORY
    assert articles[0].published == "2024-03-05"
    assert articles[1].published == "2024-03-04"
    assert articles[1].source.outlet == "Wire"


def test_format_is_chosen_by_content_not_extension(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(page_html("Port waits to be halved", HARBOUR_STORY))
    (tmp_path / "records.json").write_text(json.dumps({"id": 1, "text": FLOOD_STORY}) + "\n")
    (tmp_path / "noextension").write_text("Harbour deal signed\n\n" + HARBOUR_STORY)
    articles, errors = split(read_items([tmp_path]))
    assert errors == []
    titles = {Path(a.source.path).name: a.title for a in articles}
    assert titles["page.txt"] == "Port waits to be halved"
    assert titles["noextension"] == "Harbour deal signed"
    assert any(a.id == "1" for a in articles)


def test_csv_with_text_column_and_tsv(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(
        'id,title,date,text\nc1,Port deal,2024-03-05,"' + HARBOUR_STORY.replace('"', '""') + '"\n'
    )
    (tmp_path / "b.tsv").write_text("id\tbody\nt1\t" + FLOOD_STORY.replace("\n\n", " ") + "\n")
    articles, errors = split(read_items([tmp_path]))
    assert errors == []
    assert {a.id for a in articles} == {"c1", "t1"}
    assert next(a for a in articles if a.id == "c1").text == HARBOUR_STORY


def test_rss_feed_entries_become_articles(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in FLOOD_STORY.split("\n\n"))
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Delta Wire</title>
<item><title>Floods in Mozambique</title><link>https://delta.example/floods</link><guid>delta-881</guid>
<pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate><content:encoded><![CDATA[{body}]]></content:encoded></item>
<item><title>Empty entry</title><guid>delta-882</guid></item>
</channel></rss>"""
    (tmp_path / "feed.xml").write_text(feed)
    articles, errors = split(read_items([tmp_path / "feed.xml"]))
    assert len(articles) == 1
    article = articles[0]
    assert (article.id, article.title, article.published) == ("delta-881", "Floods in Mozambique", "2024-03-04")
    assert article.source.outlet == "Delta Wire"
    assert article.text.split("\n\n")[1].startswith("Aid workers said")
    assert [e.record for e in errors] == ["entry 2"]


def test_warc_reads_every_html_response(tmp_path: Path) -> None:
    pages = [
        ("https://ledger.example/port", page_html("Port deal", HARBOUR_STORY)),
        ("https://ledger.example/floods", page_html("Floods", FLOOD_STORY)),
    ]
    (tmp_path / "crawl.warc.gz").write_bytes(warc_bytes(pages))
    articles, errors = split(read_items([tmp_path / "crawl.warc.gz"]))
    assert errors == []
    assert [a.source.url for a in articles] == ["https://ledger.example/port", "https://ledger.example/floods"]


def test_truncated_warc_keeps_records_before_the_damage(tmp_path: Path) -> None:
    pages = [
        (f"https://ledger.example/{i}", page_html(f"Story {i}", HARBOUR_STORY + f" Update {i}.")) for i in range(3)
    ]
    data = warc_bytes(pages)
    (tmp_path / "cut.warc.gz").write_bytes(data[: int(len(data) * 0.8)])
    articles, errors = split(read_items([tmp_path / "cut.warc.gz"]))
    assert len(articles) == 2
    assert len(errors) == 1 and "truncated or corrupt WARC" in errors[0].reason
    assert errors[0].path.endswith("cut.warc.gz")


def test_cp1252_text_is_decoded(tmp_path: Path) -> None:
    text = "Caf\xe9 owners protest\n\n\x93We cannot pay these rents,\x94 said one owner in the old town of Bogot\xe1."
    (tmp_path / "latin.txt").write_bytes(text.encode("latin-1"))
    articles, errors = split(read_items([tmp_path / "latin.txt"]))
    assert errors == []
    assert "“We cannot pay these rents,” said one owner" in articles[0].text
    assert articles[0].title == "Café owners protest"


def test_declared_html_charset_is_honoured(tmp_path: Path) -> None:
    html = page_html("Señal de alerta en Bogotá", HARBOUR_STORY).replace('charset="utf-8"', 'charset="iso-8859-1"')
    (tmp_path / "page.html").write_bytes(html.encode("iso-8859-1", errors="replace"))
    articles, errors = split(read_items([tmp_path / "page.html"]))
    assert errors == []
    assert articles[0].title == "Señal de alerta en Bogotá"


def test_each_bad_input_is_named_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Harbour deal signed\n\n" + HARBOUR_STORY)
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.md").write_text("   \n\n  \n")
    (tmp_path / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    lines = [
        json.dumps({"id": "ok-1", "text": FLOOD_STORY}),
        '{"id": "bad", "text": ',
        json.dumps({"id": "ok-2", "text": HARBOUR_STORY}),
    ]
    (tmp_path / "broken.jsonl").write_text("\n".join(lines) + "\n")
    (tmp_path / "notext.csv").write_text("id,headline,author\n1,Port deal,Reyes\n")
    (tmp_path / "big.txt").write_text("Harbour deal\n\n" + HARBOUR_STORY * 400)
    (tmp_path / "garbage.txt").write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D] * 50 + [0xC3, 0x28] * 50))
    with gzip.open(tmp_path / "cut.html.gz", "wb") as handle:
        handle.write(page_html("Port deal", HARBOUR_STORY).encode())
    data = (tmp_path / "cut.html.gz").read_bytes()
    (tmp_path / "cut.html.gz").write_bytes(data[: len(data) // 2])
    missing = tmp_path / "gone.txt"
    os.symlink(tmp_path / "nowhere.txt", missing)

    articles, errors = split(read_items([tmp_path, tmp_path / "absent.html"], ReadOptions(max_bytes=100_000)))

    assert sorted(a.id for a in articles if a.id.startswith("ok")) == ["ok-1", "ok-2"]
    assert any(Path(a.source.path).name == "good.txt" for a in articles)
    reasons = {Path(e.path).name: e.reason for e in errors}
    assert "PNG" in reasons["image.txt"]
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.md"] == "empty file"
    assert "no article text" in reasons["menu.html"]
    assert "broken JSON" in reasons["broken.jsonl"]
    assert next(e for e in errors if e.path.endswith("broken.jsonl")).record == "line 2"
    assert "no text column" in reasons["notext.csv"] and "headline" in reasons["notext.csv"]
    assert "over the" in reasons["big.txt"] and "--max-size" in reasons["big.txt"]
    assert "not valid text" in reasons["garbage.txt"] or "not a text file" in reasons["garbage.txt"]
    assert "truncated or corrupt gzip" in reasons["cut.html.gz"]
    assert "no such file" in reasons["gone.txt"]
    assert "no such file" in reasons["absent.html"]
    for error in errors:
        assert "\n" not in str(error) and str(error).startswith(error.path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without read permission")
def test_unreadable_file_is_named(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(HARBOUR_STORY)
    locked.chmod(0)
    _, errors = split(read_items([locked]))
    assert "permission denied" in errors[0].reason


def test_standard_input_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(("Port deal\n\n" + HARBOUR_STORY).encode())))
    articles, errors = split(read_items(["-"]))
    assert errors == [] and articles[0].title == "Port deal"


def test_glob_expands_and_unmatched_glob_is_reported(news_folder: Path) -> None:
    articles, errors = split(read_items([str(news_folder / "*.txt"), str(news_folder / "*.pdf")]))
    assert [Path(a.source.path).name for a in articles] == ["floods.txt"]
    assert "no file matches" in errors[0].reason


def test_text_file_takes_its_date_from_its_name(tmp_path: Path) -> None:
    (tmp_path / "ledger-2024-03-05-port.txt").write_text("Port deal\n\n" + HARBOUR_STORY)
    (tmp_path / "20240304_floods.txt").write_text("Floods\n\n" + FLOOD_STORY)
    (tmp_path / "draft-2024-13-45.txt").write_text("Draft\n\n" + FLOOD_STORY + " More.")
    articles, _ = split(read_items([tmp_path]))
    dates = {Path(a.source.path).name: a.published for a in articles}
    assert dates == {
        "ledger-2024-03-05-port.txt": "2024-03-05",
        "20240304_floods.txt": "2024-03-04",
        "draft-2024-13-45.txt": None,
    }


def test_record_dateline_is_reported_but_the_text_is_left_exact(tmp_path: Path) -> None:
    text = "MAPUTO, March 4 — " + FLOOD_STORY
    (tmp_path / "r.jsonl").write_text(json.dumps({"id": "m1", "text": text}) + "\n")
    articles, _ = split(read_items([tmp_path / "r.jsonl"]))
    assert articles[0].text == text
    assert (articles[0].dateline.place, articles[0].dateline.country) == ("Maputo", "MOZ")


def test_atom_feed_entries_become_articles(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in HARBOUR_STORY.split("\n\n"))
    (tmp_path / "atom.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title>'
        "<entry><title>Customs deal</title><id>tag:ledger.example,2024:port</id>"
        "<updated>2024-03-05T08:00:00Z</updated><author><name>Tomás Reyes</name></author>"
        f'<link href="https://ledger.example/port"/><content type="html"><![CDATA[{body}]]></content></entry></feed>'
    )
    articles, errors = split(read_items([tmp_path / "atom.xml"]))
    assert errors == []
    assert (articles[0].id, articles[0].published, articles[0].authors) == (
        "tag:ledger.example,2024:port",
        "2024-03-05",
        ["Tomás Reyes"],
    )
    assert articles[0].text == HARBOUR_STORY


def test_unreadable_file_is_named_even_for_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    locked = tmp_path / "locked.txt"
    locked.write_text(HARBOUR_STORY)
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    _, errors = split(read_items([locked]))
    assert errors[0].path == str(locked) and "permission denied" in errors[0].reason
