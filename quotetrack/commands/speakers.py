"""Speaker corrections: `speakers merge | rename | split | alias remove | review` (and `merge-speakers`).

A thin layer over ``quotetrack.db.speaker_edits``: every decision is pinned in the database and
survives re-ingest and ``--reextract``. Exit codes: 0 done, 1 unknown speaker / refused change
(message on stderr).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any, TypeVar

import typer
from sqlalchemy import Engine

from ..errors import QuotetrackError
from ..render import Format, render
from . import root_db

_T = TypeVar("_T")


@contextmanager
def _engine(ctx: typer.Context) -> Iterator[Engine]:
    """The database at head; QuotetrackError inside → `error: ...` on stderr and exit 1."""
    from ..db.migrate import open_db

    try:
        engine = open_db(root_db(ctx))
        try:
            yield engine
        finally:
            engine.dispose()
    except QuotetrackError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(1) from None


def _run(ctx: typer.Context, fn: Callable[[Engine], _T]) -> _T:
    with _engine(ctx) as engine:
        return fn(engine)


def merge_speakers_cmd(
    ctx: typer.Context,
    keep: Annotated[str, typer.Argument(help="The speaker to keep (id or name).")],
    merge: Annotated[str, typer.Argument(help="The speaker merged into it (id or name).")],
) -> None:
    """Merge speaker B into A: B's quotes and names move to A; the merge survives re-ingest."""
    r = _run(ctx, lambda e: _merge_with_retries(e, keep, merge))
    typer.echo(f"merged {r.merged_name} (id {r.merged_id}) into {r.kept_name} (id {r.kept_id}): "
               f"{r.quotes_moved} quotes, {r.aliases_moved} aliases moved")


def _merge_with_retries(engine: Any, keep: str, merge: str, attempts: int = 5) -> Any:
    """``merge_speakers``, run again when it collides with a concurrent ingest (a quote or alias of B
    inserted meanwhile: foreign key or unique violation, deadlock); each attempt is one transaction,
    rolled back whole. The last failure is a DatabaseError in one line."""
    import random
    import time

    from sqlalchemy.exc import DBAPIError

    from ..db.engine import describe_error
    from ..db.speaker_edits import merge_speakers
    from ..errors import DatabaseError

    for attempt in range(attempts):
        try:
            return merge_speakers(engine, keep, merge)
        except DBAPIError as e:
            code = getattr(e.orig, "sqlstate", "") or ""
            busy = code[:2] in ("23", "40") or "constraint failed" in str(e.orig)
            if not busy:
                raise describe_error(e, engine.url) from None
            if attempt == attempts - 1:
                msg = str(e.orig).strip().splitlines()[0] if str(e.orig).strip() else type(e.orig).__name__
                raise DatabaseError(f"the merge kept colliding with a concurrent ingest ({msg}); nothing was "
                                    f"changed, run it again when the ingest has finished") from None
            time.sleep(random.uniform(0.05, 0.2) * (attempt + 1))
    raise AssertionError("unreachable")


def rename_cmd(
    ctx: typer.Context,
    speaker: Annotated[str, typer.Argument(help="The speaker (id or name).")],
    name: Annotated[str, typer.Argument(help="Its new canonical name.")],
) -> None:
    """Give a speaker a new canonical name (kept across re-ingests; the old name stays an alias)."""
    from ..db.speaker_edits import rename_speaker

    sid, old, new = _run(ctx, lambda e: rename_speaker(e, speaker, name))
    typer.echo(f"renamed speaker {sid}: {old} -> {new}")


def split_cmd(
    ctx: typer.Context,
    speaker: Annotated[str, typer.Argument(help="The speaker to split (id or name).")],
    name: Annotated[str | None, typer.Argument(help="Name of the new speaker (default: the alias).")] = None,
    alias: Annotated[str | None, typer.Option("--alias", help="Move the quotes carrying this name.")] = None,
    article: Annotated[list[str] | None, typer.Option("--article", help="Move the quotes in this article "
                                                      "(external id; repeatable).")] = None,
) -> None:
    """Move some of a speaker's quotes (by --alias or by --article) to a new speaker."""
    from ..db.speaker_edits import split_speaker

    if (alias is None) == (not article):
        raise typer.BadParameter("give --alias NAME or --article ID (one of the two)")
    if article and not name:
        raise typer.BadParameter("a split by article needs the NAME of the new speaker")
    r = _run(ctx, lambda e: split_speaker(e, speaker, name, alias=alias, articles=article or []))
    typer.echo(f"moved {r.quotes_moved} quotes of speaker {r.from_id} to {r.new_name} (id {r.new_id})")


alias_app = typer.Typer(name="alias", help="A speaker's names: `speakers alias remove SPEAKER NAME`.",
                        no_args_is_help=True)


@alias_app.command("remove")
def alias_remove_cmd(
    ctx: typer.Context,
    speaker: Annotated[str, typer.Argument(help="The speaker (id or name).")],
    alias: Annotated[str, typer.Argument(help="The name to take away from it.")],
) -> None:
    """Take a name away from a speaker; quotes carrying it go to a speaker of that name of its own."""
    from ..db.speaker_edits import remove_alias

    r = _run(ctx, lambda e: remove_alias(e, speaker, alias))
    if r is None:
        typer.echo(f"removed the name {alias} (no quotes carried it)")
    else:
        typer.echo(f"removed the name {alias}: {r.quotes_moved} quotes moved to {r.new_name} (id {r.new_id})")


def review_cmd(
    ctx: typer.Context,
    min_quotes: Annotated[int, typer.Option("--min-quotes", min=1, help="Only speakers with this many quotes.")] = 3,
    limit: Annotated[int, typer.Option("--limit", "-n", min=0, help="At most N rows (0 = all).")] = 50,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output: table, json, jsonl, csv.",
                                        case_sensitive=False)] = Format.table,
) -> None:
    """Speakers a person should check: fragments, catch-alls, near-duplicate names (most quoted first)."""
    from ..db.speaker_edits import review_speakers

    rows = [r.to_dict() for r in _run(ctx, lambda e: review_speakers(e, min_quotes=min_quotes))]
    if limit:
        rows = rows[:limit]
    if fmt is Format.table and not rows:
        typer.echo("nothing to review", err=True)
        return
    render(rows, fmt, ("problem", "speaker_id", "speaker", "quotes", "outlets", "detail"), title="speakers to review",
           wrap=("detail",), rtl=("speaker", "detail"))


def register(app: typer.Typer) -> None:
    """The correction commands; `commands.query.SpeakersGroup` looks them up here as `speakers …`."""
    app.command("merge", help="Merge speaker B into A (ids or names); same as `merge-speakers`.")(
        merge_speakers_cmd)
    app.command("rename")(rename_cmd)
    app.command("split")(split_cmd)
    app.command("review")(review_cmd)
    app.add_typer(alias_app, name="alias")
