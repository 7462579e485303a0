"""Events written out for other tools: every field as CSV, and GDELT 2.0's Event table layout."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from newsgraph.cli import cli
from newsgraph.export import (
    EVENT_FIELDS,
    GDELT_EVENT_COLUMNS,
    fraction_date,
    gdelt_record,
    read_gdelt_events,
    write_gdelt_events,
)
from newsgraph.model import Analysis, Article, Source
from newsgraph.store import Store
from newsgraph.store.database import StoredEvent

from conftest import coded_event

# The GDELT 2.0 Event Codebook's fields, written out in full so the constant is checked against a second
# copy rather than against itself.
CODEBOOK = """
GLOBALEVENTID SQLDATE MonthYear Year FractionDate
Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code
Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code
Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone
Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat
Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat
Actor2Geo_Long Actor2Geo_FeatureID
ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat
ActionGeo_Long ActionGeo_FeatureID
DATEADDED SOURCEURL
""".split()  # noqa: SIM905

ANDES_STORY = (
    "Chile's foreign ministry recalled its ambassador from Lima on Friday.\n\n"
    "Peru's president did not attend the summit in Quito.\n\n"
    "Protesters in Santiago could march on the congress."
)
BULLETIN = "Bolivia and Paraguay signed a river transport accord."


def export_db(tmp_path: Path) -> Path:
    """Two articles, four events: two asserted (one in an undated article), one negated, one hypothetical."""
    andes = Analysis(
        Article(
            "andes",
            ANDES_STORY,
            Source("andes.html", url="https://example.org/andes", outlet="Cordillera Post"),
            "Envoy recalled",
            "2024-06-15",
        ),
        events=[
            coded_event(
                ANDES_STORY,
                "Chile's foreign ministry recalled its ambassador from Lima on Friday.",
                "recalled its ambassador",
                "SANCTION",
                "asserted",
                ("Chile's foreign ministry", "CHL", "GOV"),
                ("Lima", "PER", None),
                mode="diplomatic",
                context=["diplomatic"],
                cameo="161",
                goldstein=-4.0,
                quad_class=4,
                date="2024-06-14",
                confidence=0.8,
            ),
            coded_event(
                ANDES_STORY,
                "Peru's president did not attend the summit in Quito.",
                "attend",
                "CONSULT",
                "negated",
                ("Peru's president", "PER", "GOV"),
                None,
                cameo="044",
                goldstein=2.5,
                quad_class=1,
                date="2024-06-15",
                confidence=0.8,
            ),
            coded_event(
                ANDES_STORY,
                "Protesters in Santiago could march on the congress.",
                "march",
                "PROTEST",
                "hypothetical",
                ("Protesters in Santiago", "CHL", "CVL"),
                ("the congress", "CHL", "GOV"),
                cameo="141",
                goldstein=-6.5,
                quad_class=3,
                confidence=0.8,
            ),
        ],
    )
    bulletin = Analysis(
        Article("bulletin", BULLETIN, Source("bulletin.txt")),
        events=[
            coded_event(
                BULLETIN,
                BULLETIN,
                "signed",
                "AGREE",
                "asserted",
                ("Bolivia", "BOL", None),
                ("Paraguay", "PRY", None),
                cameo="057",
                goldstein=8.0,
                quad_class=1,
                date="2024-06-20",
                confidence=0.8,
            )
        ],
    )
    db = tmp_path / "events.db"
    with Store(db) as store:
        store.add_analysis(andes)
        store.add_analysis(bulletin)
    return db


def test_gdelt_columns_are_the_61_of_the_codebook_in_its_order() -> None:
    assert len(CODEBOOK) == 61
    assert list(GDELT_EVENT_COLUMNS) == CODEBOOK
    assert GDELT_EVENT_COLUMNS.index("EventRootCode") == 28 and GDELT_EVENT_COLUMNS.index("DATEADDED") == 59


def test_fraction_date_is_the_share_of_the_year_gone_by() -> None:
    assert fraction_date(date(2024, 1, 25)) == 2024.0685
    assert fraction_date(date(2023, 7, 2)) == 2023.5014
    assert fraction_date(date(2023, 12, 31)) == 2023.9999
    assert fraction_date(date(2024, 12, 31)) == 2024.9999


def stored(**fields) -> StoredEvent:
    values = dict.fromkeys(EVENT_FIELDS)
    values.update(context=[], trigger="met", sentence="", sentence_start=0, sentence_end=0, confidence=0.8)
    return StoredEvent(**{**values, **fields})


def test_gdelt_record_fills_what_is_known_and_leaves_the_rest_empty() -> None:
    event = stored(
        article_id="a",
        published="2024-02-02",
        source="https://example.org/a",
        date="2024-02-01",
        type="COERCE",
        status="asserted",
        cameo="1721",
        goldstein=-5.0,
        quad_class=4,
        actor="Army\tof the\nnorth",
        actor_country="XKX",
        actor_sector="MIL",
        recipient="farmers",
        recipient_sector="CVL",
    )
    record = dict(zip(GDELT_EVENT_COLUMNS, gdelt_record(event, 7), strict=True))
    known = {name: value for name, value in record.items() if value is not None}
    assert known == {
        "GLOBALEVENTID": 7,
        "SQLDATE": "20240201",
        "MonthYear": "202402",
        "Year": 2024,
        "FractionDate": 2024.0877,
        "Actor1Code": "XKXMIL",
        "Actor1Name": "ARMY\tOF THE\nNORTH",
        "Actor1CountryCode": "XKX",
        "Actor1Type1Code": "MIL",
        "Actor2Code": "CVL",
        "Actor2Name": "FARMERS",
        "Actor2Type1Code": "CVL",
        "IsRootEvent": 1,
        "EventCode": "1721",
        "EventBaseCode": "172",
        "EventRootCode": "17",
        "QuadClass": 4,
        "GoldsteinScale": -5.0,
        "NumMentions": 1,
        "NumSources": 1,
        "NumArticles": 1,
        "DATEADDED": "20240202000000",
        "SOURCEURL": "https://example.org/a",
    }
    out = io.StringIO()
    assert write_gdelt_events([event, stored(status="negated")], out) == 1
    line = out.getvalue()
    assert line.endswith("\n") and line.count("\n") == 1
    fields = line.rstrip("\n").split("\t")
    assert len(fields) == 61
    assert fields[6] == "ARMY OF THE NORTH" and fields[30] == "-5" and fields[4] == "2024.0877"
    empty = stored(status="future")
    out = io.StringIO()
    assert write_gdelt_events([empty], out, all_statuses=True) == 1
    assert out.getvalue().split("\t")[1:5] == ["", "", "", ""]


def test_export_csv_writes_every_field_of_every_event_with_a_header(tmp_path: Path) -> None:
    db = export_db(tmp_path)
    result = CliRunner().invoke(cli, ["export", "events", "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == ",".join(EVENT_FIELDS)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(row["trigger"], row["status"]) for row in rows] == [
        ("recalled its ambassador", "asserted"),
        ("attend", "negated"),
        ("signed", "asserted"),
        ("march", "hypothetical"),
    ]
    recall = rows[0]
    assert (recall["actor"], recall["actor_country"], recall["recipient"], recall["context"]) == (
        "Chile's foreign ministry",
        "CHL",
        "Lima",
        "diplomatic",
    )
    assert recall["sentence"] == "Chile's foreign ministry recalled its ambassador from Lima on Friday."
    assert (recall["source"], recall["outlet"], recall["cameo"]) == (
        "https://example.org/andes",
        "Cordillera Post",
        "161",
    )
    assert rows[2]["source"] == "bulletin.txt" and rows[2]["published"] == ""
    assert "4 events written to standard output" in result.stderr


def test_export_parquet_has_the_csv_columns_and_needs_an_output_file(tmp_path: Path) -> None:
    db = export_db(tmp_path)
    path = tmp_path / "events.parquet"
    result = CliRunner().invoke(cli, ["export", "events", "--db", str(db), "--format", "parquet", "-o", str(path)])
    assert result.exit_code == 0, result.output
    table = pq.read_table(path)
    assert table.column_names == list(EVENT_FIELDS)
    assert table.column("trigger").to_pylist() == ["recalled its ambassador", "attend", "signed", "march"]
    to_stdout = CliRunner().invoke(cli, ["export", "events", "--db", str(db), "--format", "parquet"])
    assert to_stdout.exit_code == 2 and "--output" in to_stdout.output


def test_export_gdelt_has_61_tab_separated_fields_no_header_and_only_asserted_events(tmp_path: Path) -> None:
    db = export_db(tmp_path)
    result = CliRunner().invoke(cli, ["export", "events", "--db", str(db), "--format", "gdelt"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    records = [dict(zip(GDELT_EVENT_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    recall, accord = records
    assert recall["GLOBALEVENTID"] == "1" and accord["GLOBALEVENTID"] == "2"
    assert (recall["SQLDATE"], recall["MonthYear"], recall["Year"], recall["FractionDate"]) == (
        "20240614",
        "202406",
        "2024",
        "2024.4548",
    )
    assert (recall["Actor1Code"], recall["Actor1Name"], recall["Actor1CountryCode"], recall["Actor1Type1Code"]) == (
        "CHLGOV",
        "CHILE'S FOREIGN MINISTRY",
        "CHL",
        "GOV",
    )
    assert (recall["Actor2Code"], recall["Actor2Name"], recall["Actor2Type1Code"]) == ("PER", "LIMA", "")
    assert (recall["EventCode"], recall["EventBaseCode"], recall["EventRootCode"]) == ("161", "161", "16")
    assert (recall["QuadClass"], recall["GoldsteinScale"], recall["IsRootEvent"]) == ("4", "-4", "1")
    assert (recall["NumMentions"], recall["NumSources"], recall["NumArticles"], recall["AvgTone"]) == (
        "1",
        "1",
        "1",
        "",
    )
    assert recall["DATEADDED"] == "20240615000000" and recall["SOURCEURL"] == "https://example.org/andes"
    assert all(recall[name] == "" for name in GDELT_EVENT_COLUMNS if "Geo_" in name)
    # An undated article: DATEADDED falls back to the event's day, SOURCEURL to the path it was read from.
    assert (accord["EventCode"], accord["EventBaseCode"], accord["EventRootCode"], accord["QuadClass"]) == (
        "057",
        "057",
        "05",
        "1",
    )
    assert (accord["Actor1Code"], accord["Actor2Code"], accord["GoldsteinScale"]) == ("BOL", "PRY", "8")
    assert (accord["DATEADDED"], accord["SOURCEURL"]) == ("20240620000000", "bulletin.txt")
    assert "2 events written" in result.stderr and "2 negated, future or hypothetical left out" in result.stderr

    everything = CliRunner().invoke(cli, ["export", "events", "--db", str(db), "--format", "gdelt", "--all-statuses"])
    lines = everything.stdout.splitlines()
    assert len(lines) == 4 and all(len(line.split("\t")) == 61 for line in lines)
    assert [line.split("\t")[26] for line in lines] == ["161", "044", "057", "141"]
    assert lines[3].split("\t")[1] == "20240615"  # undated event: the article's day


def test_export_writes_to_a_file_with_output(tmp_path: Path) -> None:
    db, target = export_db(tmp_path), tmp_path / "out" / "events.tsv"
    target.parent.mkdir()
    result = CliRunner().invoke(cli, ["export", "events", "--db", str(db), "--format", "gdelt", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and f"2 events written to {target}" in result.stderr
    assert [len(line.split("\t")) for line in target.read_text(encoding="utf-8").splitlines()] == [61, 61]


def test_export_gdelt_loads_with_pandas_under_gdelt_names(tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    db, target = export_db(tmp_path), tmp_path / "events.tsv"
    CliRunner().invoke(cli, ["export", "events", "--db", str(db), "--format", "gdelt", "-o", str(target)])
    plain = pandas.read_csv(target, sep="\t", header=None, names=GDELT_EVENT_COLUMNS)
    assert plain.shape == (2, 61)
    assert list(plain["QuadClass"]) == [4, 1] and list(plain["GoldsteinScale"]) == [-4.0, 8.0]
    assert list(plain["SQLDATE"]) == [20240614, 20240620] and plain["Actor1Geo_Lat"].isna().all()
    frame = read_gdelt_events(target)
    assert list(frame.columns) == CODEBOOK
    assert list(frame["EventRootCode"]) == ["16", "05"] and list(frame["EventCode"]) == ["161", "057"]
    assert list(frame["Actor1Code"]) == ["CHLGOV", "BOL"] and list(frame["GLOBALEVENTID"]) == [1, 2]
