"""Stored events written out for other tools: every field as CSV, or GDELT 2.0's Event table layout.

The GDELT layout lets code written for GDELT (a pandas notebook, a BigQuery schema, a dashboard) read our
events unchanged. GDELT ships its event files tab-separated with no header row, so pass
`GDELT_EVENT_COLUMNS` as the names (or use `read_gdelt_events`):

    pandas.read_csv("events.tsv", sep="\\t", header=None, names=GDELT_EVENT_COLUMNS, dtype=str)

GDELT codes only events that happened, so `write_gdelt_events` leaves out negated, future and hypothetical
events unless asked for every status. Fields we do not know (known groups, ethnicity, religion, tone,
geography) are left empty rather than guessed.
"""

from __future__ import annotations

import csv
import dataclasses
import os
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from newsgraph.store.database import StoredEvent, StoredQuote

if TYPE_CHECKING:
    import pandas

EVENT_FIELDS: tuple[str, ...] = tuple(field.name for field in dataclasses.fields(StoredEvent))
"""The header of the CSV export and of `newsgraph events --format csv`: every StoredEvent field, in order."""

_ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

# The 61 columns of a GDELT 2.0 Event table record, in file order, as named in the GDELT 2.0 Event Codebook
# (GDELT Project, "GDELT 2.0 Event Database Codebook V2.0", 2015; the same names as the BigQuery table
# gdelt-bq.gdeltv2.events, where the codebook's "Day" is SQLDATE): 5 id and date fields, 10 for each of
# the two actors, 10 event fields, 8 geography fields for each of Actor1, Actor2 and the action, then
# DATEADDED and SOURCEURL.
GDELT_EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{name}" for name in _ACTOR_FIELDS),
    *(f"Actor2{name}" for name in _ACTOR_FIELDS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{name}" for name in _GEO_FIELDS),
    *(f"Actor2Geo_{name}" for name in _GEO_FIELDS),
    *(f"ActionGeo_{name}" for name in _GEO_FIELDS),
    "DATEADDED",
    "SOURCEURL",
)

