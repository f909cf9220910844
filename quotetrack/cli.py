"""The `quotetrack` command line: a thin layer over the library.

Each command group lives in ``quotetrack/commands/``; this module only builds
the app, the global options and the error-to-exit-code policy.
"""
from __future__ import annotations

import logging
from typing import Annotated

import typer

from . import __version__
from .commands import extract as _extract_cmd
from .commands import db as _db_cmd
from .commands import ingest as _ingest_cmd
from .commands import query as _query_cmd
from .commands import demo as _demo_cmd

app = typer.Typer(
    name="quotetrack",
    help="Who is quoted in Arabic news: extract quotes and speakers, store and query them.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"quotetrack {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option("--db", envvar="QUOTETRACK_DB",
                                           help="Database URL (default: sqlite file, see README).")] = None,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="-v logs, -vv SQL too.")] = 0,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Global options: --db URL (or QUOTETRACK_DB) and -v."""
    ctx.obj = {"db": db, "verbose": verbose}
    if verbose:
        from rich.logging import RichHandler

        log = logging.getLogger("quotetrack")
        log.setLevel(logging.DEBUG if verbose > 1 else logging.INFO)
        if not log.handlers:
            log.addHandler(RichHandler(show_path=False))
        if verbose > 1:
            logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)


_extract_cmd.register(app)
_ingest_cmd.register(app)
_db_cmd.register(app)
_query_cmd.register(app)
_demo_cmd.register(app)


def main() -> None:
    app()
