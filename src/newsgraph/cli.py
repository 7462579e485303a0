"""The `newsgraph` command: parse arguments, call the library, format the result.

Data goes to stdout, progress and problems to stderr. Exit codes: 0 all inputs fine, 1 some inputs
failed (each named on stderr), 2 nothing usable or a usage error.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import shutil
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import click

from newsgraph import __version__
from newsgraph.articles.reading import DEFAULT_MAX_BYTES, ReadOptions, expand_paths, read_file
from newsgraph.errors import InputError, NewsgraphError
from newsgraph.events.actors import ActorDictionary, load_actors
from newsgraph.events.ontology import PLOVER_TYPES
from newsgraph.ingest import IngestCounts, ingest, load
from newsgraph.limits import TIME_LIMIT
from newsgraph.model import Article, to_json
from newsgraph.scale.runners import Runner, RunnerError, make_runner
from newsgraph.scale.tasks import Settings, analyses, prepare_worker, write_dataset
from newsgraph.store import DEFAULT_DB, Store
from newsgraph.store.database import EVENT_STATUSES, StoredEvent, StoredQuote, parse_dyad, parse_iso_date
from newsgraph.store.lock import writing
from newsgraph.stories import StoryUpdate, update_stories

EXIT_OK, EXIT_SOME_FAILED, EXIT_NOTHING_USABLE = 0, 1, 2

db_option = click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    envvar="NEWSGRAPH_DB",
    type=click.Path(dir_okay=False),
    help="SQLite database file (env NEWSGRAPH_DB).",
)
corpora_argument = click.argument(
    "corpora", type=click.Path(exists=True, file_okay=False, path_type=Path), default="../shared/corpora"
)
actors_option = click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="An actor dictionary (our CSV name,code, or PETRARCH .actors/.agents) for coding event parties, or a"
    " PETRARCH .verbs or discards file for coding events; repeatable.",
)
model_option = click.option(
    "--model",
    default=None,
    envvar="NEWSGRAPH_MODEL",
    help="An installed spaCy pipeline or a folder to use instead of the shipped model (env NEWSGRAPH_MODEL).",
)


def runner_options(command):  # type: ignore[no-untyped-def]
    """--workers, --dask and --dask-local: where the analysis runs (docs/performance.md); --time-limit."""
    command = click.option(
        "--dask-local",
        type=click.IntRange(min=1),
        metavar="N",
        help="Start a local Dask cluster of N single-threaded worker processes and analyse on it.",
    )(command)
    command = click.option(
        "--dask",
        metavar="ADDRESS",
        envvar="NEWSGRAPH_DASK",
        help="Analyse on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786; env NEWSGRAPH_DASK).",
    )(command)
    command = click.option(
        "--time-limit",
        default=TIME_LIMIT,
        show_default=True,
        type=click.FloatRange(min=0.1),
        metavar="SECONDS",
        help="Give up an article whose analysis takes longer (reported as an error; docs/reliability.md).",
    )(command)
    return click.option(
        "-w",
        "--workers",
        type=click.IntRange(min=1),
        envvar="NEWSGRAPH_WORKERS",
        help="Worker processes that analyse (default: one per core; 1 analyses in this process).",
    )(command)


max_size_option = click.option(
    "--max-size",
    "max_size_mb",
    default=DEFAULT_MAX_BYTES / 2**20,
    show_default=True,
    type=click.FloatRange(min=0.001),
    envvar="NEWSGRAPH_MAX_SIZE",
    help="Skip (and report) files larger than this many MiB.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="newsgraph")
@click.option("--debug", is_flag=True, help="Show the full traceback of an internal error.")
def cli(debug: bool) -> None:
    """Who did what to whom, and who said what, from your own news corpus, offline.

    \b
    Typical session:
      newsgraph ingest ~/news/            # read, analyse and store a folder of news
      newsgraph articles --search tariff  # full-text search the store
      newsgraph analyze story.html        # print the JSON contract, store nothing
    """


@cli.command(name="ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@max_size_option
@model_option
@actors_option
@runner_options
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary and errors.")
@click.option(
    "--no-stories", is_flag=True, help="Do not update stories now (`newsgraph stories --update` does it later)."
)
def ingest_cmd(
    paths: tuple[str, ...],
    db: str,
    max_size_mb: float,
    model: str | None,
    actor_files: tuple[str, ...],
    workers: int | None,
    time_limit: float,
    dask: str | None,
    dask_local: int | None,
    quiet: bool,
    no_stories: bool,
) -> None:
    """Read news files, analyse them and store the results in the database.

    PATHS are files, folders (read recursively), globs or - for standard input. Formats are
    recognised by content: HTML (also .gz), plain text, JSON Lines, JSON, CSV/TSV, RSS/Atom, WARC.
    Re-running on the same inputs adds nothing; an interrupted run resumes where it stopped.
    New articles are then placed in stories (near copies marked, events and quotes merged).
    The analysis runs on one process per core unless --workers, --dask or --dask-local say otherwise;
    the result is the same.

    \b
    Examples:
      newsgraph ingest --db news.db ~/crawl/2024-03/ feeds/*.xml
      newsgraph ingest --db news.db --dask tcp://scheduler:8786 archive/*.jsonl.gz
    """
    options = ReadOptions(max_bytes=int(max_size_mb * 2**20))
    model_name = _model_name(model)
    settings = Settings(model, _actors(actor_files), time_limit)
    inputs = list(expand_paths(paths))
    counts = IngestCounts()
    with _writing(db, "ingest"), Store(db) as store, _runner(workers, dask, dask_local, settings) as runner:
        run_id = store.start_run("ingest", list(paths), model_name)
        status = "failed"
        try:
            with _progress(inputs, "ingest") as bar:
                for event in ingest(inputs, store, run_id, counts, options, settings, runner):
                    if event.kind == "file":
                        bar.update(1)
                    elif event.kind == "error":
                        click.echo(f"error: {event.message}", err=True)
                    elif event.kind == "duplicate" and not quiet:
                        click.echo(f"duplicate: {event.path}: {event.message} (stored once)", err=True)
            status = "done"
        except KeyboardInterrupt:
            status = "interrupted"
            raise
        finally:
            summary = store.finish_run(run_id, status, counts.as_dict())
        click.echo(
            f"run {summary.id}: {counts.read} articles read, {counts.added} added, {counts.duplicates} duplicates,"
            f" {counts.already_stored} already stored, {counts.errors} errors -> {db}",
            err=True,
        )
        if not no_stories:
            click.echo(_story_update_line(update_stories(store)), err=True)
    sys.exit(_exit_code(counts.read, counts.errors))


@cli.command(name="load")
@click.argument("dataset", type=click.Path(file_okay=False, path_type=Path))
@db_option
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary and errors.")
@click.option(
    "--no-stories", is_flag=True, help="Do not update stories now (`newsgraph stories --update` does it later)."
)
def load_cmd(dataset: Path, db: str, quiet: bool, no_stories: bool) -> None:
    """Bring a Parquet dataset written by `newsgraph analyze --out` into the database.

    Articles already stored are skipped, as in `ingest`, so loading twice adds nothing; a damaged file
    is reported by name and the rest still loads. Stories are then updated as after an ingest.

    \b
    Example:
      newsgraph analyze --dask tcp://scheduler:8786 --out 2024.parquet crawl/2024/
      newsgraph load 2024.parquet --db news.db
    """
    from newsgraph.scale.parquet import DatasetError, read_analyses

    problems: list[InputError] = []
    counts = IngestCounts()
    try:
        analyses_read = read_analyses(dataset, problems)
    except DatasetError as exc:
        raise click.ClickException(str(exc)) from None
    with _writing(db, "load"), Store(db) as store:
        run_id = store.start_run("load", [str(dataset)])
        status = "failed"
        try:
            for event in load(analyses_read, store, run_id, counts, problems):
                if event.kind == "error":
                    click.echo(f"error: {event.message}", err=True)
                elif event.kind == "duplicate" and not quiet:
                    click.echo(f"duplicate: {event.path}: {event.message} (stored once)", err=True)
            status = "done"
        except KeyboardInterrupt:
            status = "interrupted"
            raise
        finally:
            summary = store.finish_run(run_id, status, counts.as_dict())
        click.echo(
            f"run {summary.id}: {counts.read} articles read, {counts.added} added, {counts.duplicates} duplicates,"
            f" {counts.already_stored} already stored, {counts.errors} errors -> {db}",
            err=True,
        )
        if not no_stories:
            click.echo(_story_update_line(update_stories(store)), err=True)
    sys.exit(_exit_code(counts.read, counts.errors))


def _writing(db: str, command: str) -> contextlib.AbstractContextManager[None]:
    """The store's writer lock (`store/lock.py`), saying on stderr why this command waits, if it does."""
    return writing(db, command, lambda reason: click.echo(reason, err=True))


def _runner(workers: int | None, dask: str | None, dask_local: int | None, settings: Settings) -> Runner:
    """The runner the flags ask for, with a clear error when a Dask scheduler cannot be reached."""
    if dask and dask_local:
        raise click.UsageError("give --dask ADDRESS or --dask-local N, not both")
    if (dask or dask_local) and workers:
        raise click.UsageError("--workers sets a local process pool; with Dask, the cluster's workers do the work")
    try:
        return make_runner(workers, dask, dask_local, initializer=prepare_worker, initargs=(settings,))
    except RunnerError as exc:
        raise click.ClickException(str(exc)) from None


def _story_update_line(update: StoryUpdate) -> str:
    if not update.articles:
        return "stories: nothing new"
    return (
        f"stories: {update.articles} articles placed, {update.copies} near copies marked,"
        f" {update.new_stories} new stories, {update.stories_updated} stories updated"
    )


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json"]),
    default="jsonl",
    show_default=True,
    help="One JSON object per line, or one JSON array.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write a Parquet dataset partitioned by publication date to this folder instead (DIR.parquet).",
)
@max_size_option
@model_option
@actors_option
@runner_options
def analyze(
    paths: tuple[str, ...],
    fmt: str,
    out: Path | None,
    max_size_mb: float,
    model: str | None,
    actor_files: tuple[str, ...],
    workers: int | None,
    time_limit: float,
    dask: str | None,
    dask_local: int | None,
) -> None:
    """Analyse news files and print the data contract (docs/contract.md) to stdout; store nothing.

    Each article becomes one object with its clean text, metadata, entities, quotes and events.
    With --out, the analyses go to a Parquet dataset instead (tables articles, entities, quotes and
    events, partitioned by publication date), written by the workers themselves, so that a cluster run
    never funnels through one file; `newsgraph load DIR` brings it into a database.

    \b
    Examples:
      newsgraph analyze story.html | jq .title
      newsgraph analyze --dask tcp://scheduler:8786 --out /shared/2024.parquet /shared/crawl/2024/
    """
    options = ReadOptions(max_bytes=int(max_size_mb * 2**20))
    _model_name(model)
    settings = Settings(model, _actors(actor_files), time_limit)
    inputs = list(expand_paths(paths))
    errors: list[InputError] = []
    with _progress(inputs, "analyze") as bar, _runner(workers, dask, dask_local, settings) as runner:
        articles = _read_reporting(bar, options, errors)
        if out is not None:
            printed = _write_dataset(runner, articles, settings, out, errors)
        else:
            printed = _print_analyses(runner, articles, settings, fmt, errors)
    sys.exit(_exit_code(printed, len(errors)))


def _read_reporting(bar, options: ReadOptions, errors: list[InputError]) -> Iterator[Article]:  # type: ignore[no-untyped-def]
    """The articles of every input, lazily, with each problem printed and counted as it is met."""
    for item in bar:
        if isinstance(item, InputError):
            _report(item, errors)
            continue
        for read in read_file(item, options):
            if isinstance(read, InputError):
                _report(read, errors)
            else:
                yield read


def _report(error: InputError, errors: list[InputError]) -> None:
    errors.append(error)
    click.echo(f"error: {error}", err=True)


def _print_analyses(
    runner: Runner, articles: Iterator[Article], settings: Settings, fmt: str, errors: list[InputError]
) -> int:
    printed = 0
    if fmt == "json":
        click.echo("[", nl=False)
    for chunk in analyses(runner, articles, settings):
        for _, result in chunk:
            if isinstance(result, InputError):
                _report(result, errors)
                continue
            printed += 1
            obj = to_json(result)
            if fmt == "jsonl":
                click.echo(json.dumps(obj, ensure_ascii=False))
            else:
                separator = ",\n" if printed > 1 else "\n"
                click.echo(separator + json.dumps(obj, ensure_ascii=False, indent=2), nl=False)
    if fmt == "json":
        click.echo("\n]" if printed else "]")
    return printed


def _write_dataset(
    runner: Runner, articles: Iterator[Article], settings: Settings, out: Path, errors: list[InputError]
) -> int:
    written = 0
    for chunk in write_dataset(runner, articles, settings, out):
        written += chunk.articles
        for error in chunk.errors:
            _report(error, errors)
    click.echo(f"{written} article{'' if written == 1 else 's'} written to {out}", err=True)
    return written


@cli.command()
@db_option
@click.option("-s", "--search", help="Full-text search over titles and text (all words must match).")
@click.option("--outlet", help="Only articles from this outlet.")
@click.option("-n", "--limit", default=50, show_default=True, type=click.IntRange(min=1))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def articles(db: str, search: str | None, outlet: str | None, limit: int, fmt: str) -> None:
    """List or search the articles in the database, newest first (best match first with --search).

    \b
    Example:
      newsgraph articles --search "fisheries quota" --limit 5
    """
    with Store(db, readonly=True) as store:
        rows = list(store.articles(search=search, outlet=outlet, limit=limit))
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(vars(row), ensure_ascii=False))
        return
    if not rows:
        click.echo("no articles match" if search or outlet else f"no articles in {db}", err=True)
        return
    for row in rows:
        title = row.title or "(untitled)"
        click.echo(
            f"{row.id[:16]:<16}  {row.published or '----------':<10}  {(row.outlet or '-')[:22]:<22}  {title[:70]}"
        )
        if search:
            click.echo(f"{'':<16}  {' '.join(row.snippet.split())}")


@cli.command()
@db_option
@click.option("--kind", type=click.Choice(["person", "organisation", "place"]), help="Only entities of this kind.")
@click.option("--country", help="Only entities of this country (ISO 3166 alpha-3, e.g. BRA).")
@click.option("-s", "--search", help="Only entities whose name or alias contains this text.")
@click.option("-n", "--limit", default=50, show_default=True, type=click.IntRange(min=1))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def entities(db: str, kind: str | None, country: str | None, search: str | None, limit: int, fmt: str) -> None:
    """List the people, organisations and places in the database, most widely mentioned first.

    A person named in full is one row across articles: an article that gives no country counts for the
    country the other articles give, and roles and affiliations are those of every article.

    \b
    Example:
      newsgraph entities --kind person --country PER
    """
    with Store(db, readonly=True) as store:
        rows = store.entities(kind=kind, country=country, search=search, limit=limit)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(vars(row), ensure_ascii=False))
        return
    if not rows:
        click.echo("no entities match", err=True)
        return
    for row in rows:
        described = "; ".join([*row.roles[:2], *row.affiliations[:1]])
        click.echo(
            f"{row.articles:>4}  {row.kind:<12}  {row.country or '-':<3}  {row.sector or '-':<3}  "
            f"{row.name[:32]:<32}  {described[:60]}"
        )


@cli.command()
@db_option
@click.option("--speaker", help="Only quotes whose speaker's name contains this text (case and accents ignored).")
@click.option("--outlet", help="Only quotes from articles of this outlet (case ignored).")
@click.option("-s", "--search", help="Full-text search over the quote text (all words must match).")
@click.option("--kind", type=click.Choice(["direct", "indirect", "mixed"]), help="Only quotes of this kind.")
@click.option("-n", "--limit", default=50, show_default=True, type=click.IntRange(min=1))
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table", show_default=True)
def quotes(
    db: str, speaker: str | None, outlet: str | None, search: str | None, kind: str | None, limit: int, fmt: str
) -> None:
    """List who said what: the quotes in the database, oldest article first, in text order within one.

    The table gives each quote two lines: date, outlet, kind and speaker (with role, affiliation and
    country when known), then the quote shortened to the terminal's width; csv and jsonl give every
    field in full. A named speaker's role, affiliation or country that the quote's own article does not
    give comes from what the other stored articles say of the same full name.

    \b
    Example:
      newsgraph quotes --speaker ibanez --search exporters --format csv > quotes.csv
    """
    with Store(db, readonly=True) as store:
        rows = store.quotes(speaker=speaker, outlet=outlet, search=search, kind=kind, limit=limit)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(vars(row), ensure_ascii=False))
        return
    if fmt == "csv":
        from newsgraph.export import write_quotes_csv

        buffer = io.StringIO()
        write_quotes_csv(rows, buffer)
        click.echo(buffer.getvalue(), nl=False)
        return
    if not rows:
        filtered = speaker or outlet or search or kind
        click.echo("no quotes match" if filtered else f"no quotes in {db}", err=True)
        return
    width = max(shutil.get_terminal_size((160, 24)).columns, 60)
    for row in rows:
        click.echo(
            f"{row.published or '----------':<10}  {_shorten(row.outlet or '-', 22):<22}  {row.kind:<8}  "
            f"{_speaker_cell(row, width - 46)}"
        )
        click.echo(f"            {_shorten(row.text, width - 12)}")


def _dyad_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    try:
        return ":".join(parse_dyad(value)) if value else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    try:
        return parse_iso_date(value, f"--{param.name}")
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None


@cli.command()
@db_option
@click.option(
    "--actor",
    help=(
        "Only events whose actor's name contains this text (case and accents ignored) or whose country it "
        "is; three capitals (NGA) are a country code alone."
    ),
)
@click.option(
    "--recipient",
    help="Only events whose recipient's name contains this text, or whose country it is (three capitals: a code).",
)
@click.option(
    "--dyad",
    callback=_dyad_option,
    help="Only events from one country to another: ACTOR:RECIPIENT, ISO 3166 alpha-3 (e.g. RUS:UKR).",
)
@click.option(
    "--type",
    "event_type",
    type=click.Choice(PLOVER_TYPES, case_sensitive=False),
    metavar="TYPE",
    help=f"Only events of this PLOVER type: {', '.join(PLOVER_TYPES)}.",
)
@click.option("--status", type=click.Choice(EVENT_STATUSES), help="Only events with this status.")
@click.option("--since", metavar="DATE", callback=_date_option, help="Only events on or after DATE (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", callback=_date_option, help="Only events on or before DATE (YYYY-MM-DD).")
@click.option("-s", "--search", help="Only events whose sentence has all these words (full-text).")
@click.option("-n", "--limit", default=50, show_default=True, type=click.IntRange(min=1))
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table", show_default=True)
def events(
    db: str,
    actor: str | None,
    recipient: str | None,
    dyad: str | None,
    event_type: str | None,
    status: str | None,
    since: str | None,
    until: str | None,
    search: str | None,
    limit: int,
    fmt: str,
) -> None:
    """List who did what to whom: the events in the database, earliest first (undated last).

    The table gives each event two lines: date, PLOVER type, status and "ACTOR (COUNTRY) -> RECIPIENT
    (COUNTRY)", then the sentence it was coded from, shortened to the terminal's width; csv and jsonl
    give every field in full. `newsgraph export events` writes every event, also in GDELT's layout.

    \b
    Examples:
      newsgraph events --dyad USA:CHN --type SANCTION --since 2024-01-01
      newsgraph events --actor "foreign ministry" --status negated --format csv > refusals.csv
    """
    filters = {
        "actor": actor,
        "recipient": recipient,
        "dyad": dyad,
        "type": event_type,
        "status": status,
        "since": since,
        "until": until,
        "search": search,
    }
    with Store(db, readonly=True) as store:
        try:
            rows = store.events(**filters, limit=limit)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(vars(row), ensure_ascii=False))
        return
    if fmt == "csv":
        from newsgraph.export import write_events_csv

        buffer = io.StringIO()
        write_events_csv(rows, buffer)
        click.echo(buffer.getvalue(), nl=False)
        return
    if not rows:
        click.echo("no events match" if any(filters.values()) else f"no events in {db}", err=True)
        return
    width = max(shutil.get_terminal_size((160, 24)).columns, 60)
    for row in rows:
        head = f"{row.date or '----------':<10}  {row.type:<9}  {row.status:<12}  "
        click.echo(head + _shorten(_dyad_cell(row), width - len(head)))
        click.echo(f"            {_shorten(row.sentence, width - 12)}")


@cli.command()
@db_option
@click.option("-s", "--search", help="Only stories whose label contains this text (case ignored).")
@click.option("-n", "--limit", default=50, show_default=True, type=click.IntRange(min=1))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--update", "refresh", is_flag=True, help="First place articles that are in no story yet.")
@click.option("--rebuild", is_flag=True, help="First rebuild every story from the stored articles.")
def stories(db: str, search: str | None, limit: int, fmt: str, refresh: bool, rebuild: bool) -> None:
    """List the stories: articles about one happening across outlets, most recently active first.

    Each row gives the story's id, first and last date, articles (not counting near copies), outlets
    and label (its main actors and main event). `--format json` prints a list of {"id", "label",
    "first", "last", "outlets", "articles"}, where articles are the stored articles' ids (the input
    records' own ids), near copies and exact copies included.

    \b
    Examples:
      newsgraph stories --db news.db --search "Guinea-Bissau"
      newsgraph stories --db news.db --rebuild --format json > stories.json
    """
    if refresh or rebuild:
        with _writing(db, "stories"), Store(db) as store:
            click.echo(_story_update_line(update_stories(store, rebuild=rebuild)), err=True)
    from newsgraph.stories.queries import list_stories

    with Store(db, readonly=True) as store:
        rows = list_stories(store, search, limit)
    if fmt == "json":
        keys = ("id", "label", "first", "last", "outlets", "articles")
        click.echo(json.dumps([{key: getattr(row, key) for key in keys} for row in rows], ensure_ascii=False, indent=1))
        return
    if not rows:
        click.echo("no stories match" if search else f"no stories in {db}", err=True)
        return
    width = max(shutil.get_terminal_size((160, 24)).columns, 60)
    for row in rows:
        copies = f" +{row.copies} copies" if row.copies else ""
        dates = f"{row.first or '----------'}  {row.last or '----------'}"
        head = f"{row.id:>5}  {dates}  {row.num_articles:>3} articles{copies}"
        click.echo(f"{head}  {_shorten(row.label or '', width - len(head) - 2)}")
        click.echo(f"       {_shorten(', '.join(row.outlets) or '(no outlet named)', width - 7)}")


@cli.command()
@click.argument("story_id", type=int)
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def story(story_id: int, db: str, fmt: str) -> None:
    """One story: its articles, its merged events with counts, its merged quotes with provenance, and
    what was expected against what came of it.

    An event reported by several articles is listed once, with the number of clauses, articles and
    sources (outlets) reporting it and the article that reported it first; near copies are shown but
    not counted. A quote carried by several articles is listed once with the outlet that carried it first
    and those that quoted it again. The ledger gives every planned or expected event as confirmed,
    failed or pending.

    \b
    Example:
      newsgraph story 2 --db news.db --format json
    """
    from newsgraph.stories.queries import story_detail

    with Store(db, readonly=True) as store:
        detail = story_detail(store, story_id)
    if detail is None:
        raise click.UsageError(f"no story {story_id} in {db}; `newsgraph stories --db {db}` lists them")
    if fmt == "json":
        click.echo(json.dumps(dataclasses.asdict(detail), ensure_ascii=False, indent=1))
        return
    width = max(shutil.get_terminal_size((160, 24)).columns, 60)
    summary = detail.summary
    click.echo(f"story {summary.id}: {summary.label}")
    click.echo(
        f"{summary.first or '?'} to {summary.last or '?'}, {summary.num_articles} articles,"
        f" {len(summary.outlets)} outlets"
    )
    click.echo("\narticles")
    for article in detail.articles:
        copy = f"  [copy of {article.copy_of}, {article.similarity:.2f}]" if article.copy_of else ""
        head = f"  {article.published or '----------'}  {(article.outlet or '-')[:22]:<22}  "
        click.echo(head + _shorten(f"{article.title or article.id}{copy}", width - len(head)))
    events_by_n = {event.n: event for event in detail.events}
    click.echo("\nevents (reports: clauses / articles / sources)")
    for event in sorted(detail.events, key=lambda e: (-e.num_articles, -e.num_mentions, e.n)):
        reports = f"{event.num_mentions:>2}/{event.num_articles:>2}/{event.num_sources:>2}"
        head = f"  {event.date or '----------'}  {event.type:<9} {event.status:<12} {reports}  "
        click.echo(head + _shorten(_instance_dyad(event), width - len(head)))
    click.echo("\nquotes (first carried by -> quoted again by)")
    for quote in sorted(detail.quotes, key=lambda q: (-q.num_articles, q.n)):
        again = f" -> {', '.join(quote.requoted_by)}" if quote.requoted_by else ""
        head = f"  {(quote.speaker or '(unattributed)')[:24]:<24}  "
        carried = f"{quote.first_outlet or quote.first_article}{again}: "
        click.echo(head + _shorten(f"{carried}\u201c{quote.text}\u201d", width - len(head)))
    click.echo("\nexpected -> outcome")
    for entry in detail.ledger:
        expected = events_by_n[entry.expected]
        outcome = events_by_n.get(entry.resolved_by) if entry.resolved_by is not None else None
        what = f"{expected.type} {_instance_dyad(expected)}"
        how = f" ({outcome.status}: {outcome.trigger}, {outcome.date or 'undated'})" if outcome else ""
        head = f"  {entry.outcome:<9}  "
        click.echo(head + _shorten(what + how, width - len(head)))


def _instance_dyad(event) -> str:  # type: ignore[no-untyped-def]
    def party(name: str | None, country: str | None) -> str:
        if not name:
            return "-"
        return f"{' '.join(name.split())} ({country})" if country else " ".join(name.split())

    actor, recipient = party(event.actor, event.actor_country), party(event.recipient, event.recipient_country)
    return f"{actor} -> {recipient}: {event.trigger}"


@cli.command()
@click.argument("story_id", type=int)
@db_option
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write: .html (one page that works offline) or .md.",
)
def brief(story_id: int, db: str, output: Path) -> None:
    """Write the briefing of one story: the story in a few of its own sentences, what was agreed, refused
    or did not happen, what was expected and what came of it, a timeline, the voices of each side, which
    outlet reported what, and the main dyad's cooperation and conflict over time. Every line links to the
    sentence in the stored article it comes from.

    \b
    Example:
      newsgraph brief 2 --db news.db -o bissau.html
    """
    from newsgraph.report import build_briefing, write_briefing

    if output.suffix.lower() not in (".html", ".htm", ".md", ".markdown"):
        raise click.UsageError(f"{output}: write the briefing to a .html or .md file")
    with Store(db, readonly=True) as store:
        briefing = build_briefing(store, story_id)
    if briefing is None:
        raise click.UsageError(f"no story {story_id} in {db}; `newsgraph stories --db {db}` lists them")
    write_briefing(briefing, output)
    click.echo(f"briefing of story {story_id} ({briefing.label}) -> {output}", err=True)


@cli.command()
@click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    envvar="NEWSGRAPH_DB",
    type=click.Path(dir_okay=False, exists=True),
    help="SQLite database file (env NEWSGRAPH_DB); opened read-only.",
)
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on; 0.0.0.0 exposes it to the network."
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def serve(db: str, host: str, port: int) -> None:
    """Browse the store in a web browser: stories with search, each story's briefing live, and articles
    with their quotes, event sentences and names highlighted. A JSON API under /api/ mirrors each page
    (documented at /docs). The store is opened read-only, so an ingest can keep writing to it.

    \b
    Example:
      newsgraph serve --db news.db        # then open http://127.0.0.1:8000/
    """
    import uvicorn

    from newsgraph.web import create_app

    app = create_app(db)
    click.echo(f"serving {db} read-only on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.group(name="export")
def export_group() -> None:
    """Write what the database holds to files other tools read (CSV, GDELT's event layout)."""


@export_group.command(name="events")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "parquet", "gdelt"]),
    default="csv",
    show_default=True,
    help="csv: every field, with a header. parquet: the same columns (needs --output). "
    "gdelt: GDELT 2.0 Event records (61 tab-separated fields, no header).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write to this file instead of standard output.",
)
@click.option(
    "--all-statuses",
    is_flag=True,
    help="gdelt: also write negated, future and hypothetical events (GDELT itself has only events that happened).",
)
def export_events(db: str, fmt: str, output: Path | None, all_statuses: bool) -> None:
    """Write every event in the database, earliest first, as CSV or as GDELT 2.0 Event records.

    The gdelt format fills what newsgraph knows: ids numbered from 1, the event's date (the article's when
    undated), actor codes (country then sector: USAGOV), upper-cased names, CAMEO event, base and root
    codes, QuadClass, Goldstein score, 1 mention, source and article, DATEADDED as the publication day at
    midnight and SOURCEURL as the article's URL (or the path it was read from). Group, ethnic, religion,
    tone and geography fields are left empty. Read it with pandas:
    pandas.read_csv(FILE, sep="\\t", header=None, names=newsgraph.export.GDELT_EVENT_COLUMNS), or
    newsgraph.export.read_gdelt_events(FILE).

    \b
    Examples:
      newsgraph export events --db news.db --output events.csv
      newsgraph export events --db news.db --format gdelt --output events.gdelt.tsv
      newsgraph export events --db news.db --format parquet --output events.parquet
    """
    from newsgraph.export import write_events_csv, write_events_parquet, write_gdelt_events

    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet writes a binary file: give it with --output FILE")
    with Store(db, readonly=True) as store:
        rows = store.events(limit=None)
    if fmt == "parquet":
        written = write_events_parquet(rows, output)  # type: ignore[arg-type]
        click.echo(f"{written} event{'' if written == 1 else 's'} written to {output}", err=True)
        return
    with output.open("w", encoding="utf-8", newline="") if output else contextlib.nullcontext(sys.stdout) as out:
        if fmt == "gdelt":
            written = write_gdelt_events(rows, out, all_statuses=all_statuses)
        else:
            written = write_events_csv(rows, out)
    left_out = len(rows) - written
    note = f" ({left_out} negated, future or hypothetical left out; --all-statuses keeps them)" if left_out else ""
    click.echo(f"{written} event{'' if written == 1 else 's'} written to {output or 'standard output'}{note}", err=True)


@cli.command()
@db_option
@click.option("--errors", "show_errors", is_flag=True, help="List each run's errors too.")
def runs(db: str, show_errors: bool) -> None:
    """List the ingest runs recorded in the database, with their counts and errors."""
    with Store(db, readonly=True) as store:
        for run in store.runs():
            click.echo(
                f"run {run.id:<4} {run.started}  {run.status:<11} read {run.articles_read}, added {run.articles_added},"
                f" duplicates {run.duplicates}, already stored {run.already_stored}, errors {run.errors}"
            )
            if show_errors:
                for error in store.run_errors(run.id):
                    click.echo(f"    {error}")


@cli.command()
@click.option(
    "--db",
    default="newsgraph-demo.db",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="Database to (re)create for the demo.",
)
@click.option(
    "--briefings",
    "briefings_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write each story's briefing to (HTML)  [default: the database's name with -briefings].",
)
def demo(db: str, briefings_dir: Path | None) -> None:
    """Ingest the bundled sample corpus into a fresh database, summarise it, and write a briefing for
    each story."""
    briefings_dir = briefings_dir or Path(db).with_name(f"{Path(db).stem}-briefings")
    from newsgraph.evaluate.entities import SAMPLE, SAMPLE_FOLDERS

    paths = [str(SAMPLE / folder) for folder in SAMPLE_FOLDERS]
    inputs = list(expand_paths(paths))
    counts = IngestCounts()
    with _writing(db, "demo"):
        _reset_demo_db(Path(db))
        with Store(db) as store:
            run_id = store.start_run("demo", paths)
            with _progress(inputs, "demo") as bar:
                for event in ingest(inputs, store, run_id, counts):
                    if event.kind == "file":
                        bar.update(1)
                    elif event.kind == "error":
                        click.echo(f"error: {event.message}", err=True)
            store.finish_run(run_id, "done", counts.as_dict())
            update = update_stories(store)
            rows = list(store.articles(limit=1000))
            stored = {row.id: store.article(row.id) for row in rows}
            people = store.entities(kind="person", limit=8)
            totals = store.counts()
    click.echo(f"newsgraph demo: {counts.read} articles read from the bundled sample, {counts.added} stored in {db}")
    click.echo(f"  {totals['quotes']} quotes and {totals['events']} events found")
    click.echo(f"  {totals['stories']} stories; {update.copies} near copies marked")
    if counts.errors:
        click.echo(f"  {counts.errors} inputs failed (listed above)")
    outlets = Counter(row.outlet or "(unknown outlet)" for row in rows)
    dates = sorted(row.published for row in rows if row.published)
    if dates:
        click.echo(f"  published {dates[0]} to {dates[-1]} by {len(outlets)} outlets")
    datelines = Counter(
        f"{a['dateline_place']} ({a['dateline_country'] or '?'})" for a in stored.values() if a and a["dateline_place"]
    )
    if datelines:
        click.echo("  datelines: " + ", ".join(f"{place} x{n}" for place, n in datelines.most_common()))
    click.echo("")
    for row in sorted(rows, key=lambda r: (r.published or "", r.outlet or "")):
        click.echo(
            f"  {row.published or '----------'}  {(row.outlet or '-')[:22]:<22}  {(row.title or '(untitled)')[:72]}"
        )
    if people:
        click.echo("\n  people mentioned most:")
        for person in people:
            described = "; ".join([*person.roles[:1], *person.affiliations[:1]])
            click.echo(
                f"  {person.articles:>3} articles  {person.name:<24} {person.country or '-':<4} {described[:50]}"
            )
    from newsgraph.report import build_briefing, write_briefing
    from newsgraph.stories.queries import list_stories

    with Store(db, readonly=True) as store:
        written = []
        for story in sorted(list_stories(store), key=lambda s: s.id):
            briefing = build_briefing(store, story.id)
            if briefing is not None:
                path = briefings_dir / f"story-{story.id}.html"
                write_briefing(briefing, path)
                written.append(f"  {path}  {briefing.label}")
    if written:
        click.echo("\nbriefings:")
        click.echo("\n".join(written))
    click.echo(f"\nTry: newsgraph articles --db {db} --search sanctions")
    click.echo(f"     newsgraph entities --db {db} --kind person")
    click.echo(f"     newsgraph quotes --db {db} --speaker badji")
    click.echo(f"     newsgraph events --db {db} --dyad GNB:SEN")
    click.echo(f"     newsgraph stories --db {db}")
    click.echo(f"     newsgraph story 1 --db {db}")
    click.echo(f"     newsgraph brief 1 --db {db} -o story-1.md")
    click.echo(f"     newsgraph serve --db {db}   # the dashboard, on http://127.0.0.1:8000/")
    sys.exit(_exit_code(counts.read, counts.errors))


@cli.command()
@click.option(
    "--corpora",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("../shared/corpora"),
    show_default=True,
    help="Folder of the openly licensed treebanks and NER corpora.",
)
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("newsgraph-model"),
    show_default=True,
    help="Where to save the trained pipeline.",
)
@click.option(
    "--minutes",
    type=click.FloatRange(min=0.1),
    default=60,
    show_default=True,
    help="Time budget; training stops cleanly when it is spent and keeps the best checkpoint.",
)
@click.option(
    "--workdir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the converted training data (default: a temporary folder).",
)
@click.option(
    "--ner-from",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Train only the entity recogniser of this pipeline further; its tagger, lemmatizer and parser "
    "stay exactly as they are.",
)
def train(corpora: Path, output: Path, minutes: float, workdir: Path | None, ner_from: Path | None) -> None:
    """Train newsgraph's spaCy pipeline (tags, lemmas, parser, NER) from openly licensed corpora.

    Seeded and reproducible; the config is src/newsgraph/nlp/training.cfg. To ship the result, train
    into src/newsgraph/nlp/model. With --ner-from, only the entity recogniser of an existing pipeline
    is trained further, so the tags and parses the rules were written on stay exactly as they are. The
    training data and its licences are listed in NOTICE.

    \b
    Examples:
      newsgraph train --minutes 100 --output src/newsgraph/nlp/model
      newsgraph train --ner-from src/newsgraph/nlp/model --minutes 20 --output newsgraph-ner
    """
    import tempfile

    from newsgraph.nlp.training import CONFIG, DEV, TRAIN, build_corpora, ner_config
    from newsgraph.nlp.training import train as train_pipeline

    if ner_from is not None and ner_from.resolve() == output.resolve():
        raise click.BadParameter(
            "must differ from --output: the pipeline is read while the result is saved", param_hint="--ner-from"
        )
    with tempfile.TemporaryDirectory() as scratch:
        data = workdir or Path(scratch)
        counts = build_corpora(corpora, data, only=[TRAIN, DEV] if ner_from else None)
        click.echo("training data: " + ", ".join(f"{name} {n} docs" for name, n in counts.items()), err=True)
        config = ner_config(ner_from) if ner_from else CONFIG
        result = train_pipeline(data, output, minutes, config_path=config, log=lambda line: click.echo(line, err=True))
    click.echo(
        f"saved {output} after {result.steps} steps ({result.epochs} epochs, {result.minutes:.1f} min); "
        f"best dev score {result.dev_scores.get('score', 0):.3f}"
    )


@cli.command()
@click.argument("corpus", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("-n", "--limit", default=500, show_default=True, type=click.IntRange(min=1), help="Articles to time.")
@click.option(
    "-w",
    "--workers",
    type=click.IntRange(min=2),
    help="Workers for the process pool and the Dask local cluster (default: one per core, at least 2).",
)
@click.option("--no-dask", is_flag=True, help="Leave the Dask local cluster out of the comparison.")
@click.option(
    "--rounds",
    default=3,
    show_default=True,
    type=click.IntRange(min=1),
    help="Times every runner is timed; each speed-up is against the serial run of its own round.",
)
@model_option
@click.option(
    "--page-events",
    default=100_000,
    show_default=True,
    type=click.IntRange(min=0),
    help="Events in the synthetic store the dashboard's story page is timed on (0 skips it).",
)
def bench(
    corpus: Path | None,
    limit: int,
    workers: int | None,
    no_dask: bool,
    rounds: int,
    model: str | None,
    page_events: int,
) -> None:
    """Time every stage on one core, the whole pipeline on each runner, worker memory, and the
    dashboard's story page on a synthetic store of --page-events events.

    CORPUS is any input newsgraph reads (default: ../shared/data/corpus/bbc_news.jsonl when present,
    else the bundled sample corpus); the first --limit articles are used. The whole pipeline is
    `ingest` into a scratch store (reading, analysis, storing; stories are timed on their own), run
    serially, on a process pool and on a local Dask cluster, each in a fresh process, --rounds times
    over, with each round's speed-ups over its own serial run, their median, and the peak resident
    memory of each worker. Run it on an otherwise idle machine.

    \b
    Example:
      newsgraph bench ../shared/data/corpus/bbc_news.jsonl --limit 500 --workers 2
    """
    import os
    import statistics
    import tempfile

    from newsgraph.scale import bench as timing
    from newsgraph.scale.tasks import CHUNK_SIZE

    corpus = corpus or _default_bench_corpus()
    workers = workers or max(2, os.cpu_count() or 1)
    _model_name(model)
    articles, reading = timing.sample_articles(corpus, limit)
    if not articles:
        raise click.ClickException(f"{corpus}: no articles to time")
    with tempfile.TemporaryDirectory() as scratch:
        inputs = timing.as_records(articles, Path(scratch))
        runs = timing.runners(workers, model)
        if no_dask:
            runs = {label: make for label, make in runs.items() if not label.startswith("dask")}
        click.echo(f"timing {len(articles)} articles on {', '.join(runs)}, {rounds} rounds", err=True)
        done, words = timing.pipeline_runs(runs, inputs, articles, model, rounds)
        click.echo(f"corpus                 {len(articles)} articles, {words:,} words, from {corpus}")
        click.echo(f"machine                {os.cpu_count()} cores; {workers} workers compared with one")
        click.echo("whole pipeline (ingest: read, analyse, store), speed-up against the serial run of the same round")
        for number, one in enumerate(done, 1):
            click.echo(f"  round {number}")
            for run in one:
                click.echo("    " + run.line(one[0].rate.seconds))
        for label, found in timing.speedups(done).items():
            spread = f" of {len(found)} rounds (x{min(found):.2f}-x{max(found):.2f})" if len(found) > 1 else ""
            click.echo(f"  {label:<22} x{statistics.median(found):.2f} median{spread}")
        stages, analyses = timing.stage_times(articles, model)
        store_seconds, story_seconds = timing.store_and_story_times(analyses)
    click.echo("stages on one core")
    rates = [timing.Rate("reading", reading, len(articles), words)]
    rates += [timing.Rate(stage, seconds, len(articles), words) for stage, seconds in stages.items()]
    rates += [
        timing.Rate("store", store_seconds, len(articles), words, f"one transaction per {CHUNK_SIZE} articles"),
        timing.Rate("stories", story_seconds, len(articles), words, "near copies, stories, merged events and quotes"),
    ]
    for rate in rates:
        click.echo("  " + rate.line())
    nlp = _pipeline(model)
    click.echo(f"  (language: paragraphs through nlp.pipe in chunks of {CHUNK_SIZE}; {', '.join(nlp.pipe_names)})")
    if page_events:
        first, median, stored, story_articles = timing.story_page_times(page_events)
        click.echo(
            f"story page             {median * 1000:.0f} ms median of 5 (first {first * 1000:.0f} ms), a story of"
            f" {story_articles} articles in a synthetic store of {stored:,} events"
        )


def _default_bench_corpus() -> Path:
    from newsgraph.evaluate.entities import SAMPLE

    bbc = Path("../shared/data/corpus/bbc_news.jsonl")
    return bbc if bbc.is_file() else SAMPLE


def _pipeline(model: str | None):  # type: ignore[no-untyped-def]
    from newsgraph.nlp.pipeline import load_pipeline

    return load_pipeline(model)


@cli.group(name="eval")
def eval_group() -> None:
    """Measure accuracy against gold data (../shared/data or files in the same format)."""


@eval_group.command(name="extraction")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
def eval_extraction(directory: Path) -> None:
    """Score HTML extraction on the ScrapingHub benchmark layout (ground-truth.json + html/*.html.gz).

    Prints precision, recall and F1 of word 4-gram overlap, macro-averaged over pages.

    \b
    Example:
      newsgraph eval extraction ../shared/data/extraction
    """
    from newsgraph.articles.reading import html_to_article
    from newsgraph.evaluate.extraction import evaluate_extraction

    def extract(html: str, page_id: str) -> str | None:
        article = html_to_article(page_id, html)
        return article.text if isinstance(article, Article) else None

    def progress(ids: list[str]) -> Iterator[str]:
        with _progress(ids, "pages") as bar:
            yield from bar

    try:
        report = evaluate_extraction(directory, extract, progress)
    except FileNotFoundError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"pages      {report.pages} ({report.empty} with no text extracted)")
    click.echo(f"precision  {report.precision:.3f}")
    click.echo(f"recall     {report.recall:.3f}")
    click.echo(f"F1         {report.f1:.3f}")
    click.echo(f"exact      {report.accuracy:.3f}")


@eval_group.command(name="ner")
@corpora_argument
@model_option
def eval_ner(corpora: Path, model: str | None) -> None:
    """Entity recognition P/R/F per type on each corpus's held-out test split, with and without rules.

    \b
    Example:
      newsgraph eval ner ../shared/corpora
    """
    from newsgraph.evaluate.language import TYPES, predict, score_entities
    from newsgraph.nlp.pipeline import load_pipeline

    for split, docs in _test_splits(corpora).items():
        for rules in (False, True):
            nlp = load_pipeline(model, rules=rules)
            scores = score_entities(zip(predict(nlp, docs), docs, strict=True))
            cells = "  ".join(
                f"{label} {scores[label].precision:.3f}/{scores[label].recall:.3f}/{scores[label].f1:.3f}"
                for label in (*TYPES, "ALL")
            )
            click.echo(f"{split:<14} {'rules' if rules else 'model':<6} P/R/F  {cells}")


@eval_group.command(name="entities")
@model_option
@click.option("--misses", is_flag=True, help="List every miss.")
def eval_entities(model: str | None, misses: bool) -> None:
    """People found, with country, role and affiliation, and pronoun speakers, on the sample corpus gold.

    \b
    Example:
      newsgraph eval entities --misses
    """
    from newsgraph.evaluate.entities import EntityReport, evaluate_entities

    _sample_both_ways(evaluate_entities, tuple(vars(EntityReport())), model, misses)


def _sample_both_ways(
    evaluate: Callable[..., Any], labels: tuple[str, ...], model: str | None, misses: bool, footer: bool = False
) -> None:
    """Score the sample gold twice: each article alone (what `analyze` outputs), then with what the other
    sample articles say of each person (what the store's listings show, `entities.corpus`)."""
    from newsgraph.evaluate.entities import SAMPLE, read_sample, sample_analyses
    from newsgraph.pipeline import analyze as analyze_article

    articles = read_sample()
    alone = sample_analyses(articles, lambda a: analyze_article(a, model=model), corpus=False)
    for corpus, heading in ((False, "each article alone"), (True, "with what the other articles say")):
        click.echo(f"-- {heading}")
        analyses = sample_analyses(articles, alone, corpus=True) if corpus else alone
        report = evaluate(SAMPLE / "gold.json", articles, analyses)
        _tallies(report, labels, misses)
        if footer:
            click.echo(f"predicted    {report.predicted:>4} ({report.extra} match no gold quote)")


@eval_group.command(name="quotes")
@click.argument("gold_file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--split", help="Only records whose `split` field has this value (e.g. dev).")
@click.option("-n", "--limit", type=click.IntRange(min=1), help="Only the first N records.")
@click.option(
    "--predictions",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write our predictions here, as JSONL in the gold layout.",
)
@click.option("--misses", is_flag=True, help="On the sample corpus: list every miss.")
@model_option
def eval_quotes(
    gold_file: Path | None,
    split: str | None,
    limit: int | None,
    predictions: Path | None,
    misses: bool,
    model: str | None,
) -> None:
    """Quote extraction and speaker attribution against gold quote records (the PolNeAR layout).

    Prints exact, overlap (Jaccard >= 0.5) and proportional quote P/R/F1, speaker accuracy on matched
    quotes and end-to-end F1 (quote and speaker both right), overall, per kind and per outlet. Without
    GOLD_FILE, scores the bundled sample corpus instead, including each speaker's role, affiliation and
    country.

    \b
    Examples:
      newsgraph eval quotes ../shared/data/quotes/polnear_dev.jsonl --split dev
      newsgraph eval quotes --misses
    """
    from newsgraph.evaluate.quote_predictions import predict
    from newsgraph.evaluate.quotes import format_quote_scores, read_quote_records, score_quotes

    if gold_file is None:
        _eval_sample_quotes(model, misses)
        return
    gold = [r for r in read_quote_records(gold_file) if split is None or r.get("split") == split]
    gold = gold[:limit] if limit else gold
    if not gold:
        raise click.UsageError(f"{gold_file}: no records" + (f" in split {split!r}" if split else ""))
    with _progress(gold, "articles") as bar:
        predicted = list(predict(bar, model=model))
    if predictions is not None:
        predictions.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in predicted), encoding="utf-8")
    click.echo(f"{len(gold)} articles from {gold_file}" + (f" (split {split})" if split else ""))
    click.echo(format_quote_scores(score_quotes(gold, predicted)))


def _eval_sample_quotes(model: str | None, misses: bool) -> None:
    from newsgraph.evaluate.quote_sample import evaluate_sample_quotes

    labels = ("found", "kind", "speaker", "role", "affiliation", "country")
    _sample_both_ways(evaluate_sample_quotes, labels, model, misses, footer=True)


@eval_group.command(name="events")
@click.argument("gold_file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--misses", is_flag=True, help="On the sample corpus: list every miss.")
@model_option
@actors_option
def eval_events(gold_file: Path | None, misses: bool, model: str | None, actor_files: tuple[str, ...]) -> None:
    """Event coding against gold: PETRARCH validation or PLOVER gold records, or the sample corpus.

    With a PETRARCH file: (source, target, code) triple P/R/F1, exact and by root code, and false events
    on records that expect none. With a PLOVER file: type accuracy, macro-F1 and a confusion table.
    Without GOLD_FILE: events found on the sample corpus gold, with type, code, status, actor, recipient
    and date.

    \b
    Examples:
      newsgraph eval events ../shared/data/events/petrarch_validation_dev.jsonl \\
        --actors ../shared/data/events/petrarch_validate_dicts/PETR.Validate.actors.txt \\
        --actors ../shared/data/events/petrarch_validate_dicts/PETR.Validate.agents.txt
      newsgraph eval events ../shared/data/events/plover_gsr_dev.jsonl
      newsgraph eval events --misses
    """
    from newsgraph.pipeline import analyze as analyze_article

    if gold_file is None:
        _eval_sample_events(model, misses)
        return
    from newsgraph.evaluate.events import (
        format_petrarch,
        format_plover,
        layout,
        read_event_records,
        score_petrarch,
        score_plover,
    )

    records = read_event_records(gold_file)
    actors = _actors(actor_files)

    def code(text: str, published: str | None) -> list:
        article = Article(id="gold", text=text, published=published)
        return analyze_article(article, model=model, actors=actors).events

    with _progress(records, "records") as bar:
        rows = list(bar)
    click.echo(f"{len(records)} records from {gold_file}")
    if layout(records) == "plover":
        click.echo("as coded:")
        click.echo(format_plover(score_plover(rows, code)))
        click.echo("\nread with the gold's conventions (planned cooperation AGREE, planned hostility THREATEN,")
        click.echo("a failed agreement REJECT):")
        click.echo(format_plover(score_plover(rows, code, gold_conventions=True)))
    else:
        click.echo(format_petrarch(score_petrarch(rows, code)))


def _eval_sample_events(model: str | None, misses: bool) -> None:
    from newsgraph.evaluate.entities import SAMPLE, read_sample
    from newsgraph.evaluate.event_sample import evaluate_sample_events
    from newsgraph.pipeline import analyze as analyze_article

    report = evaluate_sample_events(SAMPLE / "gold.json", read_sample(), lambda a: analyze_article(a, model=model))
    _tallies(report, ("found", "type", "cameo", "root", "status", "actor", "recipient", "date", "undated"), misses)
    click.echo(f"predicted    {report.predicted:>4} ({report.extra} match no gold event)")


@eval_group.command(name="clusters")
@click.argument("gold_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@model_option
def eval_clusters(gold_file: Path, model: str | None) -> None:
    """Story clustering against gold clusters: B-cubed and pairwise precision, recall and F1.

    GOLD_FILE is JSON Lines with `id`, `text` and `cluster` (and optionally `title` and `date`), such as
    ../shared/data/clusters/wikinews_clusters.jsonl. Every record is analysed and ingested into a scratch
    database, the story layer places it, and the stories are compared with the gold clusters.

    \b
    Example:
      newsgraph eval clusters ../shared/data/clusters/wikinews_clusters.jsonl
    """
    import tempfile

    from newsgraph.evaluate.stories import read_cluster_records, score_clusters
    from newsgraph.stories.queries import list_stories

    try:
        records = read_cluster_records(gold_file)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / "clusters.db"
        counts = IngestCounts()
        with Store(db) as store:
            run_id = store.start_run("eval clusters", [str(gold_file)])
            with _progress([str(gold_file)], "analysing") as bar:
                for event in ingest([str(gold_file)], store, run_id, counts, settings=Settings(model)):
                    if event.kind == "file":
                        bar.update(1)
                    elif event.kind == "error":
                        click.echo(f"error: {event.message}", err=True)
            store.finish_run(run_id, "done", counts.as_dict())
            update_stories(store)
            predicted = {article: story.id for story in list_stories(store) for article in story.articles}
    gold = {str(record["id"]): record["cluster"] for record in records}
    scores = score_clusters(predicted, gold)
    click.echo(f"{scores.items} records, {scores.gold_clusters} gold clusters, {scores.clusters} stories")
    click.echo(f"B-cubed   P {scores.bcubed_precision:.3f}  R {scores.bcubed_recall:.3f}  F1 {scores.bcubed_f1:.3f}")
    click.echo(f"pairwise  P {scores.pair_precision:.3f}  R {scores.pair_recall:.3f}  F1 {scores.pair_f1:.3f}")


@eval_group.command(name="duplicates")
@click.argument(
    "corpus",
    required=False,
    default="../shared/data/corpus/bbc_news.jsonl",
    type=click.Path(dir_okay=False, path_type=Path),
)
@click.option(
    "--share",
    default=0.1,
    show_default=True,
    type=click.FloatRange(0.0, 1.0),
    help="Share of records to copy with light edits.",
)
@click.option("--misses", is_flag=True, help="List every missed copy and every link the gold does not make.")
def eval_duplicates(corpus: Path, share: float, misses: bool) -> None:
    """Near-duplicate detection: precision and recall of "this record copies an earlier one".

    Gold copies are the records of CORPUS (JSON Lines with `id` and `text`) whose text is identical to an
    earlier record's, plus lightly edited copies of a seeded sample of records (words swapped, a number
    rewritten, the last paragraph cut or a sentence added). Links between records the gold does not pair
    count as false; `--misses` lists them with their overlap for a reader to judge.

    \b
    Example:
      newsgraph eval duplicates ../shared/data/corpus/bbc_news.jsonl
    """
    from newsgraph.evaluate.stories import exact_groups, near_copies, score_duplicates

    if not corpus.is_file():
        raise click.UsageError(f"{corpus}: no such file; give a JSON Lines corpus with id and text")
    records = []
    for item in read_file(str(corpus), ReadOptions()):
        if isinstance(item, InputError):
            click.echo(f"error: {item}", err=True)
        else:
            records.append((item.id, item.text))
    exact = exact_groups(records)
    click.echo(f"{len(records)} records from {corpus}")
    scores = score_duplicates(records, exact)
    _duplicate_line("exact copies", scores, misses)
    copies = near_copies(records, share)
    groups = {**exact, **{copy_id: exact[copy_id.removesuffix("~copy")] for copy_id, _ in copies}}
    scores = score_duplicates([*records, *copies], groups)
    _duplicate_line(f"+ {len(copies)} edited copies", scores, misses)


def _duplicate_line(what: str, scores, misses: bool) -> None:  # type: ignore[no-untyped-def]
    click.echo(
        f"{what:<22} links {scores.predicted_links:>4} (gold {scores.gold_links:>4})"
        f"  precision {scores.precision:.3f}  recall {scores.recall:.3f}"
    )
    if misses:
        for record, original, similarity in scores.false_links:
            click.echo(f"    not in gold: {record} -> {original} (Jaccard {similarity:.2f})")
        for record, original in scores.missed:
            click.echo(f"    missed: {record} copies {original}")


@eval_group.command(name="stories")
@model_option
@click.option("--misses", is_flag=True, help="List every ledger miss.")
def eval_stories(model: str | None, misses: bool) -> None:
    """The story layer on the sample corpus against its gold: stories, near copies, merged events and quotes.

    The sample is ingested into a scratch database. Merging is scored twice: on the gold's own event and
    quote mentions (the merger alone) and on the mentions the pipeline found (end to end). "instances"
    is how many distinct events or quotes the mentions were merged into, against the gold's count. The
    ledger is scored the same two ways: each gold expectation found as a future event, with the right
    outcome (confirmed, failed, pending), decided by the right event.
    """
    import tempfile

    from newsgraph.evaluate.entities import SAMPLE, SAMPLE_FOLDERS, read_sample
    from newsgraph.evaluate.stories import evaluate_sample_stories

    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / "sample.db"
        counts = IngestCounts()
        paths = [str(SAMPLE / folder) for folder in SAMPLE_FOLDERS]
        with Store(db) as store:
            run_id = store.start_run("eval stories", paths)
            for _ in ingest(list(expand_paths(paths)), store, run_id, counts, settings=Settings(model)):
                pass
            store.finish_run(run_id, "done", counts.as_dict())
            update_stories(store)
            gold = json.loads((SAMPLE / "gold.json").read_text(encoding="utf-8"))
            report = evaluate_sample_stories(store, read_sample(), gold)
    clusters = report.clusters
    click.echo(
        f"stories      {clusters.clusters} (gold {clusters.gold_clusters})  B-cubed F1 {clusters.bcubed_f1:.3f}"
        f"  pairwise F1 {clusters.pair_f1:.3f}"
    )
    click.echo(f"near copies  {report.copies_found} of {report.copies_gold} found, {report.copies_predicted} marked")
    for name, scores in (
        ("events, gold mentions", report.events_on_gold),
        ("events, end to end", report.events),
        ("quotes, gold mentions", report.quotes_on_gold),
        ("quotes, end to end", report.quotes),
    ):
        click.echo(
            f"{name:<22} {scores.mentions:>4} mentions -> {scores.instances:>4} instances"
            f" (gold {scores.gold_instances:>4})"
            f"  exact {scores.exact_instances:>4}  pairwise P {scores.pair_precision:.3f} R {scores.pair_recall:.3f}"
            f" F1 {scores.pair_f1:.3f}"
        )
    for name, ledger in (("ledger, gold mentions", report.ledger_on_gold), ("ledger, end to end", report.ledger)):
        click.echo(
            f"{name:<22} {ledger.expectations:>4} expected: {ledger.found:>4} found, outcome right {ledger.outcome:>4},"
            f" decided by the right event {ledger.decided_by:>4}"
        )
        if misses:
            for miss in ledger.misses:
                click.echo(f"    {miss}")


@eval_group.command(name="syntax")
@corpora_argument
@model_option
def eval_syntax(corpora: Path, model: str | None) -> None:
    """UPOS accuracy, lemma accuracy, UAS and LAS on the UD EWT and GUM test splits.

    \b
    Example:
      newsgraph eval syntax ../shared/corpora
    """
    from newsgraph.evaluate.language import score_syntax
    from newsgraph.nlp.pipeline import load_pipeline

    nlp = load_pipeline(model, rules=False)
    for split, docs in _test_splits(corpora).items():
        if any(doc.has_annotation("DEP") for doc in docs):
            scores = score_syntax(nlp, docs)
            click.echo(f"{split:<14} " + "  ".join(f"{k} {v:.3f}" for k, v in scores.items()))


def main() -> NoReturn:
    """Console entry point: user errors become one `Error:` line, tracebacks only with --debug."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_NOTHING_USABLE)
    except NewsgraphError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_NOTHING_USABLE)
    except KeyboardInterrupt:
        click.echo("Interrupted; rerun the same command to resume.", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug: one line for users, the traceback with --debug (read before parsing)
        if "--debug" in sys.argv[1:]:
            raise
        click.echo(f"Internal error: {type(exc).__name__}: {exc} (rerun with --debug for the traceback)", err=True)
        sys.exit(EXIT_NOTHING_USABLE)
    sys.exit(EXIT_OK)


def _model_name(model: str | None) -> str:
    """Load the pipeline up front, so a missing model is one clear error rather than one per article."""
    from newsgraph.nlp.pipeline import load_pipeline

    meta = load_pipeline(model).meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', model)}-{meta.get('version', '?')}"


def _test_splits(corpora: Path) -> dict[str, list]:
    """The held-out test splits of ../shared/corpora as reference spaCy Docs."""
    import tempfile

    import spacy
    from spacy.tokens import DocBin

    from newsgraph.nlp.training import TESTS, build_corpora

    vocab = spacy.blank("en").vocab
    with tempfile.TemporaryDirectory() as scratch:
        build_corpora(corpora, Path(scratch), only=TESTS)
        return {name: list(DocBin().from_disk(Path(scratch) / f"{name}.spacy").get_docs(vocab)) for name in TESTS}


def _speaker_cell(row: StoredQuote, width: int) -> str:
    """The speaker's name, then as much of "(role, affiliation, country)" as fits in `width`."""
    if not row.speaker:
        return "(no speaker)"
    name = _shorten(row.speaker, width)
    details = (row.speaker_role, row.speaker_affiliation, row.speaker_country)
    described = ", ".join(part for part in details if part)
    room = width - len(name) - 3
    return f"{name} ({_shorten(described, room)})" if described and room >= 8 else name


def _dyad_cell(row: StoredEvent) -> str:
    """Actor and recipient as "Marta Ibáñez (CHL) -> Peru (PER)"; ? for one the coder did not find."""
    return f"{_participant(row.actor, row.actor_country)} -> {_participant(row.recipient, row.recipient_country)}"


def _participant(name: str | None, country: str | None) -> str:
    return f"{name or '?'} ({country})" if country else name or "?"


def _shorten(text: str, width: int) -> str:
    """One line of at most `width` characters, ending in … when cut."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def _tallies(report: object, labels: tuple[str, ...], misses: bool) -> None:
    """One line per tally of a sample-gold report (hits / total share), and its misses when asked."""
    for label in labels:
        tally = getattr(report, label)
        click.echo(f"{label:<12} {tally.hits:>4} / {tally.total:<4} {tally.share:.3f}")
        if misses:
            for miss in tally.misses:
                click.echo(f"    {miss}")


def _actors(paths: tuple[str, ...]) -> ActorDictionary | None:
    """The actor dictionaries named with --actors, merged; None without any."""
    return load_actors(paths) if paths else None


def _exit_code(usable: int, failed: int) -> int:
    if usable == 0:
        return EXIT_NOTHING_USABLE
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _progress(items: list, label: str):  # type: ignore[no-untyped-def]
    """A progress bar on a terminal's stderr; silent (but still iterating) when stderr is piped."""
    return click.progressbar(items, label=label, file=sys.stderr if sys.stderr.isatty() else io.StringIO())


def _reset_demo_db(path: Path) -> None:
    """Remove an earlier demo database, refusing to touch one that holds anything but demo runs."""
    if not path.exists():
        return
    try:
        # Read-write, so that a demo database from an earlier version is migrated rather than refused.
        with Store(path) as store:
            other = any(run.command != "demo" for run in store.runs())
    except NewsgraphError:
        other = True
    if other:
        raise click.UsageError(f"{path} holds data that is not from `newsgraph demo`; choose another --db")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
