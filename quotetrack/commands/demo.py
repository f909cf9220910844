"""`quotetrack demo`: ingest the bundled example articles and show who said what."""
from __future__ import annotations

from importlib.resources import as_file, files
from typing import Annotated

import typer
from rich.console import Console
from sqlalchemy import select

from ..errors import QuotetrackError
from ..render import Format, render


def register(app: typer.Typer) -> None:
    @app.command("demo")
    def demo_cmd(
        ctx: typer.Context,
        fmt: Annotated[Format, typer.Option("--format", "-f", help="table | json | jsonl | csv")] = Format.table,
    ) -> None:
        """Store two bundled real articles (ANT corpus, Apache-2.0) in the database and list their quotes."""
        from ..db.migrate import open_db
        from ..db.models import Article, Quote, Speaker
        from ..ingest import ingest

        err = Console(stderr=True)
        try:
            engine = open_db((ctx.obj or {}).get("db"))
            with as_file(files("quotetrack.data").joinpath("example.jsonl")) as path:
                summary = ingest([path], engine)
            err.print(f"articles new: {summary.new}, already stored: {summary.skipped}, "
                      f"quotes stored: {summary.quotes}")
            with engine.connect() as c:
                rows = c.execute(
                    select(Article.external_id.label("article"), Speaker.name.label("speaker"), Quote.cue,
                           Quote.type, Quote.content)
                    .join(Article, Quote.article_id == Article.id).outerjoin(Speaker, Quote.speaker_id == Speaker.id)
                    .where(Article.external_id.like("ant-JA-%")).order_by(Quote.article_id, Quote.char_start)
                ).mappings().all()
        except QuotetrackError as e:
            err.print(f"error: {e}", markup=False)
            raise typer.Exit(1) from None
        render(rows, fmt, ["article", "speaker", "cue", "type", "content"], wrap=["content"], rtl=["speaker", "content"])
