"""The `newsgraph` command: parse arguments, call the library, format the result.

Data goes to stdout, progress and problems to stderr. Exit codes: 0 all inputs fine, 1 some inputs
failed (each named on stderr), 2 nothing usable or a usage error.
"""

from __future__ import annotations

import io
import json
import sys
from collections import Counter
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import NoReturn

import click

from newsgraph import __version__
from newsgraph.articles.reading import DEFAULT_MAX_BYTES, ReadOptions, expand_paths, read_file
from newsgraph.errors import InputError, NewsgraphError
from newsgraph.ingest import IngestCounts, ingest
from newsgraph.model import Analysis, Article, to_json
from newsgraph.pipeline import analyze_or_error
from newsgraph.store import DEFAULT_DB, Store

EXIT_OK, EXIT_SOME_FAILED, EXIT_NOTHING_USABLE = 0, 1, 2
SAMPLE_FOLDERS = ("html", "text", "feeds", "records")

db_option = click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    envvar="NEWSGRAPH_DB",
    type=click.Path(dir_okay=False),
    help="SQLite database file (env NEWSGRAPH_DB).",
)
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
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary and errors.")
def ingest_cmd(paths: tuple[str, ...], db: str, max_size_mb: float, quiet: bool) -> None:
    """Read news files, analyse them and store the results in the database.

    PATHS are files, folders (read recursively), globs or - for standard input. Formats are
    recognised by content: HTML (also .gz), plain text, JSON Lines, JSON, CSV/TSV, RSS/Atom, WARC.
    Re-running on the same inputs adds nothing; an interrupted run resumes where it stopped.

    \b
    Example:
      newsgraph ingest --db news.db ~/crawl/2024-03/ feeds/*.xml
    """
    options = ReadOptions(max_bytes=int(max_size_mb * 2**20))
    inputs = list(expand_paths(paths))
    counts = IngestCounts()
    with Store(db) as store:
        run_id = store.start_run("ingest", list(paths))
        status = "failed"
        try:
            with _progress(inputs, "ingest") as bar:
                for event in ingest(inputs, store, run_id, counts, options):
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
    sys.exit(_exit_code(counts.read, counts.errors))


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
@max_size_option
def analyze(paths: tuple[str, ...], fmt: str, max_size_mb: float) -> None:
    """Analyse news files and print the data contract (docs/contract.md) to stdout; store nothing.

    Each article becomes one object with its clean text, metadata, entities, quotes and events.
    Entities, quotes and events are empty lists until the language, quote and event stages land.

    \b
    Example:
      newsgraph analyze story.html | jq .title
    """
    options = ReadOptions(max_bytes=int(max_size_mb * 2**20))
    inputs = list(expand_paths(paths))
    printed = failed = 0
    if fmt == "json":
        click.echo("[", nl=False)
    with _progress(inputs, "analyze") as bar:
        for item in inputs:
            bar.update(1)
            for result in _analyses(item, options):
                if isinstance(result, InputError):
                    failed += 1
                    click.echo(f"error: {result}", err=True)
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
    sys.exit(_exit_code(printed, failed))


def _analyses(item: str | InputError, options: ReadOptions) -> Iterator[Analysis | InputError]:
    """The analyses of one expanded input, with every problem as an InputError."""
    if isinstance(item, InputError):
        yield item
        return
    for read in read_file(item, options):
        yield read if isinstance(read, InputError) else analyze_or_error(read)


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
def demo(db: str) -> None:
    """Ingest the bundled sample corpus into a fresh database and summarise it."""
    _reset_demo_db(Path(db))
    sample = resources.files("newsgraph") / "data" / "sample"
    paths = [str(sample / folder) for folder in SAMPLE_FOLDERS]
    inputs = list(expand_paths(paths))
    counts = IngestCounts()
    with Store(db) as store:
        run_id = store.start_run("demo", paths)
        with _progress(inputs, "demo") as bar:
            for event in ingest(inputs, store, run_id, counts):
                if event.kind == "file":
                    bar.update(1)
                elif event.kind == "error":
                    click.echo(f"error: {event.message}", err=True)
        store.finish_run(run_id, "done", counts.as_dict())
        rows = list(store.articles(limit=1000))
        stored = {row.id: store.article(row.id) for row in rows}
    click.echo(f"newsgraph demo: {counts.read} articles read from the bundled sample, {counts.added} stored in {db}")
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
    click.echo(f"\nTry: newsgraph articles --db {db} --search sanctions")
    sys.exit(_exit_code(counts.read, counts.errors))


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
        with Store(path, readonly=True) as store:
            other = any(run.command != "demo" for run in store.runs())
    except NewsgraphError:
        other = True
    if other:
        raise click.UsageError(f"{path} holds data that is not from `newsgraph demo`; choose another --db")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