# The numeric columns; `read_gdelt_events` reads every other one as text, so that CAMEO codes ("040",
# "0251") keep their leading zero.
_GDELT_NUMBERS = frozenset(
    {
        "GLOBALEVENTID",
        "SQLDATE",
        "MonthYear",
        "Year",
        "FractionDate",
        "IsRootEvent",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
        "DATEADDED",
        *(f"{geo}_{name}" for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo") for name in ("Type", "Lat", "Long")),
    }
)


def write_events_csv(rows: Iterable[StoredEvent], out: TextIO) -> int:
    """Every field of every event as CSV with a header row (contexts joined by "|"); returns the row count."""
    return _write_csv(EVENT_FIELDS, rows, out)


def write_events_parquet(rows: Iterable[StoredEvent], path: str | os.PathLike[str]) -> int:
    """Every field of every event as a Parquet file (the columns of the CSV, contexts as lists), for
    pandas, R, DuckDB and Spark; returns the row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = [vars(row) for row in rows]
    columns = {name: [record[name] for record in records] for name in EVENT_FIELDS}
    pq.write_table(pa.table(columns), path)
    return len(records)


def write_gdelt_events(rows: Iterable[StoredEvent], out: TextIO, *, all_statuses: bool = False) -> int:
    """The events as GDELT 2.0 Event records: tab-separated, no header, 61 fields; returns the record count.

    Only asserted events are written unless `all_statuses`; GLOBALEVENTID numbers them from 1 in the
    order given.
    """
    written = 0
    for row in rows:
        if row.status != "asserted" and not all_statuses:
            continue
        written += 1
        out.write("\t".join(_tsv_cell(value) for value in gdelt_record(row, written)) + "\n")
    return written


def gdelt_record(row: StoredEvent, event_id: int) -> list[Any]:
    """One event as the 61 values of a GDELT 2.0 Event record (None where we know nothing)."""
    day = _date(row.date) or _date(row.published)
    cameo = row.cameo or None
    record: dict[str, Any] = {
        "GLOBALEVENTID": event_id,
        "SQLDATE": day.strftime("%Y%m%d") if day else None,
        "MonthYear": day.strftime("%Y%m") if day else None,
        "Year": day.year if day else None,
        "FractionDate": fraction_date(day) if day else None,
        **_actor("Actor1", row.actor, row.actor_country, row.actor_sector),
        **_actor("Actor2", row.recipient, row.recipient_country, row.recipient_sector),
        "IsRootEvent": 1,
        "EventCode": cameo,
        "EventBaseCode": cameo[:3] if cameo else None,
        "EventRootCode": cameo[:2] if cameo else None,
        "QuadClass": row.quad_class,
        "GoldsteinScale": row.goldstein,
        "NumMentions": 1,
        "NumSources": 1,
        "NumArticles": 1,
        "DATEADDED": _date_added(row),
        "SOURCEURL": row.source,
    }
    return [record.get(name) for name in GDELT_EVENT_COLUMNS]


def fraction_date(day: date) -> float:
    """GDELT's FractionDate: the year plus the share of it gone by that day, 4 decimals (2024-01-25: 2024.0685).

    Capped at .9999 so that 31 December (and 366 in a leap year) stays inside its year.
    """
    return round(day.year + min(day.timetuple().tm_yday / 365, 0.9999), 4)


def read_gdelt_events(path: str | os.PathLike[str] | TextIO, **read_csv: Any) -> pandas.DataFrame:
    """A GDELT 2.0 Event file (ours or GDELT's own) as a pandas DataFrame with GDELT's column names.

    Codes and names are read as text so that CAMEO codes keep their leading zero; pandas is needed
    (`pip install pandas`) but is not a dependency of newsgraph.
    """
    import pandas

    dtype = {name: str for name in GDELT_EVENT_COLUMNS if name not in _GDELT_NUMBERS}
    options = {"sep": "\t", "header": None, "names": list(GDELT_EVENT_COLUMNS), "dtype": dtype, **read_csv}
    return pandas.read_csv(path, **options)


def _actor(prefix: str, name: str | None, country: str | None, sector: str | None) -> dict[str, Any]:
    """Code (country then sector: "USAGOV", "USA", "GOV"), upper-cased name, country and type of one actor."""
    return {
        f"{prefix}Code": f"{country or ''}{sector or ''}" or None,
        f"{prefix}Name": name.upper() if name else None,
        f"{prefix}CountryCode": country,
        f"{prefix}Type1Code": sector,
    }


def _date_added(row: StoredEvent) -> str | None:
    """YYYYMMDDHHMMSS of the article's publication day at midnight (the event's day when undated), so that
    exporting the same store twice gives the same file."""
    day = _date(row.published) or _date(row.date)
    return day.strftime("%Y%m%d000000") if day else None


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def write_quotes_csv(rows: Iterable[StoredQuote], out: TextIO) -> int:
    """Every field of every quote as CSV with a header row; returns the row count."""
    return _write_csv([field.name for field in dataclasses.fields(StoredQuote)], rows, out)


def _write_csv(header: Iterable[str], rows: Iterable[StoredEvent] | Iterable[StoredQuote], out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    written = 0
    for row in rows:
        writer.writerow([_csv_value(name, value) for name, value in vars(row).items()])
        written += 1
    return written


def _csv_value(name: str, value: Any) -> Any:
    """A CSV cell; text a spreadsheet would run as a formula ("=HYPERLINK(...)", "+1", "@SUM") gets a
    leading apostrophe, so opening an export of hostile articles runs nothing."""
    if name == "context":
        value = "|".join(value)
    if isinstance(value, str) and value[:1] in _FORMULA_STARTS:
        return "'" + value
    return value


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _tsv_cell(value: Any) -> str:
    """One field of a GDELT record: empty for None, no tabs or line breaks inside, floats without a spare .0."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return " ".join(str(value).split())
