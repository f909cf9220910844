"""The CLI's commands, one module per group; ``cli`` imports each only when it runs."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer


def root_db(ctx: "typer.Context") -> str | None:
    """The ``--db`` given to the root command, or None (then QUOTETRACK_DB or the default applies)."""
    obj = ctx.find_root().obj or {}
    url: str | None = obj.get("db")
    return url
