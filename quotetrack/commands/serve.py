"""`quotetrack serve`: browse the database in datasette (optional extra ``quotetrack[web]``)."""
from __future__ import annotations

import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import DatabaseError, QuotetrackError


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
        from ..web.server import datasette_argv

        url = (ctx.find_root().obj or {}).get("db")
        try:
            db_file = _sqlite_file(url)
            with tempfile.TemporaryDirectory(prefix="quotetrack-serve-") as tmp:
                argv = datasette_argv(db_file, Path(tmp), host=host, port=port)
                typer.echo(f"serving {db_file} on http://{host}:{port}/ (Ctrl-C stops)", err=True)
                child = subprocess.Popen(argv)

                def stop(signum: int, frame: Any) -> None:
                    child.terminate()
                signal.signal(signal.SIGTERM, stop)
                try:
                    rc = child.wait()
                except KeyboardInterrupt:
                    rc = child.wait()
        except QuotetrackError as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(1) from None
        raise typer.Exit(0 if rc in (0, -signal.SIGTERM, -signal.SIGINT) else rc)
