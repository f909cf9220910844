"""`quotetrack serve`: browse the database in datasette (optional extra ``quotetrack[web]``)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import DatabaseError, QuotetrackError
from . import root_db


def _sqlite_file(url: str | None) -> Path:
    from ..db.engine import resolve_url, sqlite_path
    from ..db.schema_head import open_for_reading

    resolved = resolve_url(url)
    if not resolved.startswith("sqlite:"):
        raise DatabaseError("`quotetrack serve` needs a SQLite database (datasette reads SQLite files); "
                            "pass --db FILE.db")
    path = sqlite_path(resolved)
    if path is None or not path.is_file():
        raise DatabaseError(f"no database at {path}; ingest articles first (`quotetrack ingest FILE`)")
    open_for_reading(url).dispose()    # at head (views and full-text table present), or a clear error
    return path


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve_cmd(
        ctx: typer.Context,
        host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(min=0, max=65535, help="Port (0 = any free port).")] = 8001,
    ) -> None:
        """Browse the database in datasette: search, canned questions, a speaker's quotes per month.

        Needs the web extra: pip install 'quotetrack[web]'. SQLite databases only.
        """
        from ..web.server import serve

        url = root_db(ctx)
        try:
            db_file = _sqlite_file(url)
            typer.echo(f"serving {db_file} on http://{host}:{port}/ (Ctrl-C stops)", err=True)
            serve(db_file, host=host, port=port)
        except QuotetrackError as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(1) from None
