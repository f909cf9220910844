"""`quotetrack db upgrade|current|history|check`: the schema of the database."""
from __future__ import annotations

from typing import Annotated

import typer

from ..errors import QuotetrackError
from ..db import migrate
from ..db.engine import resolve_url, safe_url
from . import root_db

db_app = typer.Typer(name="db", help="Create, upgrade and inspect the database schema.", no_args_is_help=True)


def _fail(e: QuotetrackError) -> typer.Exit:
    typer.echo(f"error: {e}", err=True)
    return typer.Exit(1)


@db_app.command("upgrade")
def upgrade_cmd(ctx: typer.Context,
                revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Bring the database up to the newest schema (creates it when new)."""
    url = root_db(ctx)
    try:
        before = migrate.current(url)
        migrate.upgrade(url, revision)
        after = migrate.current(url)
    except QuotetrackError as e:
        raise _fail(e) from None
    where = safe_url(resolve_url(url))
    if before == after:
        typer.echo(f"{where}: already at {after}")
    else:
        typer.echo(f"{where}: upgraded {before or '(empty)'} -> {after}")


@db_app.command("downgrade", context_settings={"ignore_unknown_options": True})
def downgrade_cmd(ctx: typer.Context,
                  revision: Annotated[str, typer.Argument(
                      help='Target revision: "-1" (one back, the default), a revision id, or "base" (drops '
                           'everything).')] = "-1",
                  yes: Annotated[bool, typer.Option("--yes", help="Go ahead although stored data is dropped.")]
                  = False) -> None:
    """Take the database down to an older revision (tables and columns of the newer ones are dropped)."""
    url = root_db(ctx)
    try:
        before = migrate.current(url)
        stored = migrate.stored_articles(url) if before else 0
        if stored and not yes:
            typer.echo(f"error: downgrading {safe_url(resolve_url(url))} from {before} to {revision} drops "
                       f"tables or columns of a database holding {stored:,} articles; pass --yes to go ahead",
                       err=True)
            raise typer.Exit(1)
        migrate.downgrade(url, revision)
        after = migrate.current(url)
    except QuotetrackError as e:
        raise _fail(e) from None
    typer.echo(f"{safe_url(resolve_url(url))}: downgraded {before or '(empty)'} -> {after or '(empty)'}")


@db_app.command("current")
def current_cmd(ctx: typer.Context) -> None:
    """Print the database's schema revision ("(empty)" when it has none)."""
    try:
        rev = migrate.current(root_db(ctx))
    except QuotetrackError as e:
        raise _fail(e) from None
    heads = migrate.heads()
    note = " (head)" if rev is not None and set(rev.split(",")) == set(heads) else ""
    typer.echo(f"{rev or '(empty)'}{note}")


@db_app.command("history")
def history_cmd() -> None:
    """List the migrations this quotetrack knows, newest first."""
    for r in migrate.history():
        head = " (head)" if r.is_head else ""
        typer.echo(f"{r.down_revision or '<base>'} -> {r.revision}{head}: {r.doc.splitlines()[0] if r.doc else ''}")


@db_app.command("check")
def check_cmd(ctx: typer.Context) -> None:
    """Exit 0 when the database is at the newest schema, 1 (with the command to run) otherwise."""
    url = root_db(ctx)
    try:
        migrate.check_schema(url)
    except QuotetrackError as e:
        raise _fail(e) from None
    typer.echo(f"{safe_url(resolve_url(url))}: schema is up to date ({', '.join(migrate.heads())})")


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
