"""The `quotetrack` command line: a thin layer over the library.

Each command group lives in ``quotetrack/commands/``; this module only builds
the app, the global options and the error-to-exit-code policy. Command modules
import the library lazily, inside the commands, so a query never pays for the
ingest stack (dateparser, trafilatura) or for alembic.
"""
from __future__ import annotations

import logging
from typing import Annotated, Any

import typer

from . import __version__
from .commands.lazy import LazyCommandsGroup

#: Every command, in help order, and the module of ``quotetrack.commands`` whose ``register(app)``
#: defines it. A module is imported only when one of its commands runs (or for --help), so
#: ``quotes`` never loads the ingest stack (dateparser, trafilatura) or alembic.
COMMANDS: dict[str, str] = {
    "extract": "extract", "ingest": "ingest", "merge-speakers": "ingest", "db": "db", "quotes": "query",
    "speakers": "query", "speaker": "query", "outlets": "query", "show": "query", "stats": "query",
    "demo": "demo", "serve": "serve",
}

#: Global options that may also follow the subcommand (``quotetrack stats --db x``).
HOISTED = ("--db",)


def hoist_global_options(args: list[str]) -> list[str]:
    """``args`` with every ``--db X`` / ``--db=X`` found after the subcommand moved just before
    it, where the root command parses it (so it wins over one given before). ``--`` ends the scan."""
    cmd = next((i for i, a in enumerate(args) if not a.startswith("-")
                and (i == 0 or args[i - 1] not in HOISTED)), None)
    if cmd is None:
        return list(args)
    moved: list[str] = []
    rest: list[str] = []
    i = cmd
    while i < len(args):
        a = args[i]
        if a == "--":
            rest += args[i:]
            break
        if a in HOISTED and i + 1 < len(args):
            moved += [a, args[i + 1]]
            i += 2
            continue
        if any(a.startswith(o + "=") for o in HOISTED):
            moved.append(a)
        else:
            rest.append(a)
        i += 1
    return [*args[:cmd], *moved, *rest]


class GlobalOptionsGroup(LazyCommandsGroup):
    """The root group: global options are accepted before or after the subcommand, and each
    command's module is imported when that command is looked up."""

    LAZY = {name: (module, name) for name, module in COMMANDS.items()}

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_global_options(list(args)))


app = typer.Typer(
    name="quotetrack",
    cls=GlobalOptionsGroup,
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
    db: Annotated[str | None, typer.Option(
        "--db", envvar="QUOTETRACK_DB", metavar="URL|PATH",
        help="Database: a SQLAlchemy URL (sqlite:///f.db, postgresql://user@host/db) or a SQLite file path; "
             "before or after the command.")] = None,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, metavar="", show_default=False,
                                         help="-v logs, -vv SQL too (repeat the flag; it takes no value).")] = 0,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Global options: --db URL (or QUOTETRACK_DB) and -v."""
    from .db.urls import check_driver, normalize_db_url
    from .errors import QuotetrackError

    url = normalize_db_url(db) if db else None
    if url and ctx.invoked_subcommand not in (None, "extract"):
        try:
            check_driver(url)
        except QuotetrackError as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(1) from None
    ctx.obj = {"db": url, "verbose": verbose}
    if verbose:
        from rich.logging import RichHandler

        log = logging.getLogger("quotetrack")
        log.setLevel(logging.DEBUG if verbose > 1 else logging.INFO)
        if not log.handlers:
            log.addHandler(RichHandler(show_path=False))
        if verbose > 1:
            logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)



def main() -> None:
    """Entry point. A closed pipe (``quotetrack quotes -f jsonl | head -1``) ends quietly with
    exit status 1: rows are streamed, so the write fails at once and Click's EPIPE handling ends the run."""
    app()
