"""`quotetrack ingest PATH...` (and the `merge-speakers A B` alias of `speakers merge`)."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated, Any, BinaryIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..errors import QuotetrackError
from ..inputs import CHUNK_BYTES
from . import root_db

log = logging.getLogger(__name__)


def _count_lines(f: BinaryIO) -> int:
    """Non-blank lines of a stream, read in blocks: a 500 MB line is never held whole."""
    n = 0
    open_line = False  # the current line has a non-blank byte
    while True:
        block = f.read(CHUNK_BYTES)
        if not block:
            return n + open_line
        lines = block.split(b"\n")
        for line in lines[:-1]:
            n += open_line or bool(line.strip())
            open_line = False
        open_line = open_line or bool(lines[-1].strip())


def _count_records(paths: list[str]) -> int | None:
    """How many records the inputs hold (for the progress bar); None when unknown: stdin, or any
    input that is not a regular file (a FIFO can be read only once, a device may never end)."""
    from ..inputs import HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES, is_regular, iter_paths

    total = 0
    for p in paths:
        if p == "-":
            return None
        path = Path(p)
        if not path.is_dir() and path.exists() and not is_regular(path):
            return None
        files = list(iter_paths(path)) if path.is_dir() else [path]
        for f in files:
            suf = f.suffix.lower()
            try:
                if suf in JSONL_SUFFIXES and is_regular(f):
                    with f.open("rb") as fh:
                        total += _count_lines(fh)
                elif suf in TEXT_SUFFIXES | HTML_SUFFIXES or not path.is_dir():
                    total += 1
            except OSError:
                total += 1
    return total


def ingest_cmd(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Files (.txt .jsonl .html), directories, or - for stdin.",
                                               show_default=False)],
    outlet: Annotated[str | None, typer.Option(help="Outlet of a .txt article / stdin text.")] = None,
    date: Annotated[str | None, typer.Option(help="Publication date of a .txt article (any Arabic form).")] = None,
    title: Annotated[str | None, typer.Option(help="Title of a .txt article.")] = None,
    url: Annotated[str | None, typer.Option(help="URL of a .txt article.")] = None,
    article_id: Annotated[str | None, typer.Option(
        "--id", help="Id of the one article read from stdin or a .txt file (default: the hash of stdin's "
                     "text; a file's path under the argument).")] = None,
    reextract: Annotated[bool, typer.Option("--reextract", help="Replace the quotes of articles already stored.")]
    = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per committed batch.")] = 200,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    workers: Annotated[int, typer.Option("--workers", "-j", min=1,
                                         help="Extract in N worker processes (the database is written by one).")]
    = 1,
) -> None:
    """Read articles, extract their quotes and store them (idempotent: re-ingesting adds nothing).

    Exit status 1 when any article failed (each is listed with its file and line), 0 otherwise.
    """
    from ..db.migrate import open_db
    from ..ingest import IngestInterrupted, IngestSummary, ingest

    if article_id is not None and (len(paths) != 1 or Path(paths[0]).is_dir()):
        raise typer.BadParameter("--id names ONE article: give a single .txt file or - (stdin)", param_hint="--id")
    meta: dict[str, Any] = {k: v for k, v in {"outlet": outlet, "date": date, "title": title, "url": url,
                                              "id": article_id}.items() if v is not None}
    err = Console(stderr=True)
    try:
        engine = open_db(root_db(ctx))
    except QuotetrackError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(1) from None
    total = None if quiet else _count_records(paths)
    progress = Progress(SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[quotes]} quotes"), TimeElapsedColumn(),
                        console=err, transient=True, disable=quiet)
    try:
        with progress:
            task = progress.add_task("ingest", total=total, quotes=0)

            def tick(s: IngestSummary) -> None:
                progress.update(task, completed=s.read + s.unreadable, quotes=s.quotes)

            summary = ingest(paths, engine, reextract=reextract, batch_size=batch_size, meta=meta or None,
                             progress=tick, workers=workers)
    except IngestInterrupted as e:
        typer.echo(str(e), err=True)
        raise typer.Exit(130) from None
    except QuotetrackError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(1) from None
    finally:
        engine.dispose()
    for w in summary.warnings:
        err.print(f"warning: {w}", markup=False, highlight=False, soft_wrap=True)
    for p in summary.problems:
        err.print(f"failed: {p}", markup=False, highlight=False, soft_wrap=True)
    table = Table(title="ingest summary", show_header=True)
    table.add_column("")
    table.add_column("count", justify="right")
    rows = [("articles read", summary.read), ("articles new", summary.new),
            ("articles skipped (already stored)", summary.skipped)]
    if reextract:
        rows.append(("articles re-extracted", summary.replaced))
    rows += [("articles failed", summary.failed), ("quotes stored", summary.quotes),
             ("speakers new", summary.speakers_new),
             ("speaker names refused (not a name; quote kept without speaker)", summary.names_rejected)]
    for name, n in rows:
        table.add_row(name, f"{n:,}")
    err.print(table)
    if summary.failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    from .speakers import merge_speakers_cmd

    app.command("ingest")(ingest_cmd)
    app.command("merge-speakers")(merge_speakers_cmd)
